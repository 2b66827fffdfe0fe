import { assessDpia, computeFlags, gridCompleteness, gridProblems, mapAnswers, planSync, SyncState } from './design-grid-mapping';
import { carpoolAnswers, shippedGridFacts } from './design-grid.test-helpers';
import type { GridAnswers, GridFlagCode } from '../domain/design-grids/design-grid.types';

const facts = shippedGridFacts();
const project = { projectName: ' Application de covoiturage pour les agents ', pitch: 'Une application pour partager les trajets.' };
const codes = (answers: GridAnswers) => computeFlags(answers, facts).map((flag) => flag.code);
const flag = (answers: GridAnswers, code: GridFlagCode) => computeFlags(answers, facts).find((item) => item.code === code);

describe('design grid: answers → draft activity (one mapping)', () => {
  it('maps every question to the register fields it fills', () => {
    const content = mapAnswers(project, carpoolAnswers(), facts);
    expect(content.name).toBe('Application de covoiturage pour les agents');
    expect(content.description).toBe('Une application pour partager les trajets.');
    expect(content.purposes).toEqual([
      { description: 'Mettre en relation les agents qui font le même trajet domicile-travail', main: true, legalBasis: 'consent', legalReference: null, legitimateInterestAssessment: null },
      {
        description: 'Mesurer l’usage du service pour le plan de mobilité',
        main: false,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: { purpose: 'Piloter le plan de mobilité', necessity: 'Statistiques agrégées seulement', balancing: 'Aucune décision individuelle' },
      },
    ]);
    expect(content.dataSubjects).toEqual([{ category: 'employees', estimatedCount: 1200 }]);
    expect(content.dataCategories[1]).toEqual({
      category: 'location',
      description: 'Adresses de départ et d’arrivée, trajets',
      source: 'direct',
      sourceDetail: null,
      mandatory: true,
      minimisationJustification: 'Seuls les points de départ et d’arrivée, arrondis au quartier',
      art9Condition: null,
      retention: { activePeriod: 'P3M', archivePeriod: null, startEvent: 'last_activity', legalReference: null, endAction: 'anonymise', unlimitedJustification: null },
    });
    expect(content.recipients).toEqual([{ category: 'internal_service', name: 'Direction des ressources humaines' }]);
    expect(content.processors).toEqual(['Cartographie Globale Inc.']);
    expect(content.transfers).toEqual([{ country: 'US', recipient: 'Cartographie Globale Inc.', mechanism: null, documentation: null }]);
    expect(content.securityMeasures).toEqual(['authentication', 'encryption', 'backup', 'incident_management', 'other:Revue des accès chaque trimestre']);
    expect(content.dataSubjectInformation).toBe('Notice affichée à l’inscription dans l’application et sur l’intranet.');
    expect(content.rightsProcedure).toBe('Demandes au DPO via le formulaire intranet ; suppression du compte dans l’application.');
    expect(content.automatedDecisionMaking).toBe(false);
    // The draft keeps the declared criteria only (none here); the register derives location and employees itself.
    expect(content.dpiaScreening).toEqual({ criteria: [], decision: 'required' });
  });

  it('maps an empty grid to an empty draft named after the project', () => {
    const content = mapAnswers({ projectName: 'Vide', pitch: '  ' }, {}, facts);
    expect(content).toMatchObject({ name: 'Vide', description: null, purposes: [], dataCategories: [], processors: [], transfers: [], securityMeasures: [], dataSubjectInformation: null });
    expect(content.dpiaScreening).toEqual({ criteria: [], decision: 'not_required' });
  });

  it('makes the first purpose the main one when none is marked, and follows purposes by id, not position', () => {
    const answers: GridAnswers = {
      purposes: { purposes: [{ id: 'b', description: 'Second', main: false }, { id: 'a', description: 'First', main: false }], practices: [] },
      legitimacy: { bases: [{ purposeId: 'a', legalBasis: 'legal_obligation', legalReference: 'Code du travail' }, { purposeId: 'gone', legalBasis: 'consent' }] },
    };
    const content = mapAnswers(project, answers, facts);
    expect(content.purposes.map((purpose) => [purpose.description, purpose.main, purpose.legalBasis, purpose.legalReference])).toEqual([
      ['Second', true, null, null],
      ['First', false, 'legal_obligation', 'Code du travail'],
    ]);
  });

  it('keeps processors inside the EEA out of the transfers, and counts an adequate country as a transfer', () => {
    const answers: GridAnswers = {
      data: {
        subjects: [],
        dataCategories: [],
        recipients: [],
        processors: [
          { name: 'Hébergeur FR', country: 'FR' },
          { name: 'Swiss Mail', country: 'CH' },
          { name: 'hébergeur fr', country: 'FR' },
          { name: 'Inconnu', country: null },
        ],
      },
    };
    const content = mapAnswers(project, answers, facts);
    expect(content.processors).toEqual(['Hébergeur FR', 'Swiss Mail', 'Inconnu']);
    expect(content.transfers.map((transfer) => transfer.country)).toEqual(['CH']);
  });

  it('writes an unlimited retention with its justification, and none for a category without a rule', () => {
    const answers: GridAnswers = {
      data: { subjects: [], dataCategories: [{ category: 'identity' }, { category: 'connection' }], recipients: [], processors: [] },
      retention: { rules: [{ category: 'identity', activePeriod: null, unlimitedJustification: 'Archives publiques' }] },
    };
    const [identity, connection] = mapAnswers(project, answers, facts).dataCategories;
    expect(identity.retention).toMatchObject({ activePeriod: null, unlimitedJustification: 'Archives publiques', endAction: 'delete' });
    expect(connection.retention).toBeNull();
  });

  it('sets automated decision-making from the practices of question 1', () => {
    const answers: GridAnswers = { purposes: { purposes: [], practices: ['automated_decision'] } };
    expect(mapAnswers(project, answers, facts).automatedDecisionMaking).toBe(true);
  });

  it('gives the completeness of the resulting register entry', () => {
    expect(gridCompleteness(mapAnswers(project, carpoolAnswers(), facts), facts)).toMatchObject({ score: 100, missing: [] });
    const partial = gridCompleteness(mapAnswers(project, { purposes: carpoolAnswers().purposes }, facts), facts);
    expect(partial.score).toBeLessThan(100);
    expect(partial.missing).toEqual(expect.arrayContaining(['purposes[0].legalBasis', 'dataSubjects', 'dataCategories', 'dataSubjectInformation', 'rightsProcedure']));
    const problems = gridProblems(mapAnswers(project, { purposes: carpoolAnswers().purposes }, facts), facts);
    expect(problems[0]).toEqual({ path: 'purposes[0].legalBasis', code: 'legal_basis_missing', params: { label: 'Mettre en relation les agents qui font le même trajet domicile-travail', position: '1' } });
    expect(problems.map((problem) => problem.path)).toEqual(partial.missing);
  });
});

describe('design grid: EDPB criteria implied by the answers', () => {
  it('finds none in an empty grid: not required, as the draft it creates says', () => {
    expect(assessDpia({}, facts)).toEqual({ criteria: [], decision: 'not_required' });
  });

  it('counts employees’ location as monitoring, highly personal data and vulnerable subjects (WP248 criteria 3, 4, 7): required', () => {
    expect(assessDpia(carpoolAnswers(), facts)).toEqual({
      criteria: [
        { code: 'systematic_monitoring', because: ['location'] },
        { code: 'sensitive_or_highly_personal_data', because: ['location'] },
        { code: 'vulnerable_data_subjects', because: ['employees'] },
      ],
      decision: 'required',
    });
  });

  it('counts the persons the answers estimate against the large-scale threshold', () => {
    const answers: GridAnswers = { data: { subjects: [{ category: 'users', estimatedCount: 40_000 }], dataCategories: [], recipients: [], processors: [] } };
    expect(assessDpia(answers, facts)).toEqual({ criteria: [{ code: 'large_scale', because: ['large_scale'] }], decision: 'to_assess' });
    expect(assessDpia(answers, { ...facts, thresholds: { largeScalePersons: 50_000 } })).toEqual({ criteria: [], decision: 'not_required' });
  });

  it('requires a DPIA for large scale plus systematic monitoring, in the EDPB order', () => {
    const answers: GridAnswers = {
      purposes: { purposes: [], practices: ['systematic_monitoring'] },
      data: { subjects: [], largeScale: true, dataCategories: [], recipients: [], processors: [] },
    };
    expect(assessDpia(answers, facts)).toEqual({
      criteria: [
        { code: 'systematic_monitoring', because: ['systematic_monitoring'] },
        { code: 'large_scale', because: ['large_scale'] },
      ],
      decision: 'required',
    });
  });

  it('takes vulnerable subjects from the catalogue default (an unticked box does not dismiss it) or the answer', () => {
    const data = (subjects: NonNullable<GridAnswers['data']>['subjects']): GridAnswers => ({
      data: { subjects, dataCategories: [], recipients: [], processors: [] },
    });
    expect(assessDpia(data([{ category: 'minors' }]), facts).criteria).toEqual([{ code: 'vulnerable_data_subjects', because: ['minors'] }]);
    expect(assessDpia(data([{ category: 'minors', vulnerable: false }]), facts).criteria).toEqual([{ code: 'vulnerable_data_subjects', because: ['minors'] }]);
    expect(assessDpia(data([{ category: 'customers', vulnerable: true }]), facts).criteria).toEqual([{ code: 'vulnerable_data_subjects', because: ['customers'] }]);
  });

  it('maps each practice to its criterion (innovative technology, scoring, matching, automated decision, blocking a right)', () => {
    const answers: GridAnswers = {
      purposes: { purposes: [], practices: ['innovative_technology', 'evaluation_scoring', 'matching_combining_datasets', 'automated_decision', 'prevents_exercising_right_or_contract'] },
    };
    expect(assessDpia(answers, facts).criteria.map((criterion) => criterion.code)).toEqual([
      'evaluation_scoring',
      'automated_decision_legal_effect',
      'matching_combining_datasets',
      'innovative_technology',
      'prevents_exercising_right_or_contract',
    ]);
  });

  it('counts special, criminal and national-identifier data as sensitive', () => {
    const answers: GridAnswers = {
      data: { subjects: [], dataCategories: [{ category: 'health' }, { category: 'criminal_convictions' }, { category: 'national_identifier' }, { category: 'identity' }], recipients: [], processors: [] },
    };
    expect(assessDpia(answers, facts).criteria).toEqual([{ code: 'sensitive_or_highly_personal_data', because: ['health', 'criminal_convictions', 'national_identifier'] }]);
  });
});

describe('design grid: flags for the DPO, one by one', () => {
  const withData = (dataCategories: { category: string }[], extra: Partial<NonNullable<GridAnswers['data']>> = {}): GridAnswers => ({
    data: { subjects: [], dataCategories, recipients: [], processors: [], ...extra },
  });

  it('raises nothing for an empty grid', () => {
    expect(computeFlags({}, facts)).toEqual([]);
  });

  it('flags the covoiturage grid: DPIA required (employees’ location) and the US provider without safeguards', () => {
    expect(computeFlags(carpoolAnswers(), facts)).toEqual([
      { code: 'dpia_required', question: 'data', items: ['systematic_monitoring', 'sensitive_or_highly_personal_data', 'vulnerable_data_subjects'] },
      { code: 'transfer_without_safeguards', question: 'data', items: ['Cartographie Globale Inc. (US)'] },
    ]);
  });

  it('special categories (Art 9) and criminal data', () => {
    expect(flag(withData([{ category: 'health' }, { category: 'criminal_convictions' }, { category: 'identity' }]), 'special_categories')?.items).toEqual(['health', 'criminal_convictions']);
    expect(codes(withData([{ category: 'identity' }]))).not.toContain('special_categories');
  });

  it('national identifier (NIR)', () => {
    expect(flag(withData([{ category: 'national_identifier' }]), 'national_identifier')).toEqual({ code: 'national_identifier', question: 'data', items: ['national_identifier'] });
    expect(codes(withData([{ category: 'identity' }]))).not.toContain('national_identifier');
  });

  it('DPIA likely required from two criteria, to assess from one', () => {
    expect(codes(withData([{ category: 'economic_financial' }], { largeScale: true }))).toContain('dpia_required');
    expect(codes(withData([{ category: 'economic_financial' }], { largeScale: true }))).not.toContain('dpia_to_assess');
    expect(codes(withData([{ category: 'economic_financial' }]))).toContain('dpia_to_assess');
    expect(codes(withData([{ category: 'identity' }]))).not.toEqual(expect.arrayContaining(['dpia_to_assess']));
  });

  it('legitimate interest without its three-part test', () => {
    const answers = (balancing: string | null): GridAnswers => ({
      purposes: { purposes: [{ id: 'x', description: 'Prospection', main: true }], practices: [] },
      legitimacy: { bases: [{ purposeId: 'x', legalBasis: 'legitimate_interests', interest: 'Développer les ventes', necessity: 'Ciblage limité', balancing }] },
    });
    expect(flag(answers(' '), 'legitimate_interest_untested')).toEqual({ code: 'legitimate_interest_untested', question: 'legitimacy', items: ['Prospection'] });
    expect(codes(answers('Attentes raisonnables des clients'))).not.toContain('legitimate_interest_untested');
  });

  it('processor outside the EEA without safeguards; covered by SCC, DPF or adequacy it is not flagged', () => {
    const provider = (country: string, mechanism: string | null) => withData([], { processors: [{ name: 'P', country, mechanism }] });
    expect(flag(provider('US', null), 'transfer_without_safeguards')?.items).toEqual(['P (US)']);
    expect(flag(provider('IN', null), 'transfer_without_safeguards')?.items).toEqual(['P (IN)']);
    expect(codes(provider('US', 'scc'))).not.toContain('transfer_without_safeguards');
    expect(codes(provider('US', 'dpf'))).not.toContain('transfer_without_safeguards');
    expect(codes(provider('CH', null))).not.toContain('transfer_without_safeguards');
    expect(codes(provider('DE', null))).not.toContain('transfer_without_safeguards');
  });

  it('retention without an end only when "no end" is chosen; "don’t know yet" (or nothing said) is to decide with the DPO, once question 5 is answered', () => {
    const data = withData([{ category: 'identity' }, { category: 'location' }, { category: 'connection' }, { category: 'internet' }]);
    expect(codes(data)).not.toContain('retention_without_end');
    expect(codes(data)).not.toContain('retention_to_decide');
    const answers: GridAnswers = {
      ...data,
      retention: {
        rules: [
          { category: 'identity', activePeriod: 'P1Y' },
          { category: 'location', activePeriod: null, unlimitedJustification: 'Archives historiques de la commune' },
          { category: 'connection', activePeriod: null, undecided: true },
        ],
      },
    };
    expect(flag(answers, 'retention_without_end')).toEqual({ code: 'retention_without_end', question: 'retention', items: ['location'] });
    expect(flag(answers, 'retention_to_decide')).toEqual({ code: 'retention_to_decide', question: 'retention', items: ['connection', 'internet'] });
    // The draft gets no retention for data still to decide: the register asks for one, never reads "unlimited".
    const draft = mapAnswers(project, answers, facts);
    expect(draft.dataCategories.find((category) => category.category === 'connection')?.retention).toBeNull();
    expect(draft.dataCategories.find((category) => category.category === 'location')?.retention).toMatchObject({ activePeriod: null, unlimitedJustification: 'Archives historiques de la commune' });
  });

  it('minimisation not justified, once question 4 is answered', () => {
    const data = withData([{ category: 'identity' }, { category: 'location' }]);
    expect(codes(data)).not.toContain('minimisation_unjustified');
    const answers: GridAnswers = { ...data, minimisation: { justifications: [{ category: 'identity', justification: 'Nécessaire' }, { category: 'location', justification: '' }] } };
    expect(flag(answers, 'minimisation_unjustified')?.items).toEqual(['location']);
  });

  it('information of the people not described', () => {
    expect(codes({ information: { description: '  ', note: 'On ne sait pas encore' } })).toContain('information_missing');
    expect(codes({ information: { description: 'Notice' } })).not.toContain('information_missing');
    expect(codes({})).not.toContain('information_missing');
  });

  it('exercise of rights not described', () => {
    expect(codes({ rights: { description: null } })).toContain('rights_missing');
    expect(codes({ rights: { description: 'Formulaire' } })).not.toContain('rights_missing');
  });
});

describe('design grid: keeping the draft in step without overwriting the DPO', () => {
  const content = () => mapAnswers(project, carpoolAnswers(), facts);

  it('writes every field the first time', () => {
    const plan = planSync(content(), {}, null);
    expect(Object.keys(plan.writes).sort()).toEqual(Object.keys(content()).sort());
    expect(plan.conflicts).toEqual([]);
  });

  it('writes nothing when the answers did not change a field, even if the DPO edited it', () => {
    const mapped = content();
    const state: SyncState = { rightsProcedure: { mapped: mapped.rightsProcedure, written: mapped.rightsProcedure } };
    const plan = planSync(mapped, state, { rightsProcedure: 'Texte du DPO' });
    expect(plan.writes).not.toHaveProperty('rightsProcedure');
    expect(plan.conflicts).toEqual([]);
  });

  it('writes a changed answer when the draft still holds what the grid wrote', () => {
    const mapped = content();
    const state: SyncState = { rightsProcedure: { mapped: 'Ancien', written: 'Ancien' } };
    const plan = planSync(mapped, state, { rightsProcedure: 'Ancien' });
    expect(plan.writes.rightsProcedure).toBe(mapped.rightsProcedure);
  });

  it('reports a conflict when the DPO edited the field and the answer changed, and lets the team choose', () => {
    const mapped = content();
    const state: SyncState = { rightsProcedure: { mapped: 'Ancien', written: 'Ancien' } };
    const plan = planSync(mapped, state, { rightsProcedure: 'Texte du DPO' });
    expect(plan.writes).not.toHaveProperty('rightsProcedure');
    expect(plan.conflicts).toEqual([{ field: 'rightsProcedure', questions: ['rights'], gridValue: mapped.rightsProcedure, activityValue: 'Texte du DPO' }]);

    expect(planSync(mapped, state, { rightsProcedure: 'Texte du DPO' }, { rightsProcedure: 'grid' }).writes.rightsProcedure).toBe(mapped.rightsProcedure);
    const kept = planSync(mapped, state, { rightsProcedure: 'Texte du DPO' }, { rightsProcedure: 'activity' });
    expect(kept.writes).not.toHaveProperty('rightsProcedure');
    expect(kept.conflicts).toEqual([]);
    expect(kept.kept).toEqual(['rightsProcedure']);
  });

  it('compares values, not key order', () => {
    const mapped = content();
    const reordered = { ...mapped.dpiaScreening, decision: mapped.dpiaScreening.decision };
    const state: SyncState = { dpiaScreening: { mapped: { decision: 'to_assess', criteria: ['large_scale'] }, written: { decision: reordered.decision, criteria: reordered.criteria } } };
    const plan = planSync(mapped, state, { dpiaScreening: { criteria: reordered.criteria, decision: reordered.decision } });
    expect(plan.writes.dpiaScreening).toEqual(mapped.dpiaScreening);
  });
});
