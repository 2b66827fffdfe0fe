import { DEFAULT_TIME_ZONE, localDate } from '../../domain/deadlines/legal-deadlines';
import { readRightsRequestsForExport, RightsRequestRow } from '../../rights-requests/rights-request-export';
import { ColumnSpec, rowValues, SheetWriter, sheetName } from '../sheet-writer';
import { dateCell, wallTimeCell, yesNo } from '../xlsx-cells';
import { enumLabel } from './enum-labels';
import { translate, type Locale } from '../../common/i18n/i18n';
import { dateInWords } from '../../domain/words/dates';

/** "T-0003 Newsletter — extracts: Amélie Roux; erases: nobody yet (note)", one activity a line. */
function activityTasksText(row: RightsRequestRow, locale: Locale): string | null {
  if (!row.activityTasks.length) return null;
  const nobody = translate(locale, 'exports.request_task_nobody');
  return row.activityTasks
    .map((task) => {
      const line = translate(locale, 'exports.request_task_activity', { activity: task.activity, extractor: task.extractor ?? nobody, eraser: task.eraser ?? nobody });
      return task.note ? `${line} (${task.note})` : line;
    })
    .join('\n');
}

/** "Hébergeur Émeraude — asked on 4 November 2026, confirmed on 6 November 2026", one vendor a line. */
function processorTasksText(row: RightsRequestRow, locale: Locale): string | null {
  if (!row.processorTasks.length) return null;
  const words = (day: string | null) => dateInWords(day, locale);
  return row.processorTasks
    .map((task) => {
      const asked = words(task.askedOn);
      const confirmed = words(task.confirmedOn);
      const state = confirmed
        ? translate(locale, 'exports.request_processor_confirmed', { asked: asked ?? '', confirmed })
        : asked
          ? translate(locale, 'exports.request_processor_asked', { asked })
          : translate(locale, 'exports.request_processor_not_asked');
      const line = `${task.vendor} — ${state}`;
      return task.note ? `${line} (${task.note})` : line;
    })
    .join('\n');
}

/** Answered (or refused) by the deadline that applied: the extended one when the request was extended. */
function answeredInTime(row: RightsRequestRow): boolean | null {
  if (row.status !== 'answered' && row.status !== 'refused') return null;
  const closed = row.answerSentAt ?? row.closedAt;
  if (!closed) return null;
  return localDate(closed, DEFAULT_TIME_ZONE) <= (row.extendedDueOn ?? row.dueOn);
}

const COLUMNS: ColumnSpec<RightsRequestRow>[] = [
  { key: 'request_reference', width: 10, value: (row) => row.reference },
  { key: 'request_received_at', type: 'dateTime', value: (row) => wallTimeCell(row.receivedAt, DEFAULT_TIME_ZONE) },
  { key: 'request_type', width: 24, value: (row, ctx) => enumLabel(ctx, 'request_type', row.type) },
  { key: 'request_channel', width: 16, value: (row, ctx) => enumLabel(ctx, 'request_channel', row.channel) },
  { key: 'request_description', type: 'longText', value: (row) => row.description },
  { key: 'request_identity_check', width: 18, value: (row, ctx) => enumLabel(ctx, 'identity_check', row.identityCheckStatus) },
  { key: 'request_status', width: 16, value: (row, ctx) => enumLabel(ctx, 'request_status', row.status) },
  { key: 'request_due_on', type: 'date', value: (row) => dateCell(row.dueOn) },
  { key: 'request_extended_due_on', type: 'date', value: (row) => dateCell(row.extendedDueOn) },
  { key: 'request_extension_reason', type: 'longText', value: (row) => row.extensionReason },
  { key: 'request_person_informed_on', type: 'date', value: (row) => dateCell(row.personInformedOn) },
  { key: 'request_answer_sent_at', type: 'dateTime', value: (row) => wallTimeCell(row.answerSentAt, DEFAULT_TIME_ZONE) },
  { key: 'request_answer_channel', width: 16, value: (row) => row.answerChannel },
  { key: 'request_answer_summary', type: 'longText', value: (row) => row.answerSummary },
  { key: 'request_refusal_grounds', type: 'longText', value: (row) => row.refusalGrounds },
  { key: 'request_answered_in_time', width: 12, value: (row, ctx) => yesNo(ctx.locale, answeredInTime(row)) },
  { key: 'request_activities', type: 'longText', value: (row) => row.activities },
  { key: 'request_activity_tasks', type: 'longText', value: (row, ctx) => activityTasksText(row, ctx.locale) },
  { key: 'request_processor_tasks', type: 'longText', value: (row, ctx) => processorTasksText(row, ctx.locale) },
  { key: 'record_shown_as_of', width: 30, value: (row, ctx) => (ctx.asOf ? enumLabel(ctx, 'record_shown', row.changedSince ? 'current_not_kept' : 'as_of') : null) },
];

/**
 * The rights requests (Art 12 and 15–22): one row per request received by the export's instant, with
 * its deadline counted as the law counts it and whether it was answered in time. Sent only to those who
 * read the whole register of requests; the requester's identity stays out of the workbook.
 */
export const rightsRequestsSheet: SheetWriter = {
  key: 'rights_requests',
  async write(factory, ctx) {
    if (!ctx.intakeRegisters.rightsRequests || ctx.template) return;
    const sheet = factory.addSheet(sheetName('rights_requests', ctx.locale), COLUMNS, ctx);
    for (const row of await readRightsRequestsForExport((sql, params) => ctx.query(sql, params), ctx.organizationId, ctx.asOf)) {
      sheet.addRow(rowValues(COLUMNS, row, ctx)).commit();
    }
    sheet.commit();
  },
};
