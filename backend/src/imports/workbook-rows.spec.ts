import { createOrganizationWithRoles, createTestApi } from '../../test/test-api';
import sampleRegister from '../database/seeds/sample-register.json';
import { download } from '../exports/exports.test-helpers';
import { readWorkbook } from './workbook-rows';
import { guardXlsx } from './xlsx-guard';

// exceljs's reader, given the zip in file order, parked each sheet in a temporary file and read it
// back: under load a sheet came back truncated or unreadable (an import failing after its dry run passed).
it('reads the same workbook the same way every time, even many at once', async () => {
  const api = await createTestApi();
  try {
    const org = await createOrganizationWithRoles(api.server, 'Lecture');
    const base = `/api/v1/organizations/${org.organizationId}`;
    await org.as.dpo.post(`${base}/activities/import-json`).send(sampleRegister.activities).expect(201);
    const content = (await download(org.as.auditor, `${base}/exports/register.xlsx?lang=en`)).body;
    const names = await guardXlsx(content);
    const first = await readWorkbook(content, names);
    expect(first.find((sheet) => sheet.name === 'Register')!.rows).toHaveLength(sampleRegister.activities.length);
    expect(first.find((sheet) => sheet.name === 'Register')!.rows[0].cells).toContain(sampleRegister.activities[0].name);
    const reference = JSON.stringify(first);
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(
        Array.from({ length: 15 }, () =>
          readWorkbook(content, names).then(
            (sheets) => (JSON.stringify(sheets) === reference ? 'same' : `different: ${sheets.map((sheet) => `${sheet.name}=${sheet.rows.length}`).join(', ')}`),
            (error: unknown) => `error: ${String(error)}`,
          ),
        ),
      );
      outcomes.push(...results.filter((result) => result !== 'same'));
    }
    expect(outcomes).toEqual([]);
  } finally {
    await api.close();
  }
}, 120_000);
