import { checkActivity, RuleCode, RuleFacts } from '../domain/activities/activity-rules';
import { assessExposure, assessTransfer, assessVendor, isDpfCertified, ScopeConfirmation, TransferFacts, transferFactsOn } from '../domain/transfers/transfer-status';
import { isDpaMissing, isReviewOverdue } from '../vendors/vendor-record';
import type { ActivityRow, ActivityScore, DpiaRow, Finding, FindingCode, OrganizationData, Severity, VendorRow } from './finding.types';
import { consultationDeadlines, consultationHold } from '../domain/dpias/dpia-rules';
import { dpoDesignationMissing } from '../domain/organizations/organization-profile';
import { intakeFindings } from './intake-register-rules';
import { retentionBeyondReferences } from '../domain/activities/retention-references';

/** Days without a change after which a draft or an activity under review is reported as stale. */
export const STALE_AFTER_DAYS = 30;

export interface EngineFacts {
  rules: RuleFacts;
  transfers: TransferFacts;
}

/** What every rule may read besides the record: the organisation's data, indexed once. */
export interface RuleContext {
  data: OrganizationData;
  facts: EngineFacts;
  vendorsById: ReadonlyMap<string, VendorRow>;
  /** Lower-case vendor name and legal entity → DPF certification (a transfer's recipient may name either). */
  recipients: ReadonlyMap<string, { dpfCertified: boolean }>;
  /** Lower-case recipient name (a vendor's legal entity too) → the DPO's scope confirmations. */
  scopeConfirmations: ReadonlyMap<string, readonly ScopeConfirmation[]>;
  /** Vendor id → references of the activities whose processors name it. */
  activitiesByVendor: ReadonlyMap<string, readonly string[]>;
  /** Activities updated before this instant are stale (drafts and reviews). */
  staleBefore: Date;
  /** The register rules' problems for the activity being checked (computed once per activity). */
  problems: ReturnType<typeof checkActivity>['problems'];
}

/**
 * One rule of the engine. Rules are pure and read only what the context holds, so the whole
 * organisation is computed in one pass over data loaded up front — never a query per record.
 */
export interface FindingRule {
  name: string;
  /**
   * 'activity': the rule's findings on an activity read nothing but the activity's row, the catalogue
   * facts and the register rules' problems (context.problems) — so an evaluation given a memo keeps
   * them while the row is unchanged. Any other rule (the default) is run again on every evaluation:
   * it may read vendors, links, DPIAs, the organisation or today's date.
   */
  scope?: 'activity';
  activity?(activity: ActivityRow, context: RuleContext): Finding[];
  vendor?(vendor: VendorRow, context: RuleContext): Finding[];
}

type ActivityFinding = Omit<Finding, 'recordType' | 'recordId' | 'recordReference' | 'recordName' | 'departmentId'>;

function onActivity(activity: ActivityRow, finding: ActivityFinding): Finding {
  return {
    ...finding,
    recordType: 'activity',
    recordId: activity.id,
    recordReference: activity.reference,
    recordName: activity.name,
    departmentId: activity.departmentId,
  };
}

/** A finding fixed on the DPIA's page; it carries the activity's reference, name and department. */
function onDpia(activity: ActivityRow, dpia: DpiaRow, finding: ActivityFinding): Finding {
  return { ...finding, recordType: 'dpia', recordId: dpia.id, recordReference: activity.reference, recordName: activity.name, departmentId: activity.departmentId };
}

function onVendor(vendor: VendorRow, finding: ActivityFinding): Finding {
  return { ...finding, recordType: 'vendor', recordId: vendor.id, recordReference: vendor.name, recordName: vendor.name, departmentId: null };
}

/**
 * How the register's own rules (activity-rules.ts, which also give the completeness score and block
 * validation) become findings. The three parts of a legitimate-interest assessment are one finding
 * per purpose, pointing to the first part missing.
 */
const FROM_REGISTER_RULES: Record<RuleCode, { code: FindingCode; severity: Severity }> = {
  no_purpose: { code: 'purpose_missing', severity: 'medium' },
  legal_basis_missing: { code: 'purpose_without_legal_basis', severity: 'high' },
  legal_reference_missing: { code: 'legal_reference_missing', severity: 'medium' },
  legitimate_interest_purpose_missing: { code: 'legitimate_interest_assessment_missing', severity: 'high' },
  legitimate_interest_necessity_missing: { code: 'legitimate_interest_assessment_missing', severity: 'high' },
  legitimate_interest_balancing_missing: { code: 'legitimate_interest_assessment_missing', severity: 'high' },
  no_data_subject: { code: 'data_subjects_missing', severity: 'medium' },
  no_data_category: { code: 'data_categories_missing', severity: 'medium' },
  art9_condition_missing: { code: 'special_category_without_condition', severity: 'high' },
  retention_missing: { code: 'retention_missing', severity: 'medium' },
  retention_unlimited_unjustified: { code: 'retention_unlimited', severity: 'medium' },
  information_missing: { code: 'information_missing', severity: 'medium' },
  rights_procedure_missing: { code: 'rights_procedure_missing', severity: 'medium' },
  joint_controllers_missing: { code: 'joint_controllers_missing', severity: 'low' },
  client_controllers_missing: { code: 'client_controllers_missing', severity: 'low' },
};

const registerRules: FindingRule = {
  name: 'register rules',
  scope: 'activity',
  activity(activity, { problems }) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const problem of problems) {
      const { code, severity } = FROM_REGISTER_RULES[problem.code];
      // One legitimate-interest finding per purpose (its path's purpose prefix).
      const key = code === 'legitimate_interest_assessment_missing' ? `${code}:${problem.path.replace(/\.legitimateInterestAssessment\..*$/, '')}` : `${code}:${problem.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(onActivity(activity, { code, severity, field: problem.path, params: problem.params }));
    }
    return findings;
  },
};

/**
 * Art 5(1)(e): a category kept longer than the reference duration of its kind of processing (the
 * retention catalogue). A legal limit exceeded is medium; a departure from a CNIL recommendation low.
 */
const retentionReferenceRule: FindingRule = {
  name: 'retention beyond its reference',
  scope: 'activity',
  activity(activity) {
    return retentionBeyondReferences(activity).map(({ index, category, retention, reference }) =>
      onActivity(activity, {
        code: 'retention_beyond_reference',
        severity: reference.status === 'legal_limit' ? 'medium' : 'low',
        field: `dataCategories[${index}].retention`,
        params: { label: category, guide: reference.code, keptActive: retention.activePeriod ?? '', keptArchive: retention.archivePeriod ?? '' },
      }),
    );
  },
};

const transferRule: FindingRule = {
  name: 'transfers without a mechanism',
  activity(activity, { facts, recipients, scopeConfirmations }) {
    const findings: Finding[] = [];
    activity.transfers.forEach((transfer, index) => {
      const key = transfer.recipient?.toLowerCase() ?? null;
      const vendor = key ? (recipients.get(key) ?? null) : null;
      const scopeConfirmation = key ? (scopeConfirmations.get(key)?.find((confirmation) => confirmation.country === transfer.country) ?? null) : null;
      const assessment = assessTransfer({ country: transfer.country, mechanism: transfer.mechanism, vendor, scopeConfirmation }, facts.transfers);
      // A partial adequacy decision (Art 45(1)) may cover the recipient: the DPO confirms it once (medium).
      if (assessment.scopeToConfirm) {
        findings.push(
          onActivity(activity, {
            code: 'transfer_scope_to_confirm',
            severity: 'medium',
            field: `transfers[${index}].mechanism`,
            params: { country: transfer.country, recipient: transfer.recipient ? `(${transfer.recipient})` : '', position: String(index + 1) },
          }),
        );
      }
      if (assessment.needsMechanism) {
        findings.push(
          onActivity(activity, {
            code: 'transfer_without_mechanism',
            severity: 'high',
            field: `transfers[${index}].mechanism`,
            params: { country: transfer.country, recipient: transfer.recipient ? `(${transfer.recipient})` : '', position: String(index + 1) },
          }),
        );
      }
    });
    return findings;
  },
};

const vendorStatusRule: FindingRule = {
  name: 'activities using a terminated or restricted vendor',
  activity(activity, { data, vendorsById }) {
    // An archived activity no longer runs: the vendor it used may have been terminated since.
    if (activity.status === 'archived') return [];
    const findings: Finding[] = [];
    (data.processorsByActivity.get(activity.id) ?? []).forEach((vendorId) => {
      const vendor = vendorsById.get(vendorId);
      if (!vendor || (vendor.status !== 'terminated' && vendor.status !== 'restricted')) return;
      const position = activity.processors.findIndex((name) => name.toLowerCase() === vendor.name.toLowerCase());
      findings.push(
        onActivity(activity, {
          code: vendor.status === 'terminated' ? 'activity_uses_terminated_vendor' : 'activity_uses_restricted_vendor',
          severity: vendor.status === 'terminated' ? 'high' : 'medium',
          field: position >= 0 ? `processors[${position}]` : 'processors',
          params: { vendor: vendor.name, vendorId: vendor.id },
        }),
      );
    });
    return findings;
  },
};

const activityDatesRule: FindingRule = {
  name: 'review date passed, untouched drafts',
  activity(activity, { data, staleBefore }) {
    const findings: Finding[] = [];
    if (activity.status !== 'archived' && activity.nextReviewDate !== null && activity.nextReviewDate < data.today) {
      findings.push(onActivity(activity, { code: 'activity_review_overdue', severity: 'medium', field: 'nextReviewDate', params: { date: activity.nextReviewDate } }));
    }
    if ((activity.status === 'draft' || activity.status === 'in_review') && activity.updatedAt < staleBefore) {
      const days = String(Math.floor((Date.parse(`${data.today}T00:00:00Z`) - activity.updatedAt.getTime()) / 86_400_000));
      findings.push(onActivity(activity, { code: 'activity_stale', severity: 'low', field: 'status', params: { status: activity.status, days } }));
    }
    return findings;
  },
};

const vendorRules: FindingRule = {
  name: 'vendors: DPA, exposure, review',
  vendor(vendor, { data, facts, activitiesByVendor, scopeConfirmations }) {
    if (vendor.status === 'terminated') return [];
    const findings: Finding[] = [];
    if (isDpaMissing(vendor)) {
      const activities = [...(activitiesByVendor.get(vendor.id) ?? [])].sort().join(', ');
      findings.push(onVendor(vendor, { code: 'processor_dpa_missing', severity: 'high', field: 'dpa', params: { vendor: vendor.name, activities } }));
    }
    const exposure = assessExposure(vendor, facts.transfers);
    if (exposure.length > 0) {
      const country = exposure[0].params.country;
      findings.push(onVendor(vendor, { code: 'vendor_exposed_non_eu_law', severity: 'medium', field: 'transfers', params: { vendor: vendor.name, country } }));
    }
    const toConfirm = assessVendor({ ...vendor, scopeConfirmations: scopeConfirmations.get(vendor.name.toLowerCase()) ?? [] }, facts.transfers).locations.filter(
      (location) => location.scopeToConfirm,
    );
    for (const location of toConfirm) {
      findings.push(onVendor(vendor, { code: 'vendor_scope_to_confirm', severity: 'medium', field: 'transfers', params: { vendor: vendor.name, country: location.country } }));
    }
    if (isReviewOverdue(vendor, data.today)) {
      findings.push(onVendor(vendor, { code: 'vendor_review_overdue', severity: 'low', field: 'reviews', params: { vendor: vendor.name, date: vendor.nextReviewDate ?? '' } }));
    }
    return findings;
  },
};

/**
 * DPIAs (Art 35), from the DPIA of each activity loaded with the organisation (one query):
 *  - required by the screening but not started: fixed on the activity's DPIA tab;
 *  - one criterion and no recorded DPO decision (to assess): the DPO decides on the same tab;
 *  - started but not validated yet (draft, in progress, awaiting the DPO's opinion);
 *  - refused: its own code and high severity, since the processing must not go ahead as it is —
 *    unlike a DPIA still in progress, the fix is a new revision or giving the processing up;
 *  - actions of the plan past their due date and not done (whatever the DPIA's status);
 *  - Art 36: the supervisory authority consulted and its answer not recorded yet (the processing
 *    waits; high once the eight weeks have run out, as the DPO should chase it), or the authority
 *    banned the processing (Art 58(2)(f)).
 * Archived activities no longer run: their DPIA is not assessed.
 */
const dpiaRule: FindingRule = {
  name: 'DPIAs: missing, not validated, refused, overdue actions',
  activity(activity, { data }) {
    if (activity.status === 'archived') return [];
    const dpia = data.dpiasByActivity.get(activity.id);
    if (!dpia) {
      // The stored decision is the shared screening's (screening-criteria.ts), settled at each save.
      const decision = activity.dpiaScreening?.decision;
      if (decision === 'required') return [onActivity(activity, { code: 'dpia_required_missing', severity: 'high', field: 'dpiaScreening.decision', params: {} })];
      if (decision === 'to_assess') return [onActivity(activity, { code: 'dpia_screening_undecided', severity: 'medium', field: 'dpiaScreening.decision', params: {} })];
      return [];
    }
    const findings: Finding[] = [];
    if (dpia.status === 'refused') {
      findings.push(onDpia(activity, dpia, { code: 'dpia_refused', severity: 'high', field: 'validation', params: { revision: String(dpia.revision) } }));
    } else if (dpia.status !== 'validated') {
      findings.push(onDpia(activity, dpia, { code: 'dpia_not_validated', severity: 'medium', field: 'validation', params: { dpiaStatus: dpia.status } }));
    }
    if (dpia.consultationSentOn) {
      const hold = consultationHold({ answer: dpia.consultationOutcome ? { outcome: dpia.consultationOutcome } : null });
      if (hold === 'pending') {
        const { answerDueOn } = consultationDeadlines(dpia.consultationSentOn);
        findings.push(
          onDpia(activity, dpia, {
            code: 'dpia_prior_consultation_pending',
            severity: answerDueOn < data.today ? 'high' : 'medium',
            field: 'priorConsultation',
            params: { date: dpia.consultationSentOn, dueOn: answerDueOn },
          }),
        );
      } else if (hold === 'prohibited') {
        findings.push(onDpia(activity, dpia, { code: 'dpia_processing_prohibited', severity: 'high', field: 'priorConsultation', params: {} }));
      }
    }
    if (dpia.overdueActions > 0) {
      findings.push(
        onDpia(activity, dpia, {
          code: 'dpia_actions_overdue',
          severity: 'medium',
          field: 'actionPlan',
          params: { count: String(dpia.overdueActions), date: dpia.firstOverdueDate ?? '' },
        }),
      );
    }
    return findings;
  },
};

/** Every rule, in the order findings are listed for a record. */
export const FINDING_RULES: readonly FindingRule[] = [registerRules, retentionReferenceRule, transferRule, vendorStatusRule, activityDatesRule, dpiaRule, vendorRules];

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Code-unit order, except that runs of digits compare as numbers: `dataCategories[2]` before
 * `[10]`, T-9999 before T-10000. Hand-written: localeCompare (even with `numeric`) or Intl.Collator
 * is far slower on the tens of thousands of findings of a large register.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Skip leading zeros, then the longer run is the larger number; equal lengths compare digit by digit.
      let si = i;
      let sj = j;
      while (si < a.length && a.charCodeAt(si) === 48) si += 1;
      while (sj < b.length && b.charCodeAt(sj) === 48) sj += 1;
      let ei = si;
      let ej = sj;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei += 1;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej += 1;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k += 1) {
        const diff = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (diff !== 0) return diff;
      }
      // Same number: fewer leading zeros first, so that the order stays total.
      if (ei - i !== ej - j) return ei - i - (ej - j);
      i = ei;
      j = ej;
    } else {
      if (ca !== cb) return ca - cb;
      i += 1;
      j += 1;
    }
  }
  return a.length - i - (b.length - j);
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** What one evaluation keeps of an activity for the next: its register check and the findings of the rules scoped to it (by rule position). */
export interface ActivityMemo {
  /** The completeness score (share of the register's checks passed). */
  score: number;
  problems: ReturnType<typeof checkActivity>['problems'];
  findings: (readonly Finding[] | undefined)[];
}

/**
 * An activity's own results, complete: its score and the findings of every rule scoped to it (by
 * rule position, undefined for the others), whatever its status. What activity_findings stores at
 * write time (activity-findings.ts), and what an evaluation computes for a row without it.
 */
export function ownResults(activity: ActivityRow, facts: RuleFacts, rules: readonly FindingRule[] = FINDING_RULES): ActivityMemo {
  const { checks, problems } = checkActivity(activity, facts);
  const entry: ActivityMemo = { score: Math.floor((100 * (checks - problems.length)) / checks), problems, findings: [] };
  const context = { problems } as RuleContext;
  rules.forEach((rule, position) => {
    if (rule.scope === 'activity' && rule.activity) entry.findings[position] = rule.activity(activity, context);
  });
  return entry;
}

/**
 * Per-activity results kept from one evaluation to the next. Keyed by the row object itself: the
 * data layer hands the same ActivityRow back while the activity's row version is unchanged, and a
 * new object once it changed, so a changed activity is never read from the memo. Valid for one set
 * of catalogue facts and one list of rules only (`fits`); everything else a rule reads (vendors,
 * links, DPIAs, the organisation, today) is outside the memo and read afresh on every evaluation.
 */
export class EvaluationMemo {
  private readonly activities = new WeakMap<ActivityRow, ActivityMemo>();
  /** Activities evaluated afresh since the memo was made (for tests). */
  evaluated = 0;

  constructor(
    readonly facts: EngineFacts,
    readonly rules: readonly FindingRule[] = FINDING_RULES,
  ) {}

  fits(facts: EngineFacts, rules: readonly FindingRule[]): boolean {
    return this.facts.rules === facts.rules && this.facts.transfers === facts.transfers && this.rules === rules;
  }

  get(activity: ActivityRow): ActivityMemo | undefined {
    return this.activities.get(activity);
  }

  set(activity: ActivityRow, memo: ActivityMemo): void {
    this.evaluated += 1;
    this.activities.set(activity, memo);
  }

  /** Results computed elsewhere (stored at write time): not counted as evaluated. */
  seed(activity: ActivityRow, memo: ActivityMemo): void {
    this.activities.set(activity, memo);
  }
}

/**
 * An activity row read without the document parts only the scoped rules read (activity-findings.ts)
 * comes with its own results computed from the whole row when it was written, and the catalogue facts
 * they were computed with. The engine uses them, for the same facts and FINDING_RULES only, instead of
 * running the register check and the scoped rules on the row. Kept beside the row (a WeakMap), so that
 * the row keeps its shape and compares as it did.
 */
export interface StoredResults {
  rules: RuleFacts;
  own: ActivityMemo;
}

const storedResults = new WeakMap<ActivityRow, StoredResults>();

export function withStoredResults<T extends ActivityRow>(row: T, results: StoredResults): T {
  storedResults.set(row, results);
  return row;
}

function storedResultsOf(activity: ActivityRow, facts: RuleFacts, rules: readonly FindingRule[]): ActivityMemo | undefined {
  const stored = storedResults.get(activity);
  return stored && stored.rules === facts && rules === FINDING_RULES ? stored.own : undefined;
}

export interface EngineResult {
  findings: Finding[];
  scores: ActivityScore[];
}

/**
 * The findings of one organisation and each activity's completeness score, in one pass over its
 * data. The score is the register list's (activity-rules.ts: share of the register's checks passed).
 */
export function computeFindings(data: OrganizationData, engineFacts: EngineFacts, rules: readonly FindingRule[] = FINDING_RULES, memo?: EvaluationMemo): EngineResult {
  // Adequacy decisions apply as they stand on the organisation's "today" (they start, end, are annulled).
  const facts: EngineFacts = { ...engineFacts, transfers: transferFactsOn(engineFacts.transfers, data.today) };
  // A memo made for other facts or rules would give stale results: ignored.
  const kept = memo?.fits(facts, rules) ? memo : undefined;
  const vendorsById = new Map(data.vendors.map((vendor) => [vendor.id, vendor]));
  const recipients = new Map<string, { dpfCertified: boolean }>();
  const scopeConfirmations = new Map(data.scopeConfirmations ?? []);
  for (const vendor of data.vendors) {
    const certified = { dpfCertified: isDpfCertified(vendor) };
    const confirmed = data.scopeConfirmations?.get(vendor.name.toLowerCase());
    for (const key of [vendor.name.toLowerCase(), vendor.legalEntity?.toLowerCase()]) {
      if (key && !recipients.has(key)) recipients.set(key, certified);
      // A vendor's confirmation also covers transfers naming its legal entity.
      if (key && confirmed && !scopeConfirmations.has(key)) scopeConfirmations.set(key, confirmed);
    }
  }
  const activitiesByVendor = new Map<string, string[]>();
  for (const activity of data.activities) {
    for (const vendorId of data.processorsByActivity.get(activity.id) ?? []) {
      const list = activitiesByVendor.get(vendorId);
      if (list) list.push(activity.reference);
      else activitiesByVendor.set(vendorId, [activity.reference]);
    }
  }
  const staleBefore = new Date(Date.parse(`${data.today}T00:00:00Z`) - STALE_AFTER_DAYS * 86_400_000);
  const context: RuleContext = { data, facts, vendorsById, recipients, scopeConfirmations, activitiesByVendor, staleBefore, problems: [] };

  const findings: Finding[] = [];
  const scores: ActivityScore[] = [];
  for (const activity of data.activities) {
    let entry = kept?.get(activity);
    if (!entry) {
      entry = storedResultsOf(activity, facts.rules, rules);
      if (entry) kept?.seed(activity, entry);
    }
    const fresh = !entry;
    if (!entry) {
      const { checks, problems } = checkActivity(activity, facts.rules);
      entry = { score: Math.floor((100 * (checks - problems.length)) / checks), problems, findings: [] };
    }
    const { problems } = entry;
    scores.push({ id: activity.id, departmentId: activity.departmentId, status: activity.status, score: entry.score });
    // An archived activity no longer runs: it raises no finding (its score stays in the register list).
    if (activity.status !== 'archived') {
      context.problems = problems;
      rules.forEach((rule, position) => {
        if (!rule.activity) return;
        if (rule.scope !== 'activity') {
          findings.push(...rule.activity(activity, context));
          return;
        }
        const own = (entry.findings[position] ??= rule.activity(activity, context));
        findings.push(...own);
      });
    }
    if (fresh) kept?.set(activity, entry);
  }
  for (const vendor of data.vendors) for (const rule of rules) if (rule.vendor) findings.push(...rule.vendor(vendor, context));
  // Art 37(1)(a): a public authority or body designates a DPO.
  if (data.profile && dpoDesignationMissing(data.profile)) {
    findings.push({
      code: 'public_body_without_dpo',
      severity: 'high',
      recordType: 'organization',
      recordId: data.organizationId,
      recordReference: data.profile.name,
      recordName: data.profile.name,
      departmentId: null,
      field: 'dpoName',
      params: {},
    });
  }
  // No member holds the DPO role: nobody can validate the register nor give the DPIA opinions.
  if (data.profile && data.profile.hasDpoMember === false) {
    findings.push({
      code: 'no_dpo_member',
      severity: 'medium',
      recordType: 'organization',
      recordId: data.organizationId,
      recordReference: data.profile.name,
      recordName: data.profile.name,
      departmentId: null,
      field: 'members',
      params: {},
    });
  }
  // The rights-request and breach registers (intake-register-rules.ts).
  if (data.intake) findings.push(...intakeFindings(data.intake));

  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      naturalCompare(a.recordType, b.recordType) ||
      naturalCompare(a.recordReference, b.recordReference) ||
      naturalCompare(a.field, b.field),
  );
  return { findings, scores };
}
