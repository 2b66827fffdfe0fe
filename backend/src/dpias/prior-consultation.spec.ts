import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { emptyContent } from '../domain/dpias/dpia-rules';
import type { DpiaContent } from '../domain/dpias/dpia.types';

/**
 * Issue 17, item 1 — Art 36: a DPIA whose residual risk stays high is validated only with the prior
 * consultation of the supervisory authority, and the processing waits for the authority's answer.
 */
describe('Art 36 prior consultation (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Consultation préalable');
  });
  afterAll(() => api.close());

  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const dpias = () => `${base()}/dpias`;

  /** The three feared events rated; the first stays at `after` once measures are applied. */
  function risks(after: { severity: number; likelihood: number }): DpiaContent['risks'] {
    const content = emptyContent().risks;
    const rated = (before: [number, number], afterLevel: { severity: number; likelihood: number }) => ({
      riskSources: ['Salarié malveillant'],
      threats: ['Consultation des images hors de tout motif'],
      impacts: ['Atteinte à la vie privée des salariés'],
      existingMeasures: ['access_control'],
      plannedMeasures: ['other:floutage des postes de travail'],
      before: { severity: before[0], likelihood: before[1] },
      after: afterLevel,
    });
    return {
      ...content,
      illegitimate_access: rated([4, 4], after),
      unwanted_modification: rated([2, 2], { severity: 2, likelihood: 1 }),
      disappearance: rated([2, 2], { severity: 1, likelihood: 1 }),
    } as unknown as DpiaContent['risks'];
  }

  /** An activity screened "required", its DPIA rated and awaiting the decision after the DPO's opinion. */
  async function dpiaAwaitingDecision(name: string, after: { severity: number; likelihood: number }) {
    const activity = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(completeActivity({ name, dpiaScreening: { criteria: ['systematic_monitoring', 'innovative_technology'] } }))
        .expect(201)
    ).body;
    const created = (await org.as.contributor.post(dpias()).send({ activityId: activity.id }).expect(201)).body;
    const saved = (await org.as.contributor.patch(`${dpias()}/${created.id}`).send({ version: created.version, risks: risks(after) }).expect(200)).body;
    const submitted = (await org.as.contributor.post(`${dpias()}/${created.id}/submit`).send({ version: saved.version }).expect(200)).body;
    const opinion = (
      await org.as.dpo
        .post(`${dpias()}/${created.id}/opinion`)
        .send({ version: submitted.version, status: 'could_be_implemented', opinion: 'Mise en œuvre possible sous réserve de l’avis de la CNIL' })
        .expect(200)
    ).body;
    return { activity, dpia: opinion };
  }

  it('refuses a plain validation when the residual risk stays high (4×3), records the consultation, holds the processing until the answer, audits each step', async () => {
    const { activity, dpia } = await dpiaAwaitingDecision('Vidéosurveillance des entrepôts', { severity: 4, likelihood: 3 });
    expect(dpia).toMatchObject({ residualRisk: 'high', priorConsultationRequired: true, priorConsultation: null });

    // A plain validation is refused in words, and changes nothing.
    const plain = await org.as.dpo.post(`${dpias()}/${dpia.id}/decision`).set('Accept-Language', 'fr').send({ version: dpia.version, decision: 'validated' }).expect(422);
    expect(plain.body).toMatchObject({ code: 'dpia_prior_consultation_missing', message: expect.stringContaining('consultation préalable de la CNIL') });
    const english = await org.as.dpo.post(`${dpias()}/${dpia.id}/decision`).set('Accept-Language', 'en').send({ version: dpia.version, decision: 'validated_with_conditions', comment: 'Floutage' }).expect(422);
    expect(english.body.message).toContain('prior consultation of the supervisory authority');
    expect((await org.as.auditor.get(`${dpias()}/${dpia.id}`).expect(200)).body).toMatchObject({ status: 'awaiting_dpo_opinion', version: dpia.version });

    // Bad input: a 400 naming the field.
    const invalid = await org.as.dpo
      .post(`${dpias()}/${dpia.id}/decision`)
      .send({ version: dpia.version, decision: 'validated', priorConsultation: { sentOn: '28/11/2026', reference: ' ' } })
      .expect(400);
    expect(invalid.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['priorConsultation.reference', 'priorConsultation.sentOn']);

    // Only the DPO consults the authority (an admin may decide other DPIAs).
    const consultation = { sentOn: '2026-11-28', reference: 'CNIL — saisine n° 26-04817 « Entrepôts »' };
    await org.as.admin.post(`${dpias()}/${dpia.id}/decision`).send({ version: dpia.version, decision: 'validated', priorConsultation: consultation }).expect(403);
    const decided = (await org.as.dpo.post(`${dpias()}/${dpia.id}/decision`).send({ version: dpia.version, decision: 'validated', priorConsultation: consultation }).expect(200)).body;
    expect(decided).toMatchObject({
      status: 'validated',
      locked: true,
      priorConsultation: {
        ...consultation,
        // Saturday 28 November 2026 + 8 weeks = Saturday 23 January 2027 → Monday 25; + 14 weeks = Saturday 6 March → Monday 8.
        answerDueOn: '2027-01-25',
        extendedAnswerDueOn: '2027-03-08',
        recordedByName: expect.any(String),
        answer: null,
      },
    });

    // The processing waits: the activity cannot be validated, the findings and the review queue say so.
    const submittedActivity = (await org.as.dpo.post(`${base()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    const held = await org.as.dpo.post(`${base()}/activities/${activity.id}/validate`).set('Accept-Language', 'fr').send({ version: submittedActivity.version }).expect(422);
    const blockers = Object.fromEntries(held.body.details.fields.map((field: { code: string; message: string }) => [field.code, field.message]));
    expect(Object.keys(blockers)).toEqual(['prior_consultation_pending']);
    expect(blockers.prior_consultation_pending).toContain('attend sa réponse (art. 36.2)');
    const findings = (await org.as.dpo.get(`${base()}/findings`).set('Accept-Language', 'fr').expect(200)).body;
    const list = (Array.isArray(findings) ? findings : findings.items) as { code: string; recordId: string; message: string }[];
    const pending = list.find((finding) => finding.code === 'dpia_prior_consultation_pending');
    expect(pending).toMatchObject({ recordId: dpia.id, message: expect.stringContaining('25 janvier 2027') });

    const queue = async () => (await org.as.dpo.get(`${base()}/review-queue`).expect(200)).body.items as { kind: string; recordId: string; reference: string }[];
    expect(await queue()).toContainEqual(expect.objectContaining({ kind: 'prior_consultation', recordId: dpia.id, reference: activity.reference }));

    // The answer: DPO only, versioned, not before the request, once.
    const answer = { receivedOn: '2027-01-19', outcome: 'written_advice', summary: 'La CNIL recommande de flouter les postes de travail et de limiter la conservation à 30 jours.' };
    await org.as.contributor.post(`${dpias()}/${dpia.id}/prior-consultation/answer`).send({ version: decided.version, ...answer }).expect(403);
    const stale = await org.as.dpo.post(`${dpias()}/${dpia.id}/prior-consultation/answer`).send({ version: decided.version - 1, ...answer }).expect(409);
    expect(stale.body.code).toBe('version_conflict');
    const early = await org.as.dpo
      .post(`${dpias()}/${dpia.id}/prior-consultation/answer`)
      .set('Accept-Language', 'fr')
      .send({ version: decided.version, ...answer, receivedOn: '2026-11-27' })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'dpia_answer_before_request', message: expect.stringContaining('avant l’envoi de la demande') });
    const bad = await org.as.dpo.post(`${dpias()}/${dpia.id}/prior-consultation/answer`).send({ version: decided.version, ...answer, outcome: 'ok' }).expect(400);
    expect(bad.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['outcome']);

    // Two DPO tabs recording at once: one wins, the other is told, nothing is half-written.
    const both = await Promise.all(
      [answer, { ...answer, summary: 'Autre réponse' }].map((body) => org.as.dpo.post(`${dpias()}/${dpia.id}/prior-consultation/answer`).send({ version: decided.version, ...body })),
    );
    expect(both.map((response) => response.status).sort()).toEqual([200, 409]);
    const answered = both.find((response) => response.status === 200)!.body;
    expect(answered.priorConsultation.answer).toMatchObject({ receivedOn: '2027-01-19', outcome: 'written_advice' });
    const again = await org.as.dpo.post(`${dpias()}/${dpia.id}/prior-consultation/answer`).send({ version: answered.version, ...answer }).expect(409);
    expect(again.body.code).toBe('dpia_consultation_answered');

    // The hold is lifted.
    expect((await queue()).some((item) => item.kind === 'prior_consultation')).toBe(false);
    const current = (await org.as.dpo.get(`${base()}/activities/${activity.id}`).expect(200)).body;
    await org.as.dpo.post(`${base()}/activities/${activity.id}/validate`).send({ version: current.version }).expect(200);
    const after = (await org.as.dpo.get(`${base()}/findings`).expect(200)).body;
    expect(((Array.isArray(after) ? after : after.items) as { code: string }[]).some((finding) => finding.code === 'dpia_prior_consultation_pending')).toBe(false);

    // Audited, in order, with the consultation and the answer in the changes.
    const events = await asOwner(api, async (client) =>
      (
        await client.query<{ action: string; changes: unknown }>("SELECT action, changes FROM audit_events WHERE entity_type = 'Dpia' AND entity_id = $1 ORDER BY sequence", [dpia.id])
      ).rows,
    );
    expect(events.map((event) => event.action)).toEqual(['dpia_create', 'dpia_update', 'dpia_submit', 'dpia_opinion', 'dpia_decide', 'dpia_consultation_answer']);
    expect(JSON.stringify(events[4].changes)).toContain('26-04817');
    expect(JSON.stringify(events[5].changes)).toContain('written_advice');
  });

  it('validates a DPIA whose measures bring the risk down (4×2) without a consultation, and refuses one that is not needed', async () => {
    const { dpia } = await dpiaAwaitingDecision('Badges d’accès', { severity: 4, likelihood: 2 });
    expect(dpia).toMatchObject({ residualRisk: 'medium', priorConsultationRequired: false });
    const needless = await org.as.dpo
      .post(`${dpias()}/${dpia.id}/decision`)
      .send({ version: dpia.version, decision: 'validated', priorConsultation: { sentOn: '2026-11-28', reference: 'CNIL-1' } })
      .expect(422);
    expect(needless.body.code).toBe('dpia_prior_consultation_not_required');
    const decided = (await org.as.admin.post(`${dpias()}/${dpia.id}/decision`).send({ version: dpia.version, decision: 'validated' }).expect(200)).body;
    expect(decided).toMatchObject({ status: 'validated', priorConsultation: null });
    const none = await org.as.dpo
      .post(`${dpias()}/${dpia.id}/prior-consultation/answer`)
      .send({ version: decided.version, receivedOn: '2027-01-19', outcome: 'no_objection', summary: 'Rien à signaler' })
      .expect(409);
    expect(none.body.code).toBe('dpia_no_prior_consultation');
  });

  it('keeps the processing stopped when the authority bans it (Art 58(2)(f)); a refusal needs no consultation', async () => {
    const { activity, dpia } = await dpiaAwaitingDecision('Géolocalisation permanente des livreurs', { severity: 3, likelihood: 3 });
    const decided = (
      await org.as.dpo.post(`${dpias()}/${dpia.id}/decision`).send({ version: dpia.version, decision: 'validated', priorConsultation: { sentOn: '2026-10-05', reference: 'Saisine 26-0311' } }).expect(200)
    ).body;
    await org.as.dpo
      .post(`${dpias()}/${dpia.id}/prior-consultation/answer`)
      .send({ version: decided.version, receivedOn: '2026-11-20', outcome: 'processing_prohibited', summary: 'Mise en demeure : la géolocalisation permanente est disproportionnée.' })
      .expect(200);
    const submitted = (await org.as.dpo.post(`${base()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    const held = await org.as.dpo.post(`${base()}/activities/${activity.id}/validate`).set('Accept-Language', 'en').send({ version: submitted.version }).expect(422);
    expect(held.body.details.fields.map((field: { code: string }) => field.code)).toEqual(['processing_prohibited_by_authority']);

    const other = await dpiaAwaitingDecision('Reconnaissance faciale à l’entrée', { severity: 4, likelihood: 4 });
    const refused = (await org.as.admin.post(`${dpias()}/${other.dpia.id}/decision`).send({ version: other.dpia.version, decision: 'refused', comment: 'Disproportionné' }).expect(200)).body;
    expect(refused).toMatchObject({ status: 'refused', priorConsultation: null });
  });
});
