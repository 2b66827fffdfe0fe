'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextField, useFieldErrorText, type SelectOption } from '@/components/fields';
import {
  EMPTY_ADD_MEMBER_FORM,
  memberToEditForm,
  ZAddMemberSchema,
  ZEditMemberSchema,
  type AddMemberForm,
  type EditMemberForm,
} from '@/features/members/schemas';
import { useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import type { Member } from '@/lib/api-types';
import { applyApiError, errorMessage, SERVER_ERROR_TYPE } from '@/lib/forms';

/** One box per role: a member holds one or more (their rights add up). */
function RolesField({ id, options, registration, error }: { id: string; options: SelectOption[]; registration: UseFormRegisterReturn; error?: FieldError }) {
  const t = useT();
  const errorText = useFieldErrorText(error);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset className={errorText ? 'check-group field--invalid' : 'check-group'} id={id} aria-describedby={errorText ? `${hintId} ${errorId}` : hintId}>
      <legend className="field__label">
        {t('members.fields.role')}
        <span className="field__required"> ({t('common.required')})</span>
      </legend>
      <p className="field__hint" id={hintId}>
        {t('members.rolesHint')}
      </p>
      {options.map((option) => (
        <div className="check" key={option.value}>
          <input id={`${id}-${option.value}`} type="checkbox" className="check__box" value={option.value} {...registration} />
          <label className="check__label" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
      {errorText ? (
        <p className="field__error" id={errorId}>
          {errorText}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Changes a member's roles or department. */
export function EditMemberPanel({
  member,
  roleOptions,
  departmentOptions,
  onSave,
  onCancel,
}: {
  member: Member;
  roleOptions: SelectOption[];
  departmentOptions: SelectOption[];
  onSave: (values: EditMemberForm) => Promise<void>;
  onCancel: () => void;
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
  } = useForm<EditMemberForm>({ resolver: zodResolver(ZEditMemberSchema) });

  useEffect(() => {
    reset(memberToEditForm(member));
    headingRef.current?.focus();
  }, [member, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSave(values);
    } catch (error) {
      setFormError(applyApiError(error, { setError, fields: ['roles', 'departmentId'], t }));
    }
  });

  return (
    <section className="card panel" aria-labelledby="edit-member-title">
      <h3 id="edit-member-title" ref={headingRef} tabIndex={-1}>
        {t('members.editTitle', { name: member.name })}
      </h3>
      <form
        className="form"
        noValidate
        aria-labelledby="edit-member-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <RolesField id="edit-member-roles" options={roleOptions} registration={register('roles')} error={errors.roles as FieldError | undefined} />
        <SelectField
          id="edit-member-department"
          label={t('members.fields.department')}
          options={departmentOptions}
          emptyLabel={t('members.noDepartment')}
          registration={register('departmentId')}
          error={errors.departmentId}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Invites a person by e-mail address. */
export function AddMemberPanel({
  roleOptions,
  departmentOptions,
  onAdd,
}: {
  roleOptions: SelectOption[];
  departmentOptions: SelectOption[];
  onAdd: (values: AddMemberForm) => Promise<void>;
}) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AddMemberForm>({
    resolver: zodResolver(ZAddMemberSchema),
    defaultValues: EMPTY_ADD_MEMBER_FORM,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onAdd(values);
      reset(EMPTY_ADD_MEMBER_FORM);
    } catch (error) {
      if (isApiError(error, 'user_not_found') || isApiError(error, 'already_member')) {
        // These answers are about the e-mail address: show them next to it.
        setError('email', { type: SERVER_ERROR_TYPE, message: errorMessage(error, t) }, { shouldFocus: true });
        return;
      }
      setFormError(applyApiError(error, { setError, fields: ['email', 'roles', 'departmentId'], t }));
    }
  });

  return (
    <section className="card panel" aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t('members.addTitle')}</h3>
      <p className="panel__intro">{t('members.addIntro')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="add-member-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          id="add-member-email"
          label={t('members.fields.email')}
          type="email"
          autoComplete="off"
          required
          registration={register('email')}
          error={errors.email}
        />
        <RolesField id="add-member-roles" options={roleOptions} registration={register('roles')} error={errors.roles as FieldError | undefined} />
        <SelectField
          id="add-member-department"
          label={t('members.fields.department')}
          options={departmentOptions}
          emptyLabel={t('members.noDepartment')}
          registration={register('departmentId')}
          error={errors.departmentId}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('members.adding') : t('members.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
