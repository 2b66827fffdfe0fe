import { BlockerFacts, validationBlockers } from '../activities/activity-rules';
import { dpoDesignationMissing } from './organization-profile';

describe('rules that read the organisation profile', () => {
  // [case, public body, DPO name, DPO e-mail, finding]
  it.each([
    ['Art 37(1)(a): a public authority with no DPO', true, null, null, true],
    ['Art 37(1)(a): a public authority whose DPO is blank', true, '  ', '', true],
    ['Art 37(1)(a): a public authority with a named DPO', true, 'Élise Martin-Lefèvre', null, false],
    ['Art 37(1)(a): a public authority with a DPO address only', true, null, 'dpo@cc-valdoise.example', false],
    ['Art 37(1)(b)-(c) are not read here: a private body without a DPO raises nothing', false, null, null, false],
  ] as const)('%s', (_case, publicBody, dpoName, dpoEmail, missing) => {
    expect(dpoDesignationMissing({ publicBody, dpoName, dpoEmail })).toBe(missing);
  });

  const facts = (overrides: Partial<BlockerFacts>): BlockerFacts => ({ transfers: [], processors: [], dpiaDecision: 'not_required', dpiaStatus: null, ...overrides });
  const purposes = [
    { description: 'Établir les bulletins de paie', legalBasis: 'legal_obligation' },
    { description: 'Détecter les anomalies de paie', legalBasis: 'legitimate_interests' },
  ];

  // [case, facts, blocker codes with their paths]
  it.each([
    ['Art 6(1) last subparagraph: a public authority on legitimate interests', facts({ publicBody: true, purposes }), ['purposes[1].legalBasis legitimate_interest_public_body']],
    ['Art 6(1) last subparagraph: outside the authority’s tasks, as the DPO recorded', facts({ publicBody: true, purposes, outsidePublicTasks: true }), []],
    ['Art 6(1)(f): a private body may rely on legitimate interests', facts({ publicBody: false, purposes }), []],
    ['Art 6(1)(e): a public authority on public task', facts({ publicBody: true, purposes: [{ description: 'Délivrer les actes d’état civil', legalBasis: 'public_task' }] }), []],
    ['Art 36(2): the authority’s answer pending', facts({ dpiaDecision: 'required', dpiaStatus: 'validated', consultationHold: 'pending' }), ['dpiaScreening.decision prior_consultation_pending']],
    ['Art 58(2)(f): the authority banned the processing', facts({ dpiaDecision: 'required', dpiaStatus: 'validated', consultationHold: 'prohibited' }), ['dpiaScreening.decision processing_prohibited_by_authority']],
    ['Art 36(2): the authority answered', facts({ dpiaDecision: 'required', dpiaStatus: 'validated', consultationHold: null }), []],
  ] as const)('%s', (_case, input, expected) => {
    expect(validationBlockers(input).map((blocker) => `${blocker.path} ${blocker.code}`)).toEqual(expected);
  });
});
