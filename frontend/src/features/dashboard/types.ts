/** The dashboard and findings API: names for the generated contract (lib/api/schema.d.ts). */
import type { ApiSchemas } from '@/lib/api-types';

export { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from '@domain/findings/finding-codes';

export type SeverityCounts = ApiSchemas['SeverityCountsView'];
export type Finding = ApiSchemas['FindingView'];
export type FindingPage = ApiSchemas['FindingPage'];
export type CountryZone = ApiSchemas['CountryFlowView']['zone'];
export type Dashboard = ApiSchemas['DashboardView'];
export type OrganizationSummary = ApiSchemas['OrganizationSummaryView'];
