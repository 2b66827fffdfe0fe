/** Shapes of the dashboard and findings API (backend `dashboard/dto`, `findings/dto`). */

import type { Severity } from '@backend/findings/finding-codes';
import type { Role } from '@/lib/api-types';
import type { FindingCode } from '@backend/findings/finding-codes';
import type { DpiaStatus } from '@backend/dpias/dpia.types';

export { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from '@backend/findings/finding-codes';

export type SeverityCounts = Record<Severity, number>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  recordType: 'activity' | 'vendor' | 'dpia';
  recordId: string;
  recordReference: string;
  recordName: string;
  departmentId: string | null;
  field: string;
  params: Record<string, string>;
  message: string;
  /** App path of the page and field to fix. */
  link: string;
}

export interface FindingPage {
  items: Finding[];
  total: number;
  page: number;
  pageSize: number;
  bySeverity: SeverityCounts;
}

export type CountryZone = 'eea' | 'adequate' | 'needs_safeguards';

export interface Dashboard {
  today: string;
  activitiesByStatus: Record<'draft' | 'in_review' | 'validated' | 'archived', number>;
  findingsBySeverity: SeverityCounts;
  dpiasByStatus: Record<DpiaStatus, number>;
  /** Activities whose screening requires a DPIA not started yet. */
  dpiasRequiredMissing: number;
  vendorsByStatus: Record<'under_review' | 'approved' | 'restricted' | 'terminated', number>;
  reviewsDue: { recordType: 'activity' | 'vendor'; recordId: string; reference: string; name: string; date: string }[];
  reviewsOverdue: number;
  legalBases: { legalBasis: string | null; purposes: number }[];
  flows: { zones: Record<CountryZone, number>; countries: { country: string; zone: CountryZone; activities: number }[] };
  completenessByDepartment: { departmentId: string | null; department: string | null; activities: number; averageScore: number }[];
  changesPerWeek: { week: string; changes: number }[];
}

export interface OrganizationSummary {
  organizationId: string;
  organizationName: string;
  role: Role;
  activities: number;
  findingsBySeverity: SeverityCounts;
  reviewsDue: number;
  reviewsOverdue: number;
  averageCompleteness: number;
}
