/**
 * The register's rules — what an activity needs before the DPO can validate it. The page runs the
 * server's own pure rule module (backend/src/domain/activities/activity-rules.ts), so the live
 * completeness shows exactly what validation will say; the server stays the authority (422).
 */
import { checkActivity, RULE_CODES, type RuleCode, type RuleFacts, type RuleInput, type RuleProblem } from '@domain/activities/activity-rules';

export { checkActivity, RULE_CODES, type RuleCode, type RuleFacts, type RuleInput, type RuleProblem };

export function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code);
}

/** 0–100 (100 only when nothing is missing), as the server computes it, with each problem's message parameters. */
export function completenessOf(activity: RuleInput, facts: RuleFacts): { score: number; problems: RuleProblem[] } {
  const { checks, problems } = checkActivity(activity, facts);
  return { score: Math.floor((100 * (checks - problems.length)) / checks), problems };
}
