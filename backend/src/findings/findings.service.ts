import { Injectable } from '@nestjs/common';
import { translate, type Locale } from '../common/i18n/i18n';
import { countryName } from '../domain/words/country-names';
import { dateInWords } from '../domain/words/dates';
import { retentionInWords } from '../domain/words/durations';
import { retentionReference } from '../domain/activities/retention-references';
import { CatalogueLabels, SHIPPED_LABELS } from '../exports/catalogue-labels';
import { pageOf } from '../common/http/pagination';
import type { Finding, OrganizationData, Severity } from './finding.types';
import { computeFindings, EngineFacts, EngineResult, EvaluationMemo, FINDING_RULES } from './findings-engine';
import { ActivityTuples, FindingsDataService } from './findings-data.service';
import { intakeMessageParams } from './intake-register-data';
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
    case 'rights_request':
      return `/orgs/${organizationId}/rights-requests/${finding.recordId}`;
    case 'breach':
      return `/orgs/${organizationId}/breaches/${finding.recordId}#breach-${finding.field}`;
    case 'organization':
      // The members and their roles have their own settings page.
      return finding.field === 'members' ? `/orgs/${organizationId}/settings/members` : `/orgs/${organizationId}/settings#organization-${finding.field}`;
  }
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * A finding with its message in `locale` and the link to its fix. The engine's parameters are codes
 * (a data category, a country, a status, an ISO date): the message gets their words — catalogue
 * labels (the organisation's own entries with `labels`), country names with their articles, dates
 * in the language.
 */
export function viewOf(organizationId: string, finding: Finding, locale: Locale, labels: CatalogueLabels = SHIPPED_LABELS): FindingView {
  const params: Record<string, string> = { reference: finding.recordReference, name: finding.recordName, ...finding.params };
  if (params.status) params.status = translate(locale, `findings.status_${params.status}`);
  if (params.dpiaStatus) params.dpiaStatus = translate(locale, `findings.dpia_status_${params.dpiaStatus}`);
  if (params.label && finding.field.startsWith('dataCategories[')) params.label = labels.label('data-categories', params.label, locale) ?? params.label;
  if (params.country) params.country = countryName(params.country, locale, finding.code === 'transfer_without_mechanism' || finding.code === 'transfer_scope_to_confirm' ? 'to' : 'of');
  if (params.date) params.date = dateInWords(params.date, locale) ?? params.date;
  if (finding.code === 'retention_beyond_reference') Object.assign(params, referenceWords(finding.params, locale));
  Object.assign(params, intakeMessageParams(locale, finding.params));
  return {
    ...finding,
    message: translate(locale, `findings.${finding.code}`, params),
    link: linkOf(organizationId, finding),
  };
}

/** The kept and reference durations in words, the reference by its name and its source. */
function referenceWords(params: Record<string, string>, locale: Locale): Record<string, string> {
  const reference = retentionReference(params.guide ?? '');
  const kept = retentionInWords({ activePeriod: params.keptActive || null, archivePeriod: params.keptArchive || null }, locale) ?? '';
  if (!reference) return { kept, guide: '', guideDuration: '', source: '' };
  return {
    kept,
    guide: locale === 'fr' ? reference.fr : reference.en,
    guideDuration: retentionInWords(reference, locale) ?? '',
    // The text itself when there is one, else the guide (without its web address or the catalogue's
    // note that it was read from a summary).
    source: reference.legalReference ?? reference.source.replace(/,?\s*https?:\/\/\S+/g, '').replace(/,?\s*via résumés?/g, ''),
  };
}

/** Organisations whose last evaluation each process keeps (a large register's data weigh tens of MB). */
export const CACHED_ORGANIZATIONS = 8;

interface CachedEvaluation {
  fingerprint: string;
  /** The catalogue facts (each read once per process, so compared by identity). */
  facts: EngineFacts;
  evaluation: Evaluation;
  tuples: ActivityTuples;
  /** Each unchanged activity's own findings and score, kept from one evaluation to the next. */
  memo: EvaluationMemo;
}

/**
 * The organisation's findings. Also the service a script calls (benchmark): `evaluate` loads the
 * organisation in a fixed number of queries and computes everything in one pass.
 *
 * Each process keeps the last evaluation of its most recent organisations, and reuses it while the
 * data it was computed from are unchanged: the fingerprint query (FindingsDataService.fingerprint)
 * runs first on every call, inside the caller's tenant transaction, and any difference — a write to
 * an activity, vendor, link or DPIA, by any process, or a new day — recomputes. The dashboard page's
 * three requests (dashboard, findings, summaries) thus share one computation.
 *
 * A recomputation is incremental. Only the activities whose row changed are read again (their tuple
 * differs), and only they are run through the rules scoped to the activity (`scope: 'activity'` in
 * findings-engine.ts: the register rules and retention references, which read the activity and the
 * shipped catalogue facts alone); their results for the others come from the memo. The rules that
 * read anything else — vendors and their links, DPIAs, the organisation's profile and members, the
 * rights-request and breach registers, today's date — run again on every activity at each
 * recomputation, from data read afresh: they are cheap, and caching them would need to know which
 * vendor or setting each one read. New catalogue facts (a restart) discard the memo.
 */
@Injectable()
export class FindingsService {
  private readonly cache = new Map<string, CachedEvaluation>();
  /** Evaluations computed since start (for tests of the cache). */
  computations = 0;
  /** Activities whose own findings were computed afresh since start, the others coming from the memo (for tests). */
  activitiesEvaluated = 0;

  constructor(private readonly data: FindingsDataService) {}

  async evaluate(organizationId: string): Promise<Evaluation> {
    const [fingerprint, facts] = await Promise.all([this.data.fingerprint(organizationId), this.data.facts()]);
    const cached = this.cache.get(organizationId);
    if (cached && cached.fingerprint === fingerprint && cached.facts.rules === facts.rules && cached.facts.transfers === facts.transfers) {
      // Most recently used last: the first entry is the one evicted.
      this.cache.delete(organizationId);
      this.cache.set(organizationId, cached);
      return cached.evaluation;
    }
    // The activities not written since the last evaluation are reused as they were read.
    const { tuples, ...data } = await this.data.load(organizationId, cached?.tuples, facts.rules);
    const memo = cached?.memo.fits(facts, FINDING_RULES) ? cached.memo : new EvaluationMemo(facts);
    const evaluatedBefore = memo.evaluated;
    const evaluation: Evaluation = { data, ...computeFindings(data, facts, FINDING_RULES, memo) };
    this.computations += 1;
    this.activitiesEvaluated += memo.evaluated - evaluatedBefore;
    // Stored under the fingerprint read before loading: a write committed in between only causes
    // one more computation on the next call, never a stale answer.
    this.cache.delete(organizationId);
    this.cache.set(organizationId, { fingerprint, facts, evaluation, tuples, memo });
    while (this.cache.size > CACHED_ORGANIZATIONS) this.cache.delete(this.cache.keys().next().value!);
    return evaluation;
  }

  /** `visible`: the findings the caller may see (those of the rights-request and breach registers are not everyone's). */
  async list(organizationId: string, query: ListFindingsQuery, locale: Locale, visible: (finding: Finding) => boolean = () => true): Promise<FindingPage> {
    const findings = (await this.evaluate(organizationId)).findings.filter(visible);
    const matching = findings.filter(
      (finding) =>
        (!query.severity?.length || query.severity.includes(finding.severity)) &&
        (!query.code?.length || query.code.includes(finding.code)) &&
        (!query.departmentId || finding.departmentId === query.departmentId) &&
        (!query.recordId || finding.recordId === query.recordId),
    );
    const start = (query.page - 1) * query.pageSize;
    const page = matching.slice(start, start + query.pageSize);
    const labels = page.some((finding) => finding.field.startsWith('dataCategories[')) ? await this.data.labels(organizationId) : undefined;
    const items = page.map((finding) => viewOf(organizationId, finding, locale, labels));
    const bySeverity: SeverityCountsView = countBySeverity(findings);
    return { ...pageOf(items, matching.length, query), bySeverity };
  }
}
