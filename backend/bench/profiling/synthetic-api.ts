import { Client } from 'pg';
import { createTestApi, type TestApi } from '../../test/test-api';
import { createSyntheticOrganization, generateSyntheticRegister } from '../../src/database/synthetic/synthetic-register';

/**
 * An API on a throwaway database holding one synthetic organisation of `activities` activities (the bench's
 * generator, 500 vendors, statistics refreshed); `work` profiles it, then the API and the connection stop.
 */
export async function withSyntheticRegister<T>(activities: number, work: (setup: { api: TestApi; client: Client; organizationId: string }) => Promise<T>): Promise<T> {
  const api = await createTestApi();
  const client = new Client({ connectionString: api.database.ownerUrl });
  await client.connect();
  try {
    const { organizationId } = await createSyntheticOrganization(client, { passwordHash: 'x' });
    const generated = await generateSyntheticRegister(client, { organizationId, activities, vendors: 500 });
    process.stdout.write(`generated ${generated.activities} activities, ${generated.versions} versions in ${(generated.milliseconds / 1000).toFixed(1)} s\n`);
    await client.query('VACUUM ANALYZE');
    return await work({ api, client, organizationId });
  } finally {
    await client.end();
    await api.close();
  }
}
