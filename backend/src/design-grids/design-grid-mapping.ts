/**
 * The grid's one mapping, pure: answers → the draft activity's fields, the EDPB criteria the answers
 * imply, the flags for the DPO, and the plan to bring the linked draft up to date without overwriting
 * what the DPO edited there. The service feeds it the catalogue facts.
 */
import { checkActivity, completenessOf, RuleInput, RuleProblem } from '../domain/activities/activity-rules';
import type {
  Completeness,
  DataCategory as ActivityDataCategory,
  DpiaScreeningDecision,
  LegalBasis,
} from '../domain/activities/activity.types';
import { FREE_MEASURE_PREFIX } from '../domain/activities/activity.types';
import { canonicalJson } from '../common/diff/field-diff';
import { assessTransfer, TransferFacts, zoneOf } from '../domain/transfers/transfer-status';
import {
  GRID_FIELDS,
  GridAnswers,
  GridConflict,
  GridDpiaAssessment,
  GridDpiaCriterion,
  GridField,
  GridFlag,
  GridPractice,
  QUESTIONS_OF_FIELD,
} from '../domain/design-grids/design-grid.types';

/** Catalogue facts the grid reads (data-categories, data-subject-categories, countries, mechanisms). */
export interface GridFacts {
  specialDataCategories: ReadonlySet<string>;
  criminalDataCategories: ReadonlySet<string>;
  nationalIdentifierCategories: ReadonlySet<string>;
  highlyPersonalDataCategories: ReadonlySet<string>;
  vulnerableSubjectCategories: ReadonlySet<string>;
  transfers: TransferFacts;
}

export interface GridProject {
  projectName: string;
  pitch: string | null;
}

/**
 * The fields of the draft activity the grid writes, in the shape POST /activities takes (the
 * activities service normalises them as for any other caller).
 */
export interface GridContent {
  name: string;
  description: string | null;
  purposes: {
    description: string;
    main: boolean;
    legalBasis: LegalBasis | null;
    legalReference: string | null;
    legitimateInterestAssessment: { purpose: string | null; necessity: string | null; balancing: string | null } | null;
  }[];
  dataSubjects: { category: string; estimatedCount: number | null; vulnerable?: boolean }[];
  dataCategories: ActivityDataCategory[];
  recipients: { category: string; name: string | null }[];
  processors: string[];
  transfers: { country: string; recipient: string | null; mechanism: string | null; documentation: string | null }[];
  securityMeasures: string[];
  dataSubjectInformation: string | null;
  rightsProcedure: string | null;
  automatedDecisionMaking: boolean;
  dpiaScreening: { criteria: string[]; decision: DpiaScreeningDecision };
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const blank = (value: string | null | undefined) => text(value) === null;

/** The EDPB criteria (WP248 rev.01) in their own order, and the practice of question 1 behind each. */
const CRITERIA_ORDER = [
  'evaluation_scoring',
  'automated_decision_legal_effect',
  'systematic_monitoring',
  'sensitive_or_highly_personal_data',
  'large_scale',
  'matching_combining_datasets',
  'vulnerable_data_subjects',
  'innovative_technology',
  'prevents_exercising_right_or_contract',
] as const;

const CRITERION_OF_PRACTICE: Record<GridPractice, (typeof CRITERIA_ORDER)[number]> = {
  evaluation_scoring: 'evaluation_scoring',
  automated_decision: 'automated_decision_legal_effect',
  systematic_monitoring: 'systematic_monitoring',
  matching_combining_datasets: 'matching_combining_datasets',
  innovative_technology: 'innovative_technology',
  prevents_exercising_right_or_contract: 'prevents_exercising_right_or_contract',
};

/** Two criteria or more: a DPIA is required in most cases (dpia.json `requiredWhenCriteriaAtLeast`). */
export const DPIA_REQUIRED_FROM = 2;

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const dataCategoriesOf = (answers: GridAnswers) => uniqueBy(answers.data?.dataCategories ?? [], (item) => item.category);
const subjectsOf = (answers: GridAnswers) => uniqueBy(answers.data?.subjects ?? [], (item) => item.category);
const processorsOf = (answers: GridAnswers) =>
  uniqueBy(
    (answers.data?.processors ?? []).filter((processor) => !blank(processor.name)),
    (item) => item.name.trim().toLowerCase(),
  );

function isVulnerable(subject: { category: string; vulnerable?: boolean | null }, facts: GridFacts): boolean {
  return typeof subject.vulnerable === 'boolean' ? subject.vulnerable : facts.vulnerableSubjectCategories.has(subject.category);
}

/** The EDPB criteria the answers imply, each with what implies it; the decision follows their count. */
export function assessDpia(answers: GridAnswers, facts: GridFacts): GridDpiaAssessment {
  const because = new Map<string, string[]>();
  const add = (criterion: string, reason: string) => because.set(criterion, [...(because.get(criterion) ?? []), reason]);

  for (const practice of answers.purposes?.practices ?? []) add(CRITERION_OF_PRACTICE[practice], practice);
  for (const category of dataCategoriesOf(answers)) {
    const code = category.category;
    const sensitive =
      facts.specialDataCategories.has(code) ||
      facts.criminalDataCategories.has(code) ||
      facts.highlyPersonalDataCategories.has(code) ||
      facts.nationalIdentifierCategories.has(code);
    if (sensitive) add('sensitive_or_highly_personal_data', code);
  }
  if (answers.data?.largeScale === true) add('large_scale', 'large_scale');
  for (const subject of subjectsOf(answers)) if (isVulnerable(subject, facts)) add('vulnerable_data_subjects', subject.category);

  const criteria: GridDpiaCriterion[] = CRITERIA_ORDER.filter((code) => because.has(code)).map((code) => ({ code, because: [...new Set(because.get(code))] }));
  // With fewer than two criteria the DPO still decides: one may be enough, none is not a decision.
  const decision: DpiaScreeningDecision = criteria.length >= DPIA_REQUIRED_FROM ? 'required' : 'to_assess';
  return { criteria, decision };
}

/** The one mapping from answers to the draft activity's fields. */
export function mapAnswers(project: GridProject, answers: GridAnswers, facts: GridFacts): GridContent {
  const bases = new Map((answers.legitimacy?.bases ?? []).map((basis) => [basis.purposeId, basis]));
  const purposes = (answers.purposes?.purposes ?? []).filter((purpose) => !blank(purpose.description));
  const hasMain = purposes.some((purpose) => purpose.main);

  const justifications = new Map((answers.minimisation?.justifications ?? []).map((item) => [item.category, text(item.justification)]));
  const rules = new Map((answers.retention?.rules ?? []).map((rule) => [rule.category, rule]));

  const processors = processorsOf(answers);
  const measures = [
    ...(answers.security?.measures ?? []),
    ...(answers.resilience?.measures ?? []),
    ...(answers.security?.otherMeasures ?? []).map(text).filter((value): value is string => value !== null).map((value) => `${FREE_MEASURE_PREFIX}${value}`),
  ];
  const dpia = assessDpia(answers, facts);

  return {
    name: project.projectName.trim(),
    description: text(project.pitch),
    purposes: purposes.map((purpose, index) => {
      const basis = bases.get(purpose.id);
      const legalBasis = basis?.legalBasis ?? null;
      return {
        description: purpose.description.trim(),
        main: hasMain ? purpose.main : index === 0,
        legalBasis,
        legalReference: text(basis?.legalReference),
        legitimateInterestAssessment:
          legalBasis === 'legitimate_interests' ? { purpose: text(basis?.interest), necessity: text(basis?.necessity), balancing: text(basis?.balancing) } : null,
      };
    }),
    dataSubjects: subjectsOf(answers).map((subject) => ({
      category: subject.category,
      estimatedCount: subject.estimatedCount ?? null,
      ...(typeof subject.vulnerable === 'boolean' ? { vulnerable: subject.vulnerable } : {}),
    })),
    dataCategories: dataCategoriesOf(answers).map((category) => {
      const rule = rules.get(category.category);
      return {
        category: category.category,
        description: text(category.description),
        source: category.source ?? null,
        sourceDetail: text(category.sourceDetail),
        mandatory: category.mandatory ?? false,
        minimisationJustification: justifications.get(category.category) ?? null,
        art9Condition: category.art9Condition ?? null,
        // "Don't know yet" writes no retention: the register asks for one, it never reads as unlimited.
        retention: rule && !rule.undecided
          ? {
              activePeriod: rule.activePeriod,
              archivePeriod: rule.archivePeriod ?? null,
              startEvent: text(rule.startEvent),
              legalReference: text(rule.legalReference),
              endAction: rule.endAction ?? 'delete',
              unlimitedJustification: rule.activePeriod === null ? text(rule.unlimitedJustification) : null,
            }
          : null,
      };
    }),
    recipients: uniqueBy(answers.data?.recipients ?? [], (item) => `${item.category}|${item.name ?? ''}`).map((recipient) => ({ category: recipient.category, name: text(recipient.name) })),
    processors: processors.map((processor) => processor.name.trim()),
    // A provider working from outside the EEA makes a transfer (Chapter V), adequate country or not.
    transfers: processors
      .filter((processor) => processor.country !== null && zoneOf(processor.country, facts.transfers) !== 'eea')
      .map((processor) => ({ country: processor.country!, recipient: processor.name.trim(), mechanism: processor.mechanism ?? null, documentation: null })),
    securityMeasures: [...new Set(measures)],
    dataSubjectInformation: text(answers.information?.description),
    rightsProcedure: text(answers.rights?.description),
    automatedDecisionMaking: (answers.purposes?.practices ?? []).includes('automated_decision'),
    dpiaScreening: { criteria: dpia.criteria.map((criterion) => criterion.code), decision: dpia.decision },
  };
}

/**
 * What needs the DPO's attention, computed from the answers alone. Points about what a later step
 * settles (retention, minimisation, information, rights) appear once that step has an answer.
 */
export function computeFlags(answers: GridAnswers, facts: GridFacts): GridFlag[] {
  const flags: GridFlag[] = [];
  const categories = dataCategoriesOf(answers).map((category) => category.category);

  const special = categories.filter((code) => facts.specialDataCategories.has(code) || facts.criminalDataCategories.has(code));
  if (special.length) flags.push({ code: 'special_categories', question: 'data', items: special });
  const national = categories.filter((code) => facts.nationalIdentifierCategories.has(code));
  if (national.length) flags.push({ code: 'national_identifier', question: 'data', items: national });

  const dpia = assessDpia(answers, facts);
  if (dpia.criteria.length >= DPIA_REQUIRED_FROM) flags.push({ code: 'dpia_required', question: 'data', items: dpia.criteria.map((criterion) => criterion.code) });
  else if (dpia.criteria.length === 1) flags.push({ code: 'dpia_to_assess', question: 'data', items: dpia.criteria.map((criterion) => criterion.code) });

  const purposes = new Map((answers.purposes?.purposes ?? []).map((purpose) => [purpose.id, purpose.description.trim()]));
  const untested = (answers.legitimacy?.bases ?? []).filter(
    (basis) => basis.legalBasis === 'legitimate_interests' && (blank(basis.interest) || blank(basis.necessity) || blank(basis.balancing)) && purposes.has(basis.purposeId),
  );
  if (untested.length) flags.push({ code: 'legitimate_interest_untested', question: 'legitimacy', items: untested.map((basis) => purposes.get(basis.purposeId)!) });

  // A project names no confirmed recipient yet: under a partial adequacy decision it still has to
  // show the provider is covered (or choose a tool), so "to confirm" is flagged like a missing tool.
  const unsafe = processorsOf(answers).filter((processor) => {
    if (processor.country === null) return false;
    const assessment = assessTransfer({ country: processor.country, mechanism: processor.mechanism ?? null, vendor: null }, facts.transfers);
    return assessment.needsMechanism || assessment.scopeToConfirm;
  });
  if (unsafe.length) flags.push({ code: 'transfer_without_safeguards', question: 'data', items: unsafe.map((processor) => `${processor.name.trim()} (${processor.country})`) });

  if (answers.minimisation) {
    const justified = new Set(answers.minimisation.justifications.filter((item) => !blank(item.justification)).map((item) => item.category));
    const missing = categories.filter((code) => !justified.has(code));
    if (missing.length) flags.push({ code: 'minimisation_unjustified', question: 'minimisation', items: missing });
  }
  if (answers.retention) {
    const rules = new Map(answers.retention.rules.map((rule) => [rule.category, rule]));
    // Only a chosen "no end" is endless; "don't know yet" (or nothing said) is to decide with the DPO.
    const endless = categories.filter((code) => {
      const rule = rules.get(code);
      return rule !== undefined && !rule.undecided && rule.activePeriod === null;
    });
    const undecided = categories.filter((code) => {
      const rule = rules.get(code);
      return rule === undefined || rule.undecided === true;
    });
    if (endless.length) flags.push({ code: 'retention_without_end', question: 'retention', items: endless });
    if (undecided.length) flags.push({ code: 'retention_to_decide', question: 'retention', items: undecided });
  }
  if (answers.information && blank(answers.information.description)) flags.push({ code: 'information_missing', question: 'information', items: [] });
  if (answers.rights && blank(answers.rights.description)) flags.push({ code: 'rights_missing', question: 'rights', items: [] });
  return flags;
}

/** The draft the answers would make, as the register's rules read it (a controller's activity). */
function ruleInput(content: GridContent): RuleInput {
  return {
    role: 'controller',
    purposes: content.purposes,
    dataSubjects: content.dataSubjects.map((subject) => ({ ...subject, vulnerable: subject.vulnerable ?? false })),
    dataCategories: content.dataCategories,
    dataSubjectInformation: content.dataSubjectInformation,
    rightsProcedure: content.rightsProcedure,
    jointControllers: [],
    clientControllers: [],
  };
}

/** The register's rules on the draft the answers would make: its completeness and what is missing. */
export function gridCompleteness(content: GridContent, facts: GridFacts): Completeness {
  return completenessOf(ruleInput(content), facts);
}

/** What the draft still lacks for validation, with the parameters of each message. */
export function gridProblems(content: GridContent, facts: GridFacts): RuleProblem[] {
  return checkActivity(ruleInput(content), facts).problems;
}

// ——— keeping the draft in step ———

/**
 * Per field, what the answers mapped to when the grid last wrote it and what the draft then held
 * (after the activities service normalised it). Stored with the grid.
 */
export type SyncState = Partial<Record<GridField, { mapped: unknown; written: unknown }>>;
export type Resolutions = Partial<Record<GridField, 'grid' | 'activity'>>;

export interface SyncPlan {
  /** Fields to write to the draft, with the value the answers give. */
  writes: Partial<GridContent>;
  /** Fields whose new answer meets a direct edit of the DPO. */
  conflicts: GridConflict[];
  /** Fields the team chose to leave as the DPO wrote them (acknowledged: no write, state moves on). */
  kept: GridField[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Three-way comparison per field: the answers changed it (mapped ≠ last mapped); the draft still holds
 * what the grid wrote (current = last written) → write; the draft was edited since → conflict, unless
 * the team chose which one stays.
 */
export function planSync(mapped: GridContent, state: SyncState, current: Partial<Record<GridField, unknown>> | null, resolutions: Resolutions = {}): SyncPlan {
  const writes: Partial<GridContent> = {};
  const conflicts: GridConflict[] = [];
  const kept: GridField[] = [];
  for (const field of GRID_FIELDS) {
    const value = mapped[field];
    const last = state[field];
    if (current === null || last === undefined) {
      Object.assign(writes, { [field]: value });
      continue;
    }
    if (same(value, last.mapped)) continue;
    const edited = !same(current[field], last.written);
    if (!edited || resolutions[field] === 'grid') {
      Object.assign(writes, { [field]: value });
    } else if (resolutions[field] === 'activity') {
      kept.push(field);
    } else {
      conflicts.push({ field, questions: QUESTIONS_OF_FIELD[field], gridValue: value, activityValue: current[field] });
    }
  }
  return { writes, conflicts, kept };
}

interface CatalogueRow {
  code: string;
  facts: Record<string, unknown>;
}

/** The facts from catalogue entries (rows of catalogue_entries, or the shipped JSON items). */
export function gridFactsFrom(dataCategories: CatalogueRow[], subjectCategories: CatalogueRow[], transfers: TransferFacts): GridFacts {
  const codes = (rows: CatalogueRow[], test: (facts: Record<string, unknown>) => boolean) => new Set(rows.filter((row) => test(row.facts)).map((row) => row.code));
  return {
    specialDataCategories: codes(dataCategories, (facts) => facts.special === true),
    criminalDataCategories: codes(dataCategories, (facts) => facts.criminal === true),
    nationalIdentifierCategories: codes(dataCategories, (facts) => facts.article === '87'),
    highlyPersonalDataCategories: codes(dataCategories, (facts) => facts.highlyPersonal === true),
    vulnerableSubjectCategories: codes(subjectCategories, (facts) => facts.vulnerableByDefault === true),
    transfers,
  };
}
