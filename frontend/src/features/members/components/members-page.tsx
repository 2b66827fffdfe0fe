'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import type { SelectOption } from '@/components/fields';
import { Pagination } from '@/components/list/pagination';
import { RowActions } from '@/components/row-actions';
import { AddMemberPanel, EditMemberPanel } from '@/features/members/components/member-panels';
import { PendingInvitations } from '@/features/members/components/pending-invitations';
import { addMember, listMembers, removeMember, updateMember } from '@/features/members/members-api';
import { addMemberFormToApi, editMemberFormToApi } from '@/features/members/schemas';
import { useT } from '@/i18n/i18n-provider';
import { Can, useAppAbility } from '@/lib/ability-context';
import { ROLES, type Department, type Member, type PageOf } from '@/lib/api-types';
import { errorMessage } from '@/lib/forms';
import { rolesLabel } from '@/lib/roles';
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
  const [invitationsVersion, setInvitationsVersion] = useState(0);

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
  // Said only when the whole list is on this page (another page may hold the DPO).
  const noDpo = members.total <= members.items.length && !members.items.some((member) => member.roles.includes('dpo'));

  return (
    <div className="settings-panel">
      <h2 id="members-title">{t('members.title')}</h2>
      <p className="page__intro">{t('members.intro')}</p>
      {canUpdate ? null : (
        <p className="notice" data-testid="read-only-notice">
          {t('common.readOnly')}
        </p>
      )}
      {noDpo ? (
        <p className="notice notice--warning" role="status" data-testid="no-dpo-warning">
          {t('members.noDpoWarning')}
        </p>
      ) : null}
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
                  <td>{rolesLabel(t, member.roles)}</td>
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

      <PendingInvitations organizationId={organizationId} version={invitationsVersion} />

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
            setInvitationsVersion((version) => version + 1);
            setStatus(t('members.invited', { email: invitation.email }));
          }}
        />
      </Can>
    </div>
  );
}
