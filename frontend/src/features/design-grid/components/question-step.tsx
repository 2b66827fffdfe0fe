'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import type { ActivityCatalogues } from '@/features/activities/types';
import { useT } from '@/i18n/i18n-provider';

import { GRID_STEP_FORMS } from '../schemas';
import { GRID_QUESTIONS, type GridAnswers, type GridQuestion, type GridView } from '../types';
import { GridTextArea, StepFormProvider } from './grid-fields';
import { StepBody } from './steps';

/** A step's schema and conversions, seen without their own types (the wizard only passes values through). */
interface StepDefinition {
  schema: z.ZodType<FieldValues, FieldValues>;
  toForm: (answer: unknown, answers: GridAnswers) => FieldValues;
  toAnswer: (form: FieldValues) => unknown;
}
const stepDefinition = (question: GridQuestion) => GRID_STEP_FORMS[question] as unknown as StepDefinition;

/** One question: its explanation, examples, inputs and the "don't know yet" note, autosaved. */
export function QuestionStep({
  question,
  grid,
  catalogues,
  readOnly,
  headingRef,
  saveRef,
  onAnswer,
  onInvalid,
}: {
  question: GridQuestion;
  grid: GridView;
  catalogues: ActivityCatalogues;
  readOnly: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  saveRef: React.RefObject<(() => Promise<boolean>) | null>;
  onAnswer: (answer: unknown) => void;
  onInvalid: () => void;
}) {
  const t = useT();
  const definition = stepDefinition(question);
  // The answers as saved when the step opened: the form then belongs to the person typing.
  const [defaults] = useState(() => definition.toForm(grid.answers[question], grid.answers));
  const form = useForm({ resolver: zodResolver(definition.schema) as Resolver, defaultValues: defaults, mode: 'onChange' });
  const number = GRID_QUESTIONS.indexOf(question) + 1;
  const examples = [1, 2, 3].map((position) => t(`designGrid.questions.${question}.examples.${String(position) as '1' | '2' | '3'}`));

  useEffect(() => {
    if (readOnly) return;
    const save = async (shouldFocus: boolean) => {
      const valid = await form.trigger(undefined, { shouldFocus });
      if (!valid) {
        onInvalid();
        return false;
      }
      onAnswer(definition.toAnswer(form.getValues()));
      return true;
    };
    // Leaving the question saves it as it stands. It counts as answered only once its required
    // answers are given (the server's grid-progress.ts: "don't know yet" on retention is an answer,
    // a blank is not), so progress, the step list, the summary and resume all agree.
    saveRef.current = () => save(true);
    const subscription = form.watch(() => {
      void save(false);
    });
    return () => {
      subscription.unsubscribe();
      saveRef.current = null;
    };
    // The form and the step are fixed for the life of this component (keyed by question).
  }, []);

  return (
    <form
      className="grid-question"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
      }}
      aria-labelledby={`grid-question-${question}`}
    >
      <p className="muted">{t('designGrid.wizard.stepOf', { number })}</p>
      <h2 id={`grid-question-${question}`} ref={headingRef} tabIndex={-1} data-testid="grid-question">
        {t(`designGrid.questions.${question}.question`)}
      </h2>
      <p>{t(`designGrid.questions.${question}.explanation`)}</p>
      <div className="grid-examples">
        <p className="list__title">{t('designGrid.wizard.examples')}</p>
        <ul>
          {examples.map((example) => (
            <li key={example}>{example}</li>
          ))}
        </ul>
      </div>
      <StepFormProvider form={form} readOnly={readOnly}>
        <fieldset className="plain-fieldset" disabled={readOnly}>
          <StepBody question={question} catalogues={catalogues} answers={grid.answers} />
          <div className="grid-note">
            <StepNote />
          </div>
        </fieldset>
      </StepFormProvider>
    </form>
  );
}

function StepNote() {
  const t = useT();
  return <GridTextArea path="note" label={t('designGrid.wizard.note')} hint={t('designGrid.wizard.noteHint')} rows={2} testId="grid-note" />;
}
