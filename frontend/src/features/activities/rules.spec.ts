import { checkActivity, completenessOf, type RuleInput } from './rules';
import type { DataCategory } from './types';

const FACTS = { specialDataCategories: new Set(['health', 'biometric']) };

const IDENTITY: DataCategory = {
  category: 'identity',
  description: null,
  source: null,
  sourceDetail: null,
  mandatory: false,
  minimisationJustification: null,
  art9Condition: null,
  retention: { activePeriod: 'P3Y', archivePeriod: null, startEvent: null, legalReference: null, endAction: 'delete', unlimitedJustification: null },
};
const UNLIMITED = { activePeriod: null, archivePeriod: null, startEvent: null, legalReference: null, endAction: 'delete' as const };

function activity(overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    role: 'controller',
    purposes: [{ description: 'Do stuff', main: true, legalBasis: 'contract', legalReference: null, legitimateInterestAssessment: null }],
    dataSubjects: [{ category: 'customers', estimatedCount: null, vulnerable: false }],
    dataCategories: [IDENTITY],
    dataSubjectInformation: 'Notice',
    rightsProcedure: 'Email the DPO',
    jointControllers: [],
    clientControllers: [],
    ...overrides,
  };
}

describe('the register rules (mirror of the server)', () => {
  it('passes a complete activity', () => {
    expect(completenessOf(activity(), FACTS)).toEqual({ score: 100, problems: [] });
  });

  it('lists the same paths and codes as the server’s 422 for the same activity', () => {
    // The activity and the answer of POST …/validate recorded against the API.
    const input = activity({
      purposes: [{ description: 'Do stuff', main: true, legalBasis: null, legalReference: null, legitimateInterestAssessment: null }],
      dataSubjects: [],
      dataCategories: [
        { ...IDENTITY, category: 'health', retention: null },
        { ...IDENTITY, retention: { ...UNLIMITED, unlimitedJustification: null } },
      ],
      dataSubjectInformation: null,
      rightsProcedure: '  ',
    });
    const { problems } = checkActivity(input, FACTS);
    expect(problems.map(({ path, code }) => [path, code])).toEqual([
      ['purposes[0].legalBasis', 'legal_basis_missing'],
      ['dataSubjects', 'no_data_subject'],
      ['dataCategories[0].art9Condition', 'art9_condition_missing'],
      ['dataCategories[0].retention', 'retention_missing'],
      ['dataCategories[1].retention.activePeriod', 'retention_unlimited_unjustified'],
      ['dataSubjectInformation', 'information_missing'],
      ['rightsProcedure', 'rights_procedure_missing'],
    ]);
    // The server answered 22 for this one.
    expect(completenessOf(input, FACTS).score).toBe(22);
  });

  it('asks for the legal text of a legal obligation and the three-part test of legitimate interests', () => {
    const { problems } = checkActivity(
      activity({
        purposes: [
          { description: 'Payer', main: true, legalBasis: 'legal_obligation', legalReference: ' ', legitimateInterestAssessment: null },
          {
            description: 'Prévenir la fraude',
            main: false,
            legalBasis: 'legitimate_interests',
            legalReference: null,
            legitimateInterestAssessment: { purpose: 'Fraude', necessity: null, balancing: '' },
          },
        ],
      }),
      FACTS,
    );
    expect(problems).toEqual([
      { path: 'purposes[0].legalReference', code: 'legal_reference_missing', params: { label: 'Payer', position: '1' } },
      {
        path: 'purposes[1].legitimateInterestAssessment.necessity',
        code: 'legitimate_interest_necessity_missing',
        params: { label: 'Prévenir la fraude', position: '2' },
      },
      {
        path: 'purposes[1].legitimateInterestAssessment.balancing',
        code: 'legitimate_interest_balancing_missing',
        params: { label: 'Prévenir la fraude', position: '2' },
      },
    ]);
  });

  it('names the other controllers according to our role', () => {
    expect(checkActivity(activity({ role: 'joint_controller' }), FACTS).problems.map((p) => p.code)).toEqual(['joint_controllers_missing']);
    expect(checkActivity(activity({ role: 'processor' }), FACTS).problems.map((p) => p.code)).toEqual(['client_controllers_missing']);
    expect(checkActivity(activity({ role: 'processor', clientControllers: [{ name: 'Client', contact: null }] }), FACTS).problems).toEqual([]);
  });

  it('accepts an unlimited retention once justified, and asks for at least one purpose', () => {
    const justified = activity({ dataCategories: [{ ...IDENTITY, retention: { ...UNLIMITED, unlimitedJustification: 'Archives historiques' } }] });
    expect(checkActivity(justified, FACTS).problems).toEqual([]);
    expect(checkActivity(activity({ purposes: [] }), FACTS).problems.map((p) => p.path)).toEqual(['purposes']);
  });
});
