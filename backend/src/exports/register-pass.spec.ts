import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { createTestApi, TestApi } from '../../test/test-api';
import { LIVE_SOURCE } from '../activities/activity-list-query';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { createSyntheticOrganization, generateSyntheticRegister } from '../database/synthetic/synthetic-register';
import { ExportsService } from './exports.service';
import { openWorkbook, rowsOf } from './exports.test-helpers';
import { REGISTER_SHEETS } from './register-sheets';

/**
 * The register export reads the activities once for all its activity sheets (batch by batch, each
 * batch written to every sheet), with the sheets written side by side through temporary files.
 * 1,234 activities: two batches of the reader (1,000 per query), the second one partial.
 */
describe('register export: one read of the register for every activity sheet (real PostgreSQL)', () => {
  const ACTIVITIES = 1234;
  let api: TestApi;
  let organizationId: string;

  beforeAll(async () => {
    api = await createTestApi();
    const client = new Client({ connectionString: api.database.ownerUrl });
    await client.connect();
    try {
      ({ organizationId } = await createSyntheticOrganization(client, { passwordHash: 'x' }));
      await generateSyntheticRegister(client, { organizationId, activities: ACTIVITIES, vendors: 20 });
    } finally {
      await client.end();
    }
  }, 120_000);
  afterAll(() => api.close());

  it('reads the activities in two queries, writes every sheet in full and leaves no temporary file', async () => {
    const exportsBefore = readdirSync(tmpdir()).filter((name) => name.startsWith(`registre-export-${process.pid}-`));
    const connection = api.app.get(TransactionalConnection);
    const exportsService = api.app.get(ExportsService);
    const reads: string[] = [];
    const content = await connection.withTenant({ organizationId }, async () => {
      const ctx = await exportsService.context(organizationId, { locale: 'fr', asOf: null });
      const query = ctx.query.bind(ctx);
      ctx.query = <T>(sql: string, params: unknown[]) => {
        if (sql.includes(LIVE_SOURCE)) reads.push(sql);
        return query<T>(sql, params);
      };
      const output = new PassThrough();
      const chunks: Buffer[] = [];
      output.on('data', (chunk: Buffer) => chunks.push(chunk));
      await exportsService.writeWith(ctx, REGISTER_SHEETS, output);
      return Buffer.concat(chunks);
    });
    expect(reads).toHaveLength(2);

    const workbook = await openWorkbook(content);
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 3)).toEqual(['Couverture', 'Registre', 'Co-responsables et clients']);
    const register = rowsOf(workbook.getWorksheet('Registre')!);
    expect(register).toHaveLength(ACTIVITIES);
    const references = register.map((row) => row['Référence'] as string);
    expect(references).toEqual([...references].sort());
    // The synthetic register gives each activity 3 purposes, 8 data categories and 12 measures.
    expect(rowsOf(workbook.getWorksheet('Finalités')!)).toHaveLength(3 * ACTIVITIES);
    expect(rowsOf(workbook.getWorksheet('Données et conservation')!)).toHaveLength(8 * ACTIVITIES);
    expect(rowsOf(workbook.getWorksheet('Mesures de sécurité')!)).toHaveLength(12 * ACTIVITIES);
    // The last activity's rows are on every sheet (the second, partial batch was written everywhere).
    const last = references[references.length - 1];
    expect(rowsOf(workbook.getWorksheet('Données et conservation')!).filter((row) => row['Référence'] === last)).toHaveLength(8);

    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`registre-export-${process.pid}-`))).toEqual(exportsBefore);
  });
});
