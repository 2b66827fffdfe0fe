'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { ZSaveTemplateSchema, type SaveTemplateForm } from '@/features/activities/template-schemas';
import { saveAsTemplate } from '@/features/activities/templates-api';
import { useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

/**
 * "Save as a template" (admin and DPO): the activity's content, as last saved, becomes one of the
 * organisation's templates, offered with the ready ones when an activity is created.
 */
export function SaveAsTemplate({ organizationId, activityId, activityName }: { organizationId: string; activityId: string; activityName: string }) {
  const t = useT();
  const api = useApi();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<SaveTemplateForm>({ resolver: zodResolver(ZSaveTemplateSchema), defaultValues: { name: activityName } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, ['name'], async (values) => {
    setSaved(null);
    const template = await saveAsTemplate(api, organizationId, activityId, values.name.trim());
    setSaved(template.name);
  });

  return (
    <details className="save-template" data-testid="save-as-template">
      <summary className="save-template__summary">{t('activity.ownTemplates.save')}</summary>
      <p className="field__hint save-template__hint">{t('activity.ownTemplates.saveHint')}</p>
      <form
        className="form save-template__form"
        noValidate
        aria-label={t('activity.ownTemplates.save')}
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField id="template-name" label={t('activity.ownTemplates.name')} required registration={register('name')} error={errors.name} testId="template-name" />
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={isSubmitting} data-testid="template-save">
            {isSubmitting ? t('activity.ownTemplates.saving') : t('activity.ownTemplates.confirm')}
          </button>
        </div>
        <StatusMessage>{saved ? t('activity.ownTemplates.saved', { name: saved }) : null}</StatusMessage>
      </form>
    </details>
  );
}
