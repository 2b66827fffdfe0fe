'use client';

import { dateInWords } from '@domain/words/dates';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useController, useFieldArray, useWatch } from 'react-hook-form';

import { TEXT_LIMITS } from '@domain/field-limits';

import { ErrorAlert } from '@/components/alerts';
import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import { describeReason } from '@/features/vendors/reasons';
import type { VendorStatus } from '@/features/vendors/types';
import { createVendor, searchVendors } from '@/features/vendors/vendors-api';
import { useMessages, useT } from '@/i18n/i18n-provider';
import { countryName, countryOptions } from '@/lib/countries';
import { errorMessage } from '@/lib/forms';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

import { codeLabel } from '../catalogue';
import { fieldDomId } from '../field-paths';
import { EMPTY_TRANSFER } from '../schemas';
import { knownVendorOf, liveTransferStatuses, transferFactsOf, vendorNamed, withProcessor, type KnownVendor } from '../transfers';
import { useKitFieldError } from '@/components/form/form-kit';

import { useEditor } from './editor-context';
import { AddItemButton, FormSelect, FormText, RemoveItemButton } from './form-controls';
import { useFieldErrorText } from '@/components/fields';

/** How long typing pauses before the vendor search asks the API. */
const SEARCH_DELAY_MS = 250;

/**
 * The processors (vendors of the organisation, or new ones proposed on the spot) and the transfers
 * outside the EEA, edited with the rest of the activity; each transfer's status as the server's rule
 * computes it, live.
 */
export function ProcessorsAndTransfers() {
  const t = useT();
  const { linkedVendors } = useEditor();
  // Every vendor the editor has seen (linked ones, search results, proposals): names → status, DPF.
  const [known, setKnown] = useState<KnownVendor[]>(() => linkedVendors.map((vendor) => ({ ...vendor })));
  const remember = useCallback((vendors: readonly KnownVendor[]) => {
    setKnown((current) => {
      const byId = new Map(current.map((vendor) => [vendor.id, vendor]));
      for (const vendor of vendors) byId.set(vendor.id, vendor);
      return [...byId.values()];
    });
  }, []);
  return (
    <section className="list" aria-labelledby="people-vendors-title" data-testid="processors-transfers">
      <h3 className="list__title" id="people-vendors-title">
        {t('activity.sections.processorsAndTransfers')}
      </h3>
      <Processors known={known} remember={remember} />
      <Transfers known={known} />
    </section>
  );
}

function Processors({ known, remember }: { known: readonly KnownVendor[]; remember: (vendors: readonly KnownVendor[]) => void }) {
  const t = useT();
  const api = useApi();
  const ids = useId();
  const { orgId } = useParams<{ orgId: string }>();
  const { form, readOnly, linkedVendors } = useEditor();
  const { field } = useController({ control: form.control, name: 'processors' });
  const processors = field.value;
  // The server's problem with the list (a processor without a contract…) is set on its root.
  const listError = useKitFieldError('processors');
  const rootError = useKitFieldError('processors.root');
  const errorText = useFieldErrorText(rootError ?? listError);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<KnownVendor[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The picker's options: the organisation's vendors matching what is typed (by name, from the API).
  useEffect(() => {
    if (readOnly) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      searchVendors(api, orgId, query)
        .then((items) => {
          if (cancelled) return;
          const vendors = items.map(knownVendorOf);
          setOptions(vendors);
          remember(vendors);
        })
        .catch(() => {
          // The picker still takes a typed name; a failed search only leaves the list as it was.
        });
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, orgId, query, readOnly, remember]);

  const typed = query.trim();
  const match = vendorNamed(known, typed);
  const already = typed !== '' && vendorNamed(processors.map((name) => ({ name })), typed) !== null;

  function add(name: string) {
    field.onChange(withProcessor(processors, name));
    setQuery('');
    setError(null);
  }

  async function propose() {
    setBusy(true);
    setError(null);
    try {
      // A vendor the organisation does not know yet: proposed to the DPO (under review) now, so the
      // activity can name it when saved.
      const created = await createVendor(api, orgId, { name: typed });
      remember([knownVendorOf(created)]);
      add(created.name);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  const linkedByName = new Map(linkedVendors.map((vendor) => [vendor.name.toLowerCase(), vendor]));
  const listId = `${ids}-vendors`;
  const inputId = fieldDomId('processors');
  return (
    <div className="processors" data-testid="activity-processors-editor">
      <h4>{t('activityFields.processors.label')}</h4>
      <p className="field__hint">{t('activity.hints.processorsPicker')}</p>
      {processors.length === 0 ? <p>{t('activity.processors.none')}</p> : null}
      <ul className="processor-list" data-testid="activity-processors">
        {processors.map((name) => {
          const vendor = vendorNamed(known, name);
          const linked = linkedByName.get(name.toLowerCase());
          return (
            <li key={name.toLowerCase()} className="processor-list__item" data-testid={`processor-${name}`}>
              {vendor ? <Link href={orgPath(orgId, `vendors/${encodeURIComponent(vendor.id)}`)}>{name}</Link> : <span>{name}</span>}{' '}
              {vendor ? <VendorStatusBadge status={vendor.status as VendorStatus} /> : null}
              {linked ? (
                <>
                  {linked.dpaSigned ? (
                    <span className="tag" data-flag="dpaSigned">
                      {t('vendors.linked.dpaSigned')}
                    </span>
                  ) : (
                    <span className="tag tag--warning" data-flag="dpaMissing">
                      {t('vendors.flags.dpaMissing')}
                    </span>
                  )}
                  {linked.dpfCertified ? (
                    <span className="tag" data-flag="dpfCertified">
                      {t('vendors.linked.dpfCertified')}
                    </span>
                  ) : null}
                  {linked.exposed ? (
                    <span className="tag tag--warning" data-flag="exposed">
                      {t('vendors.flags.exposed')}
                    </span>
                  ) : null}
                  {linked.needsMechanism ? (
                    <span className="tag tag--danger" data-flag="needsMechanism">
                      {t('vendors.flags.needsMechanism')}
                    </span>
                  ) : null}
                </>
              ) : null}{' '}
              <RemoveItemButton
                label={t('activity.actions.removeItem', { item: name })}
                onClick={() => {
                  field.onChange(processors.filter((processor) => processor !== name));
                }}
              />
            </li>
          );
        })}
      </ul>
      {readOnly ? null : (
        <div className="processor-picker">
          <div className={errorText ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={inputId}>
              {t('activity.processors.search')}
            </label>
            <input
              id={inputId}
              className="field__control"
              type="search"
              list={listId}
              autoComplete="off"
              value={query}
              data-testid="processor-search"
              onChange={(event) => {
                setQuery(event.target.value);
              }}
              onKeyDown={(event) => {
                // Enter picks the vendor typed rather than submitting the whole activity.
                if (event.key !== 'Enter') return;
                event.preventDefault();
                if (match && !already) add(match.name);
              }}
            />
            <datalist id={listId}>
              {options
                .filter((option) => !vendorNamed(processors.map((name) => ({ name })), option.name))
                .map((option) => (
                  <option key={option.id} value={option.name} />
                ))}
            </datalist>
            {errorText ? <p className="field__error">{errorText}</p> : null}
          </div>
          <div className="processor-picker__actions">
            {match ? (
              <button
                type="button"
                className="button button--small"
                data-testid="processor-add"
                disabled={already}
                onClick={() => {
                  add(match.name);
                }}
              >
                {already ? t('activity.processors.already', { name: match.name }) : t('activity.processors.add', { name: match.name })}
              </button>
            ) : typed !== '' ? (
              <button
                type="button"
                className="button button--small"
                data-testid="processor-propose"
                disabled={busy || typed.length > TEXT_LIMITS.short}
                onClick={() => {
                  void propose();
                }}
              >
                {t('activity.processors.propose', { name: typed })}
              </button>
            ) : null}
          </div>
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        </div>
      )}
    </div>
  );
}

function Transfers({ known }: { known: readonly KnownVendor[] }) {
  const t = useT();
  const messages = useMessages();
  const { form, catalogues, locale, options, scopeConfirmations } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'transfers' });
  const rows = useWatch({ control: form.control, name: 'transfers' });
  const facts = useMemo(() => transferFactsOf(catalogues), [catalogues]);
  const statuses = liveTransferStatuses(rows, facts, known, scopeConfirmations);
  const countries = useMemo(() => countryOptions(locale).map((country) => ({ ...country, help: null })), [locale]);
  const mechanisms = options(
    'transfer-mechanisms',
    rows.map((row) => row.mechanism),
  );
  const recipientListId = `${useId()}-recipients`;
  const nameOfCountry = (code: string) => countryName(code, locale);
  const nameOfMechanism = (code: string) => codeLabel(catalogues['transfer-mechanisms'], code, locale);
  return (
    <div className="transfers" data-testid="activity-transfers">
      <h4>{t('activityFields.transfers.label')}</h4>
      <p className="field__hint">{t('activity.hints.transfers')}</p>
      <datalist id={recipientListId}>
        {known.map((vendor) => (
          <option key={vendor.id} value={vendor.name} />
        ))}
      </datalist>
      {fields.map((item, index) => {
        const base = `transfers.${index}` as const;
        const itemLabel = t('activityFields.transfers.item', { position: index + 1 });
        const assessment = statuses[index] ?? null;
        return (
          <fieldset className="item" key={item.id} data-testid={`transfer-${String(index)}`} data-status={assessment?.status ?? ''}>
            <legend>{itemLabel}</legend>
            <div className="form-grid">
              <FormSelect
                path={`${base}.country`}
                label={t('activityFields.transfers.country')}
                options={countries}
                emptyLabel={t('activity.choose')}
                required
                testId={`transfer-${String(index)}-country`}
              />
              <FormText path={`${base}.recipient`} label={t('activityFields.transfers.recipient')} hint={t('activity.hints.transferRecipient')} />
              <FormSelect
                path={`${base}.mechanism`}
                label={t('activityFields.transfers.mechanism')}
                options={mechanisms}
                emptyLabel={t('activity.transfers.noMechanism')}
                testId={`transfer-${String(index)}-mechanism`}
              />
              <FormText path={`${base}.documentation`} label={t('activityFields.transfers.documentation')} hint={t('activity.hints.transferDocumentation')} />
            </div>
            <RecipientList inputId={fieldDomId(`${base}.recipient`)} listId={recipientListId} />
            <div className="transfer-status" aria-live="polite" data-testid={`transfer-${String(index)}-status`}>
              {assessment ? (
                <>
                  <p>
                    <span className="field__label">{t('vendors.linked.transferStatus')} </span>
                    <span className={assessment.needsMechanism ? 'tag tag--danger' : assessment.occasionalOnly ? 'tag tag--warning' : 'tag'} data-status={assessment.status}>
                      {t(`vendors.transferStatus.${assessment.status}`)}
                    </span>
                    {assessment.tiaRequired ? <span className="tag tag--warning">{t('activity.transfers.tiaExpected')}</span> : null}
                  </p>
                  <ul className="transfer-status__reasons">
                    {assessment.reasons.map((reason, reasonIndex) => (
                      <li key={reasonIndex}>{describeReason(reason, t, messages, nameOfCountry, nameOfMechanism, (date) => dateInWords(date, locale) ?? date)}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="field__hint">{t('activity.transfers.pickCountry')}</p>
              )}
            </div>
            <div className="item__actions">
              <RemoveItemButton
                label={t('activity.actions.removeItem', { item: itemLabel })}
                onClick={() => {
                  remove(index);
                }}
              />
            </div>
          </fieldset>
        );
      })}
      <AddItemButton
        path="transfers"
        label={t('activity.actions.add.transfers')}
        testId="add-transfer"
        onClick={() => {
          append({ ...EMPTY_TRANSFER });
        }}
      />
    </div>
  );
}

/** Ties a recipient text box to the list of known vendors (FormText renders the input itself). */
function RecipientList({ inputId, listId }: { inputId: string; listId: string }) {
  useEffect(() => {
    document.getElementById(inputId)?.setAttribute('list', listId);
  }, [inputId, listId]);
  return null;
}
