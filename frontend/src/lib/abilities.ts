/**
 * CASL abilities as the frontend sees them: the server sends its rules packed (`packRules`), we unpack
 * them into a Mongo ability and hide what the role cannot do. The server stays the authority.
 */
import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

export const ACTIONS = ['manage', 'create', 'read', 'update', 'delete', 'submit', 'validate', 'export'] as const;
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
] as const;
export type Subject = (typeof SUBJECTS)[number] | 'all';

export type AppAbility = MongoAbility<[Action, Subject]>;
export type AppRawRule = RawRuleOf<AppAbility>;

export function buildAbility(packedRules: PackRule<AppRawRule>[]): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules<AppRawRule>(packedRules));
}
