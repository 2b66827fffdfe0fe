'use client';

import Link from 'next/link';
import { useState } from 'react';

import { StatusMessage } from '@/components/alerts';
import type { CatalogueItem } from '@/features/activities/types';
import { AdequacyScopePanel } from '@/features/vendors/components/adequacy-scope-panel';
import { DocumentsPanel } from '@/features/vendors/components/documents-panel';
import { DpaPanel } from '@/features/vendors/components/dpa-panel';
import { VendorRecordForm } from '@/features/vendors/components/record-form';
import { ReviewForm } from '@/features/vendors/components/review-form';
import { TerminatePanel } from '@/features/vendors/components/terminate-panel';
import { ReviewHistory, VendorDetails, VendorLinks, VendorTransfers } from '@/features/vendors/components/vendor-sections';
import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import type { LinkedActivity, Review, Vendor, VendorDocument } from '@/features/vendors/types';
import { listDocuments, listReviews } from '@/features/vendors/vendors-api';
import { useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
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
  const canConfirmScope = ability.can('create', 'AdequacyConfirmation') && vendor.status !== 'terminated';
  const canDeleteDocuments = ability.can('delete', 'Evidence');

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
        {editing ? null : <VendorDetails vendor={vendor} mechanisms={mechanisms} />}
      </section>

      <VendorTransfers vendor={vendor} mechanisms={mechanisms} />

      <AdequacyScopePanel organizationId={organizationId} vendor={vendor} canConfirm={canConfirmScope} onConfirmed={setVendor} />

      <DpaPanel organizationId={organizationId} vendor={vendor} documents={documents} canUpdate={canUpdate} onSaved={setVendor} />

      <VendorLinks organizationId={organizationId} vendor={vendor} />

      <DocumentsPanel
        organizationId={organizationId}
        vendorId={vendor.id}
        documents={documents}
        canUpload={canUpload}
        canDelete={canDeleteDocuments}
        onUploaded={() => void refreshDocuments()}
      />

      <ReviewHistory reviews={reviews} />

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
