'use client';

import Link from 'next/link';
import { useState } from 'react';

import type { DpiaCatalogues } from '@/features/dpias/catalogues';
import { DpiaStatusBadge, RiskBadge } from '@/features/dpias/components/dpia-status-badge';
import { RegisterSummary } from '@/features/dpias/components/register-summary';
import { RiskMap } from '@/features/dpias/components/risk-map';
import { SectionFrame } from '@/features/dpias/components/section-form';
import { ActionPlanSection, ContextSection, PrinciplesSection, RisksSection, type SaveSections } from '@/features/dpias/components/sections';
import { ValidationSection } from '@/features/dpias/components/validation-section';
import { listRevisions, saveSections } from '@/features/dpias/dpias-api';
import { EDITABLE_STATUSES, type DpiaDetail, type DpiaProgress, type DpiaRevisionItem } from '@/features/dpias/types';
import { dpiaReportPdfUrl, exportLanguageOf } from '@/features/exports/exports-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

const NAV: { id: string; key: 'context' | 'principles' | 'risks' | 'riskMap' | 'actionPlan' | 'validation'; progress?: keyof DpiaProgress }[] = [
  { id: 'dpia-context', key: 'context', progress: 'context' },
  { id: 'dpia-principles', key: 'principles', progress: 'principles' },
  { id: 'dpia-risks', key: 'risks', progress: 'risks' },
  { id: 'dpia-riskMap', key: 'riskMap' },
  { id: 'dpia-actionPlan', key: 'actionPlan', progress: 'actionPlan' },
  { id: 'dpia-validation', key: 'validation', progress: 'validation' },
];

export function DpiaPageContent({
  organizationId,
  initialDpia,
  initialRevisions,
  catalogues,
}: {
  organizationId: string;
  initialDpia: DpiaDetail;
  initialRevisions: DpiaRevisionItem[];
  catalogues: DpiaCatalogues;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ability = useAppAbility();
  const [dpia, setDpia] = useState(initialDpia);
  const [revisions, setRevisions] = useState(initialRevisions);
  const editable = ability.can('update', 'Dpia') && EDITABLE_STATUSES.includes(dpia.status);
  const base = orgPath(organizationId, `dpias/${encodeURIComponent(dpia.id)}`);

  const save: SaveSections = async (sections) => {
    const next = await saveSections(api, organizationId, dpia.id, dpia.version, sections);
    setDpia(next);
    return next;
  };

  function onChange(next: DpiaDetail) {
    setDpia(next);
    listRevisions(api, organizationId, next.id).then(setRevisions, () => {
      // The list catches up on the next load.
    });
  }

  return (
    <section className="page page--wide dpia-page" aria-labelledby="page-title">
      <p>
        <Link href={orgPath(organizationId, 'dpias')}>← {t('dpias.editor.back')}</Link>
      </p>
      <div className="page__header">
        <h1 id="page-title">{t('dpias.editor.heading', { reference: dpia.register.reference, name: dpia.register.name })}</h1>
        <DpiaStatusBadge status={dpia.status} testId="dpia-status" />
      </div>
      <p className="muted">
        {t('dpias.editor.revision', { revision: dpia.revision })} · {t('dpias.editor.version')} <span data-testid="dpia-version">{dpia.version}</span> ·{' '}
        {t('dpias.list.residualRisk')} <RiskBadge level={dpia.residualRisk} testId="dpia-residual-risk" /> ·{' '}
        <Link href={`${base}/report`} data-testid="dpia-report-link">
          {t('dpias.editor.report')}
        </Link>{' '}
        ·{' '}
        <a className="dpia-page__pdf" href={dpiaReportPdfUrl(organizationId, dpia.id, exportLanguageOf(locale))} download data-testid="dpia-report-pdf">
          {t('exports.dpiaPdf')}
        </a>
      </p>
      {dpia.locked ? <p className="notice" data-testid="dpia-locked">{t('dpias.editor.locked')}</p> : null}
      {dpia.status === 'awaiting_dpo_opinion' ? <p className="notice">{t('dpias.editor.awaiting')}</p> : null}
      {!ability.can('update', 'Dpia') ? <p className="notice">{t('dpias.editor.readOnly')}</p> : null}

      <nav className="dpia-nav" aria-label={t('dpias.sections.label')}>
        <ol>
          {NAV.map((item) => {
            const progress = item.progress ? dpia.progress[item.progress] : null;
            return (
              <li key={item.id} data-testid={`dpia-nav-${item.key}`}>
                <a href={`#${item.id}`}>{t(`dpias.sections.${item.key}`)}</a>
                {progress ? (
                  <>
                    {' '}
                    <progress value={progress.done} max={Math.max(progress.total, 1)} aria-hidden="true" />{' '}
                    <span className="dpia-nav__count">{t('dpias.progress', { done: progress.done, total: progress.total })}</span>
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
      </nav>

      <SectionFrame id="dpia-context" title={t('dpias.sections.context')} progress={dpia.progress.context}>
        <RegisterSummary organizationId={organizationId} activityId={dpia.activityId} register={dpia.register} catalogues={catalogues} />
        <ContextSection dpia={dpia} editable={editable} save={save} />
      </SectionFrame>
      <SectionFrame id="dpia-principles" title={t('dpias.sections.principles')} progress={dpia.progress.principles}>
        <PrinciplesSection dpia={dpia} editable={editable} save={save} />
      </SectionFrame>
      <SectionFrame id="dpia-risks" title={t('dpias.sections.risks')} progress={dpia.progress.risks} intro={t('dpias.risks.intro')}>
        <RisksSection dpia={dpia} editable={editable} save={save} catalogues={catalogues} />
      </SectionFrame>
      <SectionFrame id="dpia-riskMap" title={t('dpias.sections.riskMap')}>
        <RiskMap risks={dpia.content.risks} catalogues={catalogues} />
      </SectionFrame>
      <SectionFrame id="dpia-actionPlan" title={t('dpias.sections.actionPlan')} progress={dpia.progress.actionPlan} intro={t('dpias.actions.intro')}>
        <ActionPlanSection dpia={dpia} editable={editable} save={save} />
      </SectionFrame>
      <SectionFrame id="dpia-validation" title={t('dpias.sections.validation')} progress={dpia.progress.validation}>
        <ValidationSection
          organizationId={organizationId}
          dpia={dpia}
          editable={editable}
          save={save}
          onChange={onChange}
          revisions={revisions}
          revisionHref={(revision) => `${base}/report?revision=${String(revision)}`}
        />
      </SectionFrame>
    </section>
  );
}
