/**
 * CASL abilities as the frontend sees them: the server sends its rules packed (`packRules`), we unpack
 * them into a Mongo ability and hide what the role cannot do. The server stays the authority.
 */
import { createMongoAbility, subject, type ForcedSubject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

import type { Action, ActivitySubjectFields, DesignGridSubjectFields, SubjectType } from '@domain/authorization/ability-vocabulary';

// The vocabulary is the server's own (its ability factory holds the rules).
export {
  ACTIONS,
  SUBJECT_TYPES,
  type Action,
  type ActivitySubjectFields,
  type DesignGridSubjectFields,
  type SubjectType,
} from '@domain/authorization/ability-vocabulary';

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
