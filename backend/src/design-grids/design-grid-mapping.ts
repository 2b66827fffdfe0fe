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
import { DEFAULT_SCREENING_THRESHOLDS, ScreenableContent, screenActivity, ScreeningCatalogueFacts, screeningFactsFrom, ScreeningThresholds } from '../domain/activities/screening-criteria';
import { assessTransfer, TransferFacts, zoneOf } from '../domain/transfers/transfer-status';
import {
  GRID_FIELDS,
  GridAnswers,
  GridConflict,
  GridDpiaAssessment,
  GridField,
  GridFlag,
  GridPractice,
  QUESTIONS_OF_FIELD,
} from '../domain/design-grids/design-grid.types';

/**
 * What the grid reads: catalogue facts (data-categories, data-subject-categories, countries,
 * mechanisms) and the organisation's screening thresholds, so the grid screens as the register does.
 */
export interface GridFacts extends ScreeningCatalogueFacts {
  transfers: TransferFacts;
  thresholds: ScreeningThresholds;
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

/** The practice of question 1 behind each criterion the team declares there. */
const CRITERION_OF_PRACTICE: Record<GridPractice, string> = {
  evaluation_scoring: 'evaluation_scoring',
  automated_decision: 'automated_decision_legal_effect',
  systematic_monitoring: 'systematic_monitoring',
  matching_combining_datasets: 'matching_combining_datasets',
  innovative_technology: 'innovative_technology',
  prevents_exercising_right_or_contract: 'prevents_exercising_right_or_contract',
};

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

/** The criteria the team declares in the grid: the practices of question 1, and "large scale" of the data question. */
function declaredCriteria(answers: GridAnswers): string[] {
  const practices = (answers.purposes?.practices ?? []).map((practice) => CRITERION_OF_PRACTICE[practice]);
  return [...new Set([...practices, ...(answers.data?.largeScale === true ? ['large_scale'] : [])])];
}

/** The draft the answers make, as the screening reads it (the same facts the activity will hold). */
function screenable(answers: GridAnswers): ScreenableContent {
  return {
    dataSubjects: subjectsOf(answers).map((subject) => ({ category: subject.category, estimatedCount: subject.estimatedCount ?? null, vulnerable: subject.vulnerable ?? false })),
    dataCategories: dataCategoriesOf(answers).map((category) => ({
      category: category.category,
      description: null,
      source: null,
      sourceDetail: null,
      mandatory: false,
      minimisationJustification: null,
      art9Condition: category.art9Condition ?? null,
      retention: null,
    })),
    automatedDecisionMaking: (answers.purposes?.practices ?? []).includes('automated_decision'),
    dpiaScreening: { criteria: declaredCriteria(answers), onCnilRequiredList: null, onCnilExemptList: null, decision: 'to_assess', justification: null },
  };
}

/**
 * The EDPB criteria the answers meet, each with what meets it, and the decision: the register's own
 * screening (screening-criteria.ts) on the draft the answers make, so the grid and the draft agree —
 * no criterion is "not required" in both. `because` names answers: a practice, a category, "large scale".
 */
export function assessDpia(answers: GridAnswers, facts: GridFacts): GridDpiaAssessment {
  const practices = answers.purposes?.practices ?? [];
  const { criteria, outcome } = screenActivity(screenable(answers), facts, facts.thresholds);
  return {
    criteria: criteria.map((criterion) => {
      const because = criterion.reasons.flatMap((reason): string[] => {
        if (reason.item) return [reason.item];
        if (reason.kind === 'persons_over_threshold') return ['large_scale'];
        if (reason.kind === 'automated_decision') return ['automated_decision'];
        // Declared: the practice that declares it, or the large-scale answer.
        const fromPractices = practices.filter((practice) => CRITERION_OF_PRACTICE[practice] === criterion.code);
        return fromPractices.length ? fromPractices : criterion.code === 'large_scale' ? ['large_scale'] : [];
      });
      return { code: criterion.code, because: [...new Set(because)] };
    }),
    decision: outcome.decision,
  };
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
    // Only what the team declared: the register derives the rest from the draft's facts, as for any activity.
    dpiaScreening: { criteria: declaredCriteria(answers), decision: dpia.decision },
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
  if (dpia.decision === 'required') flags.push({ code: 'dpia_required', question: 'data', items: dpia.criteria.map((criterion) => criterion.code) });
  else if (dpia.decision === 'to_assess') flags.push({ code: 'dpia_to_assess', question: 'data', items: dpia.criteria.map((criterion) => criterion.code) });

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
export function gridFactsFrom(
  dataCategories: CatalogueRow[],
  subjectCategories: CatalogueRow[],
  transfers: TransferFacts,
  thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS,
): GridFacts {
  return { ...screeningFactsFrom(dataCategories, subjectCategories), transfers, thresholds };
}
