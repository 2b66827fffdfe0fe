'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { formatDate } from '@/features/activities/history-diff';
import { loadNotifications, markNotificationsRead, savePreference } from '@/features/notifications/notifications-api';
import { ZNotificationPreferenceSchema, type NotificationPreferenceForm } from '@/features/notifications/schemas';
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, type NotificationPage, type NotificationPreference } from '@/features/notifications/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';
import { useApi } from '@/lib/use-api';

export function NotificationsPageContent({
  organizationId,
  initialNotifications,
  initialPreference,
}: {
  organizationId: string;
  initialNotifications: NotificationPage;
  initialPreference: NotificationPreference;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ids = useId();
  const [notifications, setNotifications] = useState(initialNotifications);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const form = useForm<NotificationPreferenceForm>({ resolver: zodResolver(ZNotificationPreferenceSchema), defaultValues: preferenceForm(initialPreference) });
  // react-hook-form checks registered inputs only once hydrated: the server's HTML states the saved
  // choices itself, so the page never shows them all unchecked before its script runs.
  const saved = form.formState.defaultValues;
  const { formError, onSubmit } = useApiFormSubmit(form, ['emailFrequency', 'weeklyDigest', 'kinds'], async (values) => {
    setStatus(null);
    const saved = await savePreference(api, values);
    form.reset(preferenceForm(saved));
    setStatus(t('notifications.preference.saved'));
  });

  async function markRead(idsToMark?: string[]) {
    setError(null);
    try {
      await markNotificationsRead(api, organizationId, idsToMark);
      setNotifications(await loadNotifications(api, organizationId));
    } catch {
      setError(t('notifications.markFailed'));
    }
  }

  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('notifications.title')}</h1>
        {notifications.unread > 0 ? (
          <button type="button" className="button" data-testid="notifications-read-all" onClick={() => void markRead()}>
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      <p className="page__intro">{t('notifications.intro')}</p>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <p data-testid="notifications-unread-count">{t('notifications.unreadCount', { count: notifications.unread })}</p>
      {notifications.items.length === 0 ? (
        <p className="muted" data-testid="notifications-empty">
          {t('notifications.empty')}
        </p>
      ) : (
        <ul className="panel" data-testid="notifications-list">
          {notifications.items.map((item) => (
            <li key={item.id} data-testid="notification" data-read={item.read} data-kind={item.kind}>
              {item.read ? null : <span className="tag tag--warning">{t('notifications.new')}</span>} <Link href={item.link}>{item.message}</Link>{' '}
              <span className="muted">— {formatDate(item.createdAt.slice(0, 10), locale)}</span>{' '}
              {item.read ? null : (
                <button type="button" className="button button--small" onClick={() => void markRead([item.id])}>
                  {t('notifications.markRead')}
                  <span className="visually-hidden"> — {item.message}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="notification-preference-form">
        <fieldset className="form__section">
          <legend>{t('notifications.preference.legend')}</legend>
          {EMAIL_FREQUENCIES.map((frequency) => (
            <div className="field" key={frequency}>
              <label htmlFor={`${ids}-${frequency}`}>
                <input id={`${ids}-${frequency}`} type="radio" value={frequency} defaultChecked={saved?.emailFrequency === frequency} {...form.register('emailFrequency')} data-testid={`preference-${frequency}`} />{' '}
                {t(`notifications.preference.${frequency}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="form__section">
          <legend>{t('notifications.preference.digest.legend')}</legend>
          <div className="field">
            <label htmlFor={`${ids}-weekly-digest`}>
              <input id={`${ids}-weekly-digest`} type="checkbox" defaultChecked={saved?.weeklyDigest ?? true} {...form.register('weeklyDigest')} data-testid="preference-weekly-digest" />{' '}
              {t('notifications.preference.digest.label')}
            </label>
          </div>
        </fieldset>
        <fieldset className="form__section notification-kinds">
          <legend>{t('notifications.preference.kinds.legend')}</legend>
          <div className="table-wrap">
            <table className="table" data-testid="notification-kinds">
              <thead>
                <tr>
                  <th scope="col">{t('notifications.preference.kinds.kind')}</th>
                  <th scope="col">{t('notifications.preference.kinds.inApp')}</th>
                  <th scope="col">{t('notifications.preference.kinds.email')}</th>
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_KINDS.map((kind, index) => (
                  <tr key={kind} data-testid={`notification-kind-${kind}`}>
                    <th scope="row">
                      {t(`notifications.kinds.${kind}`)}
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t(`notifications.kinds.${kind}`)} — ${t('notifications.preference.kinds.inApp')}`}
                        defaultChecked={saved?.kinds?.[index]?.inApp ?? false}
                        {...form.register(`kinds.${index}.inApp`)}
                        data-testid={`notification-kind-${kind}-in-app`}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t(`notifications.kinds.${kind}`)} — ${t('notifications.preference.kinds.email')}`}
                        defaultChecked={saved?.kinds?.[index]?.email ?? false}
                        {...form.register(`kinds.${index}.email`)}
                        data-testid={`notification-kind-${kind}-email`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        {status ? <StatusMessage>{status}</StatusMessage> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting} data-testid="preference-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The form's values, one per kind in the order of the rows (a kind never chosen: both ways). */
function preferenceForm(preference: NotificationPreference): NotificationPreferenceForm {
  const byKind = new Map((preference.kinds ?? []).map((entry) => [entry.kind, entry]));
  return {
    emailFrequency: preference.emailFrequency,
    weeklyDigest: preference.weeklyDigest ?? true,
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: byKind.get(kind)?.inApp ?? true, email: byKind.get(kind)?.email ?? true })),
  };
}
