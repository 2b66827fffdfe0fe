/**
 * The register's rules — what an activity needs before the DPO can validate it — mirrored from the
 * server (backend/src/activities/activity-rules.ts) with the same checks, codes and field paths, so
 * the page can show what is still missing while the form is being filled in. The server stays the
 * authority: validating still answers 422 with its own list.
 */
import {
  LEGAL_BASES_NEEDING_REFERENCE,
  LIA_PARTS,
  type ActivityContent,
  type ActivityRole,
} from './types';

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

export function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code);
}

export interface RuleProblem {
  /** The API's field path, e.g. `purposes[1].legalBasis`. */
  path: string;
  code: RuleCode;
  /** `label` (the purpose or data category concerned) and `position` (1-based) when about a list item. */
  params: Readonly<Record<string, string>>;
}

export type RuleInput = Pick<
  ActivityContent,
  'purposes' | 'dataSubjects' | 'dataCategories' | 'dataSubjectInformation' | 'rightsProcedure' | 'jointControllers' | 'clientControllers'
> & { role: ActivityRole };

export interface RuleFacts {
  specialDataCategories: ReadonlySet<string>;
}

function blank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function label(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

/** Each check passes or yields exactly one problem; the completeness score is the share passed. */
export function checkActivity(activity: RuleInput, facts: RuleFacts): { checks: number; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  let checks = 0;
  const check = (ok: boolean, problem: RuleProblem) => {
    checks += 1;
    if (!ok) problems.push(problem);
  };

  check(activity.purposes.length > 0, { path: 'purposes', code: 'no_purpose', params: {} });
  activity.purposes.forEach((purpose, index) => {
    const path = `purposes[${String(index)}]`;
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
    const path = `dataCategories[${String(index)}]`;
    const params = { label: category.category, position: String(index + 1) };
    if (facts.specialDataCategories.has(category.category)) {
      check(!blank(category.art9Condition), { path: `${path}.art9Condition`, code: 'art9_condition_missing', params });
    }
    const retention = category.retention;
    if (retention?.activePeriod === null) {
      check(!blank(retention.unlimitedJustification), {
        path: `${path}.retention.activePeriod`,
        code: 'retention_unlimited_unjustified',
        params,
      });
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

/** 0–100 (100 only when nothing is missing), as the server computes it. */
export function completenessOf(activity: RuleInput, facts: RuleFacts): { score: number; problems: RuleProblem[] } {
  const { checks, problems } = checkActivity(activity, facts);
  return { score: Math.floor((100 * (checks - problems.length)) / checks), problems };
}
