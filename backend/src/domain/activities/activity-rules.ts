import {
  ActivityContent,
  ActivityRole,
  Completeness,
  LEGAL_BASES_NEEDING_REFERENCE,
  LIA_PARTS,
} from './activity.types';

/** What the rules need to know from the catalogues (data-categories facts). */
export interface RuleFacts {
  /** Art 9 special categories (catalogue fact `special`). */
  specialDataCategories: ReadonlySet<string>;
}

export const RULE_CODES = [
  'no_purpose',
  'legal_basis_missing',
  'legal_reference_missing',
  'legitimate_interest_purpose_missing',
  'legitimate_interest_necessity_missing',
  'legitimate_interest_balancing_missing',
  'no_data_subject',
  'no_data_category',
  'art9_condition_missing',
  'retention_missing',
  'retention_unlimited_unjustified',
  'information_missing',
  'rights_procedure_missing',
  'joint_controllers_missing',
  'client_controllers_missing',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** One thing that keeps an activity from being validated; `params` fill its translated message. */
export interface RuleProblem {
  path: string;
  code: RuleCode;
  params: Record<string, string>;
}

/** The parts of an activity the rules read (a list row carries just these). */
export type RuleInput = Pick<
  ActivityContent,
  'purposes' | 'dataSubjects' | 'dataCategories' | 'dataSubjectInformation' | 'rightsProcedure' | 'jointControllers' | 'clientControllers'
> & { role: ActivityRole };

function blank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function label(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

/**
 * The register's rules, as a list of checks: each check passes or yields exactly one problem, so
 * the completeness score is the share of checks passed. Pure: validation (422), the activity page
 * and the register list all use it.
 */
export function checkActivity(activity: RuleInput, facts: RuleFacts): { checks: number; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  let checks = 0;
  const check = (ok: boolean, problem: RuleProblem) => {
    checks += 1;
    if (!ok) problems.push(problem);
  };

  check(activity.purposes.length > 0, { path: 'purposes', code: 'no_purpose', params: {} });
  activity.purposes.forEach((purpose, index) => {
    const path = `purposes[${index}]`;
    const params = { label: label(purpose.description), position: String(index + 1) };
    check(purpose.legalBasis !== null, { path: `${path}.legalBasis`, code: 'legal_basis_missing', params });
    if (purpose.legalBasis && LEGAL_BASES_NEEDING_REFERENCE.includes(purpose.legalBasis)) {
      check(!blank(purpose.legalReference), { path: `${path}.legalReference`, code: 'legal_reference_missing', params });
    }
    if (purpose.legalBasis === 'legitimate_interests') {
      for (const part of LIA_PARTS) {
        check(!blank(purpose.legitimateInterestAssessment?.[part]), {
          path: `${path}.legitimateInterestAssessment.${part}`,
          code: `legitimate_interest_${part}_missing`,
          params,
        });
      }
    }
  });

  check(activity.dataSubjects.length > 0, { path: 'dataSubjects', code: 'no_data_subject', params: {} });
  check(activity.dataCategories.length > 0, { path: 'dataCategories', code: 'no_data_category', params: {} });
  activity.dataCategories.forEach((category, index) => {
    const path = `dataCategories[${index}]`;
    const params = { label: category.category, position: String(index + 1) };
    if (facts.specialDataCategories.has(category.category)) {
      check(!blank(category.art9Condition), { path: `${path}.art9Condition`, code: 'art9_condition_missing', params });
    }
    // One check per category: a retention rule, and never an unlimited one without a justification.
    const retention = category.retention;
    if (retention && retention.activePeriod === null) {
      check(!blank(retention.unlimitedJustification), { path: `${path}.retention.activePeriod`, code: 'retention_unlimited_unjustified', params });
    } else {
      check(retention !== null, { path: `${path}.retention`, code: 'retention_missing', params });
    }
  });

  check(!blank(activity.dataSubjectInformation), { path: 'dataSubjectInformation', code: 'information_missing', params: {} });
  check(!blank(activity.rightsProcedure), { path: 'rightsProcedure', code: 'rights_procedure_missing', params: {} });
  if (activity.role === 'joint_controller') {
    check(activity.jointControllers.length > 0, { path: 'jointControllers', code: 'joint_controllers_missing', params: {} });
  }
  if (activity.role === 'processor') {
    check(activity.clientControllers.length > 0, { path: 'clientControllers', code: 'client_controllers_missing', params: {} });
  }
  return { checks, problems };
}

/** 0–100 (100 only when nothing is missing) with the paths still missing. */
export function completenessOf(activity: RuleInput, facts: RuleFacts): Completeness {
  const { checks, problems } = checkActivity(activity, facts);
  return {
    score: Math.floor((100 * (checks - problems.length)) / checks),
    missing: problems.map((problem) => problem.path),
    problems: problems.map(({ path, code }) => ({ path, code })),
  };
}

/**
 * What validation refuses besides missing content: states the register can see to be unlawful.
 *  - a transfer outside the EEA with no transfer tool (Art 44), on the activity or at one of its
 *    processors — the rule vendor approval applies;
 *  - a DPIA required by the screening and not validated (Art 35(1): before the processing);
 *  - a processor with no signed contract (Art 28(3)) — the rule vendor approval applies;
 *  - a DPIA validated after consulting the supervisory authority whose answer is not recorded yet
 *    (Art 36(1)-(2): the processing waits for it), or whose answer bans the processing (Art 58(2)(f));
 *  - at a public authority, a purpose on legitimate interests (Art 6(1) last subparagraph: not for
 *    processing in the performance of its tasks), unless the DPO recorded that the processing falls
 *    outside those tasks.
 */
export const BLOCKER_CODES = [
  'transfer_mechanism_missing',
  'processor_transfer_mechanism_missing',
  'processor_contract_missing',
  'dpia_not_validated',
  'prior_consultation_pending',
  'processing_prohibited_by_authority',
  'legitimate_interest_public_body',
] as const;
export type BlockerCode = (typeof BLOCKER_CODES)[number];

export interface ValidationBlocker {
  path: string;
  code: BlockerCode;
  /** `country` holds a country code and `countries` a comma-separated list: put in words when translated. */
  params: Record<string, string>;
}

/** What the blockers read, assessed by the shared transfer and vendor rules. */
export interface BlockerFacts {
  /** The activity's transfers, in order, with the transfer rule's verdict. */
  transfers: readonly { country: string; recipient: string | null; needsMechanism: boolean }[];
  /** The activity's processors, in order, with what would block the vendor's approval. */
  processors: readonly { name: string; concerns: readonly { code: string; params: Record<string, string> }[] }[];
  /** The screening's decision (`required` means a DPIA must be validated first). */
  dpiaDecision: string | null;
  /** Status of the activity's DPIA; null when there is none. */
  dpiaStatus: string | null;
  /** Art 36: what the prior consultation of the authority holds (dpia-rules `consultationHold`). */
  consultationHold?: 'pending' | 'prohibited' | null;
  /** The organisation is a public authority or body (organisation profile). */
  publicBody?: boolean;
  /** The purposes, in order (their legal basis). */
  purposes?: readonly { description: string; legalBasis: string | null }[];
  /** The DPO recorded that this processing falls outside the authority's tasks. */
  outsidePublicTasks?: boolean;
}

/**
 * The blockers the DPO may validate despite, with a recorded reason (issue 17, item 4): what the DPO
 * can weigh and answer for (a transfer tool being negotiated, a contract awaiting signature, a DPIA
 * under way). Not the authority's hold or ban (Art 36, Art 58(2)(f): not the DPO's to lift), not the
 * public-body legal basis (Art 6(1): the law, not a judgement), and never a missing register field.
 */
export const OVERRIDABLE_BLOCKER_CODES = ['transfer_mechanism_missing', 'processor_transfer_mechanism_missing', 'processor_contract_missing', 'dpia_not_validated'] as const satisfies readonly BlockerCode[];
export type OverridableBlockerCode = (typeof OVERRIDABLE_BLOCKER_CODES)[number];

export const isOverridableBlocker = (code: string): code is OverridableBlockerCode => (OVERRIDABLE_BLOCKER_CODES as readonly string[]).includes(code);

/** The DPO's reasoned override of one kind of blocker: covers every blocker with that code. */
export interface ValidationOverride {
  code: OverridableBlockerCode;
  reason: string;
}

/**
 * What validation still refuses given the DPO's overrides: the blockers no override covers, and the
 * overrides naming a blocker that is not there (refused too: an override records a real risk taken).
 */
export function unresolvedBlockers(blockers: readonly ValidationBlocker[], overrides: readonly ValidationOverride[]): { uncovered: ValidationBlocker[]; unused: ValidationOverride[] } {
  const covered = new Set(overrides.map((override) => override.code as string));
  const present = new Set(blockers.map((blocker) => blocker.code as string));
  return { uncovered: blockers.filter((blocker) => !covered.has(blocker.code)), unused: overrides.filter((override) => !present.has(override.code)) };
}

export function validationBlockers(facts: BlockerFacts): ValidationBlocker[] {
  const blockers: ValidationBlocker[] = [];
  facts.transfers.forEach((transfer, index) => {
    if (!transfer.needsMechanism) return;
    blockers.push({
      path: `transfers[${index}].mechanism`,
      code: 'transfer_mechanism_missing',
      params: { country: transfer.country, recipient: transfer.recipient ?? '' },
    });
  });
  facts.processors.forEach((processor, index) => {
    for (const concern of processor.concerns) {
      if (concern.code === 'dpa_missing') blockers.push({ path: `processors[${index}]`, code: 'processor_contract_missing', params: { vendor: processor.name } });
      if (concern.code === 'transfer_needs_mechanism') {
        blockers.push({ path: `processors[${index}]`, code: 'processor_transfer_mechanism_missing', params: { vendor: processor.name, countries: concern.params.countries ?? '' } });
      }
    }
  });
  if (facts.dpiaDecision === 'required' && facts.dpiaStatus !== 'validated') {
    blockers.push({ path: 'dpiaScreening.decision', code: 'dpia_not_validated', params: {} });
  }
  if (facts.consultationHold === 'pending') blockers.push({ path: 'dpiaScreening.decision', code: 'prior_consultation_pending', params: {} });
  if (facts.consultationHold === 'prohibited') blockers.push({ path: 'dpiaScreening.decision', code: 'processing_prohibited_by_authority', params: {} });
  if (facts.publicBody && !facts.outsidePublicTasks) {
    (facts.purposes ?? []).forEach((purpose, index) => {
      if (purpose.legalBasis === 'legitimate_interests') blockers.push({ path: `purposes[${index}].legalBasis`, code: 'legitimate_interest_public_body', params: { label: purpose.description } });
    });
  }
  return blockers;
}
