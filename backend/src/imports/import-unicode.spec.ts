import { createOrganizationWithRoles, createTestApi, joinByInvitation, TestApi, TestOrganization } from '../../test/test-api';
import sampleRegister from '../database/seeds/sample-register.json';
import { download, unzip } from '../exports/exports.test-helpers';
import { resavedByLibreOffice, ROUND_TRIP_FIELDS } from './imports.test-helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The fields an export → import round trip must keep, character for character. */
const INTERCHANGE = ROUND_TRIP_FIELDS;

/** Two-, three- and four-byte UTF-8 characters, typographic apostrophes and guillemets. */
const MULTI_BYTE = 'l’établissement « ç œ Œ æ » — 漢字 🙂 naïve façade ‘x’ € ½';

type Activity = (typeof sampleRegister.activities)[number];

/**
 * The sample register cycled to `count` activities, every free text carrying multi-byte characters
 * after an ASCII prefix of 0 to 3 bytes, so that from one activity to the next the characters move
 * across the byte positions where the zip reader cuts its chunks.
 */
function multiByteRegister(count: number): Activity[] {
  return Array.from({ length: count }, (_, index) => {
    const source = sampleRegister.activities[index % sampleRegister.activities.length];
    const text = (value: string) => `${'x'.repeat(index % 4)}${value} ${MULTI_BYTE} ${'é'.repeat(index % 3)}${'漢'.repeat(index % 5)}🙂${index}`;
    const maybe = (value: string | null | undefined) => (value ? text(value) : value);
    return {
      ...source,
      reference: undefined as unknown as string,
      name: text(source.name),
      description: text(source.description),
      purposes: source.purposes.map((purpose) => ({ ...purpose, description: text(purpose.description), legalReference: maybe(purpose.legalReference) })),
      dataCategories: source.dataCategories.map((category) => ({
        ...category,
        description: text(category.description),
        minimisationJustification: text(category.minimisationJustification),
        retention: category.retention && { ...category.retention, startEvent: maybe(category.retention.startEvent), legalReference: maybe(category.retention.legalReference) },
      })),
      recipients: source.recipients.map((recipient) => ({ ...recipient, name: text(recipient.name) })),
      dataSubjectInformation: maybe(source.dataSubjectInformation),
      rightsProcedure: maybe(source.rightsProcedure),
    } as Activity;
  });
}

// The import used to decode each zip chunk on its own: a character cut by a chunk boundary came back
// as U+FFFD (漢字 → 漢���, l’établissement → l���établissement) and the import reported success.
describe('Excel import keeps every character (real PostgreSQL)', () => {
  let api: TestApi;
  const base = (org: TestOrganization) => `/api/v1/organizations/${org.organizationId}`;

  const register = async (org: TestOrganization) => {
    const list = await org.as.auditor.get(`${base(org)}/activities?pageSize=200&sort=reference`).expect(200);
    const details: Record<string, unknown>[] = [];
    for (const item of list.body.items as { id: string }[]) {
      const detail = (await org.as.auditor.get(`${base(org)}/activities/${item.id}`).expect(200)).body as Record<string, unknown>;
      details.push(Object.fromEntries(INTERCHANGE.map((key) => [key, detail[key]])));
    }
    return details;
  };

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it.each([
    [1, 'en'],
    [13, 'fr'],
    [47, 'en'],
    [120, 'fr'],
  ] as const)('%i activities (%s): exported, imported into an empty organisation, every field identical', async (count, locale) => {
    const source = await createOrganizationWithRoles(api.server, `Source ${count}`);
    await source.as.dpo.post(`${base(source)}/activities/import-json`).send(multiByteRegister(count)).expect(201);
    const content = (await download(source.as.auditor, `${base(source)}/exports/register.xlsx?lang=${locale}`)).body;

    const sourceDpo = ((await source.admin.get(`${base(source)}/members`).expect(200)).body.items as { email: string; roles: string[] }[]).find((member) => member.roles.includes('dpo'))!;
    const expected = await register(source);
    // The product's own file, and the same file once LibreOffice Calc has opened and saved it
    // (shared strings, styles and cell types rewritten its way).
    const resaved = await resavedByLibreOffice(content);
    expect((await unzip(resaved)).get('docProps/app.xml')?.toString('utf8')).toMatch(/<Application>LibreOffice\//);
    const differences: string[] = [];
    for (const [file, workbook] of [['product', content], ['libreoffice', resaved]] as const) {
      const target = await createOrganizationWithRoles(api.server, `Cible ${count} ${file}`);
      // The owner (the source's DPO) joins the target, so the owner column maps to a member there.
      await joinByInvitation(api.server, target.admin, target.organizationId, source.as.dpo, sourceDpo.email, 'dpo');
      const imported = await target.as.dpo.post(`${base(target)}/imports`).set('Accept-Language', locale).attach('file', workbook, { filename: 'register.xlsx', contentType: XLSX });
      expect([file, imported.status === 200 ? 'imported' : imported.body]).toEqual([file, 'imported']);
      expect(imported.body).toMatchObject({ valid: true, activities: count, warnings: [] });

      const actual = await register(target);
      expect([file, actual.length]).toEqual([file, count]);
      // Field by field, so a failure names the file, the activity and the field rather than one huge diff.
      expected.forEach((activity, index) => {
        for (const key of INTERCHANGE) {
          const [want, got] = [JSON.stringify(activity[key]), JSON.stringify(actual[index][key])];
          if (want !== got) differences.push(`${file} ${String(activity.reference)}.${key}: ${got} instead of ${want}`);
        }
      });
      expect([file, JSON.stringify(actual).includes('\uFFFD')]).toEqual([file, false]);
      expect([file, JSON.stringify(actual).match(/🙂/gu)?.length]).toEqual([file, JSON.stringify(expected).match(/🙂/gu)?.length]);
    }
    expect(differences).toEqual([]);
  }, 360_000);
});
