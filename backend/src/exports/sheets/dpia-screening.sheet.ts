import type { DpiaScreening } from '../../domain/activities/activity.types';
import { screeningCriteria } from '../../domain/activities/screening-criteria';
import { criterionLine } from '../../domain/activities/screening-words';
import { translate } from '../../common/i18n/i18n';
import { DOCUMENT, type DocumentRow } from '../activity-batches';
import type { ExportContext } from '../sheet-writer';
import { activitySheet } from './activity-sheet';
import { enumLabel } from './enum-labels';

type Row = DocumentRow;
interface Item {
  reference: string;
  screening: DpiaScreening;
  /** The criteria met, each with its reasons in words (the shared screening on the activity's facts). */
  reasons: string;
}

function reasonsOf(row: Row, ctx: ExportContext): string {
  const criteria = screeningCriteria(
    { dataSubjects: row.document.dataSubjects ?? [], dataCategories: row.document.dataCategories ?? [], automatedDecisionMaking: row.document.automatedDecisionMaking ?? false, dpiaScreening: row.document.dpiaScreening },
    ctx.facts,
    ctx.thresholds,
  );
  return criteria
    .map((criterion) =>
      criterionLine(
        criterion,
        (catalogue, code) => ctx.labels.label(catalogue, code, ctx.locale) ?? code,
        (kind, params) => translate(ctx.locale, `dpia_screening_reasons.${kind}`, params),
        ctx.locale,
      ),
    )
    .join('\n');
}

/**
 * The DPIA screening of each activity (criteria of the EDPB guidelines, CNIL lists, decision). The
 * DPIAs themselves (status, residual risks, decision) are another sheet, added with their module.
 */
export const dpiaScreeningSheet = activitySheet<Row, Item>({
  key: 'dpia_screening',
  select: DOCUMENT,
  items: (row, ctx) => [{ reference: row.reference, screening: row.document.dpiaScreening, reasons: reasonsOf(row, ctx) }],
  columns: [
    { key: 'reference', width: 12, value: (row) => row.reference },
    { key: 'dpia_decision', width: 18, value: (row, ctx) => enumLabel(ctx, 'dpia_decision', row.screening.decision) },
    { key: 'dpia_criteria', type: 'longText', value: (row, ctx) => row.screening.criteria.map((code) => ctx.labels.label('dpia-criteria', code, ctx.locale)).join('\n') },
    { key: 'dpia_criteria_reasons', type: 'longText', value: (row) => row.reasons },
    { key: 'cnil_required', type: 'longText', value: (row, ctx) => ctx.labels.label('dpia-cnil-required', row.screening.onCnilRequiredList, ctx.locale) },
    { key: 'cnil_exempt', type: 'longText', value: (row, ctx) => ctx.labels.label('dpia-cnil-exempt', row.screening.onCnilExemptList, ctx.locale) },
    { key: 'dpia_justification', type: 'longText', value: (row) => row.screening.justification },
    // One line per dismissed criterion, « label : reason » (the import reads it back).
    {
      key: 'dpia_dismissed',
      type: 'longText',
      value: (row, ctx) =>
        (row.screening.dismissed ?? []).map((entry) => `${ctx.labels.label('dpia-criteria', entry.criterion, ctx.locale) ?? entry.criterion}${ctx.locale === 'fr' ? ' : ' : ': '}${entry.reason}`).join('\n') || null,
    },
    { key: 'dpia_decision_code', type: 'code', value: (row) => row.screening.decision },
    { key: 'dpia_criteria_codes', type: 'code', width: 40, value: (row) => row.screening.criteria.join(', ') },
    { key: 'cnil_required_code', type: 'code', value: (row) => row.screening.onCnilRequiredList },
    { key: 'cnil_exempt_code', type: 'code', value: (row) => row.screening.onCnilExemptList },
  ],
  dropdowns: { dpia_decision: 'enum:dpia_decision', cnil_required: 'dpia-cnil-required', cnil_exempt: 'dpia-cnil-exempt' },
});
