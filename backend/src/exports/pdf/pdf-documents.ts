import type { Writable } from 'node:stream';
import { LIVE_SOURCE } from '../../activities/activity-list-query';
import { AppException } from '../../common/errors/app-exception';
import { translate } from '../../common/i18n/i18n';
import { dateInWords, dateTimeInWords } from '../../domain/words/dates';
import { durationInWords } from '../../domain/words/durations';
import { readDpiaStates } from '../../dpias/dpia-export';
import type { DpiaState } from '../../dpias/dpia-export';
import { overallResidualRisk, riskLevel } from '../../domain/dpias/dpia-rules';
import { CONTEXT_FIELDS, FEARED_EVENTS, PRINCIPLE_ITEMS } from '../../domain/dpias/dpia.types';
import type { RiskLevel } from '../../domain/dpias/dpia.types';
import { residualRisks } from '../../dpias/dpia-export';
import { activityBatches } from '../activity-batches';
import type { EvidenceEntryProvider } from '../evidence-pack';
import { activityRegisterContext } from '../evidence-providers';
import type { ExportContext } from '../sheet-writer';
import { enumLabel } from '../sheets/enum-labels';
import { measureLabel } from '../sheets/register.sheet';
import { ActivityRecordRow, RECORD_COLUMNS, writeActivityRecord } from './activity-section';
import { PdfWriter } from './pdf-writer';

const query = (ctx: ExportContext) => <T>(sql: string, params: unknown[]) => ctx.query<T>(sql, params);

/** Every DPIA as of the export's instant, by activity (DPIAs are few: one query for all). */
async function dpiasByActivity(ctx: ExportContext): Promise<Map<string, DpiaState>> {
  const states = await readDpiaStates(query(ctx), ctx.organizationId, ctx.asOf);
  return new Map(states.map((state) => [state.activityId, state]));
}

const writerFor = (output: Writable, ctx: ExportContext, title: string) => new PdfWriter(output, { locale: ctx.locale, generatedAt: ctx.exportedAt, asOf: ctx.asOf }, title);

/** The controller (Art 30(1)(a)), its representative, the DPO and the EU representative. */
function writeController(pdf: PdfWriter, ctx: ExportContext): void {
  const org = ctx.organization as Record<string, string | null> & { name: string };
  const cover = (key: string) => translate(ctx.locale, `exports.cover_${key}`);
  pdf.heading(pdf.label('controller'));
  pdf.field(cover('organization'), org.legalName ?? org.name);
  pdf.field(cover('registration_number'), org.registrationNumber);
  pdf.field(cover('address'), org.address);
  pdf.field(cover('country'), ctx.labels.label('countries', org.country, ctx.locale));
  pdf.field(cover('legal_representative'), org.legalRepresentative);
  pdf.heading(pdf.label('dpo'));
  pdf.field(cover('dpo_name'), org.dpoName);
  pdf.field(cover('dpo_email'), org.dpoEmail);
  pdf.field(cover('dpo_phone'), org.dpoPhone);
  pdf.field(cover('dpo_designation_number'), org.dpoDesignationNumber);
  if (org.euRepresentativeName) {
    pdf.field(cover('eu_representative_name'), org.euRepresentativeName);
    pdf.field(cover('eu_representative_address'), org.euRepresentativeAddress);
    pdf.field(cover('eu_representative_email'), org.euRepresentativeEmail);
  }
}

/**
 * The register in the Article 30 layout: a cover (controller, DPO, what this file is), then one
 * section per activity, read `BATCH_SIZE` at a time as the Excel export reads them (live or as of
 * the instant), each batch rendered and flushed before the next is read.
 */
export async function writeRegisterPdf(output: Writable, ctx: ExportContext): Promise<void> {
  const pdf = writerFor(output, ctx, translate(ctx.locale, 'exports.pdf_register_title'));
  const cover = (key: string) => translate(ctx.locale, `exports.cover_${key}`);
  const dpias = await dpiasByActivity(ctx);
  pdf.title(pdf.label('register_title'));
  pdf.subtitle(ctx.organization.name);
  writeController(pdf, ctx);
  pdf.heading(pdf.label('about'));
  pdf.field(cover('exported_at'), dateTimeInWords(ctx.exportedAt, ctx.locale));
  pdf.field(cover('as_of'), ctx.asOf ? dateTimeInWords(ctx.asOf, ctx.locale) : cover('as_of_now'));
  pdf.field(cover('filters'), ctx.statuses?.length ? ctx.statuses.map((status) => enumLabel(ctx, 'status', status)).join(', ') : cover('no_filter'));
  pdf.field(cover('exported_by'), ctx.exportedBy);
  let count = 0;
  for await (const rows of activityBatches<ActivityRecordRow>(ctx, RECORD_COLUMNS)) {
    for (const row of rows) {
      if (count === 0) pdf.newPage();
      writeActivityRecord(pdf, ctx, row, dpias.get(row.id));
      count += 1;
      await pdf.drain();
    }
  }
  if (count === 0) pdf.paragraph(pdf.label('empty_register'), { muted: true });
  await pdf.end();
}

/** The rows of one activity, live; null when the organisation has none with this id. */
export async function readActivityRecord(ctx: ExportContext, activityId: string): Promise<ActivityRecordRow | null> {
  const columns = `r.id, r.reference, r.name, r.role, r.status, ${RECORD_COLUMNS.join(', ')}`;
  const [row] = await ctx.query<ActivityRecordRow>(`SELECT ${columns} FROM (${LIVE_SOURCE}) r WHERE r.id = $2`, [ctx.organizationId, activityId]);
  return row ?? null;
}

/** One activity's record sheet: the controller and DPO, then the activity's Article 30 items. */
export async function writeActivityRecordPdf(output: Writable, ctx: ExportContext, row: ActivityRecordRow): Promise<void> {
  const dpias = await dpiasByActivity(ctx);
  const pdf = writerFor(output, ctx, `${row.reference} — ${row.name}`);
  pdf.title(pdf.label('record_title', { reference: row.reference, name: row.name }));
  pdf.subtitle(ctx.organization.name);
  writeActivityRecord(pdf, ctx, row, dpias.get(row.id), 1);
  writeController(pdf, ctx);
  await pdf.end();
}

/** The DPIA as the report shows it (now); null when the organisation has none with this id. */
export async function readDpia(ctx: ExportContext, dpiaId: string): Promise<DpiaState | null> {
  const states = await readDpiaStates(query(ctx), ctx.organizationId, null);
  return states.find((state) => state.dpiaId === dpiaId) ?? null;
}

/**
 * The DPIA report (the HTML report's content, exports/dpia-report.ts): organisation, activity,
 * dates, the register's context, each section of the CNIL method, the residual risks, the action
 * plan, the data subjects' view, the DPO's opinion and the decision.
 */
export async function writeDpiaPdf(output: Writable, ctx: ExportContext, state: DpiaState): Promise<void> {
  const register = state.register ?? (await activityRegisterContext(ctx, state.activityId));
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.locale, `exports.report_${key}`, params);
  const title = t('title', { reference: state.activityReference, name: state.activityName });
  const pdf = writerFor(output, ctx, title);
  const label = (catalogue: string, code: string | null | undefined) => ctx.labels.label(catalogue, code, ctx.locale);
  const date = (value: Date | string | null | undefined) => dateTimeInWords(value ?? null, ctx.locale);
  const level = (value: RiskLevel) =>
    value.severity === null || value.likelihood === null
      ? t('not_rated')
      : `${t('severity')} ${value.severity} · ${t('likelihood')} ${value.likelihood} — ${enumLabel(ctx, 'risk_level', riskLevel(value))}`;
  const org = ctx.organization as Record<string, string | null> & { name: string };
  const content = state.content;

  pdf.title(title);
  pdf.subtitle(`${t('revision', { revision: state.revision })} — ${enumLabel(ctx, 'dpia_status', state.status)}`);
  pdf.field(t('organization'), org.legalName ?? org.name);
  pdf.field(t('dpo'), [org.dpoName, org.dpoEmail].filter(Boolean).join(' — '));
  pdf.field(t('activity'), `${state.activityReference} ${state.activityName}`);
  pdf.field(t('description'), register?.description);
  pdf.field(t('screening'), enumLabel(ctx, 'dpia_decision', state.screeningDecision));
  pdf.field(t('created_at'), date(state.createdAt));
  pdf.field(t('updated_at'), date(state.updatedAt));
  pdf.field(t('generated_at'), date(ctx.exportedAt));

  if (register) {
    pdf.heading(t('register'));
    pdf.list(t('purposes'), register.purposes.map((purpose) => `${purpose.description} (${label('legal-bases', purpose.legalBasis) ?? pdf.orNone(null)})`));
    pdf.list(t('data_categories'), register.dataCategories.map((category) => [label('data-categories', category.category), durationInWords(category.retention, ctx.locale)].filter(Boolean).join(' — ')));
    pdf.list(t('data_subjects'), register.dataSubjects.map((item) => label('data-subject-categories', item.category)));
    pdf.list(t('recipients'), register.recipients.map((item) => [label('recipient-categories', item.category), item.name].filter(Boolean).join(' — ')));
    pdf.list(t('processors'), register.processors);
    pdf.list(t('transfers'), register.transfers.map((item) => [label('countries', item.country), label('transfer-mechanisms', item.mechanism)].filter(Boolean).join(' — ')));
    pdf.list(t('measures'), register.securityMeasures.map((measure) => measureLabel(ctx, measure)));
  }

  pdf.heading(t('context'));
  for (const field of CONTEXT_FIELDS) pdf.field(t(`context_${field}`), content.context[field]);

  pdf.heading(t('principles'));
  for (const item of PRINCIPLE_ITEMS) {
    const assessment = content.principles[item];
    const judgement = assessment?.judgement ? t(`judgement_${assessment.judgement}`) : null;
    pdf.field(t(`principle_${item}`), [judgement, assessment?.comment].filter(Boolean).join(' — '));
  }

  pdf.heading(t('risks'));
  for (const event of FEARED_EVENTS) {
    const risk = content.risks[event];
    pdf.heading(t(`event_${event}`), 2);
    pdf.list(t('risk_sources'), risk.riskSources);
    pdf.list(t('threats'), risk.threats);
    pdf.list(t('impacts'), risk.impacts);
    pdf.list(t('existing_measures'), risk.existingMeasures.map((measure) => measureLabel(ctx, measure)));
    pdf.list(t('planned_measures'), risk.plannedMeasures.map((measure) => measureLabel(ctx, measure)));
    pdf.field(t('before'), level(risk.before));
    pdf.field(t('after'), level(risk.after));
  }
  pdf.heading(t('residual_risk'), 2);
  const residual = residualRisks(content);
  for (const event of FEARED_EVENTS) pdf.field(t(`event_${event}`), level(residual[event]));
  pdf.field(t('residual_risk'), enumLabel(ctx, 'risk_level', overallResidualRisk(content)));

  pdf.heading(t('action_plan'));
  if (content.actionPlan.length === 0) pdf.paragraph(pdf.orNone(null));
  for (const action of content.actionPlan) {
    pdf.field(
      action.measure,
      [action.owner, action.dueDate ? `${t('action_due')} ${dateInWords(action.dueDate, ctx.locale)}` : null, t(`action_${action.status}`)]
        .filter(Boolean)
        .join(' — '),
    );
  }

  pdf.heading(t('validation'));
  const view = content.dataSubjectsView;
  pdf.heading(t('data_subjects_view'), 2);
  pdf.field(t('view_sought'), view.sought === null ? null : translate(ctx.locale, view.sought ? 'exports.yes' : 'exports.no'));
  pdf.field(t('view_reason'), view.reasonNotSought);
  pdf.field(t('view_names'), view.names);
  pdf.field(t('dpo_opinion'), enumLabel(ctx, 'dpo_opinion', view.status));
  pdf.field(t('comment'), view.opinion);
  pdf.heading(t('dpo_opinion'), 2);
  const opinion = state.dpoOpinion;
  if (opinion) {
    pdf.field(t('dpo_opinion'), enumLabel(ctx, 'dpo_opinion', opinion.status));
    pdf.field(t('comment'), opinion.opinion);
    pdf.field(t('given_by'), [opinion.givenByName, date(opinion.givenAt)].filter(Boolean).join(', '));
  } else pdf.paragraph(pdf.orNone(null));
  pdf.heading(t('decision'), 2);
  if (state.decision) {
    pdf.field(t('decision'), enumLabel(ctx, 'dpia_outcome', state.decision));
    pdf.field(t('conditions'), state.decisionComment);
    pdf.field(t('decided_by'), state.decidedByName);
    pdf.field(t('decided_at'), date(state.decidedAt));
  } else pdf.paragraph(pdf.orNone(null));
  await pdf.end();
}

/** Refuses an unknown record before any byte is sent. */
export function found<T>(value: T | null): T {
  if (value === null) throw AppException.notFound();
  return value;
}

/** A reference as typed by users, made safe for a file or folder name. */
// eslint-disable-next-line no-control-regex
export const fileSafe = (text: string): string => text.replace(/[/\\:*?"<>|\u0000-\u001f\s]+/g, '_').replace(/^\.+/, '_').slice(0, 60) || 'record';

/**
 * The evidence pack's PDFs, as of the pack's instant: pdf/register.pdf, then every DPIA's report as
 * pdf/dpias/<reference>-r<revision>.pdf (the revision current then, as the HTML reports).
 */
export const pdfEvidenceProvider: EvidenceEntryProvider = {
  async *entries(ctx: ExportContext) {
    yield { name: 'pdf/register.pdf', write: (output: Writable) => writeRegisterPdf(output, ctx) };
    for (const state of await readDpiaStates(query(ctx), ctx.organizationId, ctx.asOf)) {
      yield { name: `pdf/dpias/${fileSafe(state.activityReference)}-r${state.revision}.pdf`, write: (output: Writable) => writeDpiaPdf(output, ctx, state) };
    }
  },
};
