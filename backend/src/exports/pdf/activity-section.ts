import type { DataCategory } from '../../domain/activities/activity.types';
import { translate } from '../../common/i18n/i18n';
import { dateInWords } from '../../domain/words/dates';
import { retentionInWords } from '../../domain/words/durations';
import type { DpiaState } from '../../dpias/dpia-export';
import type { RegisterRow } from '../sheets/register.sheet';
import { measureLabel, overrideLines } from '../sheets/register.sheet';
import { enumLabel } from '../sheets/enum-labels';
import type { ExportContext } from '../sheet-writer';
import type { PdfWriter } from './pdf-writer';

/** What a record sheet shows of an activity: the register row's columns (live or as of an instant). */
export type ActivityRecordRow = Omit<RegisterRow, 'last_validation'>;

/** The columns of the register source (live or as-of) a record sheet reads. */
export const RECORD_COLUMNS = ['r.description', 'r.department', 'r.owner', 'r.owner_name', "to_char(r.next_review_date, 'YYYY-MM-DD') AS next_review_date", 'r.version', 'r.document'];

const join = (parts: (string | null | undefined)[]) => parts.filter((part): part is string => !!part).join(' — ');

/** « Données de contact : 5 ans, puis 45 ans en archive (à compter de la fin du contrat), puis suppression ». */
export function retentionText(ctx: ExportContext, category: DataCategory): string {
  const label = ctx.labels.label('data-categories', category.category, ctx.locale) ?? '';
  const retention = category.retention;
  if (!retention) return label;
  const period = retentionInWords(retention, ctx.locale) ?? enumLabel(ctx, 'retention', 'unlimited');
  const start = ctx.labels.label('retention-start-events', retention.startEvent, ctx.locale);
  const end = enumLabel(ctx, 'end_action', retention.endAction);
  const details = [start, end].filter(Boolean).join(', ');
  return `${label}${ctx.locale === 'fr' ? ' : ' : ': '}${period}${details ? ` (${details})` : ''}`;
}

/** The DPIA line: the screening's decision, then the DPIA's status and revision when one was started. */
function dpiaText(ctx: ExportContext, row: ActivityRecordRow, dpia: DpiaState | undefined, pdf: PdfWriter): string {
  const screening = enumLabel(ctx, 'dpia_decision', row.document.dpiaScreening?.decision) ?? pdf.orNone(null);
  if (!dpia) return `${screening} — ${pdf.label('dpia_not_started')}`;
  const status = enumLabel(ctx, 'dpia_status', dpia.status);
  const outcome = enumLabel(ctx, 'dpia_outcome', dpia.decision);
  return join([screening, pdf.label('dpia_revision', { revision: dpia.revision, status: status ?? '' }), outcome]);
}

/**
 * One activity's Article 30(1) record: identification, then (b) purposes with their legal bases,
 * (c) data subjects and data categories with (f) their retention, (d) recipients, processors,
 * (e) transfers with their mechanism, (g) security measures, and the DPIA's state. Labels only.
 */
export function writeActivityRecord(pdf: PdfWriter, ctx: ExportContext, row: ActivityRecordRow, dpia: DpiaState | undefined, level: 1 | 2 = 1): void {
  const label = (catalogue: string, code: string | null | undefined) => ctx.labels.label(catalogue, code, ctx.locale);
  const col = (key: string) => translate(ctx.locale, `exports.col_${key}`);
  const document = row.document;
  pdf.heading(`${row.reference} — ${row.name}`, level);
  pdf.field(col('status'), join([enumLabel(ctx, 'status', row.status), pdf.label('version', { version: row.version })]));
  pdf.field(col('role'), enumLabel(ctx, 'role', row.role));
  pdf.field(col('department'), row.department);
  pdf.field(pdf.label('owner'), join([row.owner_name, row.owner]));
  pdf.field(col('description'), row.description);
  pdf.list(
    pdf.label('purposes'),
    document.purposes.map((purpose) => `${purpose.description} (${label('legal-bases', purpose.legalBasis) ?? pdf.orNone(null)})`),
  );
  pdf.list(col('data_subjects'), document.dataSubjects.map((subject) => label('data-subject-categories', subject.category)));
  pdf.list(pdf.label('data_categories'), document.dataCategories.map((category) => retentionText(ctx, category)));
  pdf.list(col('recipients'), document.recipients.map((recipient) => join([label('recipient-categories', recipient.category), recipient.name])));
  pdf.list(pdf.label('processors'), document.processors);
  pdf.list(
    col('transfers'),
    document.transfers.map((transfer) => join([label('countries', transfer.country), transfer.recipient, label('transfer-mechanisms', transfer.mechanism) ?? pdf.label('no_mechanism')])),
  );
  pdf.list(col('security_measures'), document.securityMeasures.map((measure) => measureLabel(ctx, measure)));
  pdf.field(pdf.label('dpia'), dpiaText(ctx, row, dpia, pdf));
  // The DPO's reasoned overrides of the validation blockers, printed with the validation they qualify.
  const overrides = overrideLines(ctx, document);
  if (overrides.length) pdf.list(col('validation_overrides'), overrides);
  pdf.field(pdf.label('next_review'), dateInWords(row.next_review_date, ctx.locale));
}
