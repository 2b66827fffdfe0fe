/** The audit page's filters as they live in the URL and as the API takes them. Pure. */
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
export const ENTITY_TYPES = ['Activity', 'Vendor', 'Dpia', 'DesignGrid', 'Evidence', 'RightsRequest', 'Breach', 'Organization', 'Membership', 'Invitation', 'Department', 'CatalogueEntry'] as const;
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'import', 'submit', 'validate', 'archive', 'reopen', 'duplicate', 'review', 'terminate', 'upload',
  'resolve', 'request_changes', 'accept',
  'dpia_create', 'dpia_update', 'dpia_submit', 'dpia_reopen', 'dpia_opinion', 'dpia_decide', 'dpia_newRevision',
  'rights_request_create', 'rights_request_update', 'rights_request_extend', 'rights_request_identity_check', 'rights_request_start',
  'rights_request_answer', 'rights_request_refuse', 'rights_request_withdraw',
  'breach_create', 'breach_update', 'resend', 'revoke', 'leave',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export function parseAuditQuery(params: Readonly<Record<string, string | string[] | undefined>>): AuditQuery {
  const page = Number(first(params.page));
  return {
    entityType: /^[A-Za-z]{1,40}$/.test(first(params.entityType)) ? first(params.entityType) : '',
    action: /^[a-zA-Z_]{1,40}$/.test(first(params.action)) ? first(params.action) : '',
    actorUserId: UUID.test(first(params.actorUserId)) ? first(params.actorUserId) : '',
    from: DATE.test(first(params.from)) ? first(params.from) : '',
    to: DATE.test(first(params.to)) ? first(params.to) : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function search(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['entityType', 'action', 'actorUserId', 'from', 'to'] as const) if (query[key]) params.set(key, query[key]);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

export function auditQueryToSearch(query: AuditQuery): string {
  const text = search(query).toString();
  return text ? `?${text}` : '';
}

/** The API query of the audit trail for this page query. */
export function auditEventsSearch(query: AuditQuery): string {
  const params = search(query);
  params.set('pageSize', String(AUDIT_PAGE_SIZE));
  return params.toString();
}

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
