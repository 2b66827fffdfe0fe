import { Injectable } from '@nestjs/common';
import { translate, type Locale } from '../common/i18n/i18n';
import { pageOf } from '../common/http/pagination';
import type { Finding, OrganizationData, Severity } from './finding.types';
import { computeFindings, EngineResult } from './findings-engine';
import { FindingsDataService } from './findings-data.service';
import type { FindingPage, FindingView, ListFindingsQuery, SeverityCountsView } from './dto/finding.dto';

export interface Evaluation extends EngineResult {
  data: OrganizationData;
}

/** The web page where a finding is fixed: the activity's field, or the vendor page's section. */
export function linkOf(organizationId: string, finding: Pick<Finding, 'recordType' | 'recordId' | 'field'>): string {
  switch (finding.recordType) {
    case 'activity':
      return `/orgs/${organizationId}/register/${finding.recordId}?field=${encodeURIComponent(finding.field)}`;
    case 'vendor':
      return `/orgs/${organizationId}/vendors/${finding.recordId}#vendor-${finding.field}-title`;
    case 'dpia':
      // The DPIA page's sections are `dpia-<section>` (actionPlan, validation).
      return `/orgs/${organizationId}/dpias/${finding.recordId}#dpia-${finding.field}`;
  }
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** A finding with its message in `locale` and the link to its fix. */
export function viewOf(organizationId: string, finding: Finding, locale: Locale): FindingView {
  const params: Record<string, string> = { reference: finding.recordReference, name: finding.recordName, ...finding.params };
  if (params.status) params.status = translate(locale, `findings.status_${params.status}`);
  if (params.dpiaStatus) params.dpiaStatus = translate(locale, `findings.dpia_status_${params.dpiaStatus}`);
  return {
    ...finding,
    message: translate(locale, `findings.${finding.code}`, params),
    link: linkOf(organizationId, finding),
  };
}

/**
 * The organisation's findings. Also the service a script calls (benchmark): `evaluate` loads the
 * organisation in a fixed number of queries and computes everything in one pass.
 */
@Injectable()
export class FindingsService {
  constructor(private readonly data: FindingsDataService) {}

  async evaluate(organizationId: string): Promise<Evaluation> {
    const [data, facts] = await Promise.all([this.data.load(organizationId), this.data.facts()]);
    return { data, ...computeFindings(data, facts) };
  }

  async list(organizationId: string, query: ListFindingsQuery, locale: Locale): Promise<FindingPage> {
    const { findings } = await this.evaluate(organizationId);
    const matching = findings.filter(
      (finding) =>
        (!query.severity?.length || query.severity.includes(finding.severity)) &&
        (!query.code?.length || query.code.includes(finding.code)) &&
        (!query.departmentId || finding.departmentId === query.departmentId) &&
        (!query.recordId || finding.recordId === query.recordId),
    );
    const start = (query.page - 1) * query.pageSize;
    const items = matching.slice(start, start + query.pageSize).map((finding) => viewOf(organizationId, finding, locale));
    const bySeverity: SeverityCountsView = countBySeverity(findings);
    return { ...pageOf(items, matching.length, query), bySeverity };
  }
}
