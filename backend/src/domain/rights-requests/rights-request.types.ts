/**
 * The rights-request register's shapes, shared by the API and the web app (pure: no Nest, no TypeORM).
 */
export const REQUEST_CHANNELS = ['email', 'post', 'web_form', 'phone', 'in_person', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Art 15–22 and Art 7(3). */
export const REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'automated_decision', 'consent_withdrawal'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const IDENTITY_CHECK_STATUSES = ['not_needed', 'pending', 'verified', 'failed'] as const;
export type IdentityCheckStatus = (typeof IDENTITY_CHECK_STATUSES)[number];

export const REQUEST_STATUSES = ['received', 'identity_check', 'in_progress', 'answered', 'refused', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CLOSED_REQUEST_STATUSES: readonly RequestStatus[] = ['answered', 'refused', 'withdrawn'];
export const isOpenRequest = (status: RequestStatus): boolean => !CLOSED_REQUEST_STATUSES.includes(status);

export const REQUEST_TRANSITIONS = ['identity_check', 'start', 'answer', 'refuse', 'withdraw'] as const;
export type RequestTransition = (typeof REQUEST_TRANSITIONS)[number];

/** Where each transition may start from, and where it leads. */
export const REQUEST_TRANSITION_RULES: Record<RequestTransition, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  identity_check: { from: ['received'], to: 'identity_check' },
  start: { from: ['received', 'identity_check'], to: 'in_progress' },
  answer: { from: ['received', 'identity_check', 'in_progress'], to: 'answered' },
  refuse: { from: ['received', 'identity_check', 'in_progress'], to: 'refused' },
  withdraw: { from: ['received', 'identity_check', 'in_progress'], to: 'withdrawn' },
};

export const requestReference = (number: number): string => `D-${String(number).padStart(4, '0')}`;

export interface RightsRequestSummary {
  id: string;
  reference: string;
  receivedAt: string;
  channel: RequestChannel;
  type: RequestType;
  status: RequestStatus;
  requesterName: string;
  /** When the requester's identity was removed at the end of its retention; null while it is kept. */
  identityErasedAt: string | null;
  dueOn: string;
  extendedDueOn: string | null;
  /** The day that counts now: the extended one when extended. */
  effectiveDueOn: string;
  /** Open and past its effective due day (in the organisation's calendar). */
  overdue: boolean;
  recordedBy: string | null;
  version: number;
  updatedAt: string;
}

export interface RightsRequestDetail extends RightsRequestSummary {
  description: string | null;
  /** The person's data-subject category (a catalogue code), the one activities were suggested from. */
  subjectCategory: string | null;
  requesterContact: string | null;
  identityCheckStatus: IdentityCheckStatus;
  identityCheckMethod: string | null;
  activityIds: string[];
  extensionReason: string | null;
  personInformedOn: string | null;
  answerSentAt: string | null;
  answerChannel: string | null;
  answerSummary: string | null;
  refusalGrounds: string | null;
  closedAt: string | null;
  createdAt: string;
  tasks: RequestTasks;
}

/** For one activity the request touches: the member who extracts its data, the one who erases it. */
export interface RequestActivityTask {
  activityId: string;
  extractedBy: string | null;
  erasedBy: string | null;
  note: string | null;
}

/**
 * For one vendor of those activities (processor or recipient, Art 17(1) and 19): the day it was asked
 * to act on the request and the day it confirmed it had.
 */
export interface RequestProcessorTask {
  vendorId: string;
  vendorName: string;
  askedOn: string | null;
  confirmedOn: string | null;
  note: string | null;
}

/** The work a request asks for: one row per linked activity and per vendor of those activities. */
export interface RequestTasks {
  activities: RequestActivityTask[];
  processors: RequestProcessorTask[];
}

/** The vendors that have not confirmed yet, by name: what blocks proving an erasure reached everyone. */
export const unconfirmedProcessors = (tasks: Pick<RequestTasks, 'processors'>): string[] =>
  tasks.processors.filter((task) => !task.confirmedOn).map((task) => task.vendorName);
