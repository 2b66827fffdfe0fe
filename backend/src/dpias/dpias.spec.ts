import { Client } from 'pg';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { defineAbilityFor } from '../authorization/ability.factory';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import sampleRegister from '../database/seeds/sample-register.json';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { emptyContent } from '../domain/dpias/dpia-rules';
import type { DpiaContent } from '../domain/dpias/dpia.types';
import { DpiaQueries } from './dpia-queries.service';

type Role = 'admin' | 'dpo' | 'contributor' | 'auditor';

/** The three feared events rated before and after measures (the fixture's fraud activity). */
function ratedRisks(): DpiaContent['risks'] {
  const risks = emptyContent().risks;
  risks.illegitimate_access = {
    riskSources: ['Attaquant externe'],
    threats: ['Vol de la base des pièces d’identité'],
    impacts: ['Usurpation d’identité'],
    existingMeasures: ['access_control'],
    plannedMeasures: ['encryption'],
    before: { severity: 4, likelihood: 3 },
    after: { severity: 4, likelihood: 1 },
  };
  risks.unwanted_modification = { ...risks.illegitimate_access, before: { severity: 3, likelihood: 2 }, after: { severity: 3, likelihood: 1 } };
  risks.disappearance = { ...risks.illegitimate_access, before: { severity: 2, likelihood: 2 }, after: { severity: 2, likelihood: 1 } };
  return risks;
}

describe('DPIA rules of the ability factory', () => {
  const can = (role: Role, action: Parameters<ReturnType<typeof defineAbilityFor>['can']>[0]) =>
    defineAbilityFor({ organizationId: 'org-1', userId: 'user-1', roles: [role], departmentId: null }).can(action, 'Dpia');

  it('lets contributors draft, only the DPO give the opinion, admin or DPO decide, auditors read', () => {
    const table = (['admin', 'dpo', 'contributor', 'auditor'] as const).map((role) => ({
      role,
      read: can(role, 'read'),
      draft: can(role, 'create') && can(role, 'update') && can(role, 'submit'),
      opinion: can(role, 'validate'),
      decide: can(role, 'decide'),
    }));
    expect(table).toEqual([
      { role: 'admin', read: true, draft: true, opinion: false, decide: true },
      { role: 'dpo', read: true, draft: true, opinion: true, decide: true },
      { role: 'contributor', read: true, draft: true, opinion: false, decide: false },
      { role: 'auditor', read: true, draft: false, opinion: false, decide: false },
    ]);
  });
});

describe('DPIAs: screening, sections, statuses, locking, revisions, roles and audit (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Analyses');
    await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/vendors/import-json`).send(sampleRegister.vendors).expect(201);
    const imported = await org.as.dpo.post(`${activities()}/import-json`).send(sampleRegister.activities).expect(201);
    for (const item of imported.body.items as { id: string; reference: string }[]) ids[item.reference] = item.id;
  });
  afterAll(() => api.close());

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const dpias = () => `/api/v1/organizations/${org.organizationId}/dpias`;
  const activity = async (reference: string) => (await org.as.auditor.get(`${activities()}/${ids[reference]}`).expect(200)).body;
  const events = (dpiaId: string) =>
    asOwner(api, async (client) => (await client.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'Dpia' AND entity_id = $1 ORDER BY sequence", [dpiaId])).rows.map((row) => row.action));

  describe('screening on the activity', () => {
    it('keeps the fixture’s screening: computed where the rule decides, the DPO’s decision on one criterion', async () => {
      expect((await activity('T-0009')).dpiaScreening).toMatchObject({ decision: 'required' });
      expect((await activity('T-0005')).dpiaScreening).toMatchObject({ decision: 'required' });
      // One criterion, "not required": a DPO decision recorded before Registre; it survives the import.
      expect((await activity('T-0001')).dpiaScreening).toMatchObject({ criteria: ['sensitive_or_highly_personal_data'], decision: 'not_required' });
      expect((await activity('T-0002')).dpiaScreening).toMatchObject({ criteria: [], decision: 'not_required' });
    });

    it('computes the decision the client cannot choose', async () => {
      const base = completeActivity({ name: 'Biométrie', dpiaScreening: { criteria: [], onCnilRequiredList: 'biometric_vulnerable', decision: 'not_required' } });
      const created = (await org.as.contributor.post(activities()).send(base).expect(201)).body;
      expect(created.dpiaScreening.decision).toBe('required');
      const exempt = (
        await org.as.contributor
          .patch(`${activities()}/${created.id}`)
          .send({ version: 1, dpiaScreening: { criteria: [], onCnilRequiredList: null, onCnilExemptList: 'supplier_management', decision: 'required' } })
          .expect(200)
      ).body;
      expect(exempt.dpiaScreening.decision).toBe('not_required');
      const two = (
        await org.as.contributor
          .patch(`${activities()}/${created.id}`)
          .send({ version: 2, dpiaScreening: { criteria: ['large_scale', 'innovative_technology'], onCnilExemptList: 'supplier_management', decision: 'not_required' } })
          .expect(200)
      ).body;
      expect(two.dpiaScreening.decision).toBe('required');
      // Stored and versioned with the activity.
      const version = (await org.as.auditor.get(`${activities()}/${created.id}/versions/3`).expect(200)).body;
      expect(version.activity.dpiaScreening.decision).toBe('required');
    });

    it('lets only the DPO find a derived criterion not met, with a written reason (WP248: employees count as vulnerable)', async () => {
      const body = completeActivity({ name: 'Annuaire interne', dpiaScreening: { criteria: [] } });
      const created = (await org.as.contributor.post(activities()).send(body).expect(201)).body;
      expect(created.dpiaScreening).toMatchObject({ decision: 'to_assess' });
      const dismissal = { criterion: 'vulnerable_data_subjects', reason: 'Annuaire : ni surveillance ni évaluation des agents' };
      const tried = (
        await org.as.contributor.patch(`${activities()}/${created.id}`).send({ version: created.version, dpiaScreening: { criteria: [], dismissed: [dismissal] } }).expect(200)
      ).body;
      expect(tried.dpiaScreening.dismissed).toBeUndefined();
      expect(tried.dpiaScreening.decision).toBe('to_assess');
      const dismissed = (await org.as.dpo.patch(`${activities()}/${created.id}`).send({ version: tried.version, dpiaScreening: { criteria: [], dismissed: [dismissal] } }).expect(200)).body;
      expect(dismissed.dpiaScreening).toMatchObject({ decision: 'not_required', dismissed: [dismissal] });
      // A contributor's later edit of the screening keeps the DPO's dismissal.
      const kept = (await org.as.contributor.patch(`${activities()}/${created.id}`).send({ version: dismissed.version, dpiaScreening: { criteria: [] } }).expect(200)).body;
      expect(kept.dpiaScreening).toMatchObject({ decision: 'not_required', dismissed: [dismissal] });
    });

    it('leaves the one-criterion decision to the DPO, who must write why', async () => {
      const created = (await org.as.contributor.post(activities()).send(completeActivity({ name: 'Un critère', dataSubjects: [{ category: 'customers', estimatedCount: 5000 }], dpiaScreening: { criteria: ['large_scale'] } })).expect(201)).body;
      expect(created.dpiaScreening.decision).toBe('to_assess');
      // A contributor's decision is not recorded.
      const tried = (
        await org.as.contributor
          .patch(`${activities()}/${created.id}`)
          .send({ version: 1, description: 'Précisé', dpiaScreening: { criteria: ['large_scale'], decision: 'not_required', justification: 'Je pense que non' } })
          .expect(200)
      ).body;
      expect(tried.dpiaScreening).toMatchObject({ decision: 'to_assess' });
      // The DPO's needs a justification.
      const refused = await org.as.dpo
        .patch(`${activities()}/${created.id}`)
        .send({ version: 2, dpiaScreening: { criteria: ['large_scale'], decision: 'not_required', justification: null } })
        .expect(400);
      expect(refused.body.details.fields).toEqual([expect.objectContaining({ path: 'dpiaScreening.justification', code: 'isNotEmpty' })]);
      const decided = (
        await org.as.dpo
          .patch(`${activities()}/${created.id}`)
          .send({ version: 2, dpiaScreening: { criteria: ['large_scale'], decision: 'not_required', justification: 'Comptages agrégés seulement' } })
          .expect(200)
      ).body;
      expect(decided.dpiaScreening).toMatchObject({ decision: 'not_required', justification: 'Comptages agrégés seulement' });
      // A contributor's later edit keeps the DPO's decision.
      const kept = (
        await org.as.contributor
          .patch(`${activities()}/${created.id}`)
          .send({ version: 3, dpiaScreening: { criteria: ['large_scale'], decision: 'required', justification: 'Changement' } })
          .expect(200)
      ).body;
      expect(kept.dpiaScreening).toMatchObject({ decision: 'not_required', justification: 'Comptages agrégés seulement' });
    });
  });

  describe('the assessment', () => {
    let dpiaId: string;

    it('is started by a contributor, once per activity, not by an auditor', async () => {
      await org.as.auditor.post(dpias()).send({ activityId: ids['T-0009'] }).expect(403);
      const created = (await org.as.contributor.post(dpias()).send({ activityId: ids['T-0009'] }).expect(201)).body;
      dpiaId = created.id;
      expect(created).toMatchObject({ status: 'draft', revision: 1, version: 1, locked: false, dpoOpinion: null, decision: null, residualRisk: null });
      // The Context section's register part comes from the activity, not typed again.
      const fixture = sampleRegister.activities.find((item) => item.reference === 'T-0009')!;
      expect(created.register).toMatchObject({
        reference: 'T-0009',
        purposes: fixture.purposes.map((purpose) => ({ description: purpose.description, legalBasis: purpose.legalBasis })),
        processors: fixture.processors,
        securityMeasures: fixture.securityMeasures,
        screening: { decision: 'required' },
      });
      expect(created.register.dataCategories.map((item: { category: string }) => item.category)).toEqual(fixture.dataCategories.map((item) => item.category));
      const again = await org.as.dpo.post(dpias()).send({ activityId: ids['T-0009'] }).expect(409);
      expect(again.body).toMatchObject({ code: 'dpia_exists', details: { dpiaId } });
      expect(again.body.message).toContain('T-0009');
      await org.as.dpo.post(dpias()).send({ activityId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });

    it('saves sections under optimistic concurrency; the first save starts it', async () => {
      const context = { processing: 'Vérification des vendeurs', responsibilities: 'Responsable : la société', standards: null, lifecycle: null, supportingAssets: 'Prestataire KYC' };
      const saved = (await org.as.contributor.patch(`${dpias()}/${dpiaId}`).set('If-Match', '"1"').send({ context }).expect(200)).body;
      expect(saved).toMatchObject({ status: 'in_progress', version: 2, content: { context }, progress: { context: { done: 3, total: 5 } } });
      const stale = await org.as.dpo.patch(`${dpias()}/${dpiaId}`).send({ version: 1, context }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
      await org.as.auditor.patch(`${dpias()}/${dpiaId}`).send({ version: 2, context }).expect(403);
      const invalid = await org.as.contributor
        .patch(`${dpias()}/${dpiaId}`)
        .send({ version: 2, risks: { ...ratedRisks(), disappearance: { ...ratedRisks().disappearance, after: { severity: 5, likelihood: 0 } } } })
        .expect(400);
      expect(invalid.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['risks.disappearance.after.severity', 'risks.disappearance.after.likelihood']);
    });

    it('asks the DPO only once every feared event is rated', async () => {
      const early = await org.as.contributor.post(`${dpias()}/${dpiaId}/submit`).send({ version: 2 }).expect(422);
      expect(early.body).toMatchObject({ code: 'dpia_incomplete', details: { fearedEvents: ['illegitimate_access', 'unwanted_modification', 'disappearance'] } });
      const principles = { ...emptyContent().principles, purposes: { judgement: 'acceptable', comment: 'Finalité déterminée' }, minimisation: { judgement: 'to_improve', comment: 'Selfie conservé trop longtemps' } };
      const actionPlan = [
        { measure: 'Chiffrer les pièces d’identité', owner: 'DSI', dueDate: '2027-01-15', status: 'planned' },
        { measure: 'Purger les selfies après vérification', owner: 'Produit', dueDate: '2026-12-01', status: 'in_progress' },
        { measure: 'Former le support', owner: null, dueDate: '2026-11-30', status: 'done' },
      ];
      const saved = (await org.as.contributor.patch(`${dpias()}/${dpiaId}`).send({ version: 2, risks: ratedRisks(), principles, actionPlan }).expect(200)).body;
      expect(saved.residualRisk).toBe('medium');
      expect(saved.progress).toMatchObject({ principles: { done: 2, total: 12 }, risks: { done: 3, total: 3 }, actionPlan: { done: 2, total: 3 } });
      expect(saved.content.actionPlan.every((action: { id: string }) => /^[0-9a-f-]{36}$/.test(action.id))).toBe(true);
      const submitted = (await org.as.contributor.post(`${dpias()}/${dpiaId}/submit`).send({ version: 3 }).expect(200)).body;
      expect(submitted).toMatchObject({ status: 'awaiting_dpo_opinion', version: 4 });
      const frozen = await org.as.contributor.patch(`${dpias()}/${dpiaId}`).send({ version: 4, actionPlan: [] }).expect(409);
      expect(frozen.body.code).toBe('dpia_not_editable');
    });

    it('lets only the DPO give the opinion, and an admin or the DPO decide after it', async () => {
      await org.as.admin.post(`${dpias()}/${dpiaId}/decision`).send({ version: 4, decision: 'validated' }).expect(422);
      for (const role of ['contributor', 'admin', 'auditor'] as const) {
        await org.as[role].post(`${dpias()}/${dpiaId}/opinion`).send({ version: 4, status: 'could_be_implemented', opinion: 'OK' }).expect(403);
      }
      const opinion = (
        await org.as.dpo.post(`${dpias()}/${dpiaId}/opinion`).send({ version: 4, status: 'could_be_implemented', opinion: 'Acceptable une fois le chiffrement en place' }).expect(200)
      ).body;
      expect(opinion.dpoOpinion).toMatchObject({ status: 'could_be_implemented', givenBy: org.userIds.dpo });
      await org.as.contributor.post(`${dpias()}/${dpiaId}/decision`).send({ version: 5, decision: 'validated' }).expect(403);
      const noConditions = await org.as.dpo.post(`${dpias()}/${dpiaId}/decision`).send({ version: 5, decision: 'validated_with_conditions', comment: '  ' }).expect(422);
      expect(noConditions.body.code).toBe('dpia_conditions_missing');
      const decided = (
        await org.as.dpo.post(`${dpias()}/${dpiaId}/decision`).send({ version: 5, decision: 'validated_with_conditions', comment: 'Chiffrement avant l’ouverture' }).expect(200)
      ).body;
      expect(decided).toMatchObject({ status: 'validated', locked: true, decision: { decision: 'validated_with_conditions', comment: 'Chiffrement avant l’ouverture', decidedBy: org.userIds.dpo } });
    });

    it('locks a validated DPIA: every write answers 409 dpia_locked', async () => {
      const writes = [
        org.as.dpo.patch(`${dpias()}/${dpiaId}`).send({ version: 6, context: emptyContent().context }),
        org.as.dpo.post(`${dpias()}/${dpiaId}/submit`).send({ version: 6 }),
        org.as.dpo.post(`${dpias()}/${dpiaId}/reopen`).send({ version: 6 }),
        org.as.dpo.post(`${dpias()}/${dpiaId}/opinion`).send({ version: 6, status: 'should_not_be_implemented', opinion: 'Finalement non' }),
        org.as.admin.post(`${dpias()}/${dpiaId}/decision`).send({ version: 6, decision: 'refused' }),
      ];
      for (const write of writes) {
        const response = await write;
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'dpia_locked' });
      }
      expect((await org.as.auditor.get(`${dpias()}/${dpiaId}`).expect(200)).body).toMatchObject({ status: 'validated', version: 6 });
    });

    it('opens a new draft revision; the validated one stays readable', async () => {
      await org.as.auditor.post(`${dpias()}/${dpiaId}/revisions`).send({ version: 6 }).expect(403);
      const next = (await org.as.contributor.post(`${dpias()}/${dpiaId}/revisions`).send({ version: 6 }).expect(201)).body;
      expect(next).toMatchObject({ revision: 2, status: 'draft', locked: false, dpoOpinion: null, decision: null, version: 7 });
      expect(next.content.risks).toEqual(ratedRisks());
      await org.as.contributor.post(`${dpias()}/${dpiaId}/revisions`).send({ version: 7 }).expect(409);
      const list = (await org.as.auditor.get(`${dpias()}/${dpiaId}/revisions`).expect(200)).body;
      expect(list).toEqual([
        { revision: 1, status: 'validated', decision: 'validated_with_conditions', closedAt: expect.any(String), current: false },
        { revision: 2, status: 'draft', decision: null, closedAt: null, current: true },
      ]);
      const first = (await org.as.auditor.get(`${dpias()}/${dpiaId}/revisions/1`).expect(200)).body;
      expect(first).toMatchObject({ revision: 1, status: 'validated', decision: { decision: 'validated_with_conditions' }, dpoOpinion: { status: 'could_be_implemented' } });
      expect((await org.as.auditor.get(`${dpias()}/${dpiaId}/revisions/2`).expect(200)).body).toMatchObject({ revision: 2, status: 'draft' });
      await org.as.auditor.get(`${dpias()}/${dpiaId}/revisions/3`).expect(404);
    });

    it('audits every change in the same transaction, and a failed write leaves no event', async () => {
      expect(await events(dpiaId)).toEqual(['dpia_create', 'dpia_update', 'dpia_update', 'dpia_submit', 'dpia_opinion', 'dpia_decide', 'dpia_newRevision']);
      const [event] = await asOwner(api, async (client) =>
        (await client.query<{ changes: Record<string, unknown> }>("SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'dpia_decide'", [dpiaId])).rows,
      );
      expect(event.changes).toEqual({
        status: { before: 'awaiting_dpo_opinion', after: 'validated' },
        decision: { before: null, after: 'validated_with_conditions' },
        decisionComment: { before: null, after: 'Chiffrement avant l’ouverture' },
      });
    });

    it('lists DPIAs with activity, status, residual risk and next action due', async () => {
      const list = (await org.as.auditor.get(dpias()).expect(200)).body;
      expect(list).toMatchObject({ total: 1, items: [{ id: dpiaId, activityReference: 'T-0009', status: 'draft', revision: 2, residualRisk: 'medium', nextActionDue: '2026-12-01' }] });
      expect((await org.as.auditor.get(`${dpias()}?status=validated`).expect(200)).body.total).toBe(0);
      expect((await org.as.auditor.get(`${dpias()}?activityId=${ids['T-0009']}`).expect(200)).body.items).toHaveLength(1);
    });

    it('answers "actions due before a date" for the dashboard (not done, current revision, earliest first)', async () => {
      const due = (await org.as.auditor.get(`${dpias()}/actions-due?before=2027-01-01`).expect(200)).body;
      expect(due).toEqual([expect.objectContaining({ dpiaId, activityReference: 'T-0009', measure: 'Purger les selfies après vérification', dueDate: '2026-12-01', status: 'in_progress' })]);
      const later = (await org.as.auditor.get(`${dpias()}/actions-due?before=2027-02-01`).expect(200)).body;
      expect(later.map((action: { dueDate: string }) => action.dueDate)).toEqual(['2026-12-01', '2027-01-15']);
      expect((await org.as.auditor.get(`${dpias()}/actions-due?before=2026-12-01`).expect(200)).body).toEqual([]);
      await org.as.auditor.get(`${dpias()}/actions-due?before=demain`).expect(400);
    });

    it('gives the register export one row per DPIA', async () => {
      const service = api.app.get(DpiaQueries);
      const rows = await api.app.get(TransactionalConnection).withTenant({ organizationId: org.organizationId }, () => service.exportRows(org.organizationId));
      expect(rows).toEqual([
        expect.objectContaining({
          dpiaId,
          activityReference: 'T-0009',
          screeningDecision: 'required',
          status: 'draft',
          revision: 2,
          residualRisk: 'medium',
          residualRisks: {
            illegitimate_access: { severity: 4, likelihood: 1, level: 'medium' },
            unwanted_modification: { severity: 3, likelihood: 1, level: 'medium' },
            disappearance: { severity: 2, likelihood: 1, level: 'low' },
          },
          decision: null,
        }),
      ]);
    });

    it('keeps the activity of a DPIA from being deleted with a draft', async () => {
      const response = await org.as.dpo.delete(`${activities()}/${ids['T-0009']}`).expect(409);
      expect(response.body).toMatchObject({ code: 'activity_has_dpia', details: { dpiaId } });
      expect(response.body.message).toBe('This activity has a DPIA: it cannot be deleted.');
    });

    it('keeps each organisation to its own DPIAs', async () => {
      const other = await createOrganizationWithRoles(api.server, 'Autre');
      await other.as.dpo.get(`/api/v1/organizations/${other.organizationId}/dpias/${dpiaId}`).expect(404);
      expect((await other.as.dpo.get(`/api/v1/organizations/${other.organizationId}/dpias`).expect(200)).body.total).toBe(0);
      await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/dpias`).send({ activityId: ids['T-0009'] }).expect(404);
    });

    it('isolates the tables by row-level security, keeps closed revisions append-only and never links across organisations', async () => {
      const other = await createOrganizationWithRoles(api.server, 'Tierce');
      const app = new Client({ connectionString: api.database.appUrl });
      await app.connect();
      const inOrganization = async <T>(organizationId: string, work: () => Promise<T>): Promise<T> => {
        await app.query('BEGIN');
        try {
          await app.query("SELECT set_config('app.organization_id', $1, true)", [organizationId]);
          return await work();
        } finally {
          await app.query('ROLLBACK');
        }
      };
      try {
        for (const table of ['dpias', 'dpia_revisions']) {
          const count = async (organizationId: string) => (await inOrganization(organizationId, () => app.query(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n as number;
          expect({ table, mine: await count(org.organizationId), theirs: await count(other.organizationId) }).toEqual({ table, mine: 1, theirs: 0 });
        }
        for (const statement of ['UPDATE dpia_revisions SET status = status', 'DELETE FROM dpia_revisions', 'DELETE FROM dpias']) {
          await expect(inOrganization(org.organizationId, () => app.query(statement))).rejects.toMatchObject({ code: '42501' });
        }
      } finally {
        await app.end();
      }
      // Even the owner cannot attach a DPIA to another organisation's activity (composite foreign key).
      await expect(
        asOwner(api, (client) => client.query("INSERT INTO dpias (organization_id, activity_id, content) VALUES ($1, $2, '{}')", [other.organizationId, ids['T-0009']])),
      ).rejects.toMatchObject({ code: '23503' });
    });
  });
});

describe('the DPIA list: search, status, sort and pages (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const ids: Record<string, string> = {};
  const dpias = () => `/api/v1/organizations/${org.organizationId}/dpias`;
  const references = async (query: string) => ((await org.as.auditor.get(`${dpias()}?${query}`).expect(200)).body.items as { activityReference: string }[]).map((item) => item.activityReference);

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Liste des AIPD');
    await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/vendors/import-json`).send(sampleRegister.vendors).expect(201);
    const imported = await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities/import-json`).send(sampleRegister.activities).expect(201);
    for (const item of imported.body.items as { id: string; reference: string }[]) ids[item.reference] = item.id;
    for (const reference of ['T-0009', 'T-0004', 'T-0005']) await org.as.dpo.post(dpias()).send({ activityId: ids[reference] }).expect(201);
    // T-0004 moves on: its first save starts the assessment.
    const [started] = (await org.as.auditor.get(`${dpias()}?activityId=${ids['T-0004']}`).expect(200)).body.items as { id: string }[];
    await org.as.dpo.patch(`${dpias()}/${started.id}`).send({ version: 1, context: { processing: 'Modération des annonces « immobilier »', responsibilities: null, standards: null, lifecycle: null, supportingAssets: null } }).expect(200);
  });
  afterAll(() => api.close());

  it('orders by the activity’s reference unless told otherwise, either way', async () => {
    expect(await references('')).toEqual(['T-0004', 'T-0005', 'T-0009']);
    expect(await references('sort=-activity')).toEqual(['T-0009', 'T-0005', 'T-0004']);
    // Statuses in the order of the workflow (in progress after draft), ties by reference.
    expect(await references('sort=-status')).toEqual(['T-0004', 'T-0005', 'T-0009']);
    expect(await references('sort=status')).toEqual(['T-0005', 'T-0009', 'T-0004']);
  });

  it('searches the activity’s reference and name without regard to accents or case', async () => {
    expect(await references('q=MODERATION')).toEqual(['T-0004']);
    expect(await references('q=t-0009')).toEqual(['T-0009']);
    expect(await references('q=v%C3%A9rification%20des%20vendeurs')).toEqual(['T-0009']);
    expect(await references('q=100%25')).toEqual([]);
    const filtered = (await org.as.auditor.get(`${dpias()}?q=messagerie&status=in_progress`).expect(200)).body;
    expect(filtered).toMatchObject({ items: [], total: 0 });
  });

  it('cuts pages and counts what the filters keep', async () => {
    const second = (await org.as.auditor.get(`${dpias()}?page=2&pageSize=2`).expect(200)).body;
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ activityReference: 'T-0009' }] });
    expect((await org.as.auditor.get(`${dpias()}?status=draft&pageSize=1`).expect(200)).body).toMatchObject({ total: 2, items: [{ activityReference: 'T-0005' }] });
  });

  it('refuses an unknown sort in words, listing nothing', async () => {
    const refused = (await org.as.auditor.get(`${dpias()}?sort=residualRisk`).expect(400)).body;
    expect(refused).toMatchObject({ code: 'validation_failed', details: { fields: [expect.objectContaining({ path: 'sort', code: 'isIn' })] } });
    expect(refused.message).not.toMatch(/isIn|residualRisk/);
  });
});
