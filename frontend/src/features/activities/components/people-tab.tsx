'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useFieldArray, useWatch } from 'react-hook-form';

import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import { describeReason } from '@/features/vendors/reasons';
import { useMessages, useT } from '@/i18n/i18n-provider';
import { countryOptions } from '@/lib/countries';
import { orgPath } from '@/lib/paths';

import { codeLabel } from '../catalogue';
import { EMPTY_DATA_SUBJECT, EMPTY_RECIPIENT } from '../schemas';
import { useEditor } from './editor-context';
import { AddItemButton, FormCheckbox, FormSelect, FormText, FormTextArea, RemoveItemButton } from './form-controls';

/** Whose data, who receives them, how people are informed and exercise their rights. */
export function PeopleTab() {
  const t = useT();
  return (
    <div className="form-panel">
      <DataSubjects />
      <Recipients />
      <section className="list" aria-labelledby="people-rights-title">
        <h3 className="list__title" id="people-rights-title">
          {t('activity.sections.informationAndRights')}
        </h3>
        <FormTextArea path="dataSubjectInformation" label={t('activityFields.dataSubjectInformation')} hint={t('activity.hints.information')} rows={3} />
        <FormTextArea path="rightsProcedure" label={t('activityFields.rightsProcedure')} hint={t('activity.hints.rights')} rows={3} />
      </section>
      <ProcessorsAndTransfers />
    </div>
  );
}

function DataSubjects() {
  const t = useT();
  const { form } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'dataSubjects' });
  return (
    <section className="list" aria-labelledby="people-subjects-title">
      <h3 className="list__title" id="people-subjects-title">
        {t('activityFields.dataSubjects.label')}
      </h3>
      <p className="field__hint">{t('activity.intros.dataSubjects')}</p>
      {fields.map((item, index) => (
        <DataSubjectItem
          key={item.id}
          index={index}
          onRemove={() => {
            remove(index);
          }}
        />
      ))}
      <AddItemButton
        path="dataSubjects"
        label={t('activity.actions.add.dataSubjects')}
        testId="add-data-subject"
        onClick={() => {
          append({ ...EMPTY_DATA_SUBJECT });
        }}
      />
    </section>
  );
}

function DataSubjectItem({ index, onRemove }: { index: number; onRemove: () => void }) {
  const t = useT();
  const { form, options, facts } = useEditor();
  const base = `dataSubjects.${index}` as const;
  const category = useWatch({ control: form.control, name: `${base}.category` });
  const itemLabel = t('activityFields.dataSubjects.item', { position: index + 1 });
  return (
    <fieldset className="item" data-testid={`data-subject-${String(index)}`}>
      <legend>{itemLabel}</legend>
      <div className="form-grid">
        <FormSelect
          path={`${base}.category`}
          label={t('activityFields.dataSubjects.category')}
          options={options('data-subject-categories', [category])}
          emptyLabel={t('activity.choose')}
          required
          testId={`data-subject-${String(index)}-category`}
          onPicked={(code) => {
            // Minors, patients…: vulnerable unless the DPO says otherwise.
            if (facts.vulnerableSubjectCategories.has(code)) form.setValue(`${base}.vulnerable`, true, { shouldDirty: true });
          }}
        />
        <FormText
          path={`${base}.estimatedCount`}
          label={t('activityFields.dataSubjects.estimatedCount')}
          hint={t('activity.hints.estimatedCount')}
          inputMode="numeric"
        />
      </div>
      <FormCheckbox path={`${base}.vulnerable`} label={t('activityFields.dataSubjects.vulnerable')} hint={t('activity.hints.vulnerable')} />
      <div className="item__actions">
        <RemoveItemButton label={t('activity.actions.removeItem', { item: itemLabel })} onClick={onRemove} />
      </div>
    </fieldset>
  );
}

function Recipients() {
  const t = useT();
  const { form, options } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'recipients' });
  const categories = useWatch({ control: form.control, name: 'recipients' }).map((recipient) => recipient.category);
  return (
    <section className="list" aria-labelledby="people-recipients-title">
      <h3 className="list__title" id="people-recipients-title">
        {t('activityFields.recipients.label')}
      </h3>
      <p className="field__hint">{t('activity.intros.recipients')}</p>
      {fields.map((item, index) => {
        const itemLabel = t('activityFields.recipients.item', { position: index + 1 });
        return (
          <fieldset className="item" key={item.id} data-testid={`recipient-${String(index)}`}>
            <legend>{itemLabel}</legend>
            <div className="form-grid">
              <FormSelect
                path={`recipients.${index}.category`}
                label={t('activityFields.recipients.category')}
                options={options('recipient-categories', categories)}
                emptyLabel={t('activity.choose')}
                required
              />
              <FormText path={`recipients.${index}.name`} label={t('activityFields.recipients.name')} hint={t('activity.hints.recipientName')} />
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
        path="recipients"
        label={t('activity.actions.add.recipients')}
        onClick={() => {
          append({ ...EMPTY_RECIPIENT });
        }}
      />
    </section>
  );
}

/** Read-only here: processors and transfers are kept with the vendors; their status comes from the vendors' records. */
function ProcessorsAndTransfers() {
  const t = useT();
  const messages = useMessages();
  const { orgId } = useParams<{ orgId: string }>();
  const { processors, transfers, linkedVendors, transferStatuses, catalogues, locale } = useEditor();
  if (processors.length === 0 && transfers.length === 0) return null;
  const countries = countryOptions(locale);
  const countryName = (code: string) => countries.find((country) => country.value === code)?.label ?? code;
  const vendorsByName = new Map(linkedVendors.map((vendor) => [vendor.name.toLowerCase(), vendor]));
  const hasStatuses = transferStatuses.length > 0;
  return (
    <section className="list" aria-labelledby="people-vendors-title" data-testid="processors-transfers">
      <h3 className="list__title" id="people-vendors-title">
        {t('activity.sections.processorsAndTransfers')}
      </h3>
      <p className="field__hint">{t('activity.hints.processorsElsewhere')}</p>
      {processors.length > 0 ? (
        <>
          <h4>{t('activityFields.processors.label')}</h4>
          <ul data-testid="activity-processors">
            {processors.map((processor) => {
              const vendor = vendorsByName.get(processor.toLowerCase());
              if (!vendor) return <li key={processor}>{processor}</li>;
              return (
                <li key={processor} data-testid={`linked-vendor-${vendor.name}`} data-status={vendor.status}>
                  <Link href={orgPath(orgId, `vendors/${encodeURIComponent(vendor.id)}`)}>{vendor.name}</Link>{' '}
                  <VendorStatusBadge status={vendor.status} />
                  {vendor.dpaSigned ? (
                    <span className="tag" data-flag="dpaSigned">
                      {t('vendors.linked.dpaSigned')}
                    </span>
                  ) : (
                    <span className="tag tag--warning" data-flag="dpaMissing">
                      {t('vendors.flags.dpaMissing')}
                    </span>
                  )}
                  {vendor.dpfCertified ? (
                    <span className="tag" data-flag="dpfCertified">
                      {t('vendors.linked.dpfCertified')}
                    </span>
                  ) : null}
                  {vendor.exposed ? (
                    <span className="tag tag--warning" data-flag="exposed">
                      {t('vendors.flags.exposed')}
                    </span>
                  ) : null}
                  {vendor.needsMechanism ? (
                    <span className="tag tag--danger" data-flag="needsMechanism">
                      {t('vendors.flags.needsMechanism')}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {transfers.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="activity-transfers">
            <caption>{t('activityFields.transfers.label')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activityFields.transfers.country')}</th>
                <th scope="col">{t('activityFields.transfers.recipient')}</th>
                <th scope="col">{t('activityFields.transfers.mechanism')}</th>
                <th scope="col">{t('activityFields.transfers.documentation')}</th>
                {hasStatuses ? (
                  <>
                    <th scope="col">{t('vendors.linked.transferStatus')}</th>
                    <th scope="col">{t('vendors.linked.why')}</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {transfers.map((transfer, index) => {
                const assessment = transferStatuses.at(index);
                return (
                  <tr key={`${transfer.country}-${String(index)}`} data-testid={`activity-transfer-${String(index)}`} data-status={assessment?.status}>
                    <td>{countryName(transfer.country)}</td>
                    <td>{transfer.recipient ?? '—'}</td>
                    <td>{transfer.mechanism ? codeLabel(catalogues['transfer-mechanisms'], transfer.mechanism, locale) : '—'}</td>
                    <td>{transfer.documentation ?? '—'}</td>
                    {hasStatuses ? (
                      assessment ? (
                        <>
                          <td>
                            <span className={assessment.needsMechanism ? 'tag tag--danger' : assessment.occasionalOnly ? 'tag tag--warning' : 'tag'}>
                              {t(`vendors.transferStatus.${assessment.status}`)}
                            </span>
                          </td>
                          <td>
                            <ul>
                              {assessment.reasons.map((item, reasonIndex) => (
                                <li key={reasonIndex}>{describeReason(item, t, messages, countryName)}</li>
                              ))}
                            </ul>
                          </td>
                        </>
                      ) : (
                        <>
                          <td>—</td>
                          <td>—</td>
                        </>
                      )
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
