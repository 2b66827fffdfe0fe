/**
 * The words of the CASL abilities, shared by the server's ability factory (which holds every rule)
 * and the web app (which unpacks the rules the server sends to hide what a member cannot do).
 */

/** `decide`: record the decision on a DPIA (admin or DPO), distinct from the DPO's opinion (`validate`). */
export const ACTIONS = ['manage', 'create', 'read', 'update', 'delete', 'submit', 'validate', 'export', 'decide'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECT_TYPES = [
  'Organization',
  'Membership',
  'Department',
  'Activity',
  'DesignGrid',
  'Vendor',
  'Dpia',
  'Evidence',
  'AuditEvent',
  'Register',
  'CatalogueEntry',
  'RightsRequest',
  'Breach',
  'ReviewQueue',
  'ActivityTemplate',
  'Onboarding',
  'AdequacyConfirmation',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The fields the rules test on an activity: its organisation, owner, department and status. */
export interface ActivitySubjectFields {
  organizationId: string;
  ownerId: string | null;
  departmentId: string | null;
  status: string;
}

/** The fields the rules test on a design grid: its organisation and creator. */
export interface DesignGridSubjectFields {
  organizationId: string;
  createdById: string;
}
