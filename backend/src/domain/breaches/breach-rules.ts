import { breachNotificationDueAt } from '../deadlines/legal-deadlines';
import type { BreachRisk, NotificationState } from './breach.types';

/**
 * Where the notification to the supervisory authority stands (Art 33(1) GDPR): a breach unlikely to
 * result in a risk is only recorded (Art 33(5)); otherwise it is notified within 72 hours of awareness,
 * or later with the reasons for the delay. Pure, shared by the API, the findings and the web app.
 */
export function notificationState(breach: { awareAt: Date; risk: BreachRisk | null; authorityNotifiedAt: Date | null }, now: Date): NotificationState {
  const dueAt = breachNotificationDueAt(breach.awareAt);
  if (breach.authorityNotifiedAt) return breach.authorityNotifiedAt.getTime() > dueAt.getTime() ? 'notified_late' : 'notified';
  if (breach.risk === null) return 'not_assessed';
  if (breach.risk === 'none') return 'not_required';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'due';
}

/** Art 33(1): a notification after 72 hours must come with the reasons for the delay. */
export function lateWithoutReasons(awareAt: Date, notifiedAt: Date | null, delayReasons: string | null): boolean {
  return notifiedAt !== null && notifiedAt.getTime() > breachNotificationDueAt(awareAt).getTime() && !delayReasons?.trim();
}

/** Art 34(1): a high risk means telling the people, unless an Art 34(3) exception is recorded. */
export function personsInformationMissing(breach: { risk: BreachRisk | null; personsCommunicatedAt: Date | null; communicationException: string | null }): boolean {
  return breach.risk === 'high' && breach.personsCommunicatedAt === null && breach.communicationException === null;
}
