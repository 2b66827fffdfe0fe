'use client';

import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useFormState } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { errorCountsByTab, errorPaths, type ActivityTab } from '../field-paths';
import { DataTab } from './data-tab';
import { ActivityDpia, DpiaTab } from './dpia-tab';
import { useEditor } from './editor-context';
import { OverviewTab } from './overview-tab';
import { PeopleTab } from './people-tab';
import { PurposesTab } from './purposes-tab';
import { SecurityTab } from './security-tab';

export const tabId = (tab: ActivityTab) => `activity-tab-${tab}`;
export const panelId = (tab: ActivityTab) => `activity-panel-${tab}`;

const FORM_PANELS: Record<Exclude<ActivityTab, 'history'>, () => ReactNode> = {
  overview: () => <OverviewTab />,
  purposes: () => <PurposesTab />,
  data: () => <DataTab />,
  people: () => <PeopleTab />,
  security: () => <SecurityTab />,
  dpia: () => <DpiaTab />,
};

/**
 * The activity's tabs (WAI-ARIA tabs: arrows move between them) and their panels. Every form panel
 * stays mounted, hidden when not selected, so the whole activity is one form; a tab shows how many
 * of its fields have an error.
 */
export function ActivityTabs({
  tabs,
  active,
  onSelect,
  history,
}: {
  tabs: readonly ActivityTab[];
  active: ActivityTab;
  onSelect: (tab: ActivityTab) => void;
  /** The history panel (outside the read-only fieldset: its controls always work). */
  history?: ReactNode;
}) {
  const t = useT();
  const { form, readOnly } = useEditor();
  const { errors } = useFormState({ control: form.control });
  const counts = errorCountsByTab(errorPaths(errors));
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.indexOf(active);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab);
    listRef.current?.querySelector<HTMLButtonElement>(`#${tabId(tab)}`)?.focus();
  }

  return (
    <div className="activity-tabs">
      <div className="tabs tabs--activity" role="tablist" aria-label={t('activity.tabs.label')} ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const count = counts[tab] ?? 0;
          return (
            <button
              key={tab}
              type="button"
              role="tab"
              id={tabId(tab)}
              className="tabs__tab"
              aria-selected={tab === active}
              aria-controls={panelId(tab)}
              tabIndex={tab === active ? 0 : -1}
              data-testid={`activity-tab-${tab}`}
              onClick={() => {
                onSelect(tab);
              }}
            >
              {t(`activity.tabs.${tab}`)}
              {count > 0 ? (
                <span className="tabs__count" data-testid={`activity-tab-${tab}-errors`}>
                  <span aria-hidden="true">{count}</span>
                  <span className="visually-hidden">{t('activity.tabs.errors', { count })}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={panelId(tab)}
          aria-labelledby={tabId(tab)}
          hidden={tab !== active}
          tabIndex={-1}
          className="tab-panel"
          data-testid={`activity-panel-${tab}`}
        >
          {tab === 'history' ? (
            history
          ) : (
            <>
              <fieldset className="plain-fieldset" disabled={readOnly}>
                {FORM_PANELS[tab]()}
              </fieldset>
              {tab === 'dpia' ? <ActivityDpia /> : null}
            </>
          )}
        </div>
      ))}
    </div>
  );
}
