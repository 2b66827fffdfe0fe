'use client';

import { useCallback, useEffect, useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { ApiSchemas } from '@/lib/api-types';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { listSessions, revokeSession } from './auth-api';

type Session = ApiSchemas['SessionView'];

/** The user's open sessions (browser and system in words, address, when), each but this one revocable. */
export function SessionsSection({ reloadKey }: { reloadKey: number }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(async () => {
    try {
      setSessions(await listSessions(api));
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }, [api, t]);
  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const revoke = async (session: Session) => {
    setError(null);
    setDone(null);
    try {
      await revokeSession(api, session.id);
      setDone(t('security.sessions.revoked'));
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
    await load();
  };

  const device = (session: Session) => {
    const browser = session.browser ?? t('security.sessions.unknownBrowser');
    return session.os ? t('security.sessions.deviceOn', { browser, os: session.os }) : browser;
  };

  return (
    <section className="security__section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('security.sessions.title')}</h2>
      <p className="auth__intro">{t('security.sessions.intro')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{done}</StatusMessage>
      {sessions && (
        // A list rather than a table: it reads the same on a phone, without sideways scrolling.
        <ul className="security__sessions" data-testid="sessions">
          {sessions.map((session) => (
            <li key={session.id} className="security__session">
              <div>
                <p className="security__device">
                  {device(session)}
                  {session.current && <span className="badge security__current">{t('security.sessions.current')}</span>}
                </p>
                <dl className="security__facts">
                  <div>
                    <dt>{t('security.sessions.address')}</dt>
                    <dd>{session.ipAddress ?? t('security.sessions.unknown')}</dd>
                  </div>
                  <div>
                    <dt>{t('security.sessions.opened')}</dt>
                    <dd>{session.createdAt ? when.format(new Date(session.createdAt)) : t('security.sessions.unknown')}</dd>
                  </div>
                  <div>
                    <dt>{t('security.sessions.lastSeen')}</dt>
                    <dd>{when.format(new Date(session.lastSeenAt))}</dd>
                  </div>
                </dl>
              </div>
              {!session.current && (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-label={t('security.sessions.revokeNamed', { device: device(session) })}
                  onClick={() => void revoke(session)}
                >
                  {t('security.sessions.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
