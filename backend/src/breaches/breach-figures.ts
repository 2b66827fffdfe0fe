import { notificationState, personsInformationMissing } from '../domain/breaches/breach-rules';
import type { BreachRisk } from '../domain/breaches/breach.types';

export type FiguresQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** The dashboard's figures of the breach register (issue 18 item 3). */
export interface BreachFigures {
  /** Breaches the organisation learnt of in the last 12 months. */
  last12Months: number;
  /** Those, by the risk assessed (`not_assessed` while nobody has). */
  byRisk: Record<BreachRisk | 'not_assessed', number>;
  /** Any breach, however old, with a risk, not notified, 72 hours past (Art 33(1)). */
  notificationOverdue: number;
  /** Any breach with a high risk whose people were neither told nor covered by an Art 34(3) exception. */
  personsNotInformed: number;
}

/** By the shared rules (breach-rules.ts), so the dashboard, the findings and the pages agree. */
export async function readBreachFigures(query: FiguresQuery, organizationId: string, now: Date): Promise<BreachFigures> {
  const rows = await query<{ awareAt: Date; risk: BreachRisk | null; authorityNotifiedAt: Date | null; personsCommunicatedAt: Date | null; communicationException: string | null; recent: boolean }>(
    `SELECT aware_at AS "awareAt", risk, authority_notified_at AS "authorityNotifiedAt",
            persons_communicated_at AS "personsCommunicatedAt", persons_communication_exception AS "communicationException",
            aware_at >= $2::timestamptz - interval '12 months' AS recent
     FROM breaches WHERE organization_id = $1`,
    [organizationId, now.toISOString()],
  );
  const figures: BreachFigures = { last12Months: 0, byRisk: { not_assessed: 0, none: 0, risk: 0, high: 0 }, notificationOverdue: 0, personsNotInformed: 0 };
  for (const row of rows) {
    if (row.recent) {
      figures.last12Months += 1;
      figures.byRisk[row.risk ?? 'not_assessed'] += 1;
    }
    if (notificationState(row, now) === 'overdue') figures.notificationOverdue += 1;
    if (personsInformationMissing(row)) figures.personsNotInformed += 1;
  }
  return figures;
}
