'use client';

import { useDiffContext } from '@/features/activities/components/history-tab';
import type { ActivityCatalogues } from '@/features/activities/types';
import { useT } from '@/i18n/i18n-provider';

import { conflictRows } from '../conflict-words';
import type { GridConflict, GridField } from '../types';

/**
 * The fields the DPO edited in the draft that the team's newer answers would change: for each, what
 * differs in words ("your answer" / "the DPO's edit") and the choice of the version that stays.
 */
export function GridConflicts({
  conflicts,
  catalogues,
  fieldLabel,
  busy,
  onResolve,
}: {
  conflicts: readonly GridConflict[];
  catalogues: ActivityCatalogues;
  fieldLabel: (field: GridField) => string;
  busy: boolean;
  onResolve: (field: GridField, keep: 'grid' | 'activity') => void;
}) {
  const t = useT();
  const context = useDiffContext(catalogues);
  const shown = (text: string) => (text === '—' ? t('designGrid.conflicts.empty') : text);
  return (
    <section className="grid-conflicts" aria-labelledby="grid-conflicts-title" data-testid="grid-conflicts">
      <h3 id="grid-conflicts-title">{t('designGrid.conflicts.title')}</h3>
      <p>{t('designGrid.conflicts.intro')}</p>
      {conflicts.map((conflict) => (
        <div key={conflict.field} className="grid-conflicts__field" data-testid={`grid-conflict-${conflict.field}`}>
          <h4 className="grid-conflicts__title">
            {t('designGrid.conflicts.field', {
              field: fieldLabel(conflict.field),
              questions: conflict.questions.map((question) => (question === 'project' ? t('designGrid.project') : t(`designGrid.questions.${question}.title`))).join(', '),
            })}
          </h4>
          <table className="grid-conflicts__table">
            <thead>
              <tr>
                <th scope="col">{t('designGrid.conflicts.part')}</th>
                <th scope="col">{t('designGrid.conflicts.yours')}</th>
                <th scope="col">{t('designGrid.conflicts.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {conflictRows(conflict, context).map((row) => (
                <tr key={row.path}>
                  <th scope="row">{row.label}</th>
                  <td data-label={t('designGrid.conflicts.yours')} data-testid="grid-conflict-yours">
                    {shown(row.yours)}
                  </td>
                  <td data-label={t('designGrid.conflicts.theirs')} data-testid="grid-conflict-theirs">
                    {shown(row.theirs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="workflow__buttons">
            <button type="button" className="button" disabled={busy} data-testid="grid-keep-grid" onClick={() => onResolve(conflict.field, 'grid')}>
              {t('designGrid.conflicts.keepGrid')}
            </button>
            <button type="button" className="button" disabled={busy} data-testid="grid-keep-activity" onClick={() => onResolve(conflict.field, 'activity')}>
              {t('designGrid.conflicts.keepActivity')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
