import { checkActivity, completenessOf } from '../domain/activities/activity-rules';
import countries from '../domain/catalogues/data/countries.json';
import transferMechanisms from '../domain/catalogues/data/transfer-mechanisms.json';
import { catalogues } from '../common/i18n/i18n';
import { transferFactsFrom } from '../domain/transfers/transfer-status';
import { ActivityRow, DpiaRow, FINDING_CODES, FindingCode, OrganizationData, VendorRow } from './finding.types';
import { computeFindings, EngineFacts, EvaluationMemo, FINDING_RULES, naturalCompare } from './findings-engine';
import { viewOf } from './findings.service';
import { translateRuleProblems } from '../activities/activity-errors';
import { CatalogueLabels } from '../exports/catalogue-labels';

const asRows = (items: { code: string; fr: string; en: string; help?: unknown }[]) =>
  items.map((item) => {
    const { code, fr: _fr, en: _en, help: _help, ...facts } = item;
    return { code, facts };
  });
const facts: EngineFacts = {
  rules: { specialDataCategories: new Set(['health', 'biometric']) },
  transfers: transferFactsFrom(asRows(countries.items), asRows(transferMechanisms.items), '2026-11-24'),
};

const TODAY = '2026-11-24';
const ORG = '00000000-0000-4000-8000-000000000000';

/** An activity with nothing to report; each test breaks one thing. */
function cleanActivity(overrides: Partial<ActivityRow> = {}): ActivityRow {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    reference: 'T-0001',
    name: 'Paie',
    status: 'validated',
    role: 'controller',
    departmentId: 'd0000000-0000-4000-8000-000000000001',
    ownerId: null,
    nextReviewDate: '2027-05-25',
    updatedAt: new Date('2026-11-20T10:00:00Z'),
    purposes: [
      { description: 'Verser les salaires', main: true, legalBasis: 'legal_obligation', legalReference: 'Code du travail', legitimateInterestAssessment: null },
      {
        description: 'Détecter la fraude',
        main: false,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: { purpose: 'Protéger', necessity: 'Nécessaire', balancing: 'Équilibré' },
      },
    ],
    dataSubjects: [{ category: 'employees', estimatedCount: 240, vulnerable: false }],
    dataCategories: [
      {
        category: 'health',
        description: null,
        source: 'direct',
        sourceDetail: null,
        mandatory: true,
        minimisationJustification: 'Maintien de salaire',
        art9Condition: 'art9_2_b',
        retention: { activePeriod: 'P5Y', archivePeriod: null, startEvent: 'end_of_employment', legalReference: null, endAction: 'delete', unlimitedJustification: null },
      },
    ],
    dataSubjectInformation: 'Notice RH',
    rightsProcedure: 'Écrire au DPO',
    jointControllers: [],
    clientControllers: [],
    processors: ['Paie SaaS'],
    transfers: [{ country: 'CH', recipient: null, mechanism: null, documentation: null }],
    dpiaScreening: { criteria: [], onCnilRequiredList: null, onCnilExemptList: null, decision: 'not_required', justification: null },
    ...overrides,
  };
}

function cleanVendor(overrides: Partial<VendorRow> = {}): VendorRow {
  return {
    id: 'v0000000-0000-4000-8000-000000000001',
    name: 'Paie SaaS',
    legalEntity: 'Paie SaaS SAS',
    role: 'processor',
    status: 'approved',
    headquartersCountry: 'FR',
    parentCompany: null,
    parentCountry: null,
    dataLocations: ['FR'],
    certifications: [],
    dpaSigned: true,
    transferMechanism: null,
    tiaDate: null,
    nextReviewDate: '2027-03-14',
    ...overrides,
  };
}

function organization(activity: ActivityRow = cleanActivity(), vendor: VendorRow = cleanVendor(), dpias: DpiaRow[] = []): OrganizationData {
  return {
    organizationId: ORG,
    today: TODAY,
    activities: [activity],
    vendors: [vendor],
    processorsByActivity: new Map([[activity.id, [vendor.id]]]),
    dpiasByActivity: new Map(dpias.map((dpia) => [dpia.activityId, dpia])),
  };
}

const DPIA_ID = 'a0000000-0000-4000-8000-000000000001';
function dpiaOf(activity: ActivityRow, overrides: Partial<DpiaRow> = {}): DpiaRow {
  return { id: DPIA_ID, activityId: activity.id, status: 'validated', revision: 1, overdueActions: 0, firstOverdueDate: null, consultationSentOn: null, consultationOutcome: null, ...overrides };
}

const codesOf = (data: OrganizationData) => computeFindings(data, facts).findings.map((finding) => `${finding.code} ${finding.field}`);

describe('findings engine on purpose-built data', () => {
  it('finds nothing on a clean activity and a clean vendor, and scores the activity 100', () => {
    const result = computeFindings(organization(), facts);
    expect(result.findings).toEqual([]);
    expect(result.scores).toEqual([expect.objectContaining({ score: 100 })]);
  });

  const base = cleanActivity();
  const cases: { name: string; activity?: Partial<ActivityRow>; vendor?: Partial<VendorRow>; expected: string[] }[] = [
    { name: 'no purpose', activity: { purposes: [] }, expected: ['purpose_missing purposes'] },
    {
      name: 'purpose without legal basis',
      activity: { purposes: [{ ...base.purposes[0], legalBasis: null }] },
      expected: ['purpose_without_legal_basis purposes[0].legalBasis'],
    },
    {
      name: 'legitimate interest without assessment (one finding for the three parts)',
      activity: { purposes: [base.purposes[0], { ...base.purposes[1], legitimateInterestAssessment: null }] },
      expected: ['legitimate_interest_assessment_missing purposes[1].legitimateInterestAssessment.purpose'],
    },
    {
      name: 'legal obligation without legal reference',
      activity: { purposes: [{ ...base.purposes[0], legalReference: ' ' }] },
      expected: ['legal_reference_missing purposes[0].legalReference'],
    },
    {
      name: 'public task without legal reference',
      activity: { purposes: [{ ...base.purposes[0], legalBasis: 'public_task', legalReference: null }] },
      expected: ['legal_reference_missing purposes[0].legalReference'],
    },
    {
      name: 'special category without Art 9 condition',
      activity: { dataCategories: [{ ...base.dataCategories[0], art9Condition: null }] },
      expected: ['special_category_without_condition dataCategories[0].art9Condition'],
    },
    {
      name: 'data category without retention',
      activity: { dataCategories: [{ ...base.dataCategories[0], retention: null }] },
      expected: ['retention_missing dataCategories[0].retention'],
    },
    {
      name: 'unlimited retention without justification',
      activity: { dataCategories: [{ ...base.dataCategories[0], retention: { ...base.dataCategories[0].retention!, activePeriod: null } }] },
      expected: ['retention_unlimited dataCategories[0].retention.activePeriod'],
    },
    {
      name: 'employees’ vehicle positions kept a year, beyond the CNIL’s two months (Art 5(1)(e))',
      activity: { dataCategories: [base.dataCategories[0], { ...base.dataCategories[0], category: 'location', art9Condition: null, retention: { ...base.dataCategories[0].retention!, activePeriod: 'P1Y', archivePeriod: null, startEvent: 'recording_or_event', legalReference: null } }] },
      expected: ['retention_beyond_reference dataCategories[1].retention'],
    },
    { name: 'no information of data subjects', activity: { dataSubjectInformation: null }, expected: ['information_missing dataSubjectInformation'] },
    { name: 'no rights procedure', activity: { rightsProcedure: '' }, expected: ['rights_procedure_missing rightsProcedure'] },
    { name: 'no data subjects', activity: { dataSubjects: [] }, expected: ['data_subjects_missing dataSubjects'] },
    { name: 'joint controller without the others named', activity: { role: 'joint_controller' }, expected: ['joint_controllers_missing jointControllers'] },
    {
      name: 'US transfer to a known vendor not DPF-certified, without a mechanism (Art 44)',
      activity: { transfers: [{ country: 'US', recipient: 'Paie SaaS', mechanism: null, documentation: null }] },
      expected: ['transfer_without_mechanism transfers[0].mechanism'],
    },
    {
      name: 'Decision 2023/1795 (DPF, partial): an unknown US recipient is to confirm, not a missing mechanism (Art 45(1))',
      activity: { transfers: [{ country: 'US', recipient: 'Sondages Express Inc.', mechanism: null, documentation: null }] },
      expected: ['transfer_scope_to_confirm transfers[0].mechanism'],
    },
    {
      name: 'Decision 2002/2/EC (Canada, partial): a vendor hosting data there is to confirm',
      vendor: { dataLocations: ['FR', 'CA'] },
      expected: ['vendor_scope_to_confirm transfers'],
    },
    {
      name: 'a processor without signed DPA',
      vendor: { dpaSigned: false },
      expected: ['processor_dpa_missing dpa'],
    },
    {
      name: 'an activity using a terminated vendor (the vendor itself is no longer assessed)',
      vendor: { status: 'terminated', dpaSigned: false, parentCountry: 'US', parentCompany: 'X Inc.' },
      expected: ['activity_uses_terminated_vendor processors[0]'],
    },
    { name: 'an activity using a restricted vendor', vendor: { status: 'restricted' }, expected: ['activity_uses_restricted_vendor processors[0]'] },
    { name: 'a vendor exposed to non-EU laws', vendor: { parentCompany: 'Big Inc.', parentCountry: 'US' }, expected: ['vendor_exposed_non_eu_law transfers'] },
    { name: 'a vendor review date passed', vendor: { nextReviewDate: '2026-11-23' }, expected: ['vendor_review_overdue reviews'] },
    { name: 'an activity review date passed', activity: { nextReviewDate: '2026-11-23' }, expected: ['activity_review_overdue nextReviewDate'] },
    {
      name: 'a draft untouched for more than 30 days',
      activity: { status: 'draft', updatedAt: new Date('2026-10-24T12:00:00Z') },
      expected: ['activity_stale status'],
    },
    {
      name: 'an activity under review untouched for more than 30 days',
      activity: { status: 'in_review', updatedAt: new Date('2026-10-01T00:00:00Z') },
      expected: ['activity_stale status'],
    },
  ];

  it.each(cases)('$name', ({ activity, vendor, expected }) => {
    expect(codesOf(organization(cleanActivity(activity), cleanVendor(vendor)))).toEqual(expected);
  });

  it('Art 45(1): once the DPO has confirmed the recipient in scope of the decision in force, the transfer and the vendor are covered', () => {
    const transfer = cleanActivity({ transfers: [{ country: 'CA', recipient: 'Paie SaaS SAS', mechanism: null, documentation: null }] });
    const data = organization(transfer, cleanVendor({ dataLocations: ['CA'] }));
    expect(codesOf(data)).toEqual(['transfer_scope_to_confirm transfers[0].mechanism', 'vendor_scope_to_confirm transfers']);
    const confirmed = new Map([['paie saas', [{ country: 'CA', decision: 'Decision 2002/2/EC' }]]]);
    expect(codesOf({ ...data, scopeConfirmations: confirmed })).toEqual([]);
    // Confirmed under an earlier decision: asked again.
    const earlier = new Map([['paie saas', [{ country: 'CA', decision: 'Decision 2001/1/EC' }]]]);
    expect(codesOf({ ...data, scopeConfirmations: earlier })).toHaveLength(2);
  });

  it('does not report what is fine: a review today, a draft changed 29 days ago, a justified unlimited retention, a DPF-certified US recipient', () => {
    const activity = cleanActivity({
      status: 'draft',
      nextReviewDate: TODAY,
      updatedAt: new Date('2026-10-26T00:00:00Z'),
      dataCategories: [
        { ...base.dataCategories[0], retention: { ...base.dataCategories[0].retention!, activePeriod: null, unlimitedJustification: 'Archives historiques' } },
      ],
      transfers: [{ country: 'US', recipient: 'paie saas sas', mechanism: null, documentation: null }],
    });
    expect(codesOf(organization(activity, cleanVendor({ certifications: ['EU-US DPF'] })))).toEqual([]);
  });

  it('raises no finding on an archived activity: it no longer runs (issue 16, register hygiene)', () => {
    const archived = cleanActivity({
      status: 'archived',
      nextReviewDate: '2020-01-01',
      purposes: [],
      transfers: [{ country: 'IN', recipient: null, mechanism: null, documentation: null }],
    });
    const result = computeFindings(organization(archived, cleanVendor({ status: 'terminated' })), facts);
    expect(result.findings).toEqual([]);
    // Its completeness score still counts in the register list.
    expect(result.scores).toEqual([expect.objectContaining({ id: archived.id, status: 'archived', score: expect.any(Number) })]);
    // The same activity, live, raises them.
    expect(codesOf(organization({ ...archived, status: 'validated' }))).toEqual(expect.arrayContaining(['transfer_without_mechanism transfers[0].mechanism', 'purpose_missing purposes']));
  });

  it('gives the same completeness score as the register list (activity-rules) and orders findings by severity', () => {
    const activity = cleanActivity({ purposes: [{ ...base.purposes[0], legalBasis: null }], rightsProcedure: null, status: 'draft', updatedAt: new Date('2026-01-01') });
    const result = computeFindings(organization(activity), facts);
    expect(result.scores[0].score).toBe(completenessOf(activity, facts.rules).score);
    expect(result.scores[0].score).toBeLessThan(100);
    expect(checkActivity(activity, facts.rules).problems).toHaveLength(2);
    expect(result.findings.map((finding) => finding.severity)).toEqual(['high', 'medium', 'low']);
  });

  it('lists the activities using a vendor without DPA, and links each finding to its field', () => {
    const second = cleanActivity({ id: '10000000-0000-4000-8000-000000000002', reference: 'T-0002' });
    const vendor = cleanVendor({ dpaSigned: false });
    const data: OrganizationData = {
      ...organization(cleanActivity(), vendor),
      activities: [second, cleanActivity({ rightsProcedure: null })],
      processorsByActivity: new Map([
        [second.id, [vendor.id]],
        [base.id, [vendor.id]],
      ]),
    };
    const [dpa, rights] = computeFindings(data, facts).findings;
    expect(dpa).toMatchObject({ code: 'processor_dpa_missing', recordType: 'vendor', params: { activities: 'T-0001, T-0002' } });
    expect(viewOf(ORG, dpa, 'en')).toMatchObject({
      link: `/orgs/${ORG}/vendors/${vendor.id}#vendor-dpa-title`,
      message: 'Paie SaaS processes data without a signed data processing agreement (Art. 28) — used by T-0001, T-0002. Sign the DPA and record it.',
    });
    expect(viewOf(ORG, rights, 'fr')).toMatchObject({
      link: `/orgs/${ORG}/register/${base.id}?field=rightsProcedure`,
      message: 'T-0001 Paie : aucune procédure d’exercice des droits. Décrivez comment les demandes sont traitées.',
    });
  });

  it('words a retention beyond its reference: the category, both durations and the source, never a code or ISO duration', () => {
    const activity = cleanActivity({
      dataSubjects: [{ category: 'candidates', estimatedCount: 120, vulnerable: false }],
      dataCategories: [{ ...base.dataCategories[0], category: 'professional_life', art9Condition: null, retention: { ...base.dataCategories[0].retention!, activePeriod: 'P3Y', archivePeriod: 'P2Y', startEvent: 'last_contact_from_subject', legalReference: null } }],
    });
    const [finding] = computeFindings(organization(activity), facts).findings.filter((item) => item.code === 'retention_beyond_reference');
    expect(finding).toMatchObject({ severity: 'low', field: 'dataCategories[0].retention' });
    expect(viewOf(ORG, finding, 'fr').message).toBe(
      'T-0001 : les données « Vie professionnelle » sont conservées 3 ans, puis 2 ans en archive, au-delà de la durée de référence « Candidature non retenue (vivier) » (2 ans ; CNIL, guide du recrutement (janvier 2023)). Réduisez cette durée, ou citez dans la règle le texte qui impose de conserver plus longtemps.',
    );
    expect(viewOf(ORG, finding, 'en').message).not.toMatch(/P\d|professional_life|hr_candidate_pool/);
  });

  describe('DPIAs', () => {
    const required = cleanActivity({ dpiaScreening: { ...base.dpiaScreening, criteria: ['large_scale', 'systematic_monitoring'], decision: 'required' } });
    const dpiaCases: { name: string; activity: ActivityRow; dpia?: Partial<DpiaRow>; expected: string[] }[] = [
      { name: 'required by the screening, none started', activity: required, expected: ['dpia_required_missing dpiaScreening.decision'] },
      {
        name: 'one criterion and no DPO decision (WP248: the DPO decides and writes why): to decide',
        activity: cleanActivity({ dpiaScreening: { ...base.dpiaScreening, criteria: ['large_scale'], decision: 'to_assess' } }),
        expected: ['dpia_screening_undecided dpiaScreening.decision'],
      },
      { name: 'screening not required, none started: nothing', activity: cleanActivity({ dpiaScreening: { ...base.dpiaScreening, decision: 'not_required' } }), expected: [] },
      { name: 'validated, no overdue action: nothing', activity: required, dpia: {}, expected: [] },
      { name: 'in progress', activity: required, dpia: { status: 'in_progress' }, expected: ['dpia_not_validated validation'] },
      { name: 'awaiting the DPO (even when the screening did not require it)', activity: cleanActivity(), dpia: { status: 'awaiting_dpo_opinion' }, expected: ['dpia_not_validated validation'] },
      { name: 'refused: its own code, not "not validated"', activity: required, dpia: { status: 'refused', revision: 2 }, expected: ['dpia_refused validation'] },
      {
        name: 'validated with overdue actions',
        activity: required,
        dpia: { overdueActions: 2, firstOverdueDate: '2026-10-01' },
        expected: ['dpia_actions_overdue actionPlan'],
      },
      {
        name: 'a draft with overdue actions: both',
        activity: required,
        dpia: { status: 'draft', overdueActions: 1, firstOverdueDate: '2026-11-23' },
        expected: ['dpia_actions_overdue actionPlan', 'dpia_not_validated validation'],
      },
      {
        name: 'Art 36(2): validated after consulting the authority, no answer yet: the processing waits',
        activity: required,
        dpia: { consultationSentOn: '2026-11-02' },
        expected: ['dpia_prior_consultation_pending priorConsultation'],
      },
      { name: 'Art 36(2): the authority answered without objection: nothing', activity: required, dpia: { consultationSentOn: '2026-09-01', consultationOutcome: 'no_objection' }, expected: [] },
      {
        name: 'Art 58(2)(f): the authority banned the processing',
        activity: required,
        dpia: { consultationSentOn: '2026-09-01', consultationOutcome: 'processing_prohibited' },
        expected: ['dpia_processing_prohibited priorConsultation'],
      },
      {
        name: 'an archived activity: its DPIA is not assessed',
        activity: cleanActivity({ status: 'archived', dpiaScreening: required.dpiaScreening }),
        dpia: { status: 'refused', overdueActions: 3, firstOverdueDate: '2026-01-01' },
        expected: [],
      },
    ];
    it.each(dpiaCases)('$name', ({ activity, dpia, expected }) => {
      expect(codesOf(organization(activity, cleanVendor(), dpia ? [dpiaOf(activity, dpia)] : []))).toEqual(expected);
    });

    it('Art 36(2): a pending consultation is medium within eight weeks, high after; the message gives both days in words', () => {
      const pending = (sentOn: string) => computeFindings(organization(required, cleanVendor(), [dpiaOf(required, { consultationSentOn: sentOn })]), facts).findings[0];
      expect(pending('2026-11-02').severity).toBe('medium');
      const late = pending('2026-09-01');
      expect(late.severity).toBe('high');
      expect(viewOf(ORG, late, 'fr')).toMatchObject({
        link: `/orgs/${ORG}/dpias/${DPIA_ID}#dpia-priorConsultation`,
        message: expect.stringContaining('1 septembre 2026'),
      });
      expect(viewOf(ORG, late, 'en').message).toContain('27 October 2026');
    });

    it('gives severities, says what to do and links to the DPIA page or the activity’s DPIA tab', () => {
      const missing = computeFindings(organization(required), facts).findings[0];
      expect(missing).toMatchObject({ severity: 'high', recordType: 'activity', recordId: required.id });
      expect(viewOf(ORG, missing, 'en')).toMatchObject({
        link: `/orgs/${ORG}/register/${required.id}?field=dpiaScreening.decision`,
        message: expect.stringContaining('Start the DPIA from the activity’s DPIA tab'),
      });
      const [refused] = computeFindings(organization(required, cleanVendor(), [dpiaOf(required, { status: 'refused', revision: 2 })]), facts).findings;
      expect(refused).toMatchObject({ severity: 'high', recordType: 'dpia', recordId: DPIA_ID, recordReference: 'T-0001', departmentId: required.departmentId });
      expect(viewOf(ORG, refused, 'fr')).toMatchObject({ link: `/orgs/${ORG}/dpias/${DPIA_ID}#dpia-validation`, message: expect.stringContaining('(révision 2) a été refusée') });
      // Listed by field within a record: the action plan comes before the validation.
      const [overdue, notValidated] = computeFindings(
        organization(required, cleanVendor(), [dpiaOf(required, { status: 'awaiting_dpo_opinion', overdueActions: 2, firstOverdueDate: '2026-10-01' })]),
        facts,
      ).findings;
      expect(notValidated.severity).toBe('medium');
      expect(viewOf(ORG, notValidated, 'en').message).toBe(
        'T-0001 Paie: its DPIA is awaiting the DPO’s opinion, not validated yet. Complete it, get the DPO’s opinion and record the decision before the processing begins.',
      );
      expect(viewOf(ORG, overdue, 'en')).toMatchObject({
        severity: 'medium',
        link: `/orgs/${ORG}/dpias/${DPIA_ID}#dpia-actionPlan`,
        message: expect.stringContaining('2 actions of its DPIA plan are past their due date (the first on 1 October 2026)'),
      });
    });
  });

  it('has a French and an English message for every code, naming the record', () => {
    for (const code of FINDING_CODES) {
      for (const locale of ['fr', 'en'] as const) expect({ code, locale, message: catalogues[locale].findings?.[code] }).toEqual({ code, locale, message: expect.any(String) });
    }
    const codes: FindingCode[] = [...FINDING_CODES];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('sorts references and field paths with numbers in natural order', () => {
    const sorted = ['dataCategories[10].retention', 'dataCategories[2].retention', 'dataCategories[1].retention', 'dataCategories'].sort(naturalCompare);
    expect(sorted).toEqual(['dataCategories', 'dataCategories[1].retention', 'dataCategories[2].retention', 'dataCategories[10].retention']);
    expect(['T-10000', 'T-9999', 'T-0010', 'T-0002'].sort(naturalCompare)).toEqual(['T-0002', 'T-0010', 'T-9999', 'T-10000']);
    expect(naturalCompare('a01', 'a1')).not.toBe(0);
    expect(naturalCompare('abc', 'abc')).toBe(0);
    expect(naturalCompare('ab', 'abc')).toBeLessThan(0);

    const categories = Array.from({ length: 11 }, () => ({ ...base.dataCategories[0], retention: null }));
    const fields = computeFindings(organization(cleanActivity({ dataCategories: categories })), facts).findings.map((finding) => finding.field);
    expect(fields).toEqual(Array.from({ length: 11 }, (_, index) => `dataCategories[${index}].retention`));
  });
});

describe('findings and validation blockers in words', () => {
  const base = cleanActivity();
  const message = (data: OrganizationData, code: FindingCode, locale: 'fr' | 'en', labels?: CatalogueLabels) => {
    const finding = computeFindings(data, facts).findings.find((candidate) => candidate.code === code);
    if (!finding) throw new Error(`no ${code} finding`);
    return viewOf(ORG, finding, locale, labels).message;
  };

  it('names data categories by their catalogue label, not their code or position', () => {
    const activity = cleanActivity({ dataCategories: [{ ...base.dataCategories[0], category: 'connection', art9Condition: null, retention: null }] });
    expect(message(organization(activity), 'retention_missing', 'fr')).toBe(
      'T-0001 : les données « Données de connexion » n’ont pas de durée de conservation. Fixez la durée et le sort des données à son terme.',
    );
    expect(message(organization(activity), 'retention_missing', 'en')).toContain('the data "Connection data" have no retention period');
    const biometric = cleanActivity({ dataCategories: [{ ...base.dataCategories[0], category: 'biometric', art9Condition: null }] });
    expect(message(organization(biometric), 'special_category_without_condition', 'fr')).toContain('« Données biométriques (identification) »');
    // An organisation's own category reads with the label it was given.
    const own = new CatalogueLabels([{ catalogue: 'data-categories', code: 'badge_logs', labelFr: 'Journaux de badge', labelEn: 'Badge logs' }]);
    const badge = cleanActivity({ dataCategories: [{ ...base.dataCategories[0], category: 'badge_logs', retention: null }] });
    expect(message(organization(badge), 'retention_missing', 'fr', own)).toContain('« Journaux de badge »');
  });

  it('names countries with their article: vers les États-Unis, des États-Unis, to the United States', () => {
    const transfer = cleanActivity({ transfers: [{ country: 'US', recipient: 'Paie SaaS', mechanism: null, documentation: null }] });
    expect(message(organization(transfer), 'transfer_without_mechanism', 'fr')).toContain('le transfert vers les États-Unis (Paie SaaS) n’a pas');
    expect(message(organization(transfer), 'transfer_without_mechanism', 'en')).toContain('the transfer to the United States (Paie SaaS) has');
    const partial = cleanActivity({ transfers: [{ country: 'US', recipient: 'Sondages Express Inc.', mechanism: null, documentation: null }] });
    expect(message(organization(partial), 'transfer_scope_to_confirm', 'fr')).toContain('le transfert vers les États-Unis (Sondages Express Inc.) ne couvre');
    const canadian = organization(base, cleanVendor({ dataLocations: ['CA'] }));
    expect(message(canadian, 'vendor_scope_to_confirm', 'fr')).toContain('Paie SaaS : la décision d’adéquation du Canada ne couvre');
    expect(message(canadian, 'vendor_scope_to_confirm', 'en')).toContain('Paie SaaS: the adequacy decision of Canada covers');
    const exposed = organization(base, cleanVendor({ parentCompany: 'Big Inc.', parentCountry: 'US' }));
    expect(message(exposed, 'vendor_exposed_non_eu_law', 'fr')).toContain('Paie SaaS est exposé aux lois des États-Unis (');
    expect(message(exposed, 'vendor_exposed_non_eu_law', 'en')).toContain('Paie SaaS is exposed to the laws of the United States (');
  });

  it('writes dates in the language', () => {
    expect(message(organization(cleanActivity({ nextReviewDate: '2026-05-25' })), 'activity_review_overdue', 'fr')).toContain('la revue prévue le 25 mai 2026');
  });

  it('gives validation blockers the data category label (the rules themselves stay locale-free)', () => {
    const { problems } = checkActivity(
      { ...cleanActivity({ dataCategories: [{ ...base.dataCategories[0], category: 'biometric', art9Condition: null, retention: null }] }), role: 'controller' },
      facts.rules,
    );
    expect(problems.map((problem) => problem.params.label)).toEqual(['biometric', 'biometric']);
    expect(translateRuleProblems('fr', problems).map((problem) => problem.message)).toEqual([
      'Les données sensibles « Données biométriques (identification) » exigent une condition de l’article 9(2).',
      'Fixez une durée de conservation pour les données « Données biométriques (identification) ».',
    ]);
    expect(translateRuleProblems('en', problems)[0]?.message).toBe('The special-category data "Biometric data (identification)" need an Article 9(2) condition.');
  });
});

describe('findings engine with a memo (incremental evaluation)', () => {
  const codes = (result: { findings: { code: string; field: string; recordReference: string }[] }) =>
    result.findings.map((finding) => `${finding.recordReference} ${finding.code} ${finding.field}`);

  it('reuses an unchanged activity’s own findings, reads the vendors, DPIAs and today afresh, and equals a whole evaluation', () => {
    // Health data without an Article 9 condition: a register-rule finding, kept in the memo.
    const activity = cleanActivity({ dataCategories: [{ ...cleanActivity().dataCategories[0], art9Condition: null }] });
    const memo = new EvaluationMemo(facts);
    const first = computeFindings(organization(activity), facts, FINDING_RULES, memo);
    expect(codes(first)).toEqual(['T-0001 special_category_without_condition dataCategories[0].art9Condition']);
    expect(memo.evaluated).toBe(1);

    // The same row object, its vendor terminated and a DPIA refused, a later day: no activity evaluated again.
    const terminated = cleanVendor({ status: 'terminated' });
    const data = { ...organization(activity, terminated, [dpiaOf(activity, { status: 'refused' })]), today: '2027-06-01' };
    const second = computeFindings(data, facts, FINDING_RULES, memo);
    expect(memo.evaluated).toBe(1);
    expect(codes(second)).toEqual([
      'T-0001 special_category_without_condition dataCategories[0].art9Condition',
      'T-0001 activity_uses_terminated_vendor processors[0]',
      'T-0001 dpia_refused validation',
      'T-0001 activity_review_overdue nextReviewDate',
    ]);
    expect(second).toEqual(computeFindings(data, facts));

    // A changed activity is a new row object: evaluated again, its old findings are not reused.
    const fixed = cleanActivity();
    const third = computeFindings(organization(fixed), facts, FINDING_RULES, memo);
    expect(memo.evaluated).toBe(2);
    expect(third.findings).toEqual([]);
    expect(third.scores).toEqual([expect.objectContaining({ score: 100 })]);
  });

  it('ignores a memo made with other catalogue facts (biometric data no longer special)', () => {
    const activity = cleanActivity({ dataCategories: [{ ...cleanActivity().dataCategories[0], category: 'biometric', art9Condition: null }] });
    const memo = new EvaluationMemo(facts);
    expect(codes(computeFindings(organization(activity), facts, FINDING_RULES, memo))).toEqual(['T-0001 special_category_without_condition dataCategories[0].art9Condition']);
    const otherFacts: EngineFacts = { ...facts, rules: { specialDataCategories: new Set(['health']) } };
    expect(memo.fits(otherFacts, FINDING_RULES)).toBe(false);
    const result = computeFindings(organization(activity), otherFacts, FINDING_RULES, memo);
    expect(result.findings).toEqual([]);
    expect(result.scores).toEqual([expect.objectContaining({ score: 100 })]);
    expect(memo.evaluated).toBe(1);
  });
});
