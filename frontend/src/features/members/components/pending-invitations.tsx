'use client';

import { useEffect, useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { RowActions } from '@/components/row-actions';
import { formatDate } from '@/features/activities/history-diff';
import { listInvitations, resendInvitation, revokeInvitation, type Invitation } from '@/features/members/members-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { errorMessage } from '@/lib/forms';
import { rolesLabel } from '@/lib/roles';
import { useApi } from '@/lib/use-api';

/**
 * The invitations still waiting for an answer, for admins: who was invited with which roles, until
 * when, and the way to send a new link (the old one stops working) or to revoke it. `version` changes
 * when the page sends an invitation, so the list follows.
 */
export function PendingInvitations({ organizationId, version }: { organizationId: string; version: number }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ability = useAppAbility();
  const [items, setItems] = useState<Invitation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canManage = ability.can('create', 'Membership');

  useEffect(() => {
    if (!canManage) return;
    let current = true;
    listInvitations(api, organizationId).then(
      (list) => current && setItems(list.items.filter((invitation) => invitation.status === 'pending')),
      (failure: unknown) => current && setError(errorMessage(failure, t)),
    );
    return () => {
      current = false;
    };
  }, [api, organizationId, version, canManage, t]);

  if (!canManage || items === null || (items.length === 0 && !status && !error)) return null;

  async function act(invitation: Invitation, action: 'resend' | 'revoke') {
    setError(null);
    setStatus(null);
    try {
      if (action === 'resend') {
        const renewed = await resendInvitation(api, organizationId, invitation.id);
        setItems((list) => (list ?? []).map((item) => (item.id === invitation.id ? renewed : item)));
        setStatus(t('members.invitations.resent', { email: invitation.email }));
      } else {
        if (!window.confirm(t('members.invitations.confirmRevoke', { email: invitation.email }))) return;
        await revokeInvitation(api, organizationId, invitation.id);
        setItems((list) => (list ?? []).filter((item) => item.id !== invitation.id));
        setStatus(t('members.invitations.revoked', { email: invitation.email }));
      }
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  return (
    <section aria-labelledby="invitations-title" data-testid="pending-invitations">
      <h3 id="invitations-title">{t('members.invitations.title')}</h3>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {items.length === 0 ? (
        <p>{t('members.invitations.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="invitations-title">
            <thead>
              <tr>
                <th scope="col">{t('members.columns.email')}</th>
                <th scope="col">{t('members.columns.role')}</th>
                <th scope="col">{t('members.invitations.expires')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((invitation) => (
                <tr key={invitation.id} data-testid={`invitation-row-${invitation.email}`}>
                  <td>{invitation.email}</td>
                  <td>{rolesLabel(t, invitation.roles)}</td>
                  <td>{formatDate(invitation.expiresAt.slice(0, 10), locale)}</td>
                  <RowActions
                    editLabel={t('members.invitations.resendLabel', { email: invitation.email })}
                    deleteLabel={t('members.invitations.revokeLabel', { email: invitation.email })}
                    editText={t('members.invitations.resend')}
                    deleteText={t('members.invitations.revoke')}
                    onEdit={() => void act(invitation, 'resend')}
                    onDelete={() => void act(invitation, 'revoke')}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
