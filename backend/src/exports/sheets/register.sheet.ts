import { completenessOf } from '../../domain/activities/activity-rules';
import type { ActivityContent } from '../../domain/activities/activity.types';
import { FREE_MEASURE_PREFIX } from '../../domain/activities/activity.types';
import type { ActivityRowBase } from '../activity-batches';
import type { ExportContext } from '../sheet-writer';
import { dateCell, yesNo } from '../xlsx-cells';
import { retentionInWords } from '../../domain/words/durations';
import { activitySheet } from './activity-sheet';
import { enumLabel } from './enum-labels';
import { translate } from '../../common/i18n/i18n';

export interface RegisterRow extends ActivityRowBase {
  description: string | null;
  department: string | null;
  owner: string | null;
  owner_name: string | null;
  next_review_date: string | null;
  version: number;
  document: ActivityContent;
  last_validation?: Date | null;
}

const lines = (list: (string | null)[]) => list.filter((line): line is string => !!line).join('\n') || null;

export function measureLabel(ctx: ExportContext, measure: string): string | null {
  return measure.startsWith(FREE_MEASURE_PREFIX) ? measure.slice(FREE_MEASURE_PREFIX.length) : ctx.labels.label('security-measures', measure, ctx.locale);
}

/** « Validé malgré : un sous-traitant sans contrat signé — motif : … », one line per override the DPO recorded. */
export function overrideLines(ctx: ExportContext, document: Pick<ActivityContent, 'validationOverrides'>): string[] {
  return (document.validationOverrides ?? []).map((override) =>
    translate(ctx.locale, 'exports.validation_override_line', { blocker: translate(ctx.locale, `exports.override_blocker_${override.code}`), reason: override.reason }),
  );
}

function retentionLine(ctx: ExportContext, category: ActivityContent['dataCategories'][number]): string | null {
  const retention = category.retention;
  if (!retention) return null;
  const label = ctx.labels.label('data-categories', category.category, ctx.locale);
  // « 5 ans, puis 45 ans en archive »; a rule without active period is unlimited (its justification is on the data sheet).
  const period = retentionInWords(retention, ctx.locale) ?? enumLabel(ctx, 'retention', 'unlimited');
  return `${label}${ctx.locale === 'fr' ? ' : ' : ': '}${period}`;
}

/**
 * The register: one row per activity with every Article 30(1) item (b–g; the controller and DPO of
 * (a) are on the cover) summarised in labels, the detail sheets holding one row per item.
 */
export const registerSheet = activitySheet<RegisterRow, RegisterRow>({
  key: 'register',
  select: [
    'r.description',
    'r.department',
    'r.owner',
    'r.owner_name',
    "to_char(r.next_review_date, 'YYYY-MM-DD') AS next_review_date",
    'r.version',
    'r.document',
  ],
  items: (row) => [row],
  async enrich(rows, ctx) {
    // The last validation by then (through the workflow, or an import as validated), one query per batch.
    const found = await ctx.query<{ activity_id: string; at: Date }>(
      `SELECT activity_id, max(created_at) AS at FROM activity_versions
       WHERE organization_id = $1 AND (action = 'validate' OR (action = 'import' AND snapshot ->> 'status' IN ('validated', 'archived'))) AND activity_id = ANY($2::uuid[]) AND ($3::timestamptz IS NULL OR created_at <= $3::timestamptz)
       GROUP BY activity_id`,
      [ctx.organizationId, rows.map((row) => row.id), ctx.asOf?.toISOString() ?? null],
    );
    const byId = new Map(found.map((row) => [row.activity_id, row.at]));
    for (const row of rows) row.last_validation = byId.get(row.id) ?? null;
  },
  columns: [
    { key: 'reference', width: 12, value: (row) => row.reference },
    { key: 'name', width: 32, value: (row) => row.name },
    { key: 'description', type: 'longText', value: (row) => row.description },
    { key: 'status', width: 14, value: (row, ctx) => enumLabel(ctx, 'status', row.status) },
    { key: 'role', width: 18, value: (row, ctx) => enumLabel(ctx, 'role', row.role) },
    { key: 'department', value: (row) => row.department },
    { key: 'owner', width: 28, value: (row) => row.owner },
    { key: 'owner_name', value: (row) => row.owner_name },
    { key: 'purposes', type: 'longText', value: (row, ctx) => lines(row.document.purposes.map((p) => `${p.description} (${ctx.labels.label('legal-bases', p.legalBasis, ctx.locale) ?? '—'})`)) },
    { key: 'data_subjects', type: 'longText', value: (row, ctx) => lines(row.document.dataSubjects.map((s) => ctx.labels.label('data-subject-categories', s.category, ctx.locale))) },
    { key: 'data_categories', type: 'longText', value: (row, ctx) => lines(row.document.dataCategories.map((c) => ctx.labels.label('data-categories', c.category, ctx.locale))) },
    { key: 'recipients', type: 'longText', value: (row, ctx) => lines(row.document.recipients.map((r) => [ctx.labels.label('recipient-categories', r.category, ctx.locale), r.name].filter(Boolean).join(' — '))) },
    { key: 'transfers', type: 'longText', value: (row, ctx) => lines(row.document.transfers.map((t) => [ctx.labels.label('countries', t.country, ctx.locale), t.recipient, ctx.labels.label('transfer-mechanisms', t.mechanism, ctx.locale)].filter(Boolean).join(' — '))) },
    { key: 'retention', type: 'longText', value: (row, ctx) => lines(row.document.dataCategories.map((c) => retentionLine(ctx, c))) },
    { key: 'security_measures', type: 'longText', value: (row, ctx) => lines(row.document.securityMeasures.map((m) => measureLabel(ctx, m))) },
    { key: 'data_subject_information', type: 'longText', value: (row) => row.document.dataSubjectInformation },
    { key: 'rights_procedure', type: 'longText', value: (row) => row.document.rightsProcedure },
    { key: 'automated_decision_making', width: 12, value: (row, ctx) => yesNo(ctx.locale, row.document.automatedDecisionMaking) },
    { key: 'validation_overrides', type: 'longText', value: (row, ctx) => lines(overrideLines(ctx, row.document)) },
    { key: 'last_validation', type: 'date', width: 14, value: (row) => dateCell(row.last_validation ?? null) },
    { key: 'next_review_date', type: 'date', width: 14, value: (row) => dateCell(row.next_review_date) },
    { key: 'completeness', type: 'number', value: (row, ctx) => completenessOf({ ...row.document, role: row.role }, ctx.facts).score },
    { key: 'status_code', type: 'code', value: (row) => row.status },
    { key: 'role_code', type: 'code', value: (row) => row.role },
    // The version read: an import of this file updates the activity only if it has not changed since.
    { key: 'version', type: 'number', width: 10, value: (row) => row.version },
  ],
  dropdowns: { status: 'enum:status', role: 'enum:role', automated_decision_making: 'enum:yes_no' },
});
