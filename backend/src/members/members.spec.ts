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
    expect(list.body.items.map((member: { role: string }) => member.role).sort()).toEqual(['admin', 'auditor', 'contributor', 'dpo']);
    const paged = await org.as.auditor.get(`${members()}?page=2&pageSize=3`).expect(200);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('lets only the admin add, change and remove members', async () => {
    const newcomer = await signUp(api.server, 'newcomer');
    for (const role of ['dpo', 'contributor', 'auditor'] as const) {
      await org.as[role].post(members()).send({ email: newcomer.email, role: 'auditor' }).expect(403);
    }
    // Adding by e-mail invites; the membership exists once the address's owner accepts.
    await joinByInvitation(api.server, org.admin, org.organizationId, newcomer.agent, newcomer.email.toUpperCase(), 'auditor');
    const listed = await org.admin.get(members()).expect(200);
    const added = { body: listed.body.items.find((member: { email: string }) => member.email === newcomer.email) };
    expect(added.body).toMatchObject({ email: newcomer.email, role: 'auditor', departmentId: null });
    const again = await org.admin.post(members()).send({ email: newcomer.email, role: 'dpo' }).expect(409);
    expect(again.body.code).toBe('already_member');
    await org.as.dpo.patch(`${members()}/${added.body.id}`).send({ role: 'dpo' }).expect(403);
    const changed = await org.admin.patch(`${members()}/${added.body.id}`).send({ role: 'contributor' }).expect(200);
    expect(changed.body.role).toBe('contributor');
    const me = await newcomer.agent.get('/api/v1/me').expect(200);
    expect(me.body.memberships).toEqual([{ organizationId: org.organizationId, organizationName: 'Organisation de test', role: 'contributor' }]);
    await org.as.dpo.delete(`${members()}/${added.body.id}`).expect(403);
    await org.admin.delete(`${members()}/${added.body.id}`).expect(204);
    await newcomer.agent.get(members()).expect(404);
  });

  it('never leaves an organisation without an admin', async () => {
    const list = await org.admin.get(members()).expect(200);
    const adminMembership = list.body.items.find((member: { role: string }) => member.role === 'admin');
    const demote = await org.admin.patch(`${members()}/${adminMembership.id}`).send({ role: 'dpo' }).expect(409);
    expect(demote.body.code).toBe('last_admin');
    const remove = await org.admin.delete(`${members()}/${adminMembership.id}`).expect(409);
    expect(remove.body.code).toBe('last_admin');

    // With a second admin, the first may step down.
    const second = list.body.items.find((member: { role: string }) => member.role === 'dpo');
    await org.admin.patch(`${members()}/${second.id}`).send({ role: 'admin' }).expect(200);
    await org.admin.patch(`${members()}/${adminMembership.id}`).send({ role: 'dpo' }).expect(200);
    // The former admin has lost the right at once.
    await org.admin.post(members()).send({ email: 'x@example.test', role: 'dpo' }).expect(403);
    await org.as.dpo.patch(`${members()}/${adminMembership.id}`).send({ role: 'admin' }).expect(200);
    await org.admin.patch(`${members()}/${second.id}`).send({ role: 'dpo' }).expect(200);
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
    const contributor = list.body.items.find((member: { role: string }) => member.role === 'contributor');
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
    const auditor = list.body.items.find((member: { role: string }) => member.role === 'auditor');
    const response = await org.admin.patch(`${members()}/${auditor.id}`).send({ departmentId: foreign.body.id }).expect(400);
    expect(response.body.details.fields[0].path).toBe('departmentId');
  });
});
