import { createOrganizationWithRoles, createTestApi, joinByInvitation, signUp, TestApi, TestOrganization } from '../../test/test-api';

describe('members and departments (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server);
  });
  afterAll(() => api.close());

  const members = () => `/api/v1/organizations/${org.organizationId}/members`;
  const departments = () => `/api/v1/organizations/${org.organizationId}/departments`;

  it('lists members with their roles in the list shape of the API', async () => {
    const list = await org.as.auditor.get(members()).expect(200);
    expect(list.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(list.body.items.map((member: { roles: string[] }) => member.roles.join('+')).sort()).toEqual(['admin', 'auditor', 'contributor', 'dpo']);
    const paged = await org.as.auditor.get(`${members()}?page=2&pageSize=3`).expect(200);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('lets only the admin add, change and remove members', async () => {
    const newcomer = await signUp(api.server, 'newcomer');
    for (const role of ['dpo', 'contributor', 'auditor'] as const) {
      await org.as[role].post(members()).send({ email: newcomer.email, roles: ['auditor'] }).expect(403);
    }
    // Adding by e-mail invites; the membership exists once the address's owner accepts.
    await joinByInvitation(api.server, org.admin, org.organizationId, newcomer.agent, newcomer.email.toUpperCase(), 'auditor');
    const listed = await org.admin.get(members()).expect(200);
    const added = { body: listed.body.items.find((member: { email: string }) => member.email === newcomer.email) };
    expect(added.body).toMatchObject({ email: newcomer.email, roles: ['auditor'], departmentId: null });
    const again = await org.admin.post(members()).send({ email: newcomer.email, roles: ['dpo'] }).expect(409);
    expect(again.body.code).toBe('already_member');
    await org.as.dpo.patch(`${members()}/${added.body.id}`).send({ roles: ['dpo'] }).expect(403);
    // Several roles, stored in a stable order whatever the order sent.
    const changed = await org.admin.patch(`${members()}/${added.body.id}`).send({ roles: ['auditor', 'contributor'] }).expect(200);
    expect(changed.body.roles).toEqual(['contributor', 'auditor']);
    const me = await newcomer.agent.get('/api/v1/me').expect(200);
    expect(me.body.memberships).toEqual([{ organizationId: org.organizationId, organizationName: 'Organisation de test', roles: ['contributor', 'auditor'] }]);
    await org.as.dpo.delete(`${members()}/${added.body.id}`).expect(403);
    await org.admin.delete(`${members()}/${added.body.id}`).expect(204);
    await newcomer.agent.get(members()).expect(404);
  });

  it('never leaves an organisation without an admin, whatever other roles the admin holds', async () => {
    const list = await org.admin.get(members()).expect(200);
    const adminMembership = list.body.items.find((member: { roles: string[] }) => member.roles.includes('admin'));
    // Taking the DPO role on top is fine; dropping the admin role, alone or among others, is not.
    const both = await org.admin.patch(`${members()}/${adminMembership.id}`).send({ roles: ['admin', 'dpo'] }).expect(200);
    expect(both.body.roles).toEqual(['admin', 'dpo']);
    for (const roles of [['dpo'], ['contributor', 'auditor']]) {
      const demote = await org.admin.patch(`${members()}/${adminMembership.id}`).send({ roles }).expect(409);
      expect(demote.body.code).toBe('last_admin');
    }
    const remove = await org.admin.delete(`${members()}/${adminMembership.id}`).expect(409);
    expect(remove.body.code).toBe('last_admin');
    const leave = await org.admin.delete(`/api/v1/me/memberships/${org.organizationId}`);
    expect([leave.status, leave.body.code]).toEqual([409, 'last_admin']);
    // Nothing changed.
    const rolesOf = async (id: string) => (await org.admin.get(members()).expect(200)).body.items.find((member: { id: string }) => member.id === id).roles;
    expect(await rolesOf(adminMembership.id)).toEqual(['admin', 'dpo']);
    // Bad sets of roles: a translated 400, nothing changed.
    for (const roles of [[], ['admin', 'admin'], ['owner']]) {
      const bad = await org.admin.patch(`${members()}/${adminMembership.id}`).set('Accept-Language', 'fr').send({ roles }).expect(400);
      expect(bad.body.details.fields[0].path).toBe('roles');
      expect(bad.body.details.fields[0].message).toContain('Rôles');
    }

    // With a second admin (who is also the DPO), the first may step down to DPO only.
    const second = list.body.items.find((member: { roles: string[] }) => member.roles.join() === 'dpo');
    await org.admin.patch(`${members()}/${second.id}`).send({ roles: ['dpo', 'admin'] }).expect(200);
    await org.admin.patch(`${members()}/${adminMembership.id}`).send({ roles: ['dpo'] }).expect(200);
    // The former admin has lost the right at once, and kept the DPO's.
    await org.admin.post(members()).send({ email: 'x@example.test', roles: ['dpo'] }).expect(403);
    const abilities = (await org.admin.get(`/api/v1/organizations/${org.organizationId}/abilities`).expect(200)).body;
    expect(abilities.roles).toEqual(['dpo']);
    await org.as.dpo.patch(`${members()}/${adminMembership.id}`).send({ roles: ['admin'] }).expect(200);
    await org.admin.patch(`${members()}/${second.id}`).send({ roles: ['dpo'] }).expect(200);
  });

  it('audits a change of roles with the roles before and after', async () => {
    const list = await org.admin.get(members()).expect(200);
    const auditor = list.body.items.find((member: { roles: string[] }) => member.roles.join() === 'auditor');
    await org.admin.patch(`${members()}/${auditor.id}`).send({ roles: ['contributor', 'auditor'] }).expect(200);
    const trail = await org.admin.get(`/api/v1/organizations/${org.organizationId}/audit-events?entityType=Membership&entityId=${auditor.id}`).expect(200);
    const event = trail.body.items.find((item: { action: string }) => item.action === 'update');
    expect(event).toBeDefined();
    expect(JSON.stringify(event)).toContain('contributor');
    await org.admin.patch(`${members()}/${auditor.id}`).send({ roles: ['auditor'] }).expect(200);
  });

  it('manages departments, refuses duplicates and the deletion of a department still in use', async () => {
    const created = await org.admin.post(departments()).send({ name: 'Ressources humaines', description: 'RH' }).expect(201);
    await org.as.contributor.post(departments()).send({ name: 'Marketing' }).expect(403);
    const duplicate = await org.admin.post(departments()).send({ name: 'ressources HUMAINES' }).expect(409);
    expect(duplicate.body.code).toBe('department_name_taken');
    const renamed = await org.admin.patch(`${departments()}/${created.body.id}`).send({ name: 'RH & paie', version: created.body.version }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'RH & paie', version: created.body.version + 1 });
    await org.admin.patch(`${departments()}/${created.body.id}`).send({ name: 'RH', version: created.body.version }).expect(409);

    const list = await org.admin.get(members()).expect(200);
    const contributor = list.body.items.find((member: { roles: string[] }) => member.roles.join() === 'contributor');
    await org.admin.patch(`${members()}/${contributor.id}`).send({ departmentId: created.body.id }).expect(200);
    const inUse = await org.admin.delete(`${departments()}/${created.body.id}`).expect(409);
    expect(inUse.body.code).toBe('department_in_use');
    await org.admin.patch(`${members()}/${contributor.id}`).send({ departmentId: null }).expect(200);
    await org.admin.delete(`${departments()}/${created.body.id}`).expect(204);
    const after = await org.as.auditor.get(departments()).expect(200);
    expect(after.body.items.map((department: { name: string }) => department.name)).not.toContain('RH & paie');
  });

  it('refuses a department of another organisation', async () => {
    const other = await signUp(api.server, 'other-admin');
    const otherOrg = await other.agent.post('/api/v1/organizations').send({ name: 'Autre' }).expect(201);
    const foreign = await other.agent.post(`/api/v1/organizations/${otherOrg.body.id}/departments`).send({ name: 'Finance' }).expect(201);
    const list = await org.admin.get(members()).expect(200);
    const auditor = list.body.items.find((member: { roles: string[] }) => member.roles.join() === 'auditor');
    const response = await org.admin.patch(`${members()}/${auditor.id}`).send({ departmentId: foreign.body.id }).expect(400);
    expect(response.body.details.fields[0].path).toBe('departmentId');
  });
});
