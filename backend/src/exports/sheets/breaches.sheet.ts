import { BreachRow, readBreachesForExport } from '../../breaches/breach-export';
import { notificationState } from '../../domain/breaches/breach-rules';
import { breachNotificationDueAt, DEFAULT_TIME_ZONE } from '../../domain/deadlines/legal-deadlines';
import { ColumnSpec, ExportContext, rowValues, SheetWriter, sheetName } from '../sheet-writer';
import { wallTimeCell, yesNo } from '../xlsx-cells';
import { enumLabel } from './enum-labels';

const wallTime = (instant: Date | null) => wallTimeCell(instant, DEFAULT_TIME_ZONE);
const labels = (ctx: ExportContext, catalogue: string, codes: string[]) =>
  codes.map((code) => ctx.labels.label(catalogue, code, ctx.locale) ?? code).join('\n') || null;

const COLUMNS: ColumnSpec<BreachRow>[] = [
  { key: 'breach_reference', width: 10, value: (row) => row.reference },
  { key: 'breach_summary', type: 'longText', value: (row) => row.summary },
  { key: 'breach_aware_at', type: 'dateTime', value: (row) => wallTime(row.awareAt) },
  { key: 'breach_occurred_at', type: 'dateTime', value: (row) => wallTime(row.occurredAt) },
  { key: 'breach_discovery', type: 'longText', value: (row) => row.discovery },
  { key: 'breach_natures', width: 30, value: (row, ctx) => row.natures.map((nature) => enumLabel(ctx, 'breach_nature', nature)).join('\n') || null },
  { key: 'breach_data_categories', type: 'longText', value: (row, ctx) => labels(ctx, 'data-categories', row.dataCategories) },
  { key: 'breach_subject_categories', type: 'longText', value: (row, ctx) => labels(ctx, 'data-subject-categories', row.subjectCategories) },
  { key: 'breach_approx_persons', type: 'number', value: (row) => row.approxPersons },
  { key: 'breach_approx_records', type: 'number', value: (row) => (row.approxRecords === null ? null : Number(row.approxRecords)) },
  { key: 'breach_activities', type: 'longText', value: (row) => row.activities },
  { key: 'breach_vendors', type: 'longText', value: (row) => row.vendors },
  { key: 'breach_processor_notified_at', type: 'dateTime', value: (row) => wallTime(row.processorNotifiedAt) },
  { key: 'breach_consequences', type: 'longText', value: (row) => row.consequences },
  { key: 'breach_measures_taken', type: 'longText', value: (row) => row.measuresTaken },
  { key: 'breach_measures_proposed', type: 'longText', value: (row) => row.measuresProposed },
  { key: 'breach_risk', width: 16, value: (row, ctx) => enumLabel(ctx, 'breach_risk', row.risk) },
  { key: 'breach_risk_rationale', type: 'longText', value: (row) => row.riskRationale },
  // EDPB Guidelines 9/2022 factors (type and number of people are the natures and approximate numbers above).
  { key: 'breach_risk_sensitive_data', width: 12, value: (row, ctx) => yesNo(ctx.locale, row.riskSensitiveData) },
  { key: 'breach_risk_identifiability', width: 16, value: (row, ctx) => enumLabel(ctx, 'factor_level', row.riskIdentifiability) },
  { key: 'breach_risk_severity', width: 16, value: (row, ctx) => enumLabel(ctx, 'factor_level', row.riskSeverity) },
  { key: 'breach_risk_vulnerable_persons', width: 12, value: (row, ctx) => yesNo(ctx.locale, row.riskVulnerablePersons) },
  { key: 'breach_risk_controller_characteristics', type: 'longText', value: (row) => row.riskControllerCharacteristics },
  { key: 'breach_notification_due_at', type: 'dateTime', value: (row) => wallTime(breachNotificationDueAt(row.awareAt)) },
  {
    key: 'breach_notification_state',
    width: 24,
    // At the export's instant: a breach then unassessed or within its 72 hours reads as it did then.
    value: (row, ctx) => enumLabel(ctx, 'notification_state', notificationState(row, ctx.asOf ?? ctx.exportedAt)),
  },
  { key: 'breach_authority_notified_at', type: 'dateTime', value: (row) => wallTime(row.authorityNotifiedAt) },
  { key: 'breach_authority_reference', width: 16, value: (row) => row.authorityReference },
  { key: 'breach_authority_phased', width: 12, value: (row, ctx) => (row.authorityNotifiedAt ? yesNo(ctx.locale, row.authorityPhased) : null) },
  { key: 'breach_authority_delay_reasons', type: 'longText', value: (row) => row.authorityDelayReasons },
  { key: 'breach_persons_communicated_at', type: 'dateTime', value: (row) => wallTime(row.personsCommunicatedAt) },
  { key: 'breach_communication_exception', width: 30, value: (row, ctx) => enumLabel(ctx, 'communication_exception', row.personsCommunicationException) },
  { key: 'breach_communication_details', type: 'longText', value: (row) => row.personsCommunicationDetails },
  { key: 'record_shown_as_of', width: 30, value: (row, ctx) => (ctx.asOf ? enumLabel(ctx, 'record_shown', row.changedSince ? 'current_not_kept' : 'as_of') : null) },
];

/**
 * The breach register (Art 33(5)): every breach known by the export's instant, notified or not, with
 * its facts, effects, measures, the risk assessed, the 72-hour notification and the people told.
 * Sent only to those who read the whole breach register.
 */
export const breachesSheet: SheetWriter = {
  key: 'breaches',
  async write(factory, ctx) {
    if (!ctx.intakeRegisters.breaches || ctx.template) return;
    const sheet = factory.addSheet(sheetName('breaches', ctx.locale), COLUMNS, ctx);
    for (const row of await readBreachesForExport((sql, params) => ctx.query(sql, params), ctx.organizationId, ctx.asOf)) {
      sheet.addRow(rowValues(COLUMNS, row, ctx)).commit();
    }
    sheet.commit();
  },
};
