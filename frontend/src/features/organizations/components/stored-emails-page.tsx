'use client';

import { DateTime } from '@/features/activities/components/date-time';
import type { StoredEmail } from '@/features/notifications/types';
import { useT } from '@/i18n/i18n-provider';
import type { PageOf } from '@/lib/api-types';

/** The stored e-mails, newest first, each readable as plain text (the HTML part is never rendered here). */
export function StoredEmailsPageContent({ emails }: { emails: (PageOf<StoredEmail> & { smtpConfigured: boolean }) | null }) {
  const t = useT();
  return (
    <section className="settings-panel" aria-labelledby="emails-title">
      <h2 id="emails-title">{t('notifications.emails.title')}</h2>
      {/* The server's state comes with the stored e-mails (administrators' route): nothing is claimed to the others. */}
      {emails ? <p data-testid="stored-emails-intro">{t(emails.smtpConfigured ? 'notifications.emails.introSmtp' : 'notifications.emails.intro')}</p> : null}
      {emails === null ? (
        <p className="notice" data-testid="stored-emails-admin-only">
          {t('notifications.emails.adminOnly')}
        </p>
      ) : emails.items.length === 0 ? (
        <p className="muted" data-testid="stored-emails-empty">
          {t('notifications.emails.empty')}
        </p>
      ) : (
        <ul data-testid="stored-emails">
          {emails.items.map((email) => (
            <li key={email.id} data-testid="stored-email">
              <details>
                <summary>
                  <strong>{email.subject}</strong> — {t('notifications.emails.to', { to: email.to })} — <DateTime iso={email.createdAt} />
                </summary>
                <pre style={{ whiteSpace: 'pre-wrap' }}>{email.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {emails && emails.total > emails.items.length ? <p className="muted">{t('notifications.emails.more', { shown: emails.items.length, total: emails.total })}</p> : null}
    </section>
  );
}
