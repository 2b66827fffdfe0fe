'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { signUp } from '@/features/auth/auth-api';
import { ActionForm } from '@/components/form/action-form';
import { PasswordStrength } from '@/features/auth/password-strength';
import { AuthLayout } from '@/features/auth/auth-layout';
import { PASSWORD_MIN_LENGTH, ZSignupSchema, type SignupForm } from '@/features/auth/schemas';
import { useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

const FIELDS = ['name', 'email', 'password'] as const;

export function SignupPageContent({ email = '', next = null }: { email?: string; next?: string | null }) {
  const loginHref = next ? `/login?${new URLSearchParams({ next }).toString()}` : '/login';
  const t = useT();
  const api = useApi();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignupForm>({
    resolver: zodResolver(ZSignupSchema),
    defaultValues: { name: '', email, password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, FIELDS, async (values) => {
    await signUp(api, values);
    setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <AuthLayout title={t('signup.checkEmailTitle')} intro={t('signup.checkEmailIntro')}>
        <div data-testid="signup-check-email">
          <StatusMessage>{t('signup.checkEmail', { email: sentTo })}</StatusMessage>
        </div>
        <p className="auth__alt">
          <Link href={loginHref}>{t('signup.loginLink')}</Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('signup.title')} intro={t('signup.intro')}>
      <ActionForm onSubmit={onSubmit} error={formError} busy={isSubmitting} submitLabel={t('signup.submit')} busyLabel={t('signup.submitting')}>
        <TextField
          id="signup-name"
          label={t('signup.name')}
          autoComplete="name"
          required
          registration={register('name')}
          error={errors.name}
        />
        <TextField
          id="signup-email"
          label={t('signup.email')}
          type="email"
          autoComplete="email"
          required
          registration={register('email')}
          error={errors.email}
        />
        <TextField
          id="signup-password"
          label={t('signup.password')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('signup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          registration={register('password')}
          error={errors.password}
        />
        <PasswordStrength password={form.watch('password')} minLength={PASSWORD_MIN_LENGTH} userInputs={[form.watch('email'), form.watch('name')]} />
      </ActionForm>
      <p className="auth__alt">
        {t('signup.haveAccount')} <Link href={loginHref}>{t('signup.loginLink')}</Link>
      </p>
    </AuthLayout>
  );
}
