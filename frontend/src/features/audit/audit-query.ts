/** The audit page's filters as they live in the URL and as the API takes them (the list kit's codec). */
import { defineListQuery, patternField } from '@/components/list/list-query';
import type { ApiSchemas } from '@/lib/api-types';

export interface AuditQuery {
  entityType: string;
  action: string;
  actorUserId: string;
  from: string;
  to: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;
/** Every record type the trail holds, DPIAs, design grids and documents included: each can be a filter. */
export const ENTITY_TYPES = ['Activity', 'Vendor', 'Dpia', 'DesignGrid', 'Evidence', 'RightsRequest', 'Breach', 'Organization', 'Membership', 'Invitation', 'Department', 'CatalogueEntry', 'ActivityTemplate'] as const;
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'import', 'submit', 'validate', 'archive', 'reopen', 'duplicate', 'review', 'terminate', 'upload',
  'resolve', 'request_changes', 'accept',
  'rescreen', 'outside_public_tasks_record', 'outside_public_tasks_withdraw', 'adequacy_scope_confirmed',
  'dpia_create', 'dpia_update', 'dpia_submit', 'dpia_reopen', 'dpia_opinion', 'dpia_decide', 'dpia_newRevision', 'dpia_consultation_answer',
  'rights_request_create', 'rights_request_update', 'rights_request_extend', 'rights_request_identity_check', 'rights_request_start',
  'rights_request_answer', 'rights_request_refuse', 'rights_request_withdraw', 'rights_request_tasks', 'rights_request_identity_erased',
  'breach_create', 'breach_update', 'resend', 'revoke', 'leave',
] as const;

const auditList = defineListQuery<AuditQuery>(
  {
    entityType: patternField(/^[A-Za-z]{1,40}$/),
    action: patternField(/^[a-zA-Z_]{1,40}$/),
    actorUserId: patternField(/^[0-9a-f-]{36}$/i),
    from: patternField(/^\d{4}-\d{2}-\d{2}$/),
    to: patternField(/^\d{4}-\d{2}-\d{2}$/),
  },
  { pageSize: AUDIT_PAGE_SIZE },
);

export const EMPTY_AUDIT_QUERY: AuditQuery = auditList.empty;
export const parseAuditQuery = auditList.parse;
export const auditQueryToSearch = auditList.toSearch;
/** The API query of the audit trail for this page query. */
export const auditEventsSearch = (query: AuditQuery): string => auditList.toApi(query);

export type AuditEvent = ApiSchemas['AuditEventView'];
export type ChainVerification = ApiSchemas['ChainVerificationView'];

/** A value of a change as a person reads it: text as is, lists and objects in short JSON, nothing as a dash. */
export function formatChangeValue(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text === '[]' || text === '{}' ? '—' : text;
}
