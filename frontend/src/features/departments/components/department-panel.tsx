'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { TextAreaField, TextField } from '@/components/fields';
import { departmentToForm, EMPTY_DEPARTMENT_FORM, ZDepartmentSchema, type DepartmentForm } from '@/features/departments/schemas';
import { useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import type { Department } from '@/lib/api-types';
import { applyApiError } from '@/lib/forms';

const FIELDS = ['name', 'description'] as const;

/** The create form (department = null) or the edit form of one department, loaded with `reset()`. */
export function DepartmentPanel({
  idPrefix,
  title,
  submitLabel,
  department,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  title: string;
  submitLabel: string;
  department: Department | null;
  onSubmit: (values: DepartmentForm) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DepartmentForm>({ resolver: zodResolver(ZDepartmentSchema), defaultValues: EMPTY_DEPARTMENT_FORM });

  useEffect(() => {
    if (department) {
      reset(departmentToForm(department));
      headingRef.current?.focus();
    }
  }, [department, reset]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
      if (!department) reset(EMPTY_DEPARTMENT_FORM);
    } catch (error) {
      setFormError(
        isApiError(error, 'version_conflict')
          ? t('departments.versionConflict')
          : applyApiError(error, { setError, fields: FIELDS, t }),
      );
    }
  });

  const titleId = `${idPrefix}-title`;
  return (
    <section className="card panel" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <form
        className="form"
        noValidate
        aria-labelledby={titleId}
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          id={`${idPrefix}-name`}
          label={t('departments.fields.name')}
          required
          registration={register('name')}
          error={errors.name}
        />
        <TextAreaField
          id={`${idPrefix}-description`}
          label={t('departments.fields.description')}
          registration={register('description')}
          error={errors.description}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
