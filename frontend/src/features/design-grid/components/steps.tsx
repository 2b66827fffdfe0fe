'use client';

import { useMemo } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';

import { catalogueOptions, codeLabel, type CatalogueOption } from '@/features/activities/catalogue';
import { DATA_SOURCES, END_ACTIONS, type ActivityCatalogueName, type ActivityCatalogues } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryOptions } from '@/lib/countries';

import { EMPTY_DATA_CATEGORY, EMPTY_PROCESSOR, EMPTY_RECIPIENT, EMPTY_SUBJECT, newPurposeId, RESILIENCE_MEASURES, RETENTION_CHOICES } from '../schemas';
import { GRID_DOCUMENT_STATES, GRID_DOCUMENTS, GRID_PRACTICES, type GridAnswers, type GridQuestion } from '../types';
import { AddButton, GridCheckbox, GridCheckboxGroup, GridDuration, GridRadios, GridSelect, GridText, GridTextArea, RemoveButton, useStepForm } from './grid-fields';

interface StepProps {
  catalogues: ActivityCatalogues;
  /** The saved answers of the other questions (questions 2, 4 and 5 build on 1 and 3). */
  answers: GridAnswers;
}

function useOptions(catalogues: ActivityCatalogues) {
  const locale = useLocale();
  return useMemo(() => (name: ActivityCatalogueName, keep?: readonly (string | null | undefined)[]) => catalogueOptions(catalogues[name], locale, keep), [catalogues, locale]);
}

function Item({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <fieldset className="item" data-testid={testId}>
      <legend className="list__title">{title}</legend>
      {children}
    </fieldset>
  );
}

// ——— 1 ———

function PurposesStep() {
  const t = useT();
  const { form } = useStepForm();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'purposes' });
  const practiceOptions: CatalogueOption[] = GRID_PRACTICES.map((practice) => ({ value: practice, label: t(`designGrid.practices.${practice}`), help: null }));
  return (
    <>
      {fields.map((field, index) => {
        const title = t('designGrid.questions.purposes.purpose', { position: index + 1 });
        return (
          <Item key={field.id} title={title} testId={`grid-purpose-${String(index)}`}>
            <GridTextArea path={`purposes.${String(index)}.description`} label={t('designGrid.questions.purposes.description')} rows={2} />
            <GridCheckbox path={`purposes.${String(index)}.main`} label={t('designGrid.questions.purposes.main')} />
            {fields.length > 1 ? (
              <RemoveButton
                label={`${t('designGrid.wizard.remove')} — ${title}`}
                onClick={() => {
                  remove(index);
                }}
              />
            ) : null}
          </Item>
        );
      })}
      <AddButton
        label={t('designGrid.questions.purposes.addPurpose')}
        testId="grid-add-purpose"
        onClick={() => {
          append({ id: newPurposeId(), description: '', main: false });
        }}
      />
      <GridCheckboxGroup path="practices" legend={t('designGrid.questions.purposes.practices')} hint={t('designGrid.questions.purposes.practicesHint')} options={practiceOptions} />
    </>
  );
}

// ——— 2 ———

function LegitimacyStep({ catalogues, answers }: StepProps) {
  const t = useT();
  const options = useOptions(catalogues);
  const { form } = useStepForm();
  const bases = useWatch({ control: form.control, name: 'bases' }) as { purposeId: string; legalBasis: string }[] | undefined;
  const purposes = new Map((answers.purposes?.purposes ?? []).map((purpose, index) => [purpose.id, purpose.description || t('designGrid.questions.purposes.purpose', { position: index + 1 })]));
  if (!bases?.length) return <p className="notice">{t('designGrid.questions.legitimacy.noPurpose')}</p>;
  return (
    <>
      {bases.map((basis, index) => {
        const prefix = `bases.${String(index)}`;
        return (
          <Item key={basis.purposeId} title={t('designGrid.questions.legitimacy.forPurpose', { purpose: purposes.get(basis.purposeId) ?? '' })} testId={`grid-basis-${String(index)}`}>
            <GridSelect path={`${prefix}.legalBasis`} label={t('activityFields.purposes.legalBasis')} options={options('legal-bases')} emptyLabel={t('designGrid.wizard.unknown')} />
            {basis.legalBasis === 'legal_obligation' || basis.legalBasis === 'public_task' ? (
              <GridText path={`${prefix}.legalReference`} label={t('designGrid.questions.legitimacy.legalReference')} />
            ) : null}
            {basis.legalBasis === 'legitimate_interests' ? (
              <fieldset className="subsection">
                <legend className="list__title">{t('designGrid.questions.legitimacy.interestTitle')}</legend>
                <GridTextArea path={`${prefix}.interest`} label={t('activityFields.purposes.legitimateInterestAssessment.purpose')} hint={t('activity.lia.hints.purpose')} rows={2} />
                <GridTextArea path={`${prefix}.necessity`} label={t('activityFields.purposes.legitimateInterestAssessment.necessity')} hint={t('activity.lia.hints.necessity')} rows={2} />
                <GridTextArea path={`${prefix}.balancing`} label={t('activityFields.purposes.legitimateInterestAssessment.balancing')} hint={t('activity.lia.hints.balancing')} rows={2} />
              </fieldset>
            ) : null}
          </Item>
        );
      })}
    </>
  );
}

// ——— 3 ———

function DataStep({ catalogues }: StepProps) {
  const t = useT();
  const locale = useLocale();
  const options = useOptions(catalogues);
  const { form } = useStepForm();
  const subjects = useFieldArray({ control: form.control, name: 'subjects' });
  const categories = useFieldArray({ control: form.control, name: 'dataCategories' });
  const recipients = useFieldArray({ control: form.control, name: 'recipients' });
  const processors = useFieldArray({ control: form.control, name: 'processors' });
  const chosen = (useWatch({ control: form.control, name: 'dataCategories' }) ?? []) as { category: string }[];
  const special = new Set(catalogues['data-categories'].filter((item) => item.special === true).map((item) => item.code));
  const countries = useMemo(() => countryOptions(locale).map((country) => ({ ...country, help: null })), [locale]);
  const tri = [
    { value: '', label: t('designGrid.wizard.unknown') },
    { value: 'yes', label: t('designGrid.wizard.yes') },
    { value: 'no', label: t('designGrid.wizard.no') },
  ];
  const sources = DATA_SOURCES.map((source) => ({ value: source, label: t(`activity.sources.${source}`), help: null }));
  return (
    <>
      <h3>{t('designGrid.questions.data.subjects')}</h3>
      {subjects.fields.map((field, index) => {
        const title = t('designGrid.questions.data.subject', { position: index + 1 });
        return (
          <Item key={field.id} title={title} testId={`grid-subject-${String(index)}`}>
            <GridSelect path={`subjects.${String(index)}.category`} label={t('activityFields.dataSubjects.category')} options={options('data-subject-categories')} emptyLabel={t('designGrid.wizard.choose')} />
            <GridText path={`subjects.${String(index)}.estimatedCount`} label={t('activityFields.dataSubjects.estimatedCount')} />
            <GridSelect
              path={`subjects.${String(index)}.vulnerable`}
              label={t('designGrid.questions.data.vulnerable')}
              hint={t('designGrid.questions.data.vulnerableHint')}
              options={tri.slice(1).map((option) => ({ ...option, help: null }))}
              emptyLabel={t('designGrid.wizard.unknown')}
            />
            <RemoveButton
              label={`${t('designGrid.wizard.remove')} — ${title}`}
              onClick={() => {
                subjects.remove(index);
              }}
            />
          </Item>
        );
      })}
      <AddButton
        label={t('designGrid.questions.data.addSubject')}
        testId="grid-add-subject"
        onClick={() => {
          subjects.append({ ...EMPTY_SUBJECT });
        }}
      />
      <GridRadios path="largeScale" legend={t('designGrid.questions.data.largeScale')} options={tri} />

      <h3>{t('designGrid.questions.data.categories')}</h3>
      {categories.fields.map((field, index) => {
        const title = t('designGrid.questions.data.category', { position: index + 1 });
        const prefix = `dataCategories.${String(index)}`;
        return (
          <Item key={field.id} title={title} testId={`grid-category-${String(index)}`}>
            <GridSelect path={`${prefix}.category`} label={t('activityFields.dataCategories.category')} options={options('data-categories')} emptyLabel={t('designGrid.wizard.choose')} />
            <GridText path={`${prefix}.description`} label={t('activityFields.dataCategories.description')} />
            <GridSelect path={`${prefix}.source`} label={t('activityFields.dataCategories.source')} options={sources} emptyLabel={t('designGrid.wizard.unknown')} />
            <GridText path={`${prefix}.sourceDetail`} label={t('activityFields.dataCategories.sourceDetail')} />
            <GridCheckbox path={`${prefix}.mandatory`} label={t('activityFields.dataCategories.mandatory')} />
            {special.has(chosen[index]?.category ?? '') ? (
              <GridSelect path={`${prefix}.art9Condition`} label={t('activityFields.dataCategories.art9Condition')} options={options('art9-conditions')} emptyLabel={t('designGrid.wizard.unknown')} />
            ) : null}
            <RemoveButton
              label={`${t('designGrid.wizard.remove')} — ${title}`}
              onClick={() => {
                categories.remove(index);
              }}
            />
          </Item>
        );
      })}
      <AddButton
        label={t('designGrid.questions.data.addCategory')}
        testId="grid-add-category"
        onClick={() => {
          categories.append({ ...EMPTY_DATA_CATEGORY });
        }}
      />

      <h3>{t('designGrid.questions.data.recipients')}</h3>
      {recipients.fields.map((field, index) => {
        const title = t('designGrid.questions.data.recipient', { position: index + 1 });
        return (
          <Item key={field.id} title={title} testId={`grid-recipient-${String(index)}`}>
            <GridSelect path={`recipients.${String(index)}.category`} label={t('activityFields.recipients.category')} options={options('recipient-categories')} emptyLabel={t('designGrid.wizard.choose')} />
            <GridText path={`recipients.${String(index)}.name`} label={t('activityFields.recipients.name')} />
            <RemoveButton
              label={`${t('designGrid.wizard.remove')} — ${title}`}
              onClick={() => {
                recipients.remove(index);
              }}
            />
          </Item>
        );
      })}
      <AddButton
        label={t('designGrid.questions.data.addRecipient')}
        testId="grid-add-recipient"
        onClick={() => {
          recipients.append({ ...EMPTY_RECIPIENT });
        }}
      />

      <h3>{t('designGrid.questions.data.processors')}</h3>
      <p className="field__hint">{t('designGrid.questions.data.processorsHint')}</p>
      {processors.fields.map((field, index) => {
        const title = t('designGrid.questions.data.processor', { position: index + 1 });
        return (
          <Item key={field.id} title={title} testId={`grid-processor-${String(index)}`}>
            <GridText path={`processors.${String(index)}.name`} label={t('designGrid.questions.data.processorName')} />
            <GridSelect path={`processors.${String(index)}.country`} label={t('designGrid.questions.data.processorCountry')} options={countries} emptyLabel={t('designGrid.wizard.unknown')} />
            <GridSelect path={`processors.${String(index)}.mechanism`} label={t('designGrid.questions.data.processorMechanism')} options={options('transfer-mechanisms')} emptyLabel={t('designGrid.wizard.unknown')} />
            <RemoveButton
              label={`${t('designGrid.wizard.remove')} — ${title}`}
              onClick={() => {
                processors.remove(index);
              }}
            />
          </Item>
        );
      })}
      <AddButton
        label={t('designGrid.questions.data.addProcessor')}
        testId="grid-add-processor"
        onClick={() => {
          processors.append({ ...EMPTY_PROCESSOR });
        }}
      />
    </>
  );
}

// ——— 4 ———

function MinimisationStep({ catalogues }: StepProps) {
  const t = useT();
  const locale = useLocale();
  const { form } = useStepForm();
  const rows = (useWatch({ control: form.control, name: 'justifications' }) ?? []) as { category: string }[];
  if (!rows.length) return <p className="notice">{t('designGrid.questions.minimisation.noData')}</p>;
  return (
    <>
      {rows.map((row, index) => (
        <GridTextArea
          key={row.category}
          path={`justifications.${String(index)}.justification`}
          label={t('designGrid.questions.minimisation.justification', { category: codeLabel(catalogues['data-categories'], row.category, locale) })}
          rows={2}
        />
      ))}
    </>
  );
}

// ——— 5 ———

function RetentionStep({ catalogues }: StepProps) {
  const t = useT();
  const locale = useLocale();
  const options = useOptions(catalogues);
  const { form } = useStepForm();
  const rows = (useWatch({ control: form.control, name: 'rules' }) ?? []) as { category: string; mode: string }[];
  if (!rows.length) return <p className="notice">{t('designGrid.questions.retention.noData')}</p>;
  const endActions = END_ACTIONS.map((action) => ({ value: action, label: t(`activity.endActions.${action}`), help: null }));
  return (
    <>
      {rows.map((row, index) => {
        const prefix = `rules.${String(index)}`;
        return (
          <Item key={row.category} title={t('designGrid.questions.retention.rule', { category: codeLabel(catalogues['data-categories'], row.category, locale) })} testId={`grid-rule-${String(index)}`}>
            <GridRadios
              path={`${prefix}.mode`}
              legend={t('designGrid.questions.retention.mode')}
              options={RETENTION_CHOICES.map((mode) => ({ value: mode, label: t(`designGrid.questions.retention.modes.${mode}`) }))}
            />
            {row.mode === 'limited' ? (
              <>
                <GridDuration amountPath={`${prefix}.activeAmount`} unitPath={`${prefix}.activeUnit`} label={t('activityFields.dataCategories.retention.activePeriod')} hint={t('activity.retention.hints.activePeriod')} />
                <GridDuration amountPath={`${prefix}.archiveAmount`} unitPath={`${prefix}.archiveUnit`} label={t('activityFields.dataCategories.retention.archivePeriod')} hint={t('activity.retention.hints.archivePeriod')} />
              </>
            ) : null}
            {row.mode === 'unlimited' ? (
              <GridTextArea path={`${prefix}.unlimitedJustification`} label={t('activityFields.dataCategories.retention.unlimitedJustification')} hint={t('activity.retention.hints.unlimitedJustification')} rows={2} />
            ) : null}
            {row.mode === 'limited' || row.mode === 'unlimited' ? (
              <>
                <GridSelect path={`${prefix}.startEvent`} label={t('designGrid.questions.retention.startEvent')} options={options('retention-start-events')} emptyLabel={t('designGrid.wizard.unknown')} />
                <GridText path={`${prefix}.legalReference`} label={t('activityFields.dataCategories.retention.legalReference')} hint={t('activity.retention.hints.legalReference')} />
                <GridSelect path={`${prefix}.endAction`} label={t('activityFields.dataCategories.retention.endAction')} options={endActions} />
              </>
            ) : null}
          </Item>
        );
      })}
    </>
  );
}

// ——— 6, 7 ———

function InformationStep() {
  const t = useT();
  return <GridTextArea path="description" label={t('designGrid.questions.information.description')} rows={4} />;
}

function RightsStep() {
  const t = useT();
  return <GridTextArea path="description" label={t('designGrid.questions.rights.description')} rows={4} />;
}

// ——— 8, 9 ———

function SecurityStep({ catalogues }: StepProps) {
  const t = useT();
  const options = useOptions(catalogues);
  return (
    <>
      <GridCheckboxGroup path="measures" legend={t('designGrid.questions.security.measures')} options={options('security-measures')} />
      <GridTextArea path="otherMeasures" label={t('designGrid.questions.security.other')} rows={3} />
    </>
  );
}

function ResilienceStep({ catalogues }: StepProps) {
  const t = useT();
  const options = useOptions(catalogues);
  const offered = new Set<string>(RESILIENCE_MEASURES);
  return (
    <>
      <GridCheckboxGroup path="measures" legend={t('designGrid.questions.resilience.measures')} options={options('security-measures').filter((option) => offered.has(option.value))} />
      <GridTextArea path="incidentProcedure" label={t('designGrid.questions.resilience.incidentProcedure')} rows={2} />
      <GridTextArea path="patching" label={t('designGrid.questions.resilience.patching')} rows={2} />
      <GridTextArea path="rollback" label={t('designGrid.questions.resilience.rollback')} rows={2} />
    </>
  );
}

// ——— 10 ———

function DocumentationStep() {
  const t = useT();
  const states = GRID_DOCUMENT_STATES.map((state) => ({ value: state, label: t(`designGrid.documentStates.${state}`), help: null }));
  return (
    <>
      {GRID_DOCUMENTS.map((kind) => (
        <GridSelect key={kind} path={`documents.${kind}`} label={t(`designGrid.documents.${kind}`)} options={states} emptyLabel={t('designGrid.wizard.unknown')} />
      ))}
    </>
  );
}

const STEP_BODIES: Record<GridQuestion, (props: StepProps) => React.ReactNode> = {
  purposes: PurposesStep,
  legitimacy: LegitimacyStep,
  data: DataStep,
  minimisation: MinimisationStep,
  retention: RetentionStep,
  information: InformationStep,
  rights: RightsStep,
  security: SecurityStep,
  resilience: ResilienceStep,
  documentation: DocumentationStep,
};

/** The inputs of one question (inside its form). */
export function StepBody({ question, catalogues, answers }: { question: GridQuestion } & StepProps) {
  const Body = STEP_BODIES[question];
  return <Body catalogues={catalogues} answers={answers} />;
}
