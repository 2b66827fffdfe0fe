'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { Fragment, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';

import { dateInWords } from '@domain/words/dates';

import { ConflictAlert } from '@/components/alerts';
import { DisclosureForm } from '@/components/disclosure-form';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import type { OwnerOption } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { useApi } from '@/lib/use-api';
import { useVersionedFormSubmit } from '@/lib/use-api-form-submit';

import type { LinkedRecord } from '../linked-records';
import { updateRequestTasks } from '../registers-api';
import { requestTasksDefaults, requestTasksToBody, ZRequestTasksSchema, type RequestTasksForm } from '../task-forms';
import type { RightsRequestDetail } from '../types';

/**
 * The work the request asks for: for each activity it touches, who extracts and who erases the data;
 * for each vendor of those activities, when it was asked to act and when it confirmed (Art 17 and 19).
 * Everyone who reads the request sees it; admins and DPOs change it, with the version read.
 */
export function RequestTasksPanel({
  organizationId,
  request,
  activities,
  members,
}: {
  organizationId: string;
  request: RightsRequestDetail;
  activities: readonly LinkedRecord[];
  members: readonly OwnerOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const ability = useAppAbility();
  const { tasks } = request;
  const activityLabel = (id: string) => activities.find((activity) => activity.id === id)?.label ?? t('rightsRequests.tasks.otherActivity');
  const memberName = (id: string | null) => (id ? (members.find((member) => member.userId === id)?.name ?? t('rightsRequests.tasks.formerMember')) : t('rightsRequests.tasks.nobody'));
  const day = (value: string | null) => dateInWords(value, locale) ?? t('rightsRequests.tasks.notYet');
  const empty = tasks.activities.length === 0 && tasks.processors.length === 0;
  return (
    <section className="request-tasks" aria-labelledby="request-tasks-title" data-testid="request-tasks">
      <h2 id="request-tasks-title">{t('rightsRequests.tasks.title')}</h2>
      <p className="field__hint">{t('rightsRequests.tasks.hint')}</p>
      {empty ? <p>{t('rightsRequests.tasks.empty')}</p> : null}
      <TaskList
        title={t('rightsRequests.tasks.activitiesTitle')}
        items={tasks.activities.map((task) => ({
          key: task.activityId,
          testId: 'activity-task',
          name: activityLabel(task.activityId),
          facts: [
            [t('rightsRequests.tasks.extractedBy'), memberName(task.extractedBy)],
            [t('rightsRequests.tasks.erasedBy'), memberName(task.erasedBy)],
          ],
          note: task.note,
        }))}
      />
      <TaskList
        title={t('rightsRequests.tasks.processorsTitle')}
        items={tasks.processors.map((task) => ({
          key: task.vendorId,
          testId: 'processor-task',
          confirmed: Boolean(task.confirmedOn),
          name: (
            <>
              {task.vendorName}{' '}
              <span className={`clock ${task.confirmedOn ? 'clock--ok' : task.askedOn ? 'clock--soon' : 'clock--done'}`}>
                {t(task.confirmedOn ? 'rightsRequests.tasks.confirmed' : task.askedOn ? 'rightsRequests.tasks.waiting' : 'rightsRequests.tasks.notAsked')}
              </span>
            </>
          ),
          facts: [
            [t('rightsRequests.tasks.askedOn'), day(task.askedOn)],
            [t('rightsRequests.tasks.confirmedOn'), day(task.confirmedOn)],
          ],
          note: task.note,
        }))}
      />
      {!empty && ability.can('update', 'RightsRequest') ? (
        // Keyed on the version: after a save the form starts again from what the server now holds.
        <RequestTasksForm key={request.version} organizationId={organizationId} request={request} activityLabel={activityLabel} members={members} />
      ) : null}
    </section>
  );
}

/** One task of the panel, whatever its kind: its name, two facts (label, value) and the DPO's note. */
interface TaskItem {
  key: string;
  testId: string;
  /** Processor tasks only: whether the vendor confirmed (read by the browser tests). */
  confirmed?: boolean;
  name: ReactNode;
  facts: readonly (readonly [label: string, value: string])[];
  note: string | null;
}

/** The activity tasks and the processor tasks are listed alike; nothing at all when there are none. */
function TaskList({ title, items }: { title: string; items: readonly TaskItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="task-list">
        {items.map((item) => (
          <li key={item.key} className="task-list__item" data-testid={item.testId} data-confirmed={item.confirmed === undefined ? undefined : String(item.confirmed)}>
            <p className="task-list__name">{item.name}</p>
            <dl className="detail-list detail-list--compact">
              {item.facts.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
              {item.note ? (
                <>
                  <dt>{t('rightsRequests.tasks.note')}</dt>
                  <dd>{item.note}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function RequestTasksForm({
  organizationId,
  request,
  activityLabel,
  members,
}: {
  organizationId: string;
  request: RightsRequestDetail;
  activityLabel: (id: string) => string;
  members: readonly OwnerOption[];
}) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const form = useForm<RequestTasksForm>({ resolver: zodResolver(ZRequestTasksSchema), defaultValues: requestTasksDefaults(request.tasks) });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.name }));
  const { formError, conflict, onSubmit } = useVersionedFormSubmit(form, [], async (values) => {
    await updateRequestTasks(api, organizationId, request.id, requestTasksToBody(values, request.version));
    router.refresh();
  });

  return (
    <DisclosureForm
      testId="request-tasks-edit"
      title={t('rightsRequests.tasks.editTitle')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('rightsRequests.tasks.submit')}
      submitTestId="request-tasks-submit"
      submitting={isSubmitting}
    >
      {conflict ? <ConflictAlert message={t('rightsRequests.edit.conflict')} reloadLabel={t('rightsRequests.edit.reload')} testId="request-tasks" /> : null}
      {request.tasks.activities.map((task, index) => (
        <fieldset key={task.activityId} className="task-fieldset">
          <legend>{activityLabel(task.activityId)}</legend>
          <SelectField
            id={`task-activity-${index}-extractedBy`}
            label={t('rightsRequests.tasks.extractedBy')}
            emptyLabel={t('rightsRequests.tasks.nobody')}
            options={memberOptions}
            registration={register(`activities.${index}.extractedBy`)}
            error={errors.activities?.[index]?.extractedBy}
          />
          <SelectField
            id={`task-activity-${index}-erasedBy`}
            label={t('rightsRequests.tasks.erasedBy')}
            emptyLabel={t('rightsRequests.tasks.nobody')}
            options={memberOptions}
            registration={register(`activities.${index}.erasedBy`)}
            error={errors.activities?.[index]?.erasedBy}
          />
          <TextAreaField id={`task-activity-${index}-note`} rows={2} label={t('rightsRequests.tasks.note')} registration={register(`activities.${index}.note`)} error={errors.activities?.[index]?.note} />
        </fieldset>
      ))}
      {request.tasks.processors.map((task, index) => (
        <fieldset key={task.vendorId} className="task-fieldset">
          <legend>{task.vendorName}</legend>
          <TextField id={`task-processor-${index}-askedOn`} type="date" label={t('rightsRequests.tasks.askedOn')} registration={register(`processors.${index}.askedOn`)} error={errors.processors?.[index]?.askedOn} />
          <TextField
            id={`task-processor-${index}-confirmedOn`}
            type="date"
            label={t('rightsRequests.tasks.confirmedOn')}
            registration={register(`processors.${index}.confirmedOn`)}
            error={errors.processors?.[index]?.confirmedOn}
          />
          <TextAreaField id={`task-processor-${index}-note`} rows={2} label={t('rightsRequests.tasks.note')} registration={register(`processors.${index}.note`)} error={errors.processors?.[index]?.note} />
        </fieldset>
      ))}
    </DisclosureForm>
  );
}
