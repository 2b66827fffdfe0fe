'use client';

import { useT } from '@/i18n/i18n-provider';

import { GRID_STEPS, type GridStep, type GridView } from '../types';

/** The wizard's steps: the ten questions and the summary, each marked answered or commented by the DPO. */
export function GridStepList({ grid, step, onGo }: { grid: GridView; step: GridStep; onGo: (step: GridStep) => void }) {
  const t = useT();
  return (
    <nav aria-label={t('designGrid.wizard.steps')} className="grid-steps">
      <ol className="grid-steps__list">
        {GRID_STEPS.map((item, position) => {
          const answered = item !== 'summary' && grid.answered.includes(item);
          const commented = item !== 'summary' && grid.comments[item] !== undefined;
          const label = item === 'summary' ? t('designGrid.wizard.summaryStep') : `${String(position + 1)}. ${t(`designGrid.questions.${item}.title`)}`;
          return (
            <li key={item}>
              <button
                type="button"
                className={['grid-steps__step', answered ? 'grid-steps__step--answered' : '', commented ? 'grid-steps__step--commented' : ''].join(' ')}
                aria-current={item === step ? 'step' : undefined}
                data-testid={`grid-step-${item}`}
                data-answered={item === 'summary' ? undefined : answered}
                onClick={() => {
                  onGo(item);
                }}
              >
                {label}
                {answered ? <span className="visually-hidden"> ({t('designGrid.wizard.answered')})</span> : null}
                {commented ? <span className="tag tag--warning">{t('designGrid.wizard.commented')}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
