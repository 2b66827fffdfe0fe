/**
 * CASL abilities as the frontend sees them: the server sends its rules packed (`packRules`), we unpack
 * them into a Mongo ability and hide what the role cannot do. The server stays the authority.
 */
import { createMongoAbility, subject, type ForcedSubject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

export const ACTIONS = ['manage', 'create', 'read', 'update', 'delete', 'submit', 'validate', 'export', 'decide'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
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
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

/** The fields the server's rules test on an activity (its organisation, owner, department and status). */
export interface ActivitySubjectFields {
  organizationId: string;
  ownerId: string | null;
  departmentId: string | null;
  status: string;
}

/** The fields the server's rules test on a design grid (its organisation and creator). */
export interface DesignGridSubjectFields {
  organizationId: string;
  createdById: string;
}

export type Subject =
  | SubjectType
  | 'all'
  | (ActivitySubjectFields & ForcedSubject<'Activity'>)
  | (DesignGridSubjectFields & ForcedSubject<'DesignGrid'>);

export type AppAbility = MongoAbility<[Action, Subject]>;
export type AppRawRule = RawRuleOf<AppAbility>;

export function buildAbility(packedRules: PackRule<AppRawRule>[]): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules<AppRawRule>(packedRules));
}

/** One activity as CASL rules see it, e.g. `ability.can('update', activitySubject(organizationId, activity))`. */
export function activitySubject(
  organizationId: string,
  activity: Pick<ActivitySubjectFields, 'ownerId' | 'departmentId' | 'status'>,
): ActivitySubjectFields & ForcedSubject<'Activity'> {
  return subject('Activity', {
    organizationId,
    ownerId: activity.ownerId,
    departmentId: activity.departmentId,
    status: activity.status,
  });
}
