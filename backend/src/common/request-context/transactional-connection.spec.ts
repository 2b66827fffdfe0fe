import { Client } from 'pg';
import { createTestApi, TestApi } from '../../../test/test-api';
import { toAppException } from '../errors/error-response';
import { TransactionalConnection } from './transactional-connection';

/** A request's transaction whose connection PostgreSQL closes (restart, crash, administrator). */
describe('a transaction that loses its connection (real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  async function terminate(pid: number): Promise<void> {
    const superuser = new Client({ connectionString: api.database.superuserUrl });
    await superuser.connect();
    try {
      await superuser.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await superuser.end();
    }
  }

  it('fails as "database unavailable" (503), not as a released query runner (500)', async () => {
    const connection = api.app.get(TransactionalConnection);
    const outcome = connection.withTenant({}, async () => {
      const [{ pid }] = await connection.manager.query<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
      await terminate(pid);
      // The driver releases the runner when the connection reports the termination; the next query
      // of the request then meets a released runner (what a PostgreSQL restart does to in-flight requests).
      const deadline = Date.now() + 5_000;
      while (!connection.manager.queryRunner?.isReleased && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(connection.manager.queryRunner?.isReleased).toBe(true);
      await connection.manager.query('SELECT 1');
    });
    const error = await outcome.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(toAppException(error)?.status).toBe(503);
    expect(toAppException(error)?.code).toBe('database_unavailable');

    // The pool dropped the dead connection: the next transaction works.
    await expect(connection.withTenant({}, async () => (await connection.manager.query('SELECT 1 AS one')) as unknown)).resolves.toEqual([{ one: 1 }]);
  });
});
