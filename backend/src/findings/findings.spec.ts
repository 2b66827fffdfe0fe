import { createTestApi, newAgent, TestApi } from '../../test/test-api';
import { asOwner } from '../activities/activities.test-helpers';
import { DEMO_PASSWORD, DemoSeedService } from '../database/seeds/demo-seed.service';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { FindingsService } from './findings.service';
import { computeFindings, FINDING_RULES } from './findings-engine';
import { FindingsDataService } from './findings-data.service';

interface FindingItem {
  code: string;
  severity: string;
  recordType: string;
  recordReference: string;
  field: string;
  message: string;
  link: string;
  departmentId: string | null;
}

describe('findings of the demo register (real PostgreSQL)', () => {
  let api: TestApi;
  let organizationId: string;

  beforeAll(async () => {
    api = await createTestApi();
    organizationId = (await api.app.get(DemoSeedService).seed()).organizationId!;
  });
  afterAll(() => api.close());

  const signIn = async (email: string, locale: 'fr' | 'en' = 'en') => {
    const agent = await newAgent(api.server, locale);
    await agent.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    return agent;
  };
  const keysOf = (items: FindingItem[]) => items.map((item) => `${item.recordReference} ${item.code} ${item.field}`);

  it('yields the findings the fixture’s gaps imply', async () => {
    const auditor = await signIn('auditor@example.com');
    const response = await auditor.get(`/api/v1/organizations/${organizationId}/findings?pageSize=200`).expect(200);
    const keys = keysOf(response.body.items);
    // Dates move with the calendar (reviews): only the findings the fixture's content implies are pinned.
    expect(keys).toEqual(
      expect.arrayContaining([
        // T-0009: the connection data have no retention, the notice and the rights procedure are missing,
        // the fraud purpose relies on legitimate interests without an assessment; its processor has no DPA.
        'T-0009 retention_missing dataCategories[2].retention',
        'T-0009 information_missing dataSubjectInformation',
        'T-0009 rights_procedure_missing rightsProcedure',
        'T-0009 legitimate_interest_assessment_missing purposes[1].legitimateInterestAssessment.purpose',
        'Vérif Identité processor_dpa_missing dpa',
        // T-0006 uses the restricted mailing vendor, whose parent company is American.
        'T-0006 activity_uses_restricted_vendor processors[0]',
        'Courriel Express vendor_exposed_non_eu_law transfers',
        'FastEdge CDN vendor_exposed_non_eu_law transfers',
      ]),
    );
    // T-0011 is archived: it no longer runs, so its US transfer without a mechanism raises nothing.
    expect(keys.filter((key) => key.startsWith('T-0011'))).toEqual([]);
    // A terminated vendor is not assessed any more, and the DPF-certified US transfer of T-0004 is covered.
    expect(keys.filter((key) => key.startsWith('Sondages Express') || key.startsWith('T-0004 transfer'))).toEqual([]);
    const dpa = (response.body.items as FindingItem[]).find((item) => item.code === 'processor_dpa_missing')!;
    expect(dpa).toMatchObject({ severity: 'high', recordType: 'vendor', message: expect.stringContaining('T-0009') });
    expect(response.body.bySeverity.high).toBeGreaterThanOrEqual(3);
    expect(response.body.total).toBe(response.body.items.length);
  });

  it('filters by severity, code and department, and translates messages', async () => {
    const dpo = await signIn('dpo@example.com', 'fr');
    const base = `/api/v1/organizations/${organizationId}/findings`;
    const high = (await dpo.get(`${base}?severity=high&pageSize=200`).expect(200)).body.items as FindingItem[];
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((item) => item.severity === 'high')).toBe(true);
    // Reopened, the archived T-0011 runs again: its US transfer without a mechanism is a finding.
    const [archived] = (await dpo.get(`/api/v1/organizations/${organizationId}/activities?q=T-0011`).expect(200)).body.items as { id: string; version: number; status: string }[];
    expect(archived.status).toBe('archived');
    await dpo.post(`/api/v1/organizations/${organizationId}/activities/${archived.id}/reopen`).send({ version: archived.version }).expect(200);
    const transfer = (await dpo.get(`${base}?code=transfer_without_mechanism`).expect(200)).body.items as FindingItem[];
    expect(transfer).toHaveLength(1);
    expect(transfer[0].message).toBe('T-0011 : le transfert vers les États-Unis (Sondages Express Inc.) n’a pas d’outil de transfert valable. Choisissez une décision d’adéquation, des CCT, des BCR ou une dérogation.');
    expect(transfer[0].link).toMatch(new RegExp(`^/orgs/${organizationId}/register/[0-9a-f-]{36}\\?field=transfers%5B0%5D.mechanism$`));

    const departmentId = (await dpo.get(`${base}?code=retention_missing`).expect(200)).body.items[0].departmentId as string;
    const ofDepartment = (await dpo.get(`${base}?departmentId=${departmentId}&pageSize=200`).expect(200)).body.items as FindingItem[];
    expect(ofDepartment.length).toBeGreaterThan(0);
    expect(ofDepartment.every((item) => item.departmentId === departmentId)).toBe(true);
    await dpo.get(`${base}?severity=urgent`).expect(400);
  });

  it('finds a gap on an activity that had none once it appears', async () => {
    const dpo = await signIn('dpo@example.com');
    const base = `/api/v1/organizations/${organizationId}`;
    const register = await dpo.get(`${base}/activities?q=T-0010`).expect(200);
    const activity = register.body.items[0] as { id: string };
    const detail = (await dpo.get(`${base}/activities/${activity.id}`).expect(200)).body;
    const rightsOf = async () => keysOf((await dpo.get(`${base}/findings?recordId=${activity.id}`).expect(200)).body.items);
    expect(await rightsOf()).toEqual([]);
    // A validated activity must stay complete: reopen it to draft, then remove the procedure.
    await dpo.post(`${base}/activities/${activity.id}/reopen`).send({ version: detail.version }).expect(200);
    const reopened = (await dpo.get(`${base}/activities/${activity.id}`).expect(200)).body;
    await dpo.patch(`${base}/activities/${activity.id}`).send({ version: reopened.version, rightsProcedure: null }).expect(200);
    expect(await rightsOf()).toEqual(['T-0010 rights_procedure_missing rightsProcedure']);
  });

  it('reports the DPIAs the screening requires, then the DPIA not validated and its overdue actions', async () => {
    const dpo = await signIn('dpo@example.com');
    const base = `/api/v1/organizations/${organizationId}`;
    const dpiaKeys = async () =>
      keysOf(((await dpo.get(`${base}/findings?pageSize=200`).expect(200)).body.items as FindingItem[]).filter((item) => item.code.startsWith('dpia_')));
    // The fixture screens T-0005 (large scale, systematic monitoring) and T-0009 (biometrics, scoring…) as required; it has no DPIA.
    expect(await dpiaKeys()).toEqual(['T-0005 dpia_required_missing dpiaScreening.decision', 'T-0009 dpia_required_missing dpiaScreening.decision']);

    const t0009 = (await dpo.get(`${base}/activities?q=T-0009`).expect(200)).body.items[0] as { id: string };
    const dpia = (await dpo.post(`${base}/dpias`).send({ activityId: t0009.id }).expect(201)).body as { id: string; version: number };
    expect(await dpiaKeys()).toEqual(['T-0005 dpia_required_missing dpiaScreening.decision', 'T-0009 dpia_not_validated validation']);

    const actionPlan = [
      { measure: 'Chiffrer les pièces d’identité', owner: 'DSI', dueDate: '2020-01-15', status: 'planned' },
      { measure: 'Purger les selfies', owner: null, dueDate: '2020-01-10', status: 'in_progress' },
      { measure: 'Former le support', owner: null, dueDate: '2020-01-01', status: 'done' },
      { measure: 'Revoir les accès', owner: null, dueDate: '2099-01-01', status: 'planned' },
    ];
    await dpo.patch(`${base}/dpias/${dpia.id}`).send({ version: dpia.version, actionPlan }).expect(200);
    const items = ((await dpo.get(`${base}/findings?code=dpia_actions_overdue&code=dpia_not_validated`).expect(200)).body.items as FindingItem[]);
    expect(items.map((item) => `${item.code} ${item.link}`)).toEqual([
      `dpia_actions_overdue /orgs/${organizationId}/dpias/${dpia.id}#dpia-actionPlan`,
      `dpia_not_validated /orgs/${organizationId}/dpias/${dpia.id}#dpia-validation`,
    ]);
    // The done action and the one due in 2099 are not counted; the earliest overdue date is given.
    expect(items[0]).toMatchObject({ severity: 'medium', recordType: 'dpia', recordReference: 'T-0009', message: expect.stringContaining('2 actions of its DPIA plan are past their due date') });
    expect(items[0].message).toContain('the first on 10 January 2020');
  });

  it('computes once while nothing changes, and again after any write — through the API or plain SQL', async () => {
    const dpo = await signIn('dpo@example.com');
    const base = `/api/v1/organizations/${organizationId}`;
    const service = api.app.get(FindingsService);
    const codes = async (code: string) => keysOf((await dpo.get(`${base}/findings?code=${code}&pageSize=200`).expect(200)).body.items);

    await dpo.get(`${base}/findings`).expect(200);
    const before = service.computations;
    // The dashboard page's three requests share the evaluation.
    await dpo.get(`${base}/dashboard`).expect(200);
    await dpo.get(`${base}/findings?severity=high`).expect(200);
    await dpo.get('/api/v1/me/organization-summaries').expect(200);
    expect(service.computations).toBe(before);

    // A write outside the services (no version, no audit event) still invalidates: the row's xmin changed.
    expect(await codes('processor_dpa_missing')).toEqual(['Vérif Identité processor_dpa_missing dpa']);
    await asOwner(api, (client) => client.query("UPDATE vendors SET dpa_signed = false WHERE organization_id = $1 AND name = 'FastEdge CDN'", [organizationId]));
    expect(await codes('processor_dpa_missing')).toEqual(['FastEdge CDN processor_dpa_missing dpa', 'Vérif Identité processor_dpa_missing dpa']);
    expect(service.computations).toBe(before + 1);

    // A deleted row too (the count and the XOR of the remaining rows change).
    await asOwner(api, (client) => client.query("DELETE FROM activity_processors WHERE organization_id = $1 AND vendor_id = (SELECT id FROM vendors WHERE organization_id = $1 AND name = 'Courriel Express')", [organizationId]));
    expect(await codes('activity_uses_restricted_vendor')).toEqual([]);
    expect(service.computations).toBe(before + 2);
    expect(await codes('activity_uses_restricted_vendor')).toEqual([]);
    expect(service.computations).toBe(before + 2);

    // After a write, only the activities written since are read again; the others are reused as they were.
    const evaluate = () => api.app.get(TransactionalConnection).withTenant({ organizationId }, () => service.evaluate(organizationId));
    const first = await evaluate();
    await asOwner(api, (client) =>
      client.query("UPDATE processing_activities SET document = jsonb_set(document, '{rightsProcedure}', 'null') WHERE organization_id = $1 AND reference = 'T-0002'", [organizationId]),
    );
    const second = await evaluate();
    expect(second).not.toBe(first);
    const byReference = (evaluation: typeof first, reference: string) => evaluation.data.activities.find((activity) => activity.reference === reference)!;
    expect(byReference(second, 'T-0001')).toBe(byReference(first, 'T-0001'));
    expect(byReference(second, 'T-0002')).not.toBe(byReference(first, 'T-0002'));
    expect(byReference(second, 'T-0002').rightsProcedure).toBeNull();
    expect(second.findings.some((finding) => finding.recordReference === 'T-0002' && finding.code === 'rights_procedure_missing')).toBe(true);
    expect(second.data.activities.map((activity) => activity.reference)).toEqual(first.data.activities.map((activity) => activity.reference));
    expect(await evaluate()).toBe(second);
  });

  it('evaluates again only the activities written since, and reflects a change to an activity, a vendor, the organisation or its members', async () => {
    const service = api.app.get(FindingsService);
    const connection = api.app.get(TransactionalConnection);
    const evaluate = () => connection.withTenant({ organizationId }, () => service.evaluate(organizationId));
    const keysIn = (evaluation: Awaited<ReturnType<typeof evaluate>>, reference: string) =>
      evaluation.findings.filter((finding) => finding.recordReference === reference).map((finding) => `${finding.code} ${finding.field}`);
    const sql = (text: string) => asOwner(api, (client) => client.query(text, [organizationId]));
    // The whole evaluation, without any memo, from the same data: what the incremental one must equal.
    const fromScratch = async (evaluation: Awaited<ReturnType<typeof evaluate>>) => {
      const facts = await connection.withTenant({ organizationId }, () => api.app.get(FindingsDataService).facts());
      return computeFindings(evaluation.data, facts, FINDING_RULES);
    };

    const first = await evaluate();
    const evaluated = service.activitiesEvaluated;

    // An activity: its notice removed — only this activity is read and evaluated again.
    await sql("UPDATE processing_activities SET document = jsonb_set(document, '{dataSubjectInformation}', 'null') WHERE organization_id = $1 AND reference = 'T-0003'");
    const afterActivity = await evaluate();
    expect(afterActivity).not.toBe(first);
    expect(keysIn(afterActivity, 'T-0003')).toContain('information_missing dataSubjectInformation');
    expect(service.activitiesEvaluated).toBe(evaluated + 1);

    // A vendor terminated: the activities naming it find it, though none of them was written.
    expect(keysIn(afterActivity, 'T-0001')).not.toContain('activity_uses_terminated_vendor processors[0]');
    await sql("UPDATE vendors SET status = 'terminated' WHERE organization_id = $1 AND name = 'Paysage Paie'");
    const afterVendor = await evaluate();
    expect(keysIn(afterVendor, 'T-0001')).toContain('activity_uses_terminated_vendor processors[0]');
    expect(service.activitiesEvaluated).toBe(evaluated + 1);

    // The organisation becomes a public body with no DPO named, then no member holds the DPO role.
    const [profile] = (await sql('SELECT public_body, dpo_name, dpo_email FROM organizations WHERE id = $1')).rows as { public_body: boolean; dpo_name: string; dpo_email: string }[];
    await sql('UPDATE organizations SET public_body = true, dpo_name = NULL, dpo_email = NULL WHERE id = $1');
    const afterProfile = await evaluate();
    expect(keysIn(afterProfile, afterProfile.data.profile!.name)).toEqual(['public_body_without_dpo dpoName']);
    const dpoMemberships = (await sql("SELECT id, roles FROM memberships WHERE organization_id = $1 AND 'dpo' = ANY(roles)")).rows as { id: string; roles: string[] }[];
    expect(dpoMemberships.length).toBeGreaterThan(0);
    // A membership keeps at least one role: the DPO becomes an auditor.
    await sql("UPDATE memberships SET roles = CASE WHEN 'auditor' = ANY(roles) THEN array_remove(roles, 'dpo') ELSE array_replace(roles, 'dpo', 'auditor') END WHERE organization_id = $1 AND 'dpo' = ANY(roles)");
    const afterMembers = await evaluate();
    expect(keysIn(afterMembers, afterMembers.data.profile!.name)).toEqual(['public_body_without_dpo dpoName', 'no_dpo_member members']);
    expect(service.activitiesEvaluated).toBe(evaluated + 1);

    // The activity written back as it was: its findings go, and nothing differs from a whole evaluation.
    await sql("UPDATE processing_activities SET document = jsonb_set(document, '{dataSubjectInformation}', '\"Mentions sur l’intranet « RH », article 4\"') WHERE organization_id = $1 AND reference = 'T-0003'");
    const restored = await evaluate();
    expect(keysIn(restored, 'T-0003')).not.toContain('information_missing dataSubjectInformation');
    expect(service.activitiesEvaluated).toBe(evaluated + 2);
    for (const evaluation of [afterActivity, afterVendor, afterProfile, afterMembers, restored]) expect(evaluation.findings).toEqual((await fromScratch(evaluation)).findings);
    expect(restored.scores).toEqual((await fromScratch(restored)).scores);

    for (const { id, roles } of dpoMemberships) await asOwner(api, (client) => client.query('UPDATE memberships SET roles = $2 WHERE id = $1', [id, roles]));
    await asOwner(api, (client) =>
      client.query('UPDATE organizations SET public_body = $2, dpo_name = $3, dpo_email = $4 WHERE id = $1', [organizationId, profile.public_body, profile.dpo_name, profile.dpo_email]),
    );
    await sql("UPDATE vendors SET status = 'approved' WHERE organization_id = $1 AND name = 'Paysage Paie'");
  });
});
