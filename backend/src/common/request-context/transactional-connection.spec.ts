import { Client } from 'pg';
import { createTestApi, TestApi } from '../../../test/test-api';
import { toAppException } from '../errors/error-response';
import { TransactionalConnection } from './transactional-connection';

/** withTenant starts the transaction and sets the tenant in one round trip: the settings must still hold, verbatim. */
describe('TransactionalConnection.withTenant (real PostgreSQL)', () => {
  let api: TestApi;
  let connection: TransactionalConnection;
  beforeAll(async () => {
    api = await createTestApi();
    connection = new TransactionalConnection(api.dataSource);
  });
  afterAll(() => api.close());

  it('runs the work in one transaction carrying the settings, quotes and all', async () => {
    const organizationId = "l’Atelier d'Émile'); SELECT 1; --";
    const seen = await connection.withTenant({ organizationId, userId: '6f1c2a3e-8d4b-4c1a-9e2f-0a1b2c3d4e5f' }, async () => {
      const [row] = await connection.manager.query<{ organization: string; user: string; in_transaction: boolean; xid: string }[]>(
        "SELECT current_setting('app.organization_id') AS organization, current_setting('app.user_id') AS user, now() = statement_timestamp() AS in_transaction, txid_current()::text AS xid",
      );
      const [again] = await connection.manager.query<{ xid: string }[]>('SELECT txid_current()::text AS xid');
      return { ...row, sameTransaction: row.xid === again.xid };
    });
    expect(seen).toMatchObject({ organization: organizationId, user: '6f1c2a3e-8d4b-4c1a-9e2f-0a1b2c3d4e5f', in_transaction: false, sameTransaction: true });
  });

  it('runs reads started together one after the other, without the driver’s deprecated queue', async () => {
    // pg queues a query sent while another runs, and warns that pg@9 will refuse it; count those sends.
    let sentWhileBusy = 0;
    const names = await connection.withTenant({ organizationId: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', userId: '' }, async () => {
      const client = (connection.manager.queryRunner as unknown as { databaseConnection: { query: (...args: unknown[]) => unknown; _activeQuery: unknown; _queryQueue: unknown[] } }).databaseConnection;
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        if (client._activeQuery || client._queryQueue.length > 0) sentWhileBusy += 1;
        return query(...args);
      };
      return Promise.all(['« Paie »', 'Recrutement d’été', 'Vidéoprotection'].map((name) => connection.manager.query<{ name: string }[]>('SELECT $1::text AS name, pg_sleep(0.05)', [name])));
    });
    expect(names.map(([row]) => row.name)).toEqual(['« Paie »', 'Recrutement d’été', 'Vidéoprotection']);
    expect(sentWhileBusy).toBe(0);
  });

  it('leaves nothing set on the connection after the transaction', async () => {
    await connection.withTenant({ organizationId: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', userId: '' }, () => Promise.resolve());
    const rows = await api.dataSource.query<{ organization: string | null }[]>("SELECT current_setting('app.organization_id', true) AS organization");
    expect(rows[0].organization ?? '').toBe('');
  });

  it('rolls the work back when it fails', async () => {
    await expect(
      connection.withTenant({ organizationId: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', userId: '' }, async () => {
        await connection.manager.query('CREATE TEMP TABLE withtenant_probe (id int)');
        throw new Error('la requête échoue');
      }),
    ).rejects.toThrow('la requête échoue');
    const rows = await api.dataSource.query<{ found: string | null }[]>("SELECT to_regclass('pg_temp.withtenant_probe')::text AS found");
    expect(rows[0].found).toBeNull();
  });
});

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
