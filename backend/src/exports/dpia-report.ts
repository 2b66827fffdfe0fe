import { translate } from '../common/i18n/i18n';
import { durationInWords } from '../domain/words/durations';
import { residualRisks } from '../dpias/dpia-export';
import type { DpiaState } from '../dpias/dpia-export';
import { overallResidualRisk, riskLevel } from '../domain/dpias/dpia-rules';
import { CONTEXT_FIELDS, FEARED_EVENTS, PRINCIPLE_ITEMS, RegisterContext, RiskLevel } from '../domain/dpias/dpia.types';
import type { ExportContext } from './sheet-writer';
import { measureLabel } from './sheets/register.sheet';
import { enumLabel } from './sheets/enum-labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every piece of text goes through this: what a user typed is shown, never run or parsed as markup. */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f8}.map td{text-align:center;width:18%;height:2.5rem}.low{background:#dff0d8}.medium{background:#fcf3cf}.high{background:#f8d7da}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;white-space:pre-wrap}
.note{border-left:4px solid #c90;padding:.3rem .6rem;background:#fff8e5}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:avoid}}`;

type Text = string | number | null | undefined;

/**
 * A DPIA's report as one self-contained HTML file (inline style, no script, no external resource):
 * organisation, activity, dates, each section of the CNIL method, the risk map as a table, the action
 * plan, the DPO's opinion and the decision. Every value is escaped.
 */
export function renderDpiaReport(state: DpiaState, register: RegisterContext | null, ctx: ExportContext): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.locale, `exports.report_${key}`, params);
  const none = t('none');
  const text = (value: Text) => (value === null || value === undefined || value === '' ? none : escapeHtml(value));
  const list = (items: Text[]) => (items.length ? `<ul>${items.map((item) => `<li>${text(item)}</li>`).join('')}</ul>` : none);
  const pairs = (entries: [string, string][]) => `<dl>${entries.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
  const date = (value: Date | string | null | undefined) => (value ? escapeHtml(new Date(value).toISOString().slice(0, 16).replace('T', ' ')) : none);
  const label = (catalogue: string, code: string | null | undefined) => ctx.labels.label(catalogue, code, ctx.locale);
  const level = (value: RiskLevel) =>
    value.severity === null || value.likelihood === null
      ? t('not_rated')
      : `${t('severity')} ${value.severity} · ${t('likelihood')} ${value.likelihood} — ${enumLabel(ctx, 'risk_level', riskLevel(value))}`;
  const org = ctx.organization as Record<string, string | null> & { name: string };
  const content = state.content;
  const parts: string[] = [];

  parts.push(`<h1>${escapeHtml(t('title', { reference: state.activityReference, name: state.activityName }))}</h1>`);
  parts.push(`<p>${escapeHtml(t('revision', { revision: state.revision }))} — ${text(enumLabel(ctx, 'dpia_status', state.status))}</p>`);
  if (ctx.asOf && !state.asOfExact) parts.push(`<p class="note">${escapeHtml(t('as_of_not_kept'))}</p>`);
  parts.push(
    pairs([
      [t('organization'), text(org.legalName ?? org.name)],
      [t('dpo'), text([org.dpoName, org.dpoEmail].filter(Boolean).join(' — '))],
      [t('activity'), text(`${state.activityReference} ${state.activityName}`)],
      [t('description'), text(register?.description)],
      [t('screening'), text(enumLabel(ctx, 'dpia_decision', state.screeningDecision))],
      [t('created_at'), date(state.createdAt)],
      [t('updated_at'), date(state.updatedAt)],
      [t('generated_at'), date(ctx.exportedAt)],
      ...(ctx.asOf ? ([[t('as_of'), date(ctx.asOf)]] as [string, string][]) : []),
    ]),
  );

  if (register) {
    parts.push(`<h2>${escapeHtml(t('register'))}</h2>`);
    parts.push(
      pairs([
        [t('purposes'), list(register.purposes.map((purpose) => `${purpose.description} (${label('legal-bases', purpose.legalBasis) ?? none})`))],
        [t('data_categories'), list(register.dataCategories.map((category) => [label('data-categories', category.category), durationInWords(category.retention, ctx.locale)].filter(Boolean).join(' — ')))],
        [t('data_subjects'), list(register.dataSubjects.map((item) => label('data-subject-categories', item.category)))],
        [t('recipients'), list(register.recipients.map((item) => [label('recipient-categories', item.category), item.name].filter(Boolean).join(' — ')))],
        [t('processors'), list(register.processors)],
        [t('transfers'), list(register.transfers.map((item) => [label('countries', item.country), label('transfer-mechanisms', item.mechanism)].filter(Boolean).join(' — ')))],
        [t('measures'), list(register.securityMeasures.map((measure) => measureLabel(ctx, measure)))],
      ]),
    );
  }

  parts.push(`<h2>${escapeHtml(t('context'))}</h2>`);
  parts.push(pairs(CONTEXT_FIELDS.map((field) => [t(`context_${field}`), text(content.context[field])])));

  parts.push(`<h2>${escapeHtml(t('principles'))}</h2>`);
  parts.push(
    `<table><thead><tr><th scope="col">${escapeHtml(t('item'))}</th><th scope="col">${escapeHtml(t('judgement'))}</th><th scope="col">${escapeHtml(t('comment'))}</th></tr></thead><tbody>${PRINCIPLE_ITEMS.map((item) => {
      const assessment = content.principles[item];
      const judgement = assessment?.judgement ? t(`judgement_${assessment.judgement}`) : null;
      return `<tr><th scope="row">${escapeHtml(t(`principle_${item}`))}</th><td>${text(judgement)}</td><td>${text(assessment?.comment)}</td></tr>`;
    }).join('')}</tbody></table>`,
  );

  parts.push(`<h2>${escapeHtml(t('risks'))}</h2>`);
  for (const event of FEARED_EVENTS) {
    const risk = content.risks[event];
    parts.push(`<h3>${escapeHtml(t(`event_${event}`))}</h3>`);
    parts.push(
      pairs([
        [t('risk_sources'), list(risk.riskSources)],
        [t('threats'), list(risk.threats)],
        [t('impacts'), list(risk.impacts)],
        [t('existing_measures'), list(risk.existingMeasures.map((measure) => measureLabel(ctx, measure)))],
        [t('planned_measures'), list(risk.plannedMeasures.map((measure) => measureLabel(ctx, measure)))],
        [t('before'), text(level(risk.before))],
        [t('after'), text(level(risk.after))],
      ]),
    );
  }
  parts.push(riskMap(state, t));
  const residual = residualRisks(content);
  parts.push(
    pairs([
      ...FEARED_EVENTS.map((event): [string, string] => [t(`event_${event}`), text(level(residual[event]))]),
      [t('residual_risk'), text(enumLabel(ctx, 'risk_level', overallResidualRisk(content)))],
    ]),
  );

  parts.push(`<h2>${escapeHtml(t('action_plan'))}</h2>`);
  parts.push(
    content.actionPlan.length
      ? `<table><thead><tr>${['action_measure', 'action_owner', 'action_due', 'action_status'].map((key) => `<th scope="col">${escapeHtml(t(key))}</th>`).join('')}</tr></thead><tbody>${content.actionPlan
          .map((action) => `<tr><td>${text(action.measure)}</td><td>${text(action.owner)}</td><td>${text(action.dueDate)}</td><td>${text(t(`action_${action.status}`))}</td></tr>`)
          .join('')}</tbody></table>`
      : `<p>${none}</p>`,
  );

  parts.push(`<h2>${escapeHtml(t('validation'))}</h2>`);
  const view = content.dataSubjectsView;
  parts.push(`<h3>${escapeHtml(t('data_subjects_view'))}</h3>`);
  parts.push(
    pairs([
      [t('view_sought'), text(view.sought === null ? null : translate(ctx.locale, view.sought ? 'exports.yes' : 'exports.no'))],
      [t('view_reason'), text(view.reasonNotSought)],
      [t('view_names'), text(view.names)],
      [t('dpo_opinion'), text(enumLabel(ctx, 'dpo_opinion', view.status))],
      [t('comment'), text(view.opinion)],
    ]),
  );
  parts.push(`<h3>${escapeHtml(t('dpo_opinion'))}</h3>`);
  const opinion = state.dpoOpinion;
  parts.push(
    opinion
      ? pairs([
          [t('dpo_opinion'), text(enumLabel(ctx, 'dpo_opinion', opinion.status))],
          [t('comment'), text(opinion.opinion)],
          [t('given_by'), `${text(opinion.givenByName)}, ${date(opinion.givenAt)}`],
        ])
      : `<p>${none}</p>`,
  );
  parts.push(`<h3>${escapeHtml(t('decision'))}</h3>`);
  parts.push(
    state.decision
      ? pairs([
          [t('decision'), text(enumLabel(ctx, 'dpia_outcome', state.decision))],
          [t('conditions'), text(state.decisionComment)],
          [t('decided_by'), text(state.decidedByName)],
          [t('decided_at'), date(state.decidedAt)],
        ])
      : `<p>${none}</p>`,
  );

  const title = escapeHtml(t('title', { reference: state.activityReference, name: state.activityName }));
  return `<!DOCTYPE html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

/** The 4×4 map: severity 4→1 down the rows, likelihood 1→4 across; each event placed before (○) and after (●). */
function riskMap(state: DpiaState, t: (key: string) => string): string {
  const zone = (severity: number, likelihood: number) => riskLevel({ severity, likelihood } as RiskLevel);
  const marks = (severity: number, likelihood: number) =>
    FEARED_EVENTS.flatMap((event) => {
      const risk = state.content.risks[event];
      const found: string[] = [];
      if (risk.before.severity === severity && risk.before.likelihood === likelihood) found.push(`○ ${escapeHtml(t(`event_${event}`))}`);
      if (risk.after.severity === severity && risk.after.likelihood === likelihood) found.push(`● ${escapeHtml(t(`event_${event}`))}`);
      return found;
    }).join('<br>');
  const rows = [4, 3, 2, 1]
    .map(
      (severity) =>
        `<tr><th scope="row">${escapeHtml(t('severity'))} ${severity}</th>${[1, 2, 3, 4].map((likelihood) => `<td class="${zone(severity, likelihood)}">${marks(severity, likelihood)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="map"><caption>${escapeHtml(t('risk_map'))}</caption><thead><tr><td></td>${[1, 2, 3, 4]
    .map((likelihood) => `<th scope="col">${escapeHtml(t('likelihood'))} ${likelihood}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}
