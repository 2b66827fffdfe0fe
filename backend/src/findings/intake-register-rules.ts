import { notificationState, personsInformationMissing } from '../domain/breaches/breach-rules';
import type { BreachRisk } from '../domain/breaches/breach.types';
import { breachNotificationDueAt, daysBetween } from '../domain/deadlines/legal-deadlines';
import type { RequestStatus, RequestType } from '../domain/rights-requests/rights-request.types';
import type { Finding } from './finding.types';

/** Days before its due day from which an open request is reported. */
export const REQUEST_DUE_SOON_DAYS = 7;

/** What the findings read of a rights request. */
export interface RightsRequestRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  receivedOn: string;
  /** The due day that counts (extended or not), YYYY-MM-DD in the organisation's calendar. */
  effectiveDueOn: string;
  /** The vendors of its activities that have not confirmed they acted on it, by name. */
  unconfirmedProcessors: string[];
  /** Who recorded it (a contributor follows what they recorded): the reminders tell them too. */
  recordedById?: string | null;
}

/** What the findings read of a breach. */
export interface BreachRow {
  id: string;
  reference: string;
  summary: string;
  awareAt: Date;
  risk: BreachRisk | null;
  authorityNotifiedAt: Date | null;
  personsCommunicatedAt: Date | null;
  communicationException: string | null;
  /** Who recorded it (a contributor follows what they recorded): the reminders tell them too. */
  recordedById?: string | null;
}

/** The two intake registers, loaded with the organisation; `today` is in the organisation's calendar. */
export interface IntakeRegisters {
  now: Date;
  today: string;
  rightsRequests: RightsRequestRow[];
  breaches: BreachRow[];
}

const OPEN: readonly RequestStatus[] = ['received', 'identity_check', 'in_progress'];

/**
 * Findings of the rights-request and breach registers, pure:
 *  - a request past its due day (Art 12(3)), high; due within seven days, medium;
 *  - a breach whose risk is not assessed yet, high (Art 33(1): the assessment decides the notification);
 *  - a breach with a risk not notified to the authority and past its 72 hours, high (Art 33(1));
 *  - an erasure request answered while a vendor of its activities has not confirmed the erasure, high
 *    (Art 17(1) and 19: erasure reaches every processor and recipient, and the DPO must be able to prove it);
 *  - a high-risk breach whose people were not told and no Art 34(3) exception is recorded, high (Art 34(1)).
 */
export function intakeFindings(registers: IntakeRegisters): Finding[] {
  const findings: Finding[] = [];
  for (const request of registers.rightsRequests) {
    if (request.type === 'erasure' && request.status === 'answered' && request.unconfirmedProcessors.length) {
      findings.push({
        code: 'rights_request_erasure_unconfirmed',
        severity: 'high',
        recordType: 'rights_request',
        recordId: request.id,
        recordReference: request.reference,
        recordName: request.reference,
        departmentId: null,
        field: 'tasks',
        params: { processors: request.unconfirmedProcessors.join(', '), count: String(request.unconfirmedProcessors.length) },
      });
    }
    if (!OPEN.includes(request.status)) continue;
    const daysLeft = daysBetween(registers.today, request.effectiveDueOn);
    if (daysLeft > REQUEST_DUE_SOON_DAYS) continue;
    findings.push({
      code: daysLeft < 0 ? 'rights_request_overdue' : 'rights_request_due_soon',
      severity: daysLeft < 0 ? 'high' : 'medium',
      recordType: 'rights_request',
      recordId: request.id,
      recordReference: request.reference,
      recordName: request.reference,
      departmentId: null,
      field: 'dueOn',
      params: { requestType: request.type, receivedOn: request.receivedOn, dueOn: request.effectiveDueOn, days: String(Math.abs(daysLeft)) },
    });
  }
  for (const breach of registers.breaches) {
    const on = (code: Finding['code'], field: string, params: Record<string, string> = {}): Finding => ({
      code,
      severity: 'high',
      recordType: 'breach',
      recordId: breach.id,
      recordReference: breach.reference,
      recordName: breach.summary,
      departmentId: null,
      field,
      params: { awareAt: breach.awareAt.toISOString(), ...params },
    });
    const state = notificationState(breach, registers.now);
    if (state === 'not_assessed') findings.push(on('breach_not_assessed', 'risk', { dueAt: breachNotificationDueAt(breach.awareAt).toISOString() }));
    if (state === 'overdue') findings.push(on('breach_authority_not_notified', 'authorityNotification', { dueAt: breachNotificationDueAt(breach.awareAt).toISOString() }));
    if (personsInformationMissing(breach)) findings.push(on('breach_persons_not_informed', 'personsCommunication'));
  }
  return findings;
}
