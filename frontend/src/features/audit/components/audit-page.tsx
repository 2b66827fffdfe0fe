'use client';

import { useId, useState, type SubmitEvent } from 'react';

import { DateInput } from '@/components/form/date-field';
import { ListPagination } from '@/components/list/pagination';
import { useListNavigation } from '@/components/list/use-list-navigation';
import type { ActivityCatalogues } from '@/features/activities/types';
import { verifyAuditChain } from '@/features/audit/audit-api';
import { AUDIT_ACTIONS, auditQueryToSearch, ENTITY_TYPES, type AuditEvent, type AuditQuery, type ChainVerification } from '@/features/audit/audit-query';
import { actionLabel, auditChangeRows, entityLabel, type AuditWordsContext } from '@/features/audit/audit-words';
import { useLocale, useMessages, useT } from '@/i18n/i18n-provider';
import type { Member, PageOf } from '@/lib/api-types';
import { ApiError } from '@/lib/api-error';
import { countryOptions } from '@/lib/countries';
import { useApi } from '@/lib/use-api';
import { actorInWords } from '@domain/words/system-actors';

export function AuditPageContent({ organizationId, query, events, members, catalogues }: { organizationId: string; query: AuditQuery; events: PageOf<AuditEvent>; members: Member[]; catalogues: ActivityCatalogues }) {
  const t = useT();
  const locale = useLocale();
  const messages = useMessages();
  const api = useApi();
  const ids = useId();
  const { pending, navigate } = useListNavigation(auditQueryToSearch);
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [failure, setFailure] = useState<string | null>(null);

  function onFilter(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const given = form.get(name);
      return typeof given === 'string' ? given : '';
    };
    navigate({ entityType: value('entityType'), action: value('action'), actorUserId: value('actorUserId'), from: value('from'), to: value('to'), page: 1 });
  }
  async function verify() {
    setVerifying(true);
    setFailure(null);
    try {
      setVerification(await verifyAuditChain(api, organizationId));
    } catch (error) {
      setFailure(error instanceof ApiError && error.message ? error.message : t('audit.verifyFailed'));
    } finally {
      setVerifying(false);
    }
  }
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const countries = countryOptions(locale);
  const words: AuditWordsContext = {
    t,
    messages,
    locale,
    people: new Map(members.map((member) => [member.userId, member.name])),
    catalogues,
    countryName: (code) => countries.find((country) => country.value === code)?.label ?? code,
  };

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('audit.title')}</h1>
        <button type="button" className="button" onClick={() => void verify()} disabled={verifying} data-testid="audit-verify">
          {t('audit.verify')}
        </button>
      </div>
      <p className="page__intro">{t('audit.intro')}</p>
      <div aria-live="polite">
        {verification ? (
          <p className={verification.valid ? 'alert alert--success' : 'alert alert--error'} data-testid="audit-verification" data-valid={String(verification.valid)}>
            {/* The API says why in the reader's language (edited event, rewritten or truncated chain, signed checkpoints confirmed). */}
            {verification.message}
          </p>
        ) : null}
        {failure ? (
          <p className="alert alert--error" role="alert">
            {failure}
          </p>
        ) : null}
      </div>

      <form className="filters" role="search" aria-label={t('audit.filters.label')} onSubmit={onFilter} key={auditQueryToSearch(query)}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-entity`}>
            {t('audit.filters.entityType')}
          </label>
          <select id={`${ids}-entity`} name="entityType" className="field__control" defaultValue={query.entityType}>
            <option value="">{t('audit.filters.all')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityLabel(type, words)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-action`}>
            {t('audit.filters.action')}
          </label>
          <select id={`${ids}-action`} name="action" className="field__control" defaultValue={query.action}>
            <option value="">{t('audit.filters.all')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action, words)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-actor`}>
            {t('audit.filters.actor')}
          </label>
          <select id={`${ids}-actor`} name="actorUserId" className="field__control" defaultValue={query.actorUserId}>
            <option value="">{t('audit.filters.all')}</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-from`}>
            {t('audit.filters.from')}
          </label>
          <DateInput id={`${ids}-from`} name="from" label={t('audit.filters.from')} value={from} onChange={setFrom} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-to`}>
            {t('audit.filters.to')}
          </label>
          <DateInput id={`${ids}-to`} name="to" label={t('audit.filters.to')} value={to} onChange={setTo} />
        </div>
        <button type="submit" className="button" disabled={pending} data-testid="audit-filter">
          {t('audit.filters.apply')}
        </button>
      </form>

      <p role="status">{t('audit.count', { count: events.total })}</p>
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.when')}</th>
              <th scope="col">{t('audit.columns.who')}</th>
              <th scope="col">{t('audit.columns.what')}</th>
              <th scope="col">{t('audit.columns.record')}</th>
              <th scope="col">{t('audit.columns.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {events.items.map((event) => (
              <tr key={event.id} data-testid="audit-row" data-action={event.action} data-entity={event.entityType}>
                <td>
                  <time dateTime={event.occurredAt}>{dateTime.format(new Date(event.occurredAt))}</time>
                </td>
                <td>{actorInWords(event.actorName, locale) ?? '—'}</td>
                <td>{actionLabel(event.action, words)}</td>
                <td>
                  {entityLabel(event.entityType, words)}
                  {event.entityLabel ? ` — ${event.entityLabel}` : ''}
                </td>
                <td>
                  <dl className="audit-diff">
                    {auditChangeRows(event, words).map((row, index) => (
                      <div key={`${row.field}-${String(index)}`}>
                        <dt>{row.field}</dt>
                        <dd>
                          <del aria-label={t('audit.before')}>{row.before}</del> → <ins aria-label={t('audit.after')}>{row.after}</ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListPagination list={events} query={query} navigate={navigate} />
    </section>
  );
}
