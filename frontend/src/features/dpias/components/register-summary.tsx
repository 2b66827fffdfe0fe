'use client';

import Link from 'next/link';

import { codeLabel } from '@/features/activities/catalogue';
import { describeIsoDuration } from '@/features/activities/duration';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryName } from '@/lib/countries';
import { orgPath } from '@/lib/paths';

import { measureLabel, type DpiaCatalogues } from '../catalogues';
import type { RegisterContext } from '../types';

/**
 * The register's part of the Context section, read from the activity when the page loads: shown,
 * never typed again (a change belongs in the register, and the DPIA follows it).
 */
export function RegisterSummary({ organizationId, activityId, register, catalogues }: { organizationId: string; activityId: string; register: RegisterContext; catalogues: DpiaCatalogues }) {
  const t = useT();
  const locale = useLocale();
  const none = t('dpias.register.none');
  const list = (items: string[]) => (items.length === 0 ? <p>{none}</p> : <ul>{items.map((item, index) => <li key={index}>{item}</li>)}</ul>);
  const label = (name: keyof DpiaCatalogues, code: string) => codeLabel(catalogues[name], code, locale);
  return (
    <div className="dpia-register" data-testid="dpia-register">
      <h3>{t('dpias.register.title')}</h3>
      <p className="muted">
        {t('dpias.register.hint', { reference: register.reference })}{' '}
        <Link href={orgPath(organizationId, `register/${encodeURIComponent(activityId)}`)}>{t('dpias.register.open')}</Link>
      </p>
      <dl className="dpia-register__facts">
        <dt>{t('dpias.register.description')}</dt>
        <dd>{register.description ?? none}</dd>
        <dt>{t('dpias.register.purposes')}</dt>
        <dd data-testid="dpia-register-purposes">
          {list(register.purposes.map((purpose) => `${purpose.description} — ${purpose.legalBasis ? label('legal-bases', purpose.legalBasis) : t('dpias.register.noLegalBasis')}`))}
        </dd>
        <dt>{t('dpias.register.dataCategories')}</dt>
        <dd data-testid="dpia-register-data">
          {list(
            register.dataCategories.map(
              (category) =>
                `${label('data-categories', category.category)}${category.description ? ` (${category.description})` : ''} — ${category.retention ? describeIsoDuration(category.retention, locale) : t('dpias.register.noRetention')}`,
            ),
          )}
        </dd>
        <dt>{t('dpias.register.dataSubjects')}</dt>
        <dd>{list(register.dataSubjects.map((subject) => `${label('data-subject-categories', subject.category)}${subject.estimatedCount !== null ? ` (${subject.estimatedCount.toLocaleString(locale)})` : ''}${subject.vulnerable ? ` — ${t('dpias.register.vulnerable')}` : ''}`))}</dd>
        <dt>{t('dpias.register.recipients')}</dt>
        <dd>{list(register.recipients.map((recipient) => `${label('recipient-categories', recipient.category)}${recipient.name ? ` (${recipient.name})` : ''}`))}</dd>
        <dt>{t('dpias.register.processors')}</dt>
        <dd>{list(register.processors)}</dd>
        <dt>{t('dpias.register.transfers')}</dt>
        <dd>{list(register.transfers.map((transfer) => `${countryName(transfer.country, locale)}${transfer.mechanism ? ` — ${label('transfer-mechanisms', transfer.mechanism)}` : ''}`))}</dd>
        <dt>{t('dpias.register.measures')}</dt>
        <dd>{list(register.securityMeasures.map((code) => measureLabel(catalogues, code, locale)))}</dd>
        <dt>{t('dpias.register.screening')}</dt>
        <dd>
          {t(`dpias.screening.result.${register.screening.decision as 'required' | 'not_required' | 'to_assess'}`)}
          {register.screening.criteria.length > 0 ? ` — ${register.screening.criteria.map((code) => label('dpia-criteria', code)).join(', ')}` : ''}
        </dd>
      </dl>
    </div>
  );
}
