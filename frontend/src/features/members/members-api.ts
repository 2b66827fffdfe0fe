import type { ApiClient } from '@/lib/api-client';
import type { Member, MemberCreate, MemberPatch, PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

export const MEMBERS_PAGE_SIZE = 20;

export function membersPath(organizationId: string, page: number, pageSize = MEMBERS_PAGE_SIZE): string {
  return `${orgApiPath(organizationId, 'members')}?page=${String(page)}&pageSize=${String(pageSize)}`;
}

export function listMembers(api: ApiClient, organizationId: string, page: number): Promise<PageOf<Member>> {
  return api.get<PageOf<Member>>(membersPath(organizationId, page));
}

/** 404 `user_not_found` when no account has that e-mail; 409 `already_member`. */
/** An invitation sent to the address, as the server answers it (never the name of an existing account). */
export interface SentInvitation {
  id: string;
  email: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

/** Invites the address: the person becomes a member once they accept the e-mailed link. */
export function addMember(api: ApiClient, organizationId: string, body: MemberCreate): Promise<SentInvitation> {
  return api.post<SentInvitation>(orgApiPath(organizationId, 'members'), body);
}

/** 409 `last_admin` when this would leave the organisation without an admin. */
export function updateMember(
  api: ApiClient,
  organizationId: string,
  memberId: string,
  patch: MemberPatch,
): Promise<Member> {
  return api.patch<Member>(orgApiPath(organizationId, `members/${encodeURIComponent(memberId)}`), patch);
}

export function removeMember(api: ApiClient, organizationId: string, memberId: string): Promise<undefined> {
  return api.delete(orgApiPath(organizationId, `members/${encodeURIComponent(memberId)}`));
}
