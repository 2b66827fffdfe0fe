import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import type { OrganizationAccess } from '../authorization/request-auth';
import type { BreachRisk } from '../domain/breaches/breach.types';
import { breachReference } from '../domain/breaches/breach.types';
import { translate, type Locale } from '../common/i18n/i18n';
import { DEFAULT_TIME_ZONE, localDate } from '../domain/deadlines/legal-deadlines';
import { requestReference, type RequestStatus, type RequestType } from '../domain/rights-requests/rights-request.types';
import type { Finding } from './finding.types';
import type { IntakeRegisters } from './intake-register-rules';

/**
 * The part of the findings fingerprint that moves with time for the intake registers: the day in the
 * organisation's time zone (requests fall due at its midnight, not UTC's) and the number of breaches
 * whose 72 hours have run out (a breach becomes late at an instant, not at a new day).
 */
export const INTAKE_CLOCK = `(now() AT TIME ZONE '${DEFAULT_TIME_ZONE}')::date,
              (SELECT count(*) FROM breaches WHERE organization_id = $1 AND aware_at + interval '72 hours' < now())`;

/** The open rights requests and every breach of the organisation: two queries, in the tenant transaction. */
export async function loadIntakeRegisters(manager: EntityManager, organizationId: string): Promise<IntakeRegisters> {
  const [[{ now }], requests, breaches] = await Promise.all([
    manager.query<{ now: Date }[]>('SELECT now() AS now'),
    // Open requests (their clock), and answered erasures with the vendors that have not confirmed yet.
    manager.query<{ id: string; number: number; type: RequestType; status: RequestStatus; received_at: Date; due: string; unconfirmed: string[]; recorded_by: string | null }[]>(
      `SELECT r.id, r.number, r.recorded_by, r.type, r.status, r.received_at, coalesce(r.extended_due_on, r.due_on)::text AS due,
              CASE WHEN r.type = 'erasure' AND r.status = 'answered' THEN ARRAY(
                SELECT v.name FROM vendors v
                 WHERE v.organization_id = r.organization_id
                   AND (v.id IN (SELECT p.vendor_id FROM rights_request_activities l
                                   JOIN activity_processors p ON p.organization_id = l.organization_id AND p.activity_id = l.activity_id
                                  WHERE l.organization_id = r.organization_id AND l.request_id = r.id)
                        OR v.id IN (SELECT t.vendor_id FROM rights_request_processor_tasks t WHERE t.organization_id = r.organization_id AND t.request_id = r.id))
                   AND NOT EXISTS (SELECT 1 FROM rights_request_processor_tasks t
                                    WHERE t.organization_id = r.organization_id AND t.request_id = r.id AND t.vendor_id = v.id AND t.confirmed_on IS NOT NULL)
                 ORDER BY lower(v.name)) ELSE '{}' END AS unconfirmed
       FROM rights_requests r
       WHERE r.organization_id = $1 AND (r.status IN ('received', 'identity_check', 'in_progress') OR (r.type = 'erasure' AND r.status = 'answered'))
       ORDER BY r.number`,
      [organizationId],
    ),
    manager.query<
      {
        id: string;
        number: number;
        summary: string;
        aware_at: Date;
        risk: BreachRisk | null;
        authority_notified_at: Date | null;
        persons_communicated_at: Date | null;
        persons_communication_exception: string | null;
        recorded_by: string | null;
      }[]
    >(
      `SELECT id, number, summary, aware_at, risk, authority_notified_at, persons_communicated_at, persons_communication_exception, recorded_by
       FROM breaches WHERE organization_id = $1 ORDER BY number`,
      [organizationId],
    ),
  ]);
  return {
    now,
    today: localDate(now, DEFAULT_TIME_ZONE),
    rightsRequests: requests.map((row) => ({
      id: row.id,
      reference: requestReference(row.number),
      type: row.type,
      status: row.status,
      receivedOn: localDate(row.received_at, DEFAULT_TIME_ZONE),
      effectiveDueOn: row.due,
      unconfirmedProcessors: row.unconfirmed,
      recordedById: row.recorded_by,
    })),
    breaches: breaches.map((row) => ({
      id: row.id,
      reference: breachReference(row.number),
      summary: row.summary,
      awareAt: row.aware_at,
      risk: row.risk,
      authorityNotifiedAt: row.authority_notified_at,
      personsCommunicatedAt: row.persons_communicated_at,
      communicationException: row.persons_communication_exception,
      recordedById: row.recorded_by,
    })),
  };
}

const dateFormat = (locale: Locale) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const instantFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE });

/**
 * The words of the intake findings' parameters: the right exercised as its label, days as "2 mars 2026",
 * instants as "30 mars 2026 à 12:00" in the organisation's time zone. Never a code or an ISO date.
 */
export function intakeMessageParams(locale: Locale, params: Readonly<Record<string, string>>): Record<string, string> {
  const words: Record<string, string> = {};
  if (params.requestType) words.requestType = translate(locale, `findings.request_type_${params.requestType}`);
  for (const key of ['receivedOn', 'dueOn'] as const) {
    if (params[key]) words[key] = dateFormat(locale).format(new Date(`${params[key]}T00:00:00Z`));
  }
  for (const key of ['awareAt', 'dueAt'] as const) {
    if (params[key]) words[key] = instantFormat(locale).format(new Date(params[key]));
  }
  return words;
}

/**
 * Findings of the rights-request and breach registers are shown to those who read the whole register
 * (admin, DPO, auditor); a contributor, who follows only what they recorded, does not see the others'.
 */
export function intakeFindingsVisibleTo(access: Pick<OrganizationAccess, 'organizationId' | 'ability'>): (finding: Finding) => boolean {
  const readsAll = (type: 'RightsRequest' | 'Breach') => access.ability.can('read', subject(type, { organizationId: access.organizationId, recordedById: null }));
  const requests = readsAll('RightsRequest');
  const breaches = readsAll('Breach');
  return (finding) => (finding.recordType === 'rights_request' ? requests : finding.recordType === 'breach' ? breaches : true);
}
