import { activityStatuses } from '../../activities/directory/activity-reads';
import { actionCounts, DpiaState, overallResidualRisk, readDpiaStates, readEarlierRevisions, residualRisks, ResidualRisks } from '../../dpias/dpia-export';
import { FEARED_EVENTS, RiskLevelName } from '../../domain/dpias/dpia.types';
import { ColumnSpec, ExportContext, rowValues, SheetFactory, SheetWriter, sheetName } from '../sheet-writer';
import { dateCell } from '../xlsx-cells';
import { enumLabel } from './enum-labels';

interface Item {
  state: DpiaState;
  residual: ResidualRisks;
  overall: RiskLevelName | null;
  actions: { total: number; overdue: number };
}

/** Severity, likelihood and zone after measures, for each feared event (items 32–34 of the method). */
const residualColumns: ColumnSpec<Item>[] = FEARED_EVENTS.flatMap((event): ColumnSpec<Item>[] => [
  { key: `residual_${event}_severity`, type: 'number', width: 14, value: ({ residual }) => residual[event].severity },
  { key: `residual_${event}_likelihood`, type: 'number', width: 14, value: ({ residual }) => residual[event].likelihood },
  { key: `residual_${event}_level`, width: 14, value: ({ residual }, ctx) => enumLabel(ctx, 'risk_level', residual[event].level) },
]);

const COLUMNS: ColumnSpec<Item>[] = [
  { key: 'reference', width: 12, value: ({ state }) => state.activityReference },
  { key: 'name', width: 32, value: ({ state }) => state.activityName },
  { key: 'dpia_decision', width: 18, value: ({ state }, ctx) => enumLabel(ctx, 'dpia_decision', state.screeningDecision) },
  { key: 'dpia_revision', type: 'number', width: 10, value: ({ state }) => state.revision },
  { key: 'dpia_status', width: 20, value: ({ state }, ctx) => enumLabel(ctx, 'dpia_status', state.status) },
  ...residualColumns,
  { key: 'residual_risk', width: 14, value: ({ overall }, ctx) => enumLabel(ctx, 'risk_level', overall) },
  { key: 'dpia_outcome', width: 22, value: ({ state }, ctx) => enumLabel(ctx, 'dpia_outcome', state.decision) },
  { key: 'dpia_outcome_comment', type: 'longText', value: ({ state }) => state.decisionComment },
  { key: 'dpia_decided_at', type: 'date', width: 14, value: ({ state }) => dateCell(state.decidedAt) },
  { key: 'dpia_decided_by', value: ({ state }) => state.decidedByName },
  { key: 'dpo_opinion_status', width: 22, value: ({ state }, ctx) => enumLabel(ctx, 'dpo_opinion', state.dpoOpinion?.status) },
  { key: 'dpo_opinion', type: 'longText', value: ({ state }) => state.dpoOpinion?.opinion },
  { key: 'dpia_actions', type: 'number', width: 10, value: ({ actions }) => actions.total },
  { key: 'dpia_actions_overdue', type: 'number', width: 10, value: ({ actions }) => actions.overdue },
  { key: 'dpia_shown_as_of', width: 30, value: ({ state }, ctx) => shownAsOf(state, ctx) },
  { key: 'dpia_status_code', type: 'code', value: ({ state }) => state.status },
  { key: 'dpia_outcome_code', type: 'code', value: ({ state }) => state.decision },
  { key: 'dpo_opinion_status_code', type: 'code', value: ({ state }) => state.dpoOpinion?.status },
  { key: 'residual_risk_code', type: 'code', value: ({ overall }) => overall },
  { key: 'dpia_screening_code', type: 'code', value: ({ state }) => state.screeningDecision },
];

/** Which state a row shows: the export's instant, or (flagged) the current one when the state then is not kept. */
function shownAsOf(state: DpiaState, ctx: ExportContext): string {
  if (!ctx.asOf) return enumLabel(ctx, 'dpia_shown', 'now')!;
  return state.asOfExact ? enumLabel(ctx, 'dpia_shown', 'as_of')! : enumLabel(ctx, 'dpia_shown', 'current_not_kept')!;
}

/**
 * The DPIAs (Art 35): one row per DPIA revision with its screening, status, residual risk per feared
 * event, DPO opinion, decision and action plan counts — the revision current at the export's instant
 * (see readDpiaStates for what "as of" can and cannot show), then each earlier revision decided by then,
 * newest first. DPIAs are few: two queries for all.
 */
export const dpiasSheet: SheetWriter = {
  key: 'dpias',
  async write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
    const sheet = factory.addSheet(sheetName('dpias', ctx.locale), COLUMNS, ctx);
    if (!ctx.template) {
      const day = (ctx.asOf ?? ctx.exportedAt).toISOString().slice(0, 10);
      const statuses = ctx.statuses ? new Set(ctx.statuses) : null;
      const query = <T>(sql: string, params: unknown[]) => ctx.query<T>(sql, params);
      const shown = await readDpiaStates(query, ctx.organizationId, ctx.asOf);
      const earlier = new Map<string, DpiaState[]>();
      for (const state of await readEarlierRevisions(query, ctx.organizationId, ctx.asOf, shown)) earlier.set(state.dpiaId, [...(earlier.get(state.dpiaId) ?? []), state]);
      for (const state of shown.flatMap((current) => [current, ...(earlier.get(current.dpiaId) ?? [])])) {
        if (statuses && !(await activityStatusMatches(ctx, state, statuses))) continue;
        const item: Item = { state, residual: residualRisks(state.content), overall: overallResidualRisk(state.content), actions: actionCounts(state.content, day) };
        sheet.addRow(rowValues(COLUMNS, item, ctx)).commit();
      }
    }
    sheet.commit();
  },
};

/** With a status filter, a DPIA is listed when its activity is in the filtered register. */
async function activityStatusMatches(ctx: ExportContext, state: DpiaState, statuses: Set<string>): Promise<boolean> {
  let byId = ctx.shared.get('dpiaActivityStatuses') as Map<string, string> | undefined;
  if (!byId) {
    byId = await activityStatuses((sql, params) => ctx.query(sql, params), ctx.organizationId, ctx.asOf);
    ctx.shared.set('dpiaActivityStatuses', byId);
  }
  const status = byId.get(state.activityId);
  return status !== undefined && statuses.has(status);
}
