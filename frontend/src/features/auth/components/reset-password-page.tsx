'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { confirmPasswordReset } from '@/features/auth/auth-api';
import { ActionForm } from '@/components/form/action-form';
import { PasswordStrength } from '@/features/auth/password-strength';
import { AuthLayout } from '@/features/auth/auth-layout';
import { PASSWORD_MIN_LENGTH, ZResetPasswordSchema, type ResetPasswordForm } from '@/features/auth/schemas';
import { useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

const FIELDS = ['password'] as const;

export function ResetPasswordPageContent({ token }: { token: string }) {
  const t = useT();
  const api = useApi();
  const [done, setDone] = useState(false);
  const form = useForm<ResetPasswordForm>({ resolver: zodResolver(ZResetPasswordSchema), defaultValues: { password: '' } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, FIELDS, async (values) => {
    await confirmPasswordReset(api, token, values.password);
    setDone(true);
  });

  return (
    <AuthLayout title={t('resetPassword.title')} intro={t('resetPassword.intro')}>
      <StatusMessage>{done ? t('resetPassword.done') : null}</StatusMessage>
      {done ? null : (
        <ActionForm onSubmit={onSubmit} error={token ? formError : t('resetPassword.noToken')} busy={isSubmitting} disabled={!token} submitLabel={t('resetPassword.submit')} busyLabel={t('resetPassword.submitting')}>
          <TextField
            id="reset-password"
            label={t('resetPassword.password')}
            type="password"
            autoComplete="new-password"
            required
            hint={t('resetPassword.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            registration={register('password')}
            error={errors.password}
          />
          <PasswordStrength password={form.watch('password')} minLength={PASSWORD_MIN_LENGTH} />
        </ActionForm>
      )}
      <p className="auth__alt">
        <Link href="/login">{t('resetPassword.loginLink')}</Link>
      </p>
    </AuthLayout>
  );
}
