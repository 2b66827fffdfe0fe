'use client';

import { retentionInWords } from '@domain/words/durations';
import Link from 'next/link';

import { codeLabel } from '@/features/activities/catalogue';
import { CompletenessBar } from '@/features/activities/components/completeness-bar';
import { isRuleCode } from '@/features/activities/rules';
import type { ActivityCatalogues } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { MessageKey } from '@/i18n/translate';
import { countryName } from '@/lib/countries';
import { orgPath } from '@/lib/paths';

import type { GridField, GridQuestion, GridView } from '../types';
import { GridConflicts } from './grid-conflicts';

/** The register's own label of each field the grid writes. */
const FIELD_LABELS = {
  name: 'activityFields.name',
  description: 'activityFields.description',
  purposes: 'activityFields.purposes.label',
  dataSubjects: 'activityFields.dataSubjects.label',
  dataCategories: 'activityFields.dataCategories.label',
  recipients: 'activityFields.recipients.label',
  processors: 'activityFields.processors.label',
  transfers: 'activityFields.transfers.label',
  securityMeasures: 'activityFields.securityMeasures.label',
  dataSubjectInformation: 'activityFields.dataSubjectInformation',
  rightsProcedure: 'activityFields.rightsProcedure',
  automatedDecisionMaking: 'activityFields.automatedDecisionMaking',
  dpiaScreening: 'activityFields.dpiaScreening.criteria',
} as const satisfies Record<GridField, MessageKey>;

/** The end of the wizard: the answers in plain words, the completeness of the draft, conflicts, sending. */
export function GridSummary({
  organizationId,
  grid,
  catalogues,
  headingRef,
  canSend,
  busy,
  onSend,
  onResolve,
}: {
  organizationId: string;
  grid: GridView;
  catalogues: ActivityCatalogues;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  canSend: boolean;
  busy: boolean;
  onSend: () => void;
  onResolve: (field: GridField, keep: 'grid' | 'activity') => void;
}) {
  const t = useT();
  const locale = useLocale();
  const answers = grid.answers;
  const label = (catalogue: keyof ActivityCatalogues, code: string) => codeLabel(catalogues[catalogue], code, locale);
  const list = (items: string[]) => items.filter(Boolean).join(', ');
  const purposes = (answers.purposes?.purposes ?? []).filter((purpose) => purpose.description);
  const bases = (answers.legitimacy?.bases ?? []).filter((basis) => basis.legalBasis);
  const purposeText = new Map(purposes.map((purpose) => [purpose.id, purpose.description]));
  const lines: { key: string; questions: GridQuestion[]; text: string | null }[] = [
    { key: 'purposes', questions: ['purposes'], text: purposes.length ? t('designGrid.summary.purposes', { items: list(purposes.map((purpose) => purpose.description)) }) : null },
    {
      key: 'legitimacy',
      questions: ['legitimacy'],
      text: bases.length ? t('designGrid.summary.legalBases', { items: list(bases.map((basis) => `${purposeText.get(basis.purposeId) ?? ''} → ${label('legal-bases', basis.legalBasis ?? '')}`)) }) : null,
    },
    {
      key: 'data',
      questions: ['data', 'minimisation'],
      text: answers.data
        ? t('designGrid.summary.data', {
            subjects: list(answers.data.subjects.map((subject) => label('data-subject-categories', subject.category))) || '—',
            data: list(answers.data.dataCategories.map((category) => label('data-categories', category.category))) || '—',
          })
        : null,
    },
    {
      key: 'processors',
      questions: [],
      text: answers.data?.processors.length
        ? t('designGrid.summary.processors', { items: list(answers.data.processors.map((processor) => (processor.country ? `${processor.name} (${countryName(processor.country, locale)})` : processor.name))) })
        : null,
    },
    {
      key: 'retention',
      questions: ['retention'],
      text: answers.retention?.rules.length
        ? t('designGrid.summary.retention', {
            items: list(
              answers.retention.rules.map(
                (rule) =>
                  t('designGrid.summary.retentionItem', {
                    category: label('data-categories', rule.category),
                    period: rule.undecided ? t('designGrid.summary.toDecide') : (retentionInWords(rule, locale) ?? t('designGrid.summary.noEnd')),
                  }),
              ),
            ),
          })
        : null,
    },
    { key: 'information', questions: ['information'], text: answers.information?.description ?? null },
    { key: 'rights', questions: ['rights'], text: answers.rights?.description ?? null },
    {
      key: 'security',
      questions: ['security', 'resilience'],
      // A measure ticked in both questions 8 and 9 is one measure.
      text:
        answers.security || answers.resilience
          ? t('designGrid.summary.measures', { count: new Set([...(answers.security?.measures ?? []), ...(answers.resilience?.measures ?? [])]).size + (answers.security?.otherMeasures.length ?? 0) })
          : null,
    },
    {
      key: 'documentation',
      questions: ['documentation'],
      text: answers.documentation?.documents.length
        ? t('designGrid.summary.documents', { items: list(answers.documentation.documents.map((item) => `${t(`designGrid.documents.${item.kind}`)} (${t(`designGrid.documentStates.${item.state}`)})`)) })
        : null,
    },
  ];
  return (
    <div className="grid-summary" data-testid="grid-summary">
      <h2 ref={headingRef} tabIndex={-1} data-testid="grid-question">
        {t('designGrid.summary.title')}
      </h2>
      <p>{t('designGrid.summary.intro')}</p>
      <ul className="grid-summary__lines">
        {/* Answered as the step list says (the server's grid-progress): a line never contradicts it. */}
        {lines.map((line) => {
          const answered = line.questions.every((question) => grid.answered.includes(question));
          if (line.questions.length === 0 && !line.text) return null;
          return (
            <li key={line.key} className={line.text && answered ? undefined : 'muted'} data-answered={answered}>
              {line.text
                ? answered
                  ? line.text
                  : `${line.text} (${t('designGrid.summary.incomplete')})`
                : `${t(`designGrid.questions.${line.key as 'purposes'}.title`)} — ${t('designGrid.summary.notAnswered')}`}
            </li>
          );
        })}
      </ul>
      <p>{t('designGrid.panel.completeness')}</p>
      <CompletenessBar score={grid.completeness.score} testId="grid-summary-completeness" />
      {grid.problems.length ? (
        <ul className="problems__list" data-testid="grid-problems">
          {grid.problems.map((problem) => (
            <li key={`${problem.path} ${problem.code}`}>
              {isRuleCode(problem.code)
                ? t(`activity.rules.${problem.code}`, problem.path.startsWith('dataCategories[') && problem.params.label ? { ...problem.params, label: label('data-categories', problem.params.label) } : problem.params)
                : t('designGrid.summary.incomplete')}
            </li>
          ))}
        </ul>
      ) : null}

      {grid.conflicts.length ? (
        <GridConflicts conflicts={grid.conflicts} catalogues={catalogues} fieldLabel={(field) => t(FIELD_LABELS[field])} busy={busy || !canSend} onResolve={onResolve} />
      ) : null}

      {canSend ? (
        <div className="form__actions">
          <button type="button" className="button button--primary" disabled={busy || grid.conflicts.length > 0} data-testid="grid-send" onClick={onSend}>
            {grid.submittedAt ? t('designGrid.summary.sendAgain') : t('designGrid.summary.send')}
          </button>
        </div>
      ) : null}
      {grid.activityId ? (
        <p>
          <Link href={orgPath(organizationId, `register/${encodeURIComponent(grid.activityId)}`)}>{t('designGrid.summary.openActivity')}</Link>
        </p>
      ) : null}
    </div>
  );
}
