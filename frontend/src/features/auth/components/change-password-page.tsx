'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { changePassword } from '@/features/auth/auth-api';
import { PASSWORD_MIN_LENGTH, ZChangePasswordSchema, type ChangePasswordForm } from '@/features/auth/schemas';
import { useT } from '@/i18n/i18n-provider';
import { LanguageSwitch } from '@/i18n/language-switch';
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
    <div className="auth">
      <header className="auth__header">
        <span className="brand">{t('common.productName')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth__main" id="main">
        <div className="card auth__card">
          <h1 id="change-password-title">{t('changePassword.title')}</h1>
          <p className="auth__intro">{t('changePassword.intro')}</p>
          <StatusMessage>{done ? t('changePassword.done') : null}</StatusMessage>
          <form
            className="form"
            noValidate
            aria-labelledby="change-password-title"
            onSubmit={(event) => {
              void onSubmit(event);
            }}
          >
            <ErrorAlert>{formError}</ErrorAlert>
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
            <TextField
              id="change-password-confirmation"
              label={t('changePassword.confirmation')}
              type="password"
              autoComplete="new-password"
              required
              registration={register('confirmation')}
              error={errors.confirmation}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={isSubmitting}>
                {isSubmitting ? t('changePassword.submitting') : t('changePassword.submit')}
              </button>
            </div>
          </form>
          <p className="auth__alt">
            <Link href={backToOrganizationId ? orgPath(backToOrganizationId, 'register') : '/'}>{t('changePassword.back')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
