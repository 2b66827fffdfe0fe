import { Client } from 'pg';
import { NOTIFICATION_KINDS } from '../src/domain/notifications/notification-kinds';
import { createOrganizationWithRoles, createTestApi, signUp, TestApi, TestOrganization } from './test-api';

/** What an SQL injection on the application's connection can and cannot reach of the accounts. */
describe('least privilege for accounts', () => {
  let api: TestApi;
  let organization: TestOrganization;
  let outsider: { userId: string };
  let app: Client;
  let owner: Client;

  beforeAll(async () => {
    api = await createTestApi();
    organization = await createOrganizationWithRoles(api.server, 'Comptes');
    const signedUp = await signUp(api.server, 'outsider');
    outsider = signedUp;
    // Every protected table holds rows: sessions (sign-ins above), a reset link, failed sign-ins,
    // an authenticator being set up, and each user's notification preferences.
    await signedUp.agent.post('/api/v1/auth/password-reset').send({ email: signedUp.email }).expect(202);
    await signedUp.agent.post('/api/v1/auth/login').send({ email: signedUp.email, password: 'not the right password at all' }).expect(401);
    await signedUp.agent.post('/api/v1/me/mfa/totp').expect(200);
    const kinds = [{ kind: NOTIFICATION_KINDS[0], inApp: false, email: true }];
    for (const agent of [organization.as.admin, organization.as.dpo, signedUp.agent]) {
      await agent.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'weekly', kinds }).expect(200);
    }
    app = new Client({ connectionString: api.database.appUrl });
    owner = new Client({ connectionString: api.database.ownerUrl });
    await Promise.all([app.connect(), owner.connect()]);
  });
  afterAll(async () => {
    await Promise.all([app.end(), owner.end()]);
    await api.close();
  });

  async function code(client: Client, sql: string, parameters: unknown[] = []): Promise<string> {
    try {
      await client.query(sql, parameters);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  async function asUser<T>(userId: string, organizationId: string, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      await app.query("SELECT set_config('app.user_id', $1, true), set_config('app.organization_id', $2, true)", [userId, organizationId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  it('keeps password hashes out of the application role’s reach, for reading and writing', async () => {
    expect(await code(app, 'SELECT password_hash FROM users')).toBe('42501');
    expect(await code(app, 'SELECT * FROM users')).toBe('42501');
    expect(await code(app, "UPDATE users SET password_hash = 'x' WHERE id = $1", [outsider.userId])).toBe('42501');
    expect(await code(app, "UPDATE users SET email_verified_at = now() WHERE id = $1", [outsider.userId])).toBe('42501');
    expect(await code(app, "INSERT INTO users (email, password_hash, name) VALUES ('intrus@example.test', 'x', 'Intrus')")).toBe('42501');
    expect(await code(app, 'DELETE FROM users')).toBe('42501');
    // What the rest of the application reads is still there.
    const { rows } = await app.query<{ email: string }>('SELECT id, email, name, locale, email_verified_at, created_at, updated_at FROM users');
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });

  it('denies the application role every session, sign-in link, failed sign-in, TOTP secret and recovery code', async () => {
    const counts = await owner.query<{ sessions: number; tokens: number; attempts: number; totp: number }>(
      `SELECT (SELECT count(*)::int FROM sessions) AS sessions, (SELECT count(*)::int FROM account_tokens) AS tokens,
              (SELECT count(*)::int FROM login_attempts) AS attempts, (SELECT count(*)::int FROM user_totp) AS totp`,
    );
    // The tables are not empty: a denial here is the grant, not an empty table.
    expect(counts.rows[0].sessions).toBeGreaterThanOrEqual(5);
    expect(counts.rows[0].tokens).toBeGreaterThanOrEqual(1);
    expect(counts.rows[0].attempts).toBeGreaterThanOrEqual(1);
    expect(counts.rows[0].totp).toBe(1);
    for (const table of ['sessions', 'account_tokens', 'login_attempts', 'user_totp', 'user_recovery_codes']) {
      expect([table, await code(app, `SELECT count(*) FROM ${table}`)]).toEqual([table, '42501']);
      expect([table, await code(app, `DELETE FROM ${table}`)]).toEqual([table, '42501']);
    }
    expect(await code(app, "INSERT INTO sessions (sid, sess, expire) VALUES ('forged', $1, now() + interval '1 day')", [JSON.stringify({ passport: { user: outsider.userId } })])).toBe('42501');
    expect(await code(app, "INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'password_reset', repeat('a', 64), now() + interval '1 hour')", [outsider.userId])).toBe('42501');
    // Nor can it become the role that can.
    expect(await code(app, 'SET ROLE registre_auth')).toBe('42501');
  });

  it('gives the account role the accounts and nothing of the registers', async () => {
    await owner.query('BEGIN');
    try {
      await owner.query('SET LOCAL ROLE registre_auth');
      await owner.query("SELECT set_config('app.organization_id', $1, true)", [organization.organizationId]);
      const failures: Record<string, string> = {};
      for (const table of ['organizations', 'memberships', 'processing_activities', 'vendors', 'audit_events', 'notification_preferences']) {
        await owner.query('SAVEPOINT probe');
        failures[table] = await code(owner, `SELECT count(*) FROM ${table}`);
        await owner.query('ROLLBACK TO SAVEPOINT probe');
      }
      expect(failures).toEqual({ organizations: '42501', memberships: '42501', processing_activities: '42501', vendors: '42501', audit_events: '42501', notification_preferences: '42501' });
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('shows notification preferences to their user, and to the jobs of an organisation its members’ only', async () => {
    const visible = (userId: string, organizationId: string) =>
      asUser(userId, organizationId, async () => {
        const frequencies = await app.query<{ user_id: string }>('SELECT user_id FROM notification_preferences ORDER BY user_id');
        const kinds = await app.query<{ user_id: string }>('SELECT DISTINCT user_id FROM notification_kind_preferences ORDER BY user_id');
        return { frequencies: frequencies.rows.map((row) => row.user_id), kinds: kinds.rows.map((row) => row.user_id) };
      });
    // The outsider alone, outside any organisation: their own row only.
    expect(await visible(outsider.userId, '')).toEqual({ frequencies: [outsider.userId], kinds: [outsider.userId] });
    // A job working in the organisation (no user): its members' rows, never the outsider's.
    const members = [organization.userIds.admin, organization.userIds.dpo].sort();
    expect(await visible('', organization.organizationId)).toEqual({ frequencies: members, kinds: members });
    // No one's row can be written on someone else's behalf.
    const written = await asUser(outsider.userId, '', () =>
      code(app, "INSERT INTO notification_preferences (user_id, email_frequency) VALUES ($1, 'weekly') ON CONFLICT (user_id) DO UPDATE SET email_frequency = 'immediate'", [organization.userIds.admin]),
    );
    expect(written).toBe('42501');
    const [admin] = (await owner.query<{ email_frequency: string }>('SELECT email_frequency FROM notification_preferences WHERE user_id = $1', [organization.userIds.admin])).rows;
    expect(admin.email_frequency).toBe('weekly');
  });

  it('still signs in, lists and ends sessions through the account role', async () => {
    const second = await signUp(api.server, 'second-device');
    const listed = await organization.as.admin.get('/api/v1/me/sessions').expect(200);
    const sessions = listed.body as { id: string; current: boolean }[];
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    // Another account's session is not the admin's to end.
    const theirs = ((await second.agent.get('/api/v1/me/sessions').expect(200)).body as { id: string }[])[0].id;
    await organization.as.admin.delete(`/api/v1/me/sessions/${theirs}`).expect(404);
    await second.agent.get('/api/v1/me').expect(200);
  });
});
