import {
  activityToForm,
  EMPTY_DATA_CATEGORY,
  emptyActivityForm,
  formToActivityInput,
  formToActivityPatch,
  formToContent,
  OTHER_START_EVENT,
  patchChangesSomething,
  retentionToApi,
  retentionToForm,
  overridableCodes,
  ZActivityFormSchema,
  ZValidationOverrideSchema,
  type ActivityForm,
} from './schemas';
import type { ActivitySnapshot } from './types';

const START_EVENTS = new Set(['end_of_contract', 'collection']);

/** T-0001 of the demo register, as GET /activities/:id gives it (computed fields left out). */
const PAYROLL: ActivitySnapshot = {
  reference: 'T-0001',
  name: 'Gestion de la paie',
  description: 'Calcul et versement des salaires.',
  department: 'Ressources humaines',
  departmentId: '55b7cff1-f269-4d42-a6ac-641403cb3105',
  owner: 'dpo@example.com',
  ownerId: '15c48972-9034-4134-9222-207e6c8ea315',
  role: 'controller',
  jointControllers: [],
  clientControllers: [],
  status: 'validated',
  purposes: [
    {
      description: 'Établir les bulletins de paie',
      main: true,
      legalBasis: 'legal_obligation',
      legalReference: 'Code du travail, art. L3243-2',
      legitimateInterestAssessment: null,
    },
    {
      description: 'Prévenir la fraude',
      main: false,
      legalBasis: 'legitimate_interests',
      legalReference: null,
      legitimateInterestAssessment: { purpose: 'Éviter les paiements indus', necessity: null, balancing: 'Contrôles limités' },
    },
  ],
  dataSubjects: [{ category: 'employees', estimatedCount: 240, vulnerable: false }],
  dataCategories: [
    {
      category: 'identity',
      description: 'Nom, prénom',
      source: 'direct',
      sourceDetail: null,
      mandatory: true,
      minimisationJustification: 'Bulletin',
      art9Condition: null,
      retention: {
        activePeriod: 'P5Y',
        archivePeriod: 'P45Y',
        startEvent: 'Versement du salaire',
        legalReference: 'Code du travail, art. L3243-4',
        endAction: 'delete',
        unlimitedJustification: null,
      },
    },
    {
      category: 'health',
      description: null,
      source: null,
      sourceDetail: null,
      mandatory: false,
      minimisationJustification: null,
      art9Condition: 'art9_2_b',
      retention: {
        activePeriod: 'P13M',
        archivePeriod: null,
        startEvent: 'end_of_contract',
        legalReference: null,
        endAction: 'anonymise',
        unlimitedJustification: null,
      },
    },
    {
      category: 'professional_life',
      description: null,
      source: 'internal',
      sourceDetail: null,
      mandatory: false,
      minimisationJustification: null,
      art9Condition: null,
      retention: null,
    },
  ],
  recipients: [{ category: 'internal_service', name: 'Service paie' }],
  processors: ['Paysage Paie'],
  transfers: [],
  securityMeasures: ['access_control', 'other:Coffre-fort pour les bulletins papier'],
  dataSubjectInformation: 'Notice RH',
  rightsProcedure: null,
  automatedDecisionMaking: false,
  dpiaScreening: {
    criteria: ['sensitive_or_highly_personal_data'],
    onCnilRequiredList: null,
    onCnilExemptList: null,
    decision: 'not_required',
    justification: null,
  },
  nextReviewDate: '2027-05-25',
};

function validForm(): ActivityForm {
  return activityToForm(PAYROLL, START_EVENTS);
}

function issues(form: unknown): [string, string][] {
  const result = ZActivityFormSchema.safeParse(form);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('the activity form ↔ the API', () => {
  it('gives back the same content it was loaded from', () => {
    const form = validForm();
    const content = PAYROLL;
    expect(formToContent(form)).toEqual({
      jointControllers: content.jointControllers,
      clientControllers: content.clientControllers,
      purposes: content.purposes,
      dataSubjects: content.dataSubjects,
      dataCategories: content.dataCategories,
      recipients: content.recipients,
      processors: content.processors,
      transfers: content.transfers,
      securityMeasures: content.securityMeasures,
      dataSubjectInformation: content.dataSubjectInformation,
      rightsProcedure: content.rightsProcedure,
      automatedDecisionMaking: content.automatedDecisionMaking,
      dpiaScreening: content.dpiaScreening,
    });
    expect(formToActivityInput(form)).toMatchObject({
      name: 'Gestion de la paie',
      departmentId: PAYROLL.departmentId,
      ownerId: PAYROLL.ownerId,
      role: 'controller',
      nextReviewDate: '2027-05-25',
    });
  });

  it('shows durations as a number and a unit, and start events as a code or in words', () => {
    const [identity, health, professional] = validForm().dataCategories;
    expect(identity?.retention).toMatchObject({
      mode: 'limited',
      activeAmount: '5',
      activeUnit: 'Y',
      archiveAmount: '45',
      archiveUnit: 'Y',
      startEventCode: OTHER_START_EVENT,
      startEventText: 'Versement du salaire',
    });
    expect(health?.retention).toMatchObject({ activeAmount: '13', activeUnit: 'M', archiveAmount: '', startEventCode: 'end_of_contract' });
    expect(professional?.retention.mode).toBe('none');
  });

  it('keeps free-text security measures apart from the catalogue codes', () => {
    const form = validForm();
    expect(form.securityMeasures).toEqual(['access_control']);
    expect(form.freeMeasures).toEqual([{ text: 'Coffre-fort pour les bulletins papier' }]);
  });

  it('sends an unlimited retention with its justification, and no retention at all when none is set', () => {
    const unlimited = retentionToApi({ ...retentionToForm(null, START_EVENTS), mode: 'unlimited', unlimitedJustification: ' Archives historiques ', activeAmount: '3' });
    expect(unlimited).toEqual({
      activePeriod: null,
      archivePeriod: null,
      startEvent: null,
      legalReference: null,
      endAction: 'delete',
      unlimitedJustification: 'Archives historiques',
    });
    expect(retentionToForm(unlimited, START_EVENTS).mode).toBe('unlimited');
    expect(retentionToApi(EMPTY_DATA_CATEGORY.retention)).toBeNull();
  });

  it('sends null for what was left empty', () => {
    const form = emptyActivityForm({ ownerId: 'u1', departmentId: null });
    form.name = '  Newsletter ';
    const input = formToActivityInput(form);
    expect(input).toMatchObject({ name: 'Newsletter', description: null, departmentId: null, ownerId: 'u1', nextReviewDate: null });
    expect(input.purposes).toEqual([
      { description: '', main: true, legalBasis: null, legalReference: null, legitimateInterestAssessment: null },
    ]);
  });

  it('patches only the fields that changed, with the version it started from', () => {
    const baseline = validForm();
    const form = structuredClone(baseline);
    expect(patchChangesSomething(formToActivityPatch(form, baseline, 3))).toBe(false);
    const first = form.purposes[0];
    if (first) first.legalReference = 'Code du travail, art. L3243-1';
    form.freeMeasures = [];
    const patch = formToActivityPatch(form, baseline, 3, ' Revue annuelle ');
    expect(Object.keys(patch).sort()).toEqual(['comment', 'purposes', 'securityMeasures', 'version']);
    expect(patch.version).toBe(3);
    expect(patch.comment).toBe('Revue annuelle');
    expect(patch.securityMeasures).toEqual(['access_control']);
    expect(patchChangesSomething(patch)).toBe(true);
  });
});

describe('ZActivityFormSchema', () => {
  it('accepts a half-filled draft', () => {
    const form = emptyActivityForm({ ownerId: 'u1', departmentId: null });
    form.name = 'Newsletter';
    if (form.purposes[0]) form.purposes[0].description = 'Envoyer la lettre';
    expect(issues(form)).toEqual([]);
    expect(issues(validForm())).toEqual([]);
  });

  it('mirrors what the API refuses on any save, field by field', () => {
    const form = validForm();
    form.name = ' ';
    form.nextReviewDate = '2027-02-30';
    if (form.purposes[0]) form.purposes[0].description = '';
    if (form.dataSubjects[0]) form.dataSubjects[0].estimatedCount = '-3';
    if (form.dataCategories[0]) form.dataCategories[0].retention.activeAmount = '';
    form.dataCategories.push({ ...EMPTY_DATA_CATEGORY });
    form.freeMeasures.push({ text: '' });
    expect(issues(form)).toEqual([
      ['name', 'validation.required'],
      ['nextReviewDate', 'validation.date'],
      ['purposes.0.description', 'validation.required'],
      ['dataSubjects.0.estimatedCount', 'validation.wholeNumber'],
      ['dataCategories.0.retention.activeAmount', 'validation.required'],
      ['dataCategories.3.category', 'validation.required'],
      ['freeMeasures.1.text', 'validation.required'],
    ]);
  });

  it('needs no period for a retention that is not limited', () => {
    const form = validForm();
    const category = form.dataCategories[0];
    if (category) category.retention = { ...category.retention, mode: 'unlimited', activeAmount: '' };
    expect(issues(form)).toEqual([]);
  });
});

describe('the DPO’s override of validation blockers', () => {
  it('is offered only when every refusal is an overridable blocker, once per kind', () => {
    const transfer = { path: 'transfers[0].mechanism', code: 'transfer_mechanism_missing' };
    const secondTransfer = { path: 'transfers[1].mechanism', code: 'transfer_mechanism_missing' };
    const contract = { path: 'processors[0]', code: 'processor_contract_missing' };
    const rights = { path: 'rightsProcedure', code: 'rights_procedure_missing' };
    const banned = { path: 'dpiaScreening.decision', code: 'processing_prohibited_by_authority' };
    expect(overridableCodes([transfer, secondTransfer, contract])).toEqual(['transfer_mechanism_missing', 'processor_contract_missing']);
    expect(overridableCodes([transfer, rights])).toEqual([]);
    expect(overridableCodes([banned])).toEqual([]);
    expect(overridableCodes([])).toEqual([]);
  });

  it('requires a reason for each blocker, at most 2,000 characters', () => {
    const paths = (value: unknown) => ZValidationOverrideSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths({ overrides: [{ code: 'dpia_not_validated', reason: '  ' }] })).toEqual(['overrides.0.reason']);
    expect(paths({ overrides: [{ code: 'dpia_not_validated', reason: 'é'.repeat(2001) }] })).toEqual(['overrides.0.reason']);
    expect(paths({ overrides: [{ code: 'dpia_not_validated', reason: 'L’AIPD est en cours : avis du DPO attendu le 15 décembre.' }] })).toEqual([]);
  });
});
