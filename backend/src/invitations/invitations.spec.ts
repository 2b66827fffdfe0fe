import { SmtpReceiver } from '../../test/smtp-receiver';
import { createOrganizationWithRoles, createTestApi, newAgent, signUp, TEST_PASSWORD, TestApi, TestOrganization, uniqueEmail } from '../../test/test-api';

function invitationToken(text: string): string {
  const match = /http:\/\/registre\.test\/invitations\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in: ${text}`);
  return match[1];
}

describe('invitations instead of enrolment (real SMTP, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: SmtpReceiver;
  let org: TestOrganization;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    api = await createTestApi({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: 'http://registre.test' });
    org = await createOrganizationWithRoles(api.server, 'Cabinet Invitant');
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const invitations = () => `/api/v1/organizations/${org.organizationId}/invitations`;
  const members = () => `/api/v1/organizations/${org.organizationId}/members`;

  it('answers alike for an existing account and an unknown address, names nobody and enrols nobody', async () => {
    const existing = await signUp(api.server, 'existing');
    const unknown = uniqueEmail('unknown');
    const known = await org.admin.post(members()).send({ email: existing.email, roles: ['dpo'] }).expect(201);
    const stranger = await org.admin.post(invitations()).send({ email: unknown, roles: ['dpo'] }).expect(201);
    const shape = (body: Record<string, unknown>) => ({ ...body, id: 'x', email: 'x', expiresAt: 'x', createdAt: 'x' });
    expect(shape(known.body)).toEqual(shape(stranger.body));
    expect(known.body).toMatchObject({ email: existing.email, roles: ['dpo'], status: 'pending', departmentId: null });
    expect(JSON.stringify(known.body)).not.toContain('Test existing');
    // No membership until the owner accepts: the squatter scenario of issue 15 reads nothing.
    expect((await existing.agent.get('/api/v1/me').expect(200)).body.memberships).toEqual([]);
    await existing.agent.get(members()).expect(404);
    const list = await org.admin.get(members()).expect(200);
    expect(list.body.items.map((member: { email: string }) => member.email)).not.toContain(existing.email);

    for (const address of [existing.email, unknown]) {
      const mail = await smtp.waitFor(address, address === existing.email ? 2 : 1);
      expect(mail.to).toEqual([address]);
      expect(mail.subject).toContain('Cabinet Invitant');
    }
  });

  it('lets the owner of the invited, proven address accept once; another account cannot', async () => {
    const invited = await signUp(api.server, 'invited');
    await org.admin.post(invitations()).send({ email: invited.email, roles: ['contributor'] }).expect(201);
    const token = invitationToken((await smtp.waitFor(invited.email, 2)).text);

    const preview = await (await newAgent(api.server)).get(`/api/v1/invitations/${token}`).expect(200);
    expect(preview.body).toEqual({ organizationName: 'Cabinet Invitant', invitedByName: 'Test admin', email: invited.email, roles: ['contributor'], expiresAt: expect.any(String) });

    const other = await signUp(api.server, 'other');
    const refused = await other.agent.post(`/api/v1/invitations/${token}/accept`).expect(403);
    expect(refused.body.code).toBe('invitation_other_email');
    await (await newAgent(api.server)).post(`/api/v1/invitations/${token}/accept`).expect(401);

    const accepted = await invited.agent.post(`/api/v1/invitations/${token}/accept`).expect(201);
    expect(accepted.body).toEqual({ organizationId: org.organizationId, organizationName: 'Cabinet Invitant', roles: ['contributor'] });
    expect((await invited.agent.get('/api/v1/me').expect(200)).body.memberships).toEqual([{ organizationId: org.organizationId, organizationName: 'Cabinet Invitant', roles: ['contributor'] }]);
    expect((await invited.agent.post(`/api/v1/invitations/${token}/accept`).expect(400)).body.code).toBe('token_invalid');
    expect((await other.agent.get(`/api/v1/invitations/${token}`).expect(400)).body.code).toBe('token_invalid');

    const events = await org.admin.get(`/api/v1/organizations/${org.organizationId}/audit-events?pageSize=100`).expect(200);
    const items = (events.body.items ?? events.body) as { action: string; entityType: string }[];
    const kinds = items.map((event) => `${event.entityType}:${event.action}`);
    expect(kinds).toEqual(expect.arrayContaining(['Invitation:create', 'Invitation:accept', 'Membership:create']));
    expect(JSON.stringify(events.body)).not.toContain(token);
  });

  it('lets a newcomer sign up from the link, prove the address and accept', async () => {
    const email = uniqueEmail('newcomer');
    await org.admin.post(invitations()).send({ email, roles: ['auditor'] }).expect(201);
    const token = invitationToken((await smtp.waitFor(email)).text);
    const agent = await newAgent(api.server);
    await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Nouvelle Auditrice' }).expect(202);
    const proof = /token=([A-Za-z0-9_-]+)/.exec((await smtp.waitFor(email, 2)).text)![1];
    await agent.post('/api/v1/auth/verify-email').send({ token: proof }).expect(204);
    await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    await agent.post(`/api/v1/invitations/${token}/accept`).expect(201);
    await agent.get(members()).expect(200);
  });

  it('revokes, resends (the old link stops working) and refuses expired links; only the admin invites', async () => {
    for (const role of ['dpo', 'contributor', 'auditor'] as const) await org.as[role].post(invitations()).send({ email: uniqueEmail('nope'), roles: ['dpo'] }).expect(403);
    const email = uniqueEmail('lifecycle');
    const created = await org.admin.post(invitations()).send({ email, roles: ['dpo'] }).expect(201);
    const first = invitationToken((await smtp.waitFor(email)).text);
    const resent = await org.admin.post(`${invitations()}/${created.body.id}/resend`).expect(200);
    expect(resent.body.status).toBe('pending');
    const second = invitationToken((await smtp.waitFor(email, 2)).text);
    expect((await (await newAgent(api.server)).get(`/api/v1/invitations/${first}`).expect(400)).body.code).toBe('token_invalid');
    await (await newAgent(api.server)).get(`/api/v1/invitations/${second}`).expect(200);

    await api.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
      await manager.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [created.body.id]);
    });
    expect((await (await newAgent(api.server)).get(`/api/v1/invitations/${second}`).expect(400)).body.code).toBe('token_expired');

    const revokedEmail = uniqueEmail('revoked');
    const toRevoke = await org.admin.post(invitations()).send({ email: revokedEmail, roles: ['auditor'] }).expect(201);
    const revokedToken = invitationToken((await smtp.waitFor(revokedEmail)).text);
    await org.as.dpo.delete(`${invitations()}/${toRevoke.body.id}`).expect(403);
    await org.admin.delete(`${invitations()}/${toRevoke.body.id}`).expect(204);
    expect((await (await newAgent(api.server)).get(`/api/v1/invitations/${revokedToken}`).expect(400)).body.code).toBe('token_invalid');

    const list = await org.as.auditor.get(invitations()).expect(200);
    const statuses = Object.fromEntries((list.body.items as { id: string; status: string }[]).map((item) => [item.id, item.status]));
    expect(statuses[created.body.id]).toBe('expired');
    expect(statuses[toRevoke.body.id]).toBe('revoked');
  });

  it('lets a member leave the organisation, but not its last admin', async () => {
    const leaver = await signUp(api.server, 'leaver');
    await org.admin.post(invitations()).send({ email: leaver.email, roles: ['contributor'] }).expect(201);
    await leaver.agent.post(`/api/v1/invitations/${invitationToken((await smtp.waitFor(leaver.email, 2)).text)}/accept`).expect(201);
    await leaver.agent.delete(`/api/v1/me/memberships/${org.organizationId}`).expect(204);
    await leaver.agent.get(members()).expect(404);
    await leaver.agent.delete(`/api/v1/me/memberships/${org.organizationId}`).expect(404);
    const last = await org.admin.delete(`/api/v1/me/memberships/${org.organizationId}`).expect(409);
    expect(last.body.code).toBe('last_admin');
    await org.admin.get(members()).expect(200);
  });
});
