'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextField, type SelectOption } from '@/components/fields';
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

/** Changes a member's role or department. */
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
      setFormError(applyApiError(error, { setError, fields: ['role', 'departmentId'], t }));
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
        <SelectField
          id="edit-member-role"
          label={t('members.fields.role')}
          required
          options={roleOptions}
          registration={register('role')}
          error={errors.role}
        />
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
      setFormError(applyApiError(error, { setError, fields: ['email', 'role', 'departmentId'], t }));
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
        <SelectField
          id="add-member-role"
          label={t('members.fields.role')}
          required
          options={roleOptions}
          registration={register('role')}
          error={errors.role}
        />
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
