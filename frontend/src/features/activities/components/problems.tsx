'use client';

import { useMemo, type Ref } from 'react';
import { useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { codeLabel } from '../catalogue';
import type { Problem } from '../errors';
import { apiPathToFormPath, tabOfFormPath } from '../field-paths';
import { completenessOf } from '../rules';
import { formToContent, type ActivityForm } from '../schemas';
import { CompletenessBar } from './completeness-bar';
import { useEditor } from './editor-context';


/** A list of problems, each a button that opens the tab of the field concerned and focuses it. */
function ProblemList({ problems, onSelect }: { problems: readonly Problem[]; onSelect: (formPath: string) => void }) {
  const t = useT();
  return (
    <ul className="problems__list">
      {problems.map((problem, index) => {
        const formPath = apiPathToFormPath(problem.path, problem.code);
        return (
          <li key={`${problem.path}-${problem.code}-${String(index)}`} data-testid="problem-item" data-path={problem.path}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onSelect(formPath);
              }}
            >
              <span className="problems__tab">{t(`activity.tabs.${tabOfFormPath(formPath)}`)}</span>
              {problem.message}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The server's answer to a refused validation (422): every missing or invalid point. */
export function ValidationProblems({
  title,
  message,
  problems,
  onSelect,
  headingRef,
}: {
  title: string;
  message: string;
  problems: readonly Problem[];
  onSelect: (formPath: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <section className="problems problems--error" aria-labelledby="validation-problems-title" data-testid="validation-problems">
      <h2 id="validation-problems-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p>{message}</p>
      <ProblemList problems={problems} onSelect={onSelect} />
    </section>
  );
}

/**
 * What the activity still needs before the DPO can validate it, recomputed as the form is filled in
 * (the server's rules, mirrored in rules.ts).
 */
export function LiveCompleteness({ onSelect }: { onSelect: (formPath: string) => void }) {
  const t = useT();
  const { form, facts, catalogues, locale } = useEditor();
  const values = useWatch({ control: form.control }) as ActivityForm;
  const { score, problems } = useMemo(() => {
    const result = completenessOf({ ...formToContent(values), role: values.role }, facts);
    return {
      score: result.score,
      problems: result.problems.map((problem): Problem => {
        const params = { ...problem.params };
        if (problem.path.startsWith('dataCategories[') && params.label) {
          params.label = codeLabel(catalogues['data-categories'], params.label, locale);
        }
        return { path: problem.path, code: problem.code, message: t(`activity.rules.${problem.code}`, params) };
      }),
    };
  }, [values, facts, catalogues, locale, t]);

  return (
    <details className="problems problems--live" data-testid="completeness-panel" data-score={score}>
      <summary>
        <CompletenessBar score={score} />
        <span>
          {problems.length === 0 ? t('activity.completeness.complete') : t('activity.completeness.missing', { count: problems.length })}
        </span>
      </summary>
      {problems.length > 0 ? <ProblemList problems={problems} onSelect={onSelect} /> : null}
    </details>
  );
}
