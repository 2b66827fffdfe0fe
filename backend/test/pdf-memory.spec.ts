import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { hashPassword } from '../src/auth/password';
import { createSyntheticOrganization, generateSyntheticRegister } from '../src/database/synthetic/synthetic-register';
import { createTestApi, newAgent, TestApi } from './test-api';

/**
 * The register PDF in bounded memory, measured on demand: PDF_ACTIVITIES=1000 npx jest
 * test/pdf-memory.spec.ts (skipped otherwise: generating the register takes a while). The PDF is
 * counted, not kept, as it arrives; the process's RSS is sampled while it streams. docs/benchmarks.md
 * has the figures.
 */
const ACTIVITIES = Number(process.env.PDF_ACTIVITIES ?? 0);
const PASSWORD = 'mot de passe du DPO synthétique';
/** Growth allowed over the RSS before the request: pdfkit's current page, a batch of rows, the fonts. */
const MAX_GROWTH_MB = 150;

(ACTIVITIES > 0 ? describe : describe.skip)(`register PDF of ${ACTIVITIES} activities`, () => {
  let api: TestApi;
  let client: Client;
  let organizationId: string;
  let dpoEmail: string;

  beforeAll(async () => {
    api = await createTestApi();
    client = new Client({ connectionString: api.database.ownerUrl });
    await client.connect();
    const organization = await createSyntheticOrganization(client, { name: 'Banc PDF', passwordHash: await hashPassword(PASSWORD) });
    organizationId = organization.organizationId;
    dpoEmail = organization.users.find((user) => user.role === 'dpo')!.email;
    await generateSyntheticRegister(client, { organizationId, activities: ACTIVITIES, vendors: 200 });
    await client.query('VACUUM ANALYZE');
  }, 1_800_000);
  afterAll(async () => {
    await client?.end();
    await api?.close();
  });

  it('streams every activity with a flat RSS', async () => {
    const agent = await newAgent(api.server);
    await agent.post('/api/v1/auth/login').send({ email: dpoEmail, password: PASSWORD }).expect(200);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const response = await agent
      .get(`/api/v1/organizations/${organizationId}/exports/register.pdf?lang=fr`)
      .buffer(true)
      .parse((res, done) => {
        let bytes = 0;
        let tail = Buffer.alloc(0);
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          tail = Buffer.concat([tail, chunk]).subarray(-16);
        });
        res.on('end', () => done(null, { bytes, tail: tail.toString('latin1') }));
      })
      .expect(200);
    clearInterval(sampler);
    const elapsed = performance.now() - started;
    const body = response.body as { bytes: number; tail: string };
    const growth = (peak - before) / 2 ** 20;
    console.log(`${ACTIVITIES} activities: ${(body.bytes / 2 ** 20).toFixed(1)} MB PDF in ${(elapsed / 1000).toFixed(1)} s; RSS ${(before / 2 ** 20).toFixed(0)} MB before, peak growth ${growth.toFixed(0)} MB`);
    expect(body.tail).toContain('%%EOF');
    expect(growth).toBeLessThan(MAX_GROWTH_MB);
  }, 600_000);
});
