'use client';

import Link from 'next/link';
import { useState } from 'react';

import { StatusMessage } from '@/components/alerts';
import { codeLabel } from '@/features/activities/catalogue';
import { formatDate } from '@/features/activities/history-diff';
import type { CatalogueItem } from '@/features/activities/types';
import { DocumentsPanel } from '@/features/vendors/components/documents-panel';
import { DpaPanel } from '@/features/vendors/components/dpa-panel';
import { VendorRecordForm } from '@/features/vendors/components/record-form';
import { ReviewForm } from '@/features/vendors/components/review-form';
import { TerminatePanel } from '@/features/vendors/components/terminate-panel';
import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import { describeReason } from '@/features/vendors/reasons';
import type { LinkedActivity, Review, Vendor, VendorDocument } from '@/features/vendors/types';
import { listDocuments, listReviews } from '@/features/vendors/vendors-api';
import { useLocale, useMessages, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { countryName } from '@/lib/countries';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

export function VendorPageContent({
  organizationId,
  initialVendor,
  initialReviews,
  initialDocuments,
  mechanisms = [],
}: {
  organizationId: string;
  initialVendor: Vendor;
  initialReviews: Review[];
  initialDocuments: VendorDocument[];
  /** The transfer-mechanisms catalogue: labels, and the record form's choices. */
  mechanisms?: readonly CatalogueItem[];
}) {
  const t = useT();
  const locale = useLocale();
  const messages = useMessages();
  const api = useApi();
  const ability = useAppAbility();
  const [vendor, setVendor] = useState(initialVendor);
  const [reviews, setReviews] = useState(initialReviews);
  const [documents, setDocuments] = useState(initialDocuments);
  const [stillUsing, setStillUsing] = useState<LinkedActivity[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [savedNotice, setSavedNotice] = useState('');

  const canUpdate = ability.can('update', 'Vendor') && vendor.status !== 'terminated';
  const canValidate = ability.can('validate', 'Vendor') && vendor.status !== 'terminated';
  const canUpload = ability.can('create', 'Evidence');
  const canDeleteDocuments = ability.can('delete', 'Evidence');
  const name = (code: string) => countryName(code, locale);
  const mechanismName = (code: string) => codeLabel(mechanisms, code, locale);
  const reason = (item: { code: string; params: Record<string, string> }) => describeReason(item, t, messages, name, mechanismName);

  async function refreshReviews() {
    try {
      setReviews((await listReviews(api, organizationId, vendor.id)).items);
    } catch {
      // The page keeps the reviews it had; the next load shows the new one.
    }
  }
  async function refreshDocuments() {
    try {
      setDocuments((await listDocuments(api, organizationId, vendor.id)).items);
    } catch {
      // idem
    }
  }

  const { assessment } = vendor;

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <p>
        <Link href={orgPath(organizationId, 'vendors')}>← {t('vendors.detail.back')}</Link>
      </p>
      <div className="page__header">
        <h1 id="page-title">
          <span data-testid="vendor-name">{vendor.name}</span>
        </h1>
        <VendorStatusBadge status={vendor.status} testId="vendor-status" />
      </div>
      <p className="muted">
        {t('vendors.detail.version')} <span data-testid="vendor-version">{vendor.version}</span>
      </p>

      <section className="vendor-section" aria-labelledby="vendor-details-title">
        <div className="section-header">
          <h2 id="vendor-details-title">{t('vendors.detail.details')}</h2>
          {canUpdate && !editing ? (
            <button
              type="button"
              className="button button--secondary"
              data-testid="vendor-edit"
              onClick={() => {
                setSavedNotice('');
                setEditing(true);
              }}
            >
              {t('vendors.edit.open')}
            </button>
          ) : null}
        </div>
        <StatusMessage>{savedNotice}</StatusMessage>
        {editing ? (
          <VendorRecordForm
            key={vendor.version}
            organizationId={organizationId}
            vendor={vendor}
            mechanisms={mechanisms}
            onSaved={(next) => {
              setVendor(next);
              setEditing(false);
              setSavedNotice(t('vendors.edit.saved', { version: next.version }));
            }}
            onCancel={() => {
              setEditing(false);
            }}
          />
        ) : null}
        {editing ? null : (
          <dl className="vendor-details" data-testid="vendor-details">
            <dt>{t('vendors.detail.legalEntity')}</dt>
            <dd data-testid="vendor-legal-entity">{vendor.legalEntity ?? '—'}</dd>
            <dt>{t('vendors.detail.service')}</dt>
            <dd>{vendor.service ?? '—'}</dd>
            <dt>{t('vendors.detail.role')}</dt>
            <dd>{t(`vendors.role.${vendor.role}`)}</dd>
            <dt>{t('vendors.detail.headquarters')}</dt>
            <dd data-testid="vendor-headquarters">{vendor.headquartersCountry ? name(vendor.headquartersCountry) : '—'}</dd>
            <dt>{t('vendors.detail.parent')}</dt>
            <dd>
              {vendor.parentCompany ?? '—'}
              {vendor.parentCountry ? ` (${name(vendor.parentCountry)})` : ''}
            </dd>
            <dt>{t('vendors.detail.certifications')}</dt>
            <dd>{vendor.certifications.length ? vendor.certifications.join(', ') : '—'}</dd>
            <dt>{t('vendors.detail.mechanism')}</dt>
            <dd data-testid="vendor-mechanism">{vendor.transferMechanism ? mechanismName(vendor.transferMechanism) : '—'}</dd>
            <dt>{t('vendors.detail.tia')}</dt>
            <dd>
              {vendor.tia.date ? formatDate(vendor.tia.date, locale) : '—'}
              {vendor.tia.conclusion ? ` — ${vendor.tia.conclusion}` : ''}
              {assessment.tiaMissing ? <span className="tag tag--warning">{t('vendors.detail.tiaMissing')}</span> : null}
            </dd>
            <dt>{t('vendors.detail.nextReview')}</dt>
            <dd>
              {vendor.nextReviewDate ? formatDate(vendor.nextReviewDate, locale) : '—'}
              {vendor.reviewOverdue ? <span className="tag tag--warning">{t('vendors.flags.reviewOverdue')}</span> : null}
            </dd>
            {vendor.notes ? (
              <>
                <dt>{t('vendors.detail.notes')}</dt>
                <dd>{vendor.notes}</dd>
              </>
            ) : null}
          </dl>
        )}
      </section>

      <section className="vendor-section" aria-labelledby="vendor-transfers-title" data-testid="vendor-transfers">
        <h2 id="vendor-transfers-title">{t('vendors.detail.transfers')}</h2>
        {assessment.locations.length === 0 ? (
          <p>{t('vendors.detail.noLocations')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('vendors.detail.location')}</th>
                  <th scope="col">{t('vendors.detail.transferStatus')}</th>
                  <th scope="col">{t('vendors.detail.why')}</th>
                </tr>
              </thead>
              <tbody>
                {assessment.locations.map((location) => (
                  <tr key={location.country} data-testid={`transfer-${location.country}`} data-status={location.status}>
                    <td>{name(location.country)}</td>
                    <td>
                      <span className={location.needsMechanism ? 'tag tag--danger' : location.occasionalOnly ? 'tag tag--warning' : 'tag'}>
                        {t(`vendors.transferStatus.${location.status}`)}
                      </span>
                    </td>
                    <td>
                      <ul>
                        {location.reasons.map((item, index) => (
                          <li key={index}>{reason(item)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t('vendors.detail.exposure')}</h3>
        {assessment.exposed ? (
          <ul data-testid="vendor-exposure">
            {assessment.exposure.map((item, index) => (
              <li key={index}>{reason(item)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('vendors.detail.notExposed')}</p>
        )}
      </section>

      <DpaPanel organizationId={organizationId} vendor={vendor} documents={documents} canUpdate={canUpdate} onSaved={setVendor} />

      <section className="vendor-section" aria-labelledby="vendor-activities-title">
        <h2 id="vendor-activities-title">{t('vendors.detail.activities')}</h2>
        {vendor.activities.length === 0 ? (
          <p>{t('vendors.detail.noActivities')}</p>
        ) : (
          <ul data-testid="vendor-activities">
            {vendor.activities.map((activity) => (
              <li key={activity.id}>
                <Link href={orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`)}>
                  {activity.reference} {activity.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="vendor-section" aria-labelledby="vendor-chain-title">
        <h2 id="vendor-chain-title">{t('vendors.detail.chain')}</h2>
        {vendor.subProcessorChain.length === 0 ? (
          <p>{t('vendors.detail.noChain')}</p>
        ) : (
          <ul data-testid="vendor-chain">
            {vendor.subProcessorChain.map((node) => (
              <li key={`${node.parentId}-${node.id}`} style={{ marginLeft: `${String((node.depth - 1) * 1.5)}rem` }}>
                <Link href={orgPath(organizationId, `vendors/${encodeURIComponent(node.id)}`)}>{node.name}</Link>{' '}
                <VendorStatusBadge status={node.status} />
                {node.exposed ? <span className="tag tag--warning">{t('vendors.flags.exposed')}</span> : null}
                {node.needsMechanism ? <span className="tag tag--danger">{t('vendors.flags.needsMechanism')}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {vendor.usedBy.length > 0 ? (
          <>
            <h3>{t('vendors.detail.usedBy')}</h3>
            <ul>
              {vendor.usedBy.map((item) => (
                <li key={item.id}>
                  <Link href={orgPath(organizationId, `vendors/${encodeURIComponent(item.id)}`)}>{item.name}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <DocumentsPanel
        organizationId={organizationId}
        vendorId={vendor.id}
        documents={documents}
        canUpload={canUpload}
        canDelete={canDeleteDocuments}
        onUploaded={() => void refreshDocuments()}
      />

      <section className="vendor-section" aria-labelledby="vendor-reviews-title">
        <h2 id="vendor-reviews-title">{t('vendors.review.history')}</h2>
        {reviews.length === 0 ? (
          <p>{t('vendors.review.noHistory')}</p>
        ) : (
          <ul data-testid="review-history">
            {reviews.map((review) => (
              <li key={review.id} data-testid="review-item" data-result={review.result}>
                {t('vendors.review.historyLine', {
                  date: formatDate(review.reviewedAt.slice(0, 10), locale),
                  reviewer: review.reviewerName ?? t('vendors.review.unknownReviewer'),
                  from: t(`vendors.status.${review.previousStatus}`),
                  to: t(`vendors.status.${review.result}`),
                })}
                {review.comment ? ` — ${review.comment}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canValidate ? (
        <ReviewForm
          key={`review-${String(vendor.version)}`}
          organizationId={organizationId}
          vendor={vendor}
          onReviewed={(next) => {
            setVendor(next);
            void refreshReviews();
          }}
        />
      ) : null}

      {canValidate ? (
        <TerminatePanel
          organizationId={organizationId}
          vendor={vendor}
          onTerminated={({ activitiesStillUsing, ...next }) => {
            setStillUsing(activitiesStillUsing);
            setVendor(next);
          }}
        />
      ) : null}
      {stillUsing ? (
        <div className="notice" data-testid="terminated-activities" role="status">
          <p>{t('vendors.terminate.done')}</p>
          {stillUsing.length === 0 ? (
            <p>{t('vendors.terminate.noneStillUsing')}</p>
          ) : (
            <>
              <p>{t('vendors.terminate.stillUsing')}</p>
              <ul>
                {stillUsing.map((activity) => (
                  <li key={activity.id}>
                    <Link href={orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`)}>
                      {activity.reference} {activity.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
