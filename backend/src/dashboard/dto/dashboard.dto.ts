import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../domain/activities/activity.types';
import { DPIA_STATUSES, type DpiaStatus } from '../../domain/dpias/dpia.types';
import { SeverityCountsView } from '../../findings/dto/finding.dto';
import { ROLES, type Role } from '../../members/membership.entity';
import type { CountryZone } from '../../domain/transfers/transfer-status';
import { VENDOR_STATUSES, type VendorStatus } from '../../domain/vendors/vendor.types';

/** An object with one integer per key, every key present (a schema named `name`). */
function CountsOf<K extends string>(name: string, keys: readonly K[]): Type<Record<K, number>> {
  const Counts = { [name]: class {} }[name] as Type<Record<K, number>>;
  for (const key of keys) ApiProperty({ type: 'integer' })(Counts.prototype as object, key);
  return Counts;
}

const COUNTRY_ZONES = ['eea', 'adequate', 'needs_safeguards'] as const satisfies readonly CountryZone[];

const ActivityStatusCounts = CountsOf('ActivityStatusCounts', ACTIVITY_STATUSES);
const DpiaStatusCounts = CountsOf('DpiaStatusCounts', DPIA_STATUSES);
const VendorStatusCounts = CountsOf('VendorStatusCounts', VENDOR_STATUSES);
const ZoneCounts = CountsOf('ZoneCounts', COUNTRY_ZONES);

export class ReviewDueView {
  @ApiProperty({ enum: ['activity', 'vendor'] }) recordType!: 'activity' | 'vendor';
  @ApiProperty() recordId!: string;
  @ApiProperty({ description: 'T-0042 or the vendor name' }) reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-12-01' }) date!: string;
}

export class LegalBasisCountView {
  @ApiProperty({ type: String, nullable: true, description: 'Art 6(1) code; null: no basis chosen yet' }) legalBasis!: string | null;
  @ApiProperty({ description: 'purposes with this basis' }) purposes!: number;
}

export class CountryFlowView {
  @ApiProperty({ example: 'US' }) country!: string;
  @ApiProperty({ enum: COUNTRY_ZONES }) zone!: CountryZone;
  @ApiProperty({ description: 'activities sending data there (their transfers, or the data locations of their processors)' }) activities!: number;
}

export class FlowsView {
  @ApiProperty({ type: ZoneCounts, description: 'activity–country flows per zone' }) zones!: Record<CountryZone, number>;
  @ApiProperty({ type: [CountryFlowView] }) countries!: CountryFlowView[];
}

export class DepartmentCompletenessView {
  @ApiProperty({ type: String, nullable: true }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: activities without a department' }) department!: string | null;
  @ApiProperty() activities!: number;
  @ApiProperty({ description: 'mean completeness score (0–100) of its activities' }) averageScore!: number;
}

export class WeekChangesView {
  @ApiProperty({ description: 'Monday of the week', example: '2026-11-23' }) week!: string;
  @ApiProperty({ description: 'activity versions written that week (creations, changes, workflow steps)' }) changes!: number;
}

export class RightsRequestFiguresView {
  @ApiProperty({ description: 'requests neither answered, refused nor withdrawn' }) open!: number;
  @ApiProperty({ description: 'open requests due today or within the next 6 days' }) dueWithinWeek!: number;
  @ApiProperty({ description: 'open requests past their (extended) due day' }) overdue!: number;
  @ApiProperty({ description: 'requests answered or refused in the last 12 months, plus the open ones past their due day' }) dueLast12Months!: number;
  @ApiProperty({ description: 'of those, answered or refused by their due day (Paris days)' }) onTimeLast12Months!: number;
}

export class BreachRiskCounts {
  @ApiProperty() not_assessed!: number;
  @ApiProperty() none!: number;
  @ApiProperty() risk!: number;
  @ApiProperty() high!: number;
}

export class BreachFiguresView {
  @ApiProperty({ description: 'breaches known in the last 12 months' }) last12Months!: number;
  @ApiProperty({ type: BreachRiskCounts, description: 'those, by the risk assessed' }) byRisk!: BreachRiskCounts;
  @ApiProperty({ description: 'breaches with a risk, not notified, 72 hours past (Art 33(1))' }) notificationOverdue!: number;
  @ApiProperty({ description: 'high-risk breaches whose people were neither told nor covered by an Art 34(3) exception' }) personsNotInformed!: number;
}

export class DashboardView {
  @ApiProperty({ example: '2026-11-24' }) today!: string;
  @ApiProperty({ type: ActivityStatusCounts }) activitiesByStatus!: Record<ActivityStatus, number>;
  @ApiProperty({ type: SeverityCountsView }) findingsBySeverity!: SeverityCountsView;
  @ApiProperty({ type: DpiaStatusCounts, description: 'DPIAs by the status of their current revision' }) dpiasByStatus!: Record<DpiaStatus, number>;
  @ApiProperty({ description: 'activities not archived whose screening requires a DPIA that has not been started' }) dpiasRequiredMissing!: number;
  @ApiProperty({ type: VendorStatusCounts }) vendorsByStatus!: Record<VendorStatus, number>;
  @ApiProperty({ type: [ReviewDueView], description: 'activities and vendors whose review falls in the next 30 days' }) reviewsDue!: ReviewDueView[];
  @ApiProperty({ description: 'reviews whose date has passed' }) reviewsOverdue!: number;
  @ApiProperty({ type: [LegalBasisCountView] }) legalBases!: LegalBasisCountView[];
  @ApiProperty({ type: FlowsView }) flows!: FlowsView;
  @ApiProperty({ type: [DepartmentCompletenessView] }) completenessByDepartment!: DepartmentCompletenessView[];
  @ApiProperty({ type: [WeekChangesView], description: 'the last 12 weeks, oldest first' }) changesPerWeek!: WeekChangesView[];
  @ApiProperty({ type: RightsRequestFiguresView, nullable: true, description: 'null for members who do not read the whole register of requests' })
  rightsRequests!: RightsRequestFiguresView | null;
  @ApiProperty({ type: BreachFiguresView, nullable: true, description: 'null for members who do not read the whole breach register' })
  breaches!: BreachFiguresView | null;
}

export class OrganizationSummaryView {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ description: 'activities not archived' }) activities!: number;
  @ApiProperty({ type: SeverityCountsView }) findingsBySeverity!: SeverityCountsView;
  @ApiProperty() reviewsDue!: number;
  @ApiProperty() reviewsOverdue!: number;
  @ApiProperty({ description: 'mean completeness of the activities not archived (100 when there are none)' }) averageCompleteness!: number;
}

export class OrganizationSummaryList {
  @ApiProperty({ type: [OrganizationSummaryView] }) items!: OrganizationSummaryView[];
}
