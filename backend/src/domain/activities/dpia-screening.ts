import type { DpiaScreening, DpiaScreeningDecision } from './activity.types';

/**
 * The DPIA screening rule (GDPR Art 35, EDPB WP248 rev.01, CNIL délib. 2018-327 and 2019-118), pure so
 * the server (which decides what is stored) and the activity page (which shows it live) agree. It
 * decides from the criteria that count; `screening-criteria.ts` derives them from the register's facts
 * and merges those the user declares (`screenActivity`), which every reader goes through.
 *
 * Precedence, first match wins:
 *   1. on the CNIL list of processing that requires a DPIA → required
 *   2. two criteria or more → required
 *   3. on the CNIL list of exempted processing → not_required
 *   4. exactly one criterion → to_assess: the DPO decides (required / not_required) and writes why;
 *      their recorded decision is kept
 *   5. no criterion → not_required
 * The required list wins over the exempt list: an activity declared on both is contradictory, and the
 * CNIL's advice for doubt is to carry out the DPIA; the exempt list describes ordinary processing, so
 * one that meets two criteria no longer fits it. Whoever disagrees corrects the criteria or the lists,
 * which leaves a trace in the activity's history.
 */

/** `requiredWhenCriteriaAtLeast` in dpia.json. */
export const DPIA_CRITERIA_THRESHOLD = 2;

export const SCREENING_BASES = ['cnil_required_list', 'criteria', 'cnil_exempt_list', 'one_criterion', 'no_criterion'] as const;
/** Which step of the rule settled the result. */
export type ScreeningBasis = (typeof SCREENING_BASES)[number];

export type ScreeningInput = Pick<DpiaScreening, 'criteria' | 'onCnilRequiredList' | 'onCnilExemptList'>;
/** What the DPO recorded (only read when the rule leaves the decision to them). */
export type RecordedDecision = Pick<DpiaScreening, 'decision' | 'justification'>;

export interface ScreeningOutcome {
  /** What is stored as `decision`. */
  decision: DpiaScreeningDecision;
  basis: ScreeningBasis;
  /** The rule left the decision to the DPO (one criterion). */
  dpoDecides: boolean;
  /** The DPO decided (required / not_required) on a one-criterion activity without writing why. */
  justificationMissing: boolean;
}

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** The screening result for these answers; `recorded` is the decision the DPO gave, if any. */
export function screenDpia(input: ScreeningInput, recorded?: RecordedDecision | null): ScreeningOutcome {
  const criteria = new Set(input.criteria).size;
  const settled = (decision: DpiaScreeningDecision, basis: ScreeningBasis): ScreeningOutcome => ({ decision, basis, dpoDecides: false, justificationMissing: false });
  if (input.onCnilRequiredList) return settled('required', 'cnil_required_list');
  if (criteria >= DPIA_CRITERIA_THRESHOLD) return settled('required', 'criteria');
  if (input.onCnilExemptList) return settled('not_required', 'cnil_exempt_list');
  if (criteria === 0) return settled('not_required', 'no_criterion');
  const decided = recorded?.decision === 'required' || recorded?.decision === 'not_required';
  return {
    decision: decided ? recorded.decision : 'to_assess',
    basis: 'one_criterion',
    dpoDecides: true,
    justificationMissing: decided && blank(recorded?.justification),
  };
}
