'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextField, type SelectOption } from '@/components/fields';
import { Pagination } from '@/components/pagination';
import { RowActions } from '@/components/row-actions';
import { addMember, listMembers, removeMember, updateMember } from '@/features/members/members-api';
import {
  addMemberFormToApi,
  editMemberFormToApi,
  EMPTY_ADD_MEMBER_FORM,
  memberToEditForm,
  ZAddMemberSchema,
  ZEditMemberSchema,
  type AddMemberForm,
  type EditMemberForm,
} from '@/features/members/schemas';
import { useT } from '@/i18n/i18n-provider';
import { Can, useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import { ROLES, type Department, type Member, type PageOf } from '@/lib/api-types';
import { applyApiError, errorMessage, SERVER_ERROR_TYPE } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

export function MembersPageContent({
  organizationId,
  initialMembers,
  departments,
}: {
  organizationId: string;
  initialMembers: PageOf<Member>;
  departments: readonly Department[];
}) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  const canUpdate = ability.can('update', 'Membership');
  const canDelete = ability.can('delete', 'Membership');

  const [members, setMembers] = useState(initialMembers);
  const [pageError, setPageError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<Member | null>(null);

  const roleOptions: SelectOption[] = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const departmentOptions: SelectOption[] = departments.map((d) => ({ value: d.id, label: d.name }));
  const departmentName = (id: string | null) => {
    if (id === null) return t('members.noDepartment');
    return departments.find((d) => d.id === id)?.name ?? t('members.unknownDepartment');
  };

  async function loadPage(page: number) {
    try {
      setMembers(await listMembers(api, organizationId, page));
      setPageError(null);
    } catch (error) {
      setPageError(errorMessage(error, t));
    }
  }

  async function handleRemove(member: Member) {
    if (!window.confirm(t('members.confirmRemove', { name: member.name }))) return;
    setStatus(null);
    try {
      await removeMember(api, organizationId, member.id);
      if (editing?.id === member.id) setEditing(null);
      const lastOnPage = members.items.length === 1 && members.page > 1;
      await loadPage(lastOnPage ? members.page - 1 : members.page);
      setStatus(t('members.removed', { name: member.name }));
      router.refresh(); // removing oneself changes the memberships in the header
    } catch (error) {
      setPageError(errorMessage(error, t));
    }
  }

  const showActions = canUpdate || canDelete;

  return (
    <div className="settings-panel">
      <h2 id="members-title">{t('members.title')}</h2>
      <p className="page__intro">{t('members.intro')}</p>
      {canUpdate ? null : (
        <p className="notice" data-testid="read-only-notice">
          {t('common.readOnly')}
        </p>
      )}
      <ErrorAlert>{pageError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>

      {members.items.length === 0 ? (
        <p>{t('members.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="members-title">
            <thead>
              <tr>
                <th scope="col">{t('members.columns.name')}</th>
                <th scope="col">{t('members.columns.email')}</th>
                <th scope="col">{t('members.columns.role')}</th>
                <th scope="col">{t('members.columns.department')}</th>
                {showActions ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.items.map((member) => (
                <tr key={member.id} data-testid={`member-row-${member.email}`}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>{t(`roles.${member.role}`)}</td>
                  <td>{departmentName(member.departmentId)}</td>
                  {showActions ? (
                    <RowActions
                      editLabel={t('members.editLabel', { name: member.name })}
                      deleteLabel={t('members.removeLabel', { name: member.name })}
                      deleteText={t('members.remove')}
                      onEdit={
                        canUpdate
                          ? () => {
                              setStatus(null);
                              setEditing(member);
                            }
                          : undefined
                      }
                      onDelete={canDelete ? () => void handleRemove(member) : undefined}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={members.page}
        pageSize={members.pageSize}
        total={members.total}
        onChange={(page) => {
          void loadPage(page);
        }}
      />

      {editing && canUpdate ? (
        <EditMemberPanel
          key={editing.id}
          member={editing}
          roleOptions={roleOptions}
          departmentOptions={departmentOptions}
          onCancel={() => {
            setEditing(null);
          }}
          onSave={async (values) => {
            await updateMember(api, organizationId, editing.id, editMemberFormToApi(values));
            setEditing(null);
            await loadPage(members.page);
            setStatus(t('members.updated', { name: editing.name }));
            router.refresh(); // one's own role may have changed, and with it the abilities
          }}
        />
      ) : null}

      <Can I="create" a="Membership">
        <AddMemberPanel
          roleOptions={roleOptions}
          departmentOptions={departmentOptions}
          onAdd={async (values) => {
            const invitation = await addMember(api, organizationId, addMemberFormToApi(values));
            await loadPage(members.page);
            setStatus(t('members.invited', { email: invitation.email }));
          }}
        />
      </Can>
    </div>
  );
}

function EditMemberPanel({
  member,
  roleOptions,
  departmentOptions,
  onSave,
  onCancel,
}: {
  member: Member;
  roleOptions: SelectOption[];
  departmentOptions: SelectOption[];
  onSave: (values: EditMemberForm) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditMemberForm>({ resolver: zodResolver(ZEditMemberSchema) });

  useEffect(() => {
    reset(memberToEditForm(member));
    headingRef.current?.focus();
  }, [member, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSave(values);
    } catch (error) {
      setFormError(applyApiError(error, { setError, fields: ['role', 'departmentId'], t }));
    }
  });

  return (
    <section className="card panel" aria-labelledby="edit-member-title">
      <h3 id="edit-member-title" ref={headingRef} tabIndex={-1}>
        {t('members.editTitle', { name: member.name })}
      </h3>
      <form
        className="form"
        noValidate
        aria-labelledby="edit-member-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <SelectField
          id="edit-member-role"
          label={t('members.fields.role')}
          required
          options={roleOptions}
          registration={register('role')}
          error={errors.role}
        />
        <SelectField
          id="edit-member-department"
          label={t('members.fields.department')}
          options={departmentOptions}
          emptyLabel={t('members.noDepartment')}
          registration={register('departmentId')}
          error={errors.departmentId}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AddMemberPanel({
  roleOptions,
  departmentOptions,
  onAdd,
}: {
  roleOptions: SelectOption[];
  departmentOptions: SelectOption[];
  onAdd: (values: AddMemberForm) => Promise<void>;
}) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AddMemberForm>({
    resolver: zodResolver(ZAddMemberSchema),
    defaultValues: EMPTY_ADD_MEMBER_FORM,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onAdd(values);
      reset(EMPTY_ADD_MEMBER_FORM);
    } catch (error) {
      if (isApiError(error, 'user_not_found') || isApiError(error, 'already_member')) {
        // These answers are about the e-mail address: show them next to it.
        setError('email', { type: SERVER_ERROR_TYPE, message: errorMessage(error, t) }, { shouldFocus: true });
        return;
      }
      setFormError(applyApiError(error, { setError, fields: ['email', 'role', 'departmentId'], t }));
    }
  });

  return (
    <section className="card panel" aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t('members.addTitle')}</h3>
      <p className="panel__intro">{t('members.addIntro')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="add-member-title"
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          id="add-member-email"
          label={t('members.fields.email')}
          type="email"
          autoComplete="off"
          required
          registration={register('email')}
          error={errors.email}
        />
        <SelectField
          id="add-member-role"
          label={t('members.fields.role')}
          required
          options={roleOptions}
          registration={register('role')}
          error={errors.role}
        />
        <SelectField
          id="add-member-department"
          label={t('members.fields.department')}
          options={departmentOptions}
          emptyLabel={t('members.noDepartment')}
          registration={register('departmentId')}
          error={errors.departmentId}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('members.adding') : t('members.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
