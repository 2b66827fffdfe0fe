import en from '../i18n/messages.en.json';
import fr from '../i18n/messages.fr.json';
import { checkActivity, completenessOf, RULE_CODES, RuleInput } from './activity-rules';

const catalogues: Record<'fr' | 'en', Record<string, Record<string, string>>> = { fr, en };

const facts = { specialDataCategories: new Set(['health', 'biometric']) };

/** An activity that passes every rule; each test breaks one thing. */
function complete(): RuleInput {
  return {
    role: 'controller',
    purposes: [
      { description: 'Verser les salaires', main: true, legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. L3243-2', legitimateInterestAssessment: null },
      {
        description: 'Détecter la fraude',
        main: false,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: { purpose: 'Protéger les utilisateurs', necessity: 'Aucun moyen moins intrusif', balancing: 'Attentes raisonnables' },
      },
    ],
    dataSubjects: [{ category: 'employees', estimatedCount: 240, vulnerable: false }],
    dataCategories: [
      {
        category: 'health',
        description: 'Arrêts maladie',
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
  };
}

const problemsOf = (activity: RuleInput) => checkActivity(activity, facts).problems.map(({ path, code }) => ({ path, code }));

describe('the register rules', () => {
  it('finds nothing to say about a complete activity, which scores 100', () => {
    expect(problemsOf(complete())).toEqual([]);
    expect(completenessOf(complete(), facts)).toEqual({ score: 100, missing: [], problems: [] });
  });

  it('requires at least one purpose, one data subject category and one data category', () => {
    expect(problemsOf({ ...complete(), purposes: [], dataSubjects: [], dataCategories: [] })).toEqual([
      { path: 'purposes', code: 'no_purpose' },
      { path: 'dataSubjects', code: 'no_data_subject' },
      { path: 'dataCategories', code: 'no_data_category' },
    ]);
  });

  it('requires a legal basis on each purpose, naming the purpose in the message parameters', () => {
    const activity = complete();
    activity.purposes[1] = { ...activity.purposes[1], legalBasis: null };
    const { problems } = checkActivity(activity, facts);
    expect(problems).toEqual([{ path: 'purposes[1].legalBasis', code: 'legal_basis_missing', params: { label: 'Détecter la fraude', position: '2' } }]);
  });

  it('requires the legal reference for a legal obligation or a public task, and only for those', () => {
    const activity = complete();
    activity.purposes[0] = { ...activity.purposes[0], legalReference: '  ' };
    expect(problemsOf(activity)).toEqual([{ path: 'purposes[0].legalReference', code: 'legal_reference_missing' }]);
    activity.purposes[0] = { ...activity.purposes[0], legalBasis: 'public_task' };
    expect(problemsOf(activity)).toEqual([{ path: 'purposes[0].legalReference', code: 'legal_reference_missing' }]);
    activity.purposes[0] = { ...activity.purposes[0], legalBasis: 'contract' };
    expect(problemsOf(activity)).toEqual([]);
  });

  it('requires each of the three parts of the legitimate-interest assessment', () => {
    const activity = complete();
    activity.purposes[1] = { ...activity.purposes[1], legitimateInterestAssessment: null };
    expect(problemsOf(activity)).toEqual([
      { path: 'purposes[1].legitimateInterestAssessment.purpose', code: 'legitimate_interest_purpose_missing' },
      { path: 'purposes[1].legitimateInterestAssessment.necessity', code: 'legitimate_interest_necessity_missing' },
      { path: 'purposes[1].legitimateInterestAssessment.balancing', code: 'legitimate_interest_balancing_missing' },
    ]);
    activity.purposes[1] = { ...activity.purposes[1], legitimateInterestAssessment: { purpose: 'Fraude', necessity: 'Oui', balancing: '' } };
    expect(problemsOf(activity)).toEqual([{ path: 'purposes[1].legitimateInterestAssessment.balancing', code: 'legitimate_interest_balancing_missing' }]);
  });

  it('requires an Art 9(2) condition for special-category data only', () => {
    const activity = complete();
    activity.dataCategories[0] = { ...activity.dataCategories[0], art9Condition: null };
    expect(problemsOf(activity)).toEqual([{ path: 'dataCategories[0].art9Condition', code: 'art9_condition_missing' }]);
    activity.dataCategories[0] = { ...activity.dataCategories[0], category: 'identity' };
    expect(problemsOf(activity)).toEqual([]);
  });

  it('requires a retention rule for each data category, and never accepts an unjustified unlimited one', () => {
    const activity = complete();
    const retention = activity.dataCategories[0].retention!;
    activity.dataCategories.push({ ...activity.dataCategories[0], category: 'identity', retention: null });
    expect(problemsOf(activity)).toEqual([{ path: 'dataCategories[1].retention', code: 'retention_missing' }]);
    activity.dataCategories[1] = { ...activity.dataCategories[1], retention: { ...retention, activePeriod: null } };
    expect(problemsOf(activity)).toEqual([{ path: 'dataCategories[1].retention.activePeriod', code: 'retention_unlimited_unjustified' }]);
    activity.dataCategories[1] = { ...activity.dataCategories[1], retention: { ...retention, activePeriod: null, unlimitedJustification: 'Archives historiques (Code du patrimoine)' } };
    expect(problemsOf(activity)).toEqual([]);
  });

  it('requires the information of data subjects and the rights procedure', () => {
    expect(problemsOf({ ...complete(), dataSubjectInformation: null, rightsProcedure: ' ' })).toEqual([
      { path: 'dataSubjectInformation', code: 'information_missing' },
      { path: 'rightsProcedure', code: 'rights_procedure_missing' },
    ]);
  });

  it('requires the joint controllers or the client controllers the role implies (Art 26, Art 30(2))', () => {
    expect(problemsOf({ ...complete(), role: 'joint_controller' })).toEqual([{ path: 'jointControllers', code: 'joint_controllers_missing' }]);
    expect(problemsOf({ ...complete(), role: 'processor' })).toEqual([{ path: 'clientControllers', code: 'client_controllers_missing' }]);
    expect(problemsOf({ ...complete(), role: 'processor', clientControllers: [{ name: 'Agence', contact: null }] })).toEqual([]);
  });

  it('scores the share of checks passed, below 100 while anything is missing', () => {
    // 1 purposes + 2 bases + 1 reference + 3 LIA + subjects + categories + art9 + retention + information + rights = 13 checks.
    const activity = { ...complete(), dataSubjectInformation: null };
    expect(completenessOf(activity, facts)).toEqual({
      score: Math.floor((100 * 12) / 13),
      missing: ['dataSubjectInformation'],
      problems: [{ path: 'dataSubjectInformation', code: 'information_missing' }],
    });
    const empty: RuleInput = { ...complete(), purposes: [], dataSubjects: [], dataCategories: [], dataSubjectInformation: null, rightsProcedure: null };
    expect(completenessOf(empty, facts).score).toBe(0);
  });

  it('has a French and an English message for every rule', () => {
    for (const code of RULE_CODES) {
      expect({ code, fr: typeof catalogues.fr.activity_rules?.[code], en: typeof catalogues.en.activity_rules?.[code] }).toEqual({ code, fr: 'string', en: 'string' });
    }
  });
});
