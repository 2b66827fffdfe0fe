'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { signIn } from '@/features/auth/auth-api';
import { AuthLayout } from '@/features/auth/auth-layout';
import { ZLoginSchema, type LoginForm } from '@/features/auth/schemas';
import { useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

const FIELDS = ['email', 'password'] as const;

export function LoginPageContent() {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const form = useForm<LoginForm>({
    resolver: zodResolver(ZLoginSchema),
    defaultValues: { email: '', password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useApiFormSubmit(form, FIELDS, async (values) => {
    await signIn(api, values);
    router.replace('/');
  });

  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <form
        className="form"
        noValidate
        aria-labelledby="auth-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
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
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
      <p className="auth__alt">
        <Link href="/forgot-password">{t('login.forgotLink')}</Link>
      </p>
      <p className="auth__alt">
        {t('login.noAccount')} <Link href="/signup">{t('login.signupLink')}</Link>
      </p>
    </AuthLayout>
  );
}
