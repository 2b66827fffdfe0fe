import { addDays, DEFAULT_TIME_ZONE, IsoDate, localDate } from '../domain/deadlines/legal-deadlines';

export type FiguresQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** The dashboard's figures of the rights-request register (issue 18 item 3). */
export interface RightsRequestFigures {
  /** Neither answered, refused nor withdrawn. */
  open: number;
  /** Open, due today or within the next 6 days (the deadline the request has: the extended one when extended). */
  dueWithinWeek: number;
  /** Open, past their deadline. */
  overdue: number;
  /** Answered or refused in the last 12 months, plus the open ones past their deadline: the requests that had to be answered. */
  dueLast12Months: number;
  /** Of those, answered or refused by their deadline. */
  onTimeLast12Months: number;
}

/**
 * Counted in the organisation's days (Paris): a request answered on its due day is on time. An open
 * request already late counts against the rate, so leaving requests unanswered never improves it.
 */
export async function readRightsRequestFigures(query: FiguresQuery, organizationId: string, now: Date): Promise<RightsRequestFigures> {
  const today: IsoDate = localDate(now, DEFAULT_TIME_ZONE);
  const rows = await query<{ status: string; due: string; closedOn: string | null }>(
    `SELECT status, to_char(coalesce(extended_due_on, due_on), 'YYYY-MM-DD') AS due,
            to_char((coalesce(answer_sent_at, closed_at) AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS "closedOn"
     FROM rights_requests
     WHERE organization_id = $1
       AND (status NOT IN ('answered', 'refused', 'withdrawn') OR coalesce(answer_sent_at, closed_at) >= $3::timestamptz - interval '12 months')`,
    [organizationId, DEFAULT_TIME_ZONE, now.toISOString()],
  );
  const weekEnd = addDays(today, 6);
  const figures: RightsRequestFigures = { open: 0, dueWithinWeek: 0, overdue: 0, dueLast12Months: 0, onTimeLast12Months: 0 };
  for (const row of rows) {
    if (row.status === 'withdrawn') continue;
    if (row.status === 'answered' || row.status === 'refused') {
      figures.dueLast12Months += 1;
      if (row.closedOn !== null && row.closedOn <= row.due) figures.onTimeLast12Months += 1;
      continue;
    }
    figures.open += 1;
    if (row.due < today) {
      figures.overdue += 1;
      figures.dueLast12Months += 1;
    } else if (row.due <= weekEnd) figures.dueWithinWeek += 1;
  }
  return figures;
}
