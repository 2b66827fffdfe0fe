/**
 * The clock of the registers, in words: days left before a request's due day, hours left of a
 * breach's 72 hours. Pure; the deadlines themselves come from the server's functions.
 */
import { daysBetween, DEFAULT_TIME_ZONE, localDate } from '@domain/deadlines/legal-deadlines';

export { localDate };
import { notificationState } from '@domain/breaches/breach-rules';
import type { BreachSummary } from '@domain/breaches/breach.types';
import { isOpenRequest, type RightsRequestSummary } from '@domain/rights-requests/rights-request.types';

/** ok: time left; soon: due within a week (a day for breaches); late: past; done: nothing to wait for. */
export type ClockTone = 'ok' | 'soon' | 'late' | 'done';

/** Days before which an open request shows as "soon" (the findings use the same week). */
export const REQUEST_SOON_DAYS = 7;
/** Hours before which an undecided breach shows as "soon". */
export const BREACH_SOON_HOURS = 24;

export type RequestClock =
  | { tone: ClockTone; kind: 'closed' }
  | { tone: ClockTone; kind: 'today' }
  | { tone: ClockTone; kind: 'left' | 'late'; days: number };

export function requestClock(request: Pick<RightsRequestSummary, 'status' | 'effectiveDueOn'>, now: Date, timeZone = DEFAULT_TIME_ZONE): RequestClock {
  if (!isOpenRequest(request.status)) return { tone: 'done', kind: 'closed' };
  const days = daysBetween(localDate(now, timeZone), request.effectiveDueOn);
  if (days < 0) return { tone: 'late', kind: 'late', days: -days };
  if (days === 0) return { tone: 'soon', kind: 'today' };
  return { tone: days <= REQUEST_SOON_DAYS ? 'soon' : 'ok', kind: 'left', days };
}

export type BreachClock =
  | { tone: ClockTone; kind: 'notified' | 'notified_late' | 'not_required' }
  | { tone: ClockTone; kind: 'assess' | 'notify' | 'assess_late' | 'overdue'; hours: number };

const HOUR = 3_600_000;

export function breachClock(breach: Pick<BreachSummary, 'awareAt' | 'risk' | 'authorityNotifiedAt' | 'notificationDueAt'>, now: Date): BreachClock {
  const state = notificationState(
    { awareAt: new Date(breach.awareAt), risk: breach.risk, authorityNotifiedAt: breach.authorityNotifiedAt ? new Date(breach.authorityNotifiedAt) : null },
    now,
  );
  const left = new Date(breach.notificationDueAt).getTime() - now.getTime();
  switch (state) {
    case 'notified':
    case 'not_required':
      return { tone: 'done', kind: state };
    case 'notified_late':
      return { tone: 'late', kind: state };
    case 'overdue':
      return { tone: 'late', kind: 'overdue', hours: Math.floor(-left / HOUR) };
    case 'not_assessed':
      return left < 0
        ? { tone: 'late', kind: 'assess_late', hours: Math.floor(-left / HOUR) }
        : { tone: left <= BREACH_SOON_HOURS * HOUR ? 'soon' : 'ok', kind: 'assess', hours: Math.ceil(left / HOUR) };
    case 'due':
      return { tone: left <= BREACH_SOON_HOURS * HOUR ? 'soon' : 'ok', kind: 'notify', hours: Math.ceil(left / HOUR) };
  }
}
