'use client';

import { useFieldArray, useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { EMPTY_PARTY } from '../schemas';
import { ACTIVITY_ROLES } from '../types';
import { useEditor } from './editor-context';
import { AddItemButton, FormDate, FormRadios, FormSelect, FormText, FormTextArea, RemoveItemButton } from './form-controls';

/** Name, description, department, owner, our role (and the other controllers), next review. */
export function OverviewTab() {
  const t = useT();
  const { form, departments, owners } = useEditor();
  const role = useWatch({ control: form.control, name: 'role' });
  const jointCount = useWatch({ control: form.control, name: 'jointControllers' }).length;
  const clientCount = useWatch({ control: form.control, name: 'clientControllers' }).length;
  const ownerId = useWatch({ control: form.control, name: 'ownerId' });
  const ownerOptions = owners.map((owner) => ({ value: owner.userId, label: `${owner.name} (${owner.email})`, help: null }));
  // An owner who has since left the organisation stays shown until someone else is chosen.
  if (ownerId !== '' && !owners.some((owner) => owner.userId === ownerId)) {
    ownerOptions.push({ value: ownerId, label: t('activity.formerMember'), help: null });
  }

  return (
    <div className="form-panel">
      <FormText path="name" label={t('activityFields.name')} hint={t('activity.hints.name')} required />
      <FormTextArea path="description" label={t('activityFields.description')} hint={t('activity.hints.description')} rows={4} />
      <div className="form-grid">
        <FormSelect
          path="departmentId"
          label={t('activityFields.department')}
          options={departments.map((department) => ({ value: department.id, label: department.name, help: department.description }))}
          emptyLabel={t('activity.noDepartment')}
        />
        <FormSelect
          path="ownerId"
          label={t('activityFields.owner')}
          hint={t('activity.hints.owner')}
          options={ownerOptions}
          emptyLabel={t('activity.noOwner')}
        />
      </div>
      <FormRadios
        path="role"
        legend={t('activityFields.role')}
        options={ACTIVITY_ROLES.map((value) => ({
          value,
          label: t(`activity.roles.${value}`),
          hint: t(`activity.roleHints.${value}`),
        }))}
      />
      {role === 'joint_controller' || jointCount > 0 ? (
        <PartyList path="jointControllers" title={t('activityFields.jointControllers.label')} hint={t('activity.hints.jointControllers')} />
      ) : null}
      {role === 'processor' || clientCount > 0 ? (
        <PartyList path="clientControllers" title={t('activityFields.clientControllers.label')} hint={t('activity.hints.clientControllers')} />
      ) : null}
      <FormDate path="nextReviewDate" label={t('activityFields.nextReviewDate')} hint={t('activity.hints.nextReviewDate')} />
    </div>
  );
}

function PartyList({ path, title, hint }: { path: 'jointControllers' | 'clientControllers'; title: string; hint: string }) {
  const t = useT();
  const { form } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: path });
  return (
    <section className="list" aria-label={title}>
      <h3 className="list__title">{title}</h3>
      <p className="field__hint">{hint}</p>
      {fields.map((item, index) => (
        <fieldset className="item" key={item.id}>
          <legend>{t(`activityFields.${path}.item`, { position: index + 1 })}</legend>
          <div className="form-grid">
            <FormText path={`${path}.${index}.name`} label={t(`activityFields.${path}.name`)} required />
            <FormText path={`${path}.${index}.contact`} label={t(`activityFields.${path}.contact`)} />
          </div>
          <div className="item__actions">
            <RemoveItemButton
              label={t('activity.actions.removeItem', { item: t(`activityFields.${path}.item`, { position: index + 1 }) })}
              onClick={() => {
                remove(index);
              }}
            />
          </div>
        </fieldset>
      ))}
      <AddItemButton
        path={path}
        label={t(`activity.actions.add.${path}`)}
        onClick={() => {
          append({ ...EMPTY_PARTY });
        }}
      />
    </section>
  );
}
