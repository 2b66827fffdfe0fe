'use client';

import { useId, useState, type SubmitEvent } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { DOCUMENT_KINDS, type VendorDocument } from '../types';
import { deleteDocument, documentPath, uploadDocument } from '../vendors-api';

function formatSize(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${format.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes / (1024 * 1024))} MB`;
}

/** The vendor's evidence: download links, and an upload form for those allowed. */
export function DocumentsPanel({
  organizationId,
  vendorId,
  documents,
  canUpload,
  canDelete = false,
  onUploaded,
}: {
  organizationId: string;
  vendorId: string;
  documents: readonly VendorDocument[];
  canUpload: boolean;
  /** The server decides per document (DPO, admin, or its uploader; never the vendor's DPA or TIA). */
  canDelete?: boolean;
  /** After an upload or a deletion: the list is read again. */
  onUploaded: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ids = useId();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [listError, setListError] = useState<string | null>(null);

  async function onDelete(document: VendorDocument) {
    if (!window.confirm(t('vendors.documents.confirmDelete', { name: document.fileName }))) return;
    setListError(null);
    setSaved('');
    try {
      await deleteDocument(api, organizationId, vendorId, document.id);
      setSaved(t('vendors.documents.deleted', { name: document.fileName }));
      onUploaded();
    } catch (caught) {
      setListError(errorMessage(caught, t));
    }
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    const kind = data.get('kind');
    setError(null);
    setSaved('');
    if (!(file instanceof File) || file.size === 0) {
      setError(t('vendors.documents.chooseFile'));
      return;
    }
    setBusy(true);
    try {
      await uploadDocument(api, organizationId, vendorId, file, typeof kind === 'string' ? kind : 'other');
      form.reset();
      setSaved(t('vendors.documents.uploaded'));
      onUploaded();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="vendor-section" aria-labelledby="vendor-documents-title" data-testid="vendor-documents">
      <h2 id="vendor-documents-title">{t('vendors.documents.title')}</h2>
      {documents.length === 0 ? (
        <p>{t('vendors.documents.empty')}</p>
      ) : (
        <ul>
          {documents.map((document) => (
            <li key={document.id} data-testid={`document-${document.id}`}>
              <a href={documentPath(organizationId, vendorId, document.id)} download={document.fileName}>
                {document.fileName}
              </a>{' '}
              <span className="muted">
                {t('vendors.documents.meta', {
                  kind: t(`vendors.documents.kinds.${document.kind}`),
                  size: formatSize(document.sizeBytes, locale),
                  date: formatDate(document.uploadedAt.slice(0, 10), locale),
                })}
              </span>
              {canDelete ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--small button--danger"
                    data-testid={`document-delete-${document.id}`}
                    aria-label={t('vendors.documents.deleteNamed', { name: document.fileName })}
                    onClick={() => void onDelete(document)}
                  >
                    {t('vendors.documents.delete')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div data-testid="document-list-error">{listError ? <ErrorAlert>{listError}</ErrorAlert> : null}</div>
      {canUpload ? null : <StatusMessage>{saved}</StatusMessage>}
      {canUpload ? (
        <form onSubmit={(event) => void onSubmit(event)} data-testid="document-upload">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-file`}>
              {t('vendors.documents.file')}
            </label>
            <input id={`${ids}-file`} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx" data-testid="document-file" />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-kind`}>
              {t('vendors.documents.kind')}
            </label>
            <select id={`${ids}-kind`} name="kind" className="field__control" defaultValue="dpa" data-testid="document-kind">
              {DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`vendors.documents.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          <StatusMessage>{saved}</StatusMessage>
          <button type="submit" className="button" disabled={busy} data-testid="document-upload-submit">
            {t('vendors.documents.upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
