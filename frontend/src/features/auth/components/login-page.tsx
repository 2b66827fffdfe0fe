'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { TextField } from '@/components/fields';
import { signIn, signInWithCode } from '@/features/auth/auth-api';
import { ActionForm } from '@/components/form/action-form';
import { AuthLayout } from '@/features/auth/auth-layout';
import { SsoSignIn } from '@/features/auth/sso-sign-in';
import { ZLoginSchema, ZMfaCodeSchema, type LoginForm, type MfaCodeForm } from '@/features/auth/schemas';
import { useT } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

const FIELDS = ['email', 'password'] as const;
const CODE_FIELDS = ['code'] as const;

export function LoginPageContent({ next = null }: { next?: string | null }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  // After the right password of an account with two-factor sign-in, the same page asks for the code.
  const [step, setStep] = useState<'password' | 'code'>('password');
  const form = useForm<LoginForm>({
    resolver: zodResolver(ZLoginSchema),
    defaultValues: { email: '', password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, FIELDS, async (values) => {
    const answer = await signIn(api, values);
    if (answer.mfaRequired) {
      setStep('code');
      return;
    }
    router.replace(next ?? '/');
  });

  if (step === 'code') return <CodeStep next={next} onRestart={() => setStep('password')} />;

  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <ActionForm onSubmit={onSubmit} error={formError} busy={isSubmitting} submitLabel={t('login.submit')} busyLabel={t('login.submitting')}>
        <TextField
          id="login-email"
          label={t('login.email')}
          type="email"
          autoComplete="username"
          required
          registration={register('email')}
          error={errors.email}
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          required
          registration={register('password')}
          error={errors.password}
        />
      </ActionForm>
      <SsoSignIn email={() => form.getValues('email')} onMfaStep={() => setStep('code')} />
      <p className="auth__alt">
        <Link href="/forgot-password">{t('login.forgotLink')}</Link>
      </p>
      <p className="auth__alt">
        {t('login.noAccount')} <Link href={next ? `/signup?${new URLSearchParams({ next }).toString()}` : '/signup'}>{t('login.signupLink')}</Link>
      </p>
    </AuthLayout>
  );
}

/** The second step: a code of the authenticator app, or one of the recovery codes. */
function CodeStep({ next, onRestart }: { next: string | null; onRestart: () => void }) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const form = useForm<MfaCodeForm>({ resolver: zodResolver(ZMfaCodeSchema), defaultValues: { code: '' } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, CODE_FIELDS, async (values) => {
    try {
      await signInWithCode(api, values.code);
    } catch (error) {
      // The password step lasts a few minutes: past that, start again from the e-mail address.
      if (isApiError(error) && error.code === 'mfa_sign_in_expired') onRestart();
      throw error;
    }
    router.replace(next ?? '/');
  });

  return (
    <AuthLayout title={t('login.codeTitle')} intro={t('login.codeIntro')}>
      <ActionForm onSubmit={onSubmit} error={formError} busy={isSubmitting} submitLabel={t('login.codeSubmit')} busyLabel={t('login.submitting')}>
        <TextField
          id="login-code"
          label={t('login.code')}
          autoComplete="one-time-code"
          required
          hint={t('login.codeHint')}
          registration={register('code')}
          error={errors.code}
        />
      </ActionForm>
      <p className="auth__alt">
        <button type="button" className="link-button" onClick={onRestart}>
          {t('login.codeRestart')}
        </button>
      </p>
    </AuthLayout>
  );
}
