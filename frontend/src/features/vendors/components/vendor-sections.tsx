'use client';

import Link from 'next/link';

import { codeLabel } from '@/features/activities/catalogue';
import { formatDate } from '@/features/activities/history-diff';
import type { CatalogueItem } from '@/features/activities/types';
import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import { describeReason } from '@/features/vendors/reasons';
import type { Review, Vendor } from '@/features/vendors/types';
import { useLocale, useMessages, useT } from '@/i18n/i18n-provider';
import { countryName } from '@/lib/countries';
import { orgPath } from '@/lib/paths';

/** Country and mechanism names, and a transfer reason as a sentence, in the reader's language. */
function useVendorWords(mechanisms: readonly CatalogueItem[]) {
  const t = useT();
  const locale = useLocale();
  const messages = useMessages();
  const name = (code: string) => countryName(code, locale);
  const mechanismName = (code: string) => codeLabel(mechanisms, code, locale);
  const reason = (item: { code: string; params: Record<string, string> }) => describeReason(item, t, messages, name, mechanismName, (date) => formatDate(date, locale));
  return { t, locale, name, mechanismName, reason };
}

/** The vendor's record as read (the record form replaces it while editing). */
export function VendorDetails({ vendor, mechanisms }: { vendor: Vendor; mechanisms: readonly CatalogueItem[] }) {
  const { t, locale, name, mechanismName } = useVendorWords(mechanisms);
  const { assessment } = vendor;
  return (
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
      <dt>{t('vendors.detail.contacts')}</dt>
      <dd data-testid="vendor-contacts">
        {vendor.contacts.length === 0 ? (
          t('vendors.contacts.none')
        ) : (
          <ul className="vendor-contacts">
            {vendor.contacts.map((contact, index) => (
              <li key={index} data-testid={`vendor-contact-${String(index)}`}>
                <span className="vendor-contacts__role">{contact.role}</span> — {contact.name}
                {contact.email ? (
                  <>
                    <br />
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </>
                ) : null}
                {contact.phone ? (
                  <>
                    <br />
                    <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

/** Where the vendor's data goes, each country's transfer status and why; its exposure to foreign law. */
export function VendorTransfers({ vendor, mechanisms }: { vendor: Vendor; mechanisms: readonly CatalogueItem[] }) {
  const { t, name, reason } = useVendorWords(mechanisms);
  const { assessment } = vendor;
  return (
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
  );
}

/** The activities that use the vendor, its sub-processor chain and the vendors that use it. */
export function VendorLinks({ organizationId, vendor }: { organizationId: string; vendor: Vendor }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

/** The reviews, newest first. */
export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  const t = useT();
  const locale = useLocale();
  return (
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
  );
}
