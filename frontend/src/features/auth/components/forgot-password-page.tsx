'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { requestPasswordReset } from '@/features/auth/auth-api';
import { ActionForm } from '@/components/form/action-form';
import { AuthLayout } from '@/features/auth/auth-layout';
import { ZForgotPasswordSchema, type ForgotPasswordForm } from '@/features/auth/schemas';
import { useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

const FIELDS = ['email'] as const;

export function ForgotPasswordPageContent() {
  const t = useT();
  const api = useApi();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<ForgotPasswordForm>({ resolver: zodResolver(ZForgotPasswordSchema), defaultValues: { email: '' } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, FIELDS, async (values) => {
    await requestPasswordReset(api, values);
    setSentTo(values.email);
  });

  return (
    <AuthLayout title={t('forgotPassword.title')} intro={t('forgotPassword.intro')}>
      <StatusMessage>{sentTo ? t('forgotPassword.sent', { email: sentTo }) : null}</StatusMessage>
      {sentTo ? null : (
        <ActionForm onSubmit={onSubmit} error={formError} busy={isSubmitting} submitLabel={t('forgotPassword.submit')} busyLabel={t('forgotPassword.submitting')}>
          <TextField id="forgot-email" label={t('forgotPassword.email')} type="email" autoComplete="email" required registration={register('email')} error={errors.email} />
        </ActionForm>
      )}
      <p className="auth__alt">
        <Link href="/login">{t('forgotPassword.loginLink')}</Link>
      </p>
    </AuthLayout>
  );
}
