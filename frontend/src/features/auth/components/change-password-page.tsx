'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { ActionForm } from '@/components/form/action-form';
import { PasswordStrength } from '@/features/auth/password-strength';
import { changePassword } from '@/features/auth/auth-api';
import { PASSWORD_MIN_LENGTH, ZChangePasswordSchema, type ChangePasswordForm } from '@/features/auth/schemas';
import { AuthLayout } from '@/features/auth/auth-layout';
import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;

export function ChangePasswordPageContent({ backToOrganizationId }: { backToOrganizationId: string | null }) {
  const t = useT();
  const api = useApi();
  const [done, setDone] = useState(false);
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(ZChangePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmation: '' },
  });
  const {
    register,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  // The server's refusal (`current_password_wrong`, `password_too_weak`) comes translated in its message.
  const { formError, onSubmit } = useApiFormSubmit(form, FIELDS, async (values) => {
    setDone(false);
    await changePassword(api, values);
    reset();
    setDone(true);
  });

  return (
    <AuthLayout title={t('changePassword.title')} intro={t('changePassword.intro')} titleId="change-password-title">
      <StatusMessage>{done ? t('changePassword.done') : null}</StatusMessage>
      <ActionForm onSubmit={onSubmit} error={formError} busy={isSubmitting} submitLabel={t('changePassword.submit')} busyLabel={t('changePassword.submitting')} labelledBy="change-password-title">
        <TextField
          id="change-password-current"
          label={t('changePassword.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          registration={register('currentPassword')}
          error={errors.currentPassword}
        />
        <TextField
          id="change-password-new"
          label={t('changePassword.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('changePassword.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          registration={register('newPassword')}
          error={errors.newPassword}
        />
        <PasswordStrength password={form.watch('newPassword')} minLength={PASSWORD_MIN_LENGTH} />
        <TextField
          id="change-password-confirmation"
          label={t('changePassword.confirmation')}
          type="password"
          autoComplete="new-password"
          required
          registration={register('confirmation')}
          error={errors.confirmation}
        />
      </ActionForm>
      <p className="auth__alt">
        <Link href={backToOrganizationId ? orgPath(backToOrganizationId, 'register') : '/'}>{t('changePassword.back')}</Link>
      </p>
    </AuthLayout>
  );
}
