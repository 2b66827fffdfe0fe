import type { components } from '@/lib/api/schema';
import { unwrap, type TypedApiClient } from '@/lib/api-client';
import type { MemberCreate, MemberPatch } from '@/lib/api-types';

export const MEMBERS_PAGE_SIZE = 20;

export function listMembers(api: TypedApiClient, organizationId: string, page: number, pageSize = MEMBERS_PAGE_SIZE) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/members', { params: { path: { orgId: organizationId }, query: { page, pageSize } } }));
}

/** Invites the address: the person becomes a member once they accept the e-mailed link. The answer is the invitation, never the name of an existing account. */
export function addMember(api: TypedApiClient, organizationId: string, body: MemberCreate) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/members', { params: { path: { orgId: organizationId } }, body }));
}

/** 409 `last_admin` when this would leave the organisation without an admin. */
export function updateMember(api: TypedApiClient, organizationId: string, memberId: string, patch: MemberPatch) {
  return unwrap(api.PATCH('/api/v1/organizations/{orgId}/members/{memberId}', { params: { path: { orgId: organizationId, memberId } }, body: patch }));
}

export function removeMember(api: TypedApiClient, organizationId: string, memberId: string) {
  return unwrap(api.DELETE('/api/v1/organizations/{orgId}/members/{memberId}', { params: { path: { orgId: organizationId, memberId } } }));
}

export type Invitation = components['schemas']['InvitationView'];

/** The organisation's invitations, whatever their state (the page shows the pending ones). */
export function listInvitations(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/invitations', { params: { path: { orgId: organizationId } } }));
}

/** A new link, valid 7 more days; the previous one stops working. */
export function resendInvitation(api: TypedApiClient, organizationId: string, invitationId: string) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/invitations/{invitationId}/resend', { params: { path: { orgId: organizationId, invitationId } } }));
}

export function revokeInvitation(api: TypedApiClient, organizationId: string, invitationId: string) {
  return unwrap(api.DELETE('/api/v1/organizations/{orgId}/invitations/{invitationId}', { params: { path: { orgId: organizationId, invitationId } } }));
}
