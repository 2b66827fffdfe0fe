import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_STATUSES } from '../../activities/activity.types';
import { DPIA_STATUSES } from '../../dpias/dpia.types';
import { SeverityCountsView } from '../../findings/dto/finding.dto';
import { VENDOR_STATUSES } from '../../vendors/vendor.types';

/** A count per key (OpenAPI: an object of integers, its keys listed in the description). */
const counts = (keys: readonly string[], description = '') => ({
  type: 'object' as const,
  additionalProperties: { type: 'integer' },
  description: [description, keys.length ? `keys: ${keys.join(', ')}` : ''].filter(Boolean).join('; '),
});

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
  @ApiProperty({ enum: ['eea', 'adequate', 'needs_safeguards'] }) zone!: string;
  @ApiProperty({ description: 'activities sending data there (their transfers, or the data locations of their processors)' }) activities!: number;
}

export class FlowsView {
  @ApiProperty(counts(['eea', 'adequate', 'needs_safeguards'], 'activity–country flows per zone')) zones!: Record<string, number>;
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

export class DashboardView {
  @ApiProperty({ example: '2026-11-24' }) today!: string;
  @ApiProperty(counts(ACTIVITY_STATUSES)) activitiesByStatus!: Record<string, number>;
  @ApiProperty({ type: SeverityCountsView }) findingsBySeverity!: SeverityCountsView;
  @ApiProperty(counts(DPIA_STATUSES, 'DPIAs by the status of their current revision')) dpiasByStatus!: Record<string, number>;
  @ApiProperty({ description: 'activities not archived whose screening requires a DPIA that has not been started' }) dpiasRequiredMissing!: number;
  @ApiProperty(counts(VENDOR_STATUSES)) vendorsByStatus!: Record<string, number>;
  @ApiProperty({ type: [ReviewDueView], description: 'activities and vendors whose review falls in the next 30 days' }) reviewsDue!: ReviewDueView[];
  @ApiProperty({ description: 'reviews whose date has passed' }) reviewsOverdue!: number;
  @ApiProperty({ type: [LegalBasisCountView] }) legalBases!: LegalBasisCountView[];
  @ApiProperty({ type: FlowsView }) flows!: FlowsView;
  @ApiProperty({ type: [DepartmentCompletenessView] }) completenessByDepartment!: DepartmentCompletenessView[];
  @ApiProperty({ type: [WeekChangesView], description: 'the last 12 weeks, oldest first' }) changesPerWeek!: WeekChangesView[];
}

export class OrganizationSummaryView {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ['admin', 'dpo', 'contributor', 'auditor'] }) role!: string;
  @ApiProperty({ description: 'activities not archived' }) activities!: number;
  @ApiProperty({ type: SeverityCountsView }) findingsBySeverity!: SeverityCountsView;
  @ApiProperty() reviewsDue!: number;
  @ApiProperty() reviewsOverdue!: number;
  @ApiProperty({ description: 'mean completeness of the activities not archived (100 when there are none)' }) averageCompleteness!: number;
}

export class OrganizationSummaryList {
  @ApiProperty({ type: [OrganizationSummaryView] }) items!: OrganizationSummaryView[];
}
