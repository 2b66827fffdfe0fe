import { ACTIVITY_STATUSES } from '../domain/activities/activity.types';
import { DPIA_STATUSES } from '../domain/dpias/dpia.types';
import type { Evaluation } from '../findings/findings.service';
import { countBySeverity } from '../findings/findings.service';
import { CountryZone, TransferFacts, zoneOf } from '../domain/transfers/transfer-status';
import { VENDOR_STATUSES } from '../domain/vendors/vendor.types';
import type { CountryFlowView, DashboardView, DepartmentCompletenessView, LegalBasisCountView, ReviewDueView } from './dto/dashboard.dto';

/** Reviews falling within this many days are "due". */
export const REVIEW_HORIZON_DAYS = 30;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function tally<K extends string>(keys: readonly K[], values: Iterable<K>): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Reviews due in the next 30 days (soonest first) and the number overdue; archived and terminated records have none. */
export function reviewsOf(evaluation: Evaluation): { due: ReviewDueView[]; overdue: number } {
  const { today } = evaluation.data;
  const horizon = addDays(today, REVIEW_HORIZON_DAYS);
  const dated: ReviewDueView[] = [];
  for (const activity of evaluation.data.activities) {
    if (activity.status !== 'archived' && activity.nextReviewDate) {
      dated.push({ recordType: 'activity', recordId: activity.id, reference: activity.reference, name: activity.name, date: activity.nextReviewDate });
    }
  }
  for (const vendor of evaluation.data.vendors) {
    if (vendor.status !== 'terminated' && vendor.nextReviewDate) {
      dated.push({ recordType: 'vendor', recordId: vendor.id, reference: vendor.name, name: vendor.name, date: vendor.nextReviewDate });
    }
  }
  return {
    due: dated.filter((review) => review.date >= today && review.date <= horizon).sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference)),
    overdue: dated.filter((review) => review.date < today).length,
  };
}

/**
 * The dashboard's figures from one evaluation of the organisation (no further query): archived
 * activities count in the status breakdown only.
 */
export function dashboardFigures(
  evaluation: Evaluation,
  transferFacts: TransferFacts,
  departments: ReadonlyMap<string, string>,
): Omit<DashboardView, 'changesPerWeek' | 'rightsRequests' | 'breaches'> {
  const { data, findings, scores } = evaluation;
  const live = data.activities.filter((activity) => activity.status !== 'archived');

  const legalBases = new Map<string | null, number>();
  for (const activity of live) for (const purpose of activity.purposes) legalBases.set(purpose.legalBasis, (legalBases.get(purpose.legalBasis) ?? 0) + 1);

  // A flow is an activity sending data to a country: its transfers and its processors' data locations.
  const vendorsById = new Map(data.vendors.map((vendor) => [vendor.id, vendor]));
  const flows = new Map<string, number>();
  for (const activity of live) {
    const destinations = new Set(activity.transfers.map((transfer) => transfer.country));
    for (const vendorId of data.processorsByActivity.get(activity.id) ?? []) for (const country of vendorsById.get(vendorId)?.dataLocations ?? []) destinations.add(country);
    for (const country of destinations) flows.set(country, (flows.get(country) ?? 0) + 1);
  }
  const countries: CountryFlowView[] = [...flows.entries()]
    .map(([country, activities]) => ({ country, zone: zoneOf(country, transferFacts), activities }))
    .sort((a, b) => b.activities - a.activities || a.country.localeCompare(b.country));
  const zones: Record<CountryZone, number> = { eea: 0, adequate: 0, needs_safeguards: 0 };
  for (const flow of countries) zones[flow.zone] += flow.activities;

  const byDepartment = new Map<string | null, { total: number; count: number }>();
  for (const score of scores) {
    if (score.status === 'archived') continue;
    const entry = byDepartment.get(score.departmentId) ?? { total: 0, count: 0 };
    entry.total += score.score;
    entry.count += 1;
    byDepartment.set(score.departmentId, entry);
  }
  const completenessByDepartment: DepartmentCompletenessView[] = [...byDepartment.entries()]
    .map(([departmentId, { total, count }]) => ({
      departmentId,
      department: departmentId ? (departments.get(departmentId) ?? null) : null,
      activities: count,
      averageScore: Math.round(total / count),
    }))
    .sort((a, b) => (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff'));

  const reviews = reviewsOf(evaluation);
  return {
    today: data.today,
    activitiesByStatus: tally(ACTIVITY_STATUSES, data.activities.map((activity) => activity.status)),
    findingsBySeverity: countBySeverity(findings),
    dpiasByStatus: tally(DPIA_STATUSES, [...data.dpiasByActivity.values()].map((dpia) => dpia.status)),
    dpiasRequiredMissing: findings.filter((finding) => finding.code === 'dpia_required_missing').length,
    vendorsByStatus: tally(VENDOR_STATUSES, data.vendors.map((vendor) => vendor.status)),
    reviewsDue: reviews.due,
    reviewsOverdue: reviews.overdue,
    legalBases: [...legalBases.entries()]
      .map(([legalBasis, purposes]): LegalBasisCountView => ({ legalBasis, purposes }))
      .sort((a, b) => b.purposes - a.purposes || (a.legalBasis ?? '').localeCompare(b.legalBasis ?? '')),
    flows: { zones, countries },
    completenessByDepartment,
  };
}

/** The mean completeness of the activities not archived (100 for an empty register: nothing is missing). */
export function averageCompleteness(evaluation: Evaluation): number {
  const live = evaluation.scores.filter((score) => score.status !== 'archived');
  return live.length === 0 ? 100 : Math.round(live.reduce((sum, score) => sum + score.score, 0) / live.length);
}
