import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility, subject } from '@casl/ability';
import type { Role } from '../members/membership.entity';
import type { Action, ActivitySubjectFields, DesignGridSubjectFields, SubjectType } from '../domain/authorization/ability-vocabulary';

// The vocabulary (actions, subject types) is shared with the web app; the rules stay here.
export { ACTIONS, SUBJECT_TYPES, type Action, type SubjectType } from '../domain/authorization/ability-vocabulary';

/** The fields rules may test, per record type; every record belongs to one organisation. */
interface TenantRecord {
  organizationId: string;
}
interface VendorFields extends TenantRecord {
  status: string;
}
interface EvidenceFields extends TenantRecord {
  uploadedById: string | null;
}
/** Rights requests and breaches: who recorded them (a contributor follows their own). */
interface IntakeFields extends TenantRecord {
  recordedById: string | null;
}
type Tagged<T extends SubjectType, Fields = TenantRecord> = Fields & ForcedSubject<T>;

export type Subject =
  | SubjectType
  | 'all'
  | Tagged<'Activity', ActivitySubjectFields>
  | Tagged<'DesignGrid', DesignGridSubjectFields>
  | Tagged<'Vendor', VendorFields>
  | Tagged<'Evidence', EvidenceFields>
  | Tagged<'RightsRequest', IntakeFields>
  | Tagged<'Breach', IntakeFields>
  | Tagged<Exclude<SubjectType, 'Activity' | 'DesignGrid' | 'Vendor' | 'Evidence' | 'RightsRequest' | 'Breach'>>;
export type AppAbility = MongoAbility<[Action, Subject]>;

export interface MemberIdentity {
  organizationId: string;
  userId: string;
  /** One or more roles (a small office's admin is often its DPO): the ability is their union. */
  roles: readonly Role[];
  departmentId: string | null;
}

/** Record types everyone in the organisation may read (the audit trail is not among them). */
const REGISTER_RECORDS: SubjectType[] = ['Organization', 'Membership', 'Department', 'Activity', 'DesignGrid', 'Vendor', 'Dpia', 'Evidence', 'CatalogueEntry'];
const NOT_VALIDATED = { $in: ['draft', 'in_review'] };
/** The organisation fields the DPO may change: the profile the rules read and the DPO contact block. */
export const DPO_ORGANIZATION_FIELDS = ['publicBody', 'sector', 'dpoName', 'dpoEmail', 'dpoPhone', 'dpoDesignationNumber', 'requesterIdentityRetentionMonths', 'largeScalePersons'] as const;

/**
 * Every authorization rule of Registre (PRODUCT.md role matrix). Each rule carries the organisation
 * condition, so an ability can never reach another tenant's record even if a query forgot its filter.
 */
export function defineAbilityFor(member: MemberIdentity): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const org = { organizationId: member.organizationId };

  can('read', REGISTER_RECORDS, org);
  // CASL rules only add up (no `cannot` below), so each role's rules, built one after the other,
  // give the union of the roles' rights.
  const has = (role: Role) => member.roles.includes(role);

  for (const role of member.roles) switch (role) {
    case 'admin':
      can('manage', ['Organization', 'Membership', 'Department', 'CatalogueEntry'], org);
      can(['create', 'update', 'delete', 'submit'], 'Activity', org);
      can(['create', 'update'], 'DesignGrid', org);
      can(['create', 'update', 'delete'], ['Vendor', 'Evidence'], org);
      // Approving (through a review) and terminating a vendor.
      can('validate', 'Vendor', org);
      can('read', 'AuditEvent', org);
      can('export', ['Register', 'Evidence'], org);
      break;
    case 'dpo':
      // The DPO keeps the organisation's profile the rules read (public authority or private body,
      // sector, the DPIA screening's large-scale threshold) and their own contact block printed on the
      // register (Art 30(1)(a), Art 37(7)); the rest of the settings stays the admin's (PRODUCT.md role matrix).
      can('update', 'Organization', [...DPO_ORGANIZATION_FIELDS], org);
      can(['create', 'update', 'delete', 'submit', 'validate'], 'Activity', org);
      can(['create', 'update', 'delete'], 'DesignGrid', org);
      // Design grids: the DPO reviews them (request changes, accept).
      can('validate', 'DesignGrid', org);
      can(['create', 'update', 'delete', 'validate'], 'Vendor', org);
      can(['create', 'update', 'delete'], ['Evidence', 'CatalogueEntry'], org);
      can('read', 'AuditEvent', org);
      can('export', ['Register', 'Evidence'], org);
      break;
    case 'contributor':
      can('create', 'Activity', org);
      // Own activities, or those of their department, while not validated.
      can('update', 'Activity', { ...org, ownerId: member.userId, status: NOT_VALIDATED });
      if (member.departmentId) can('update', 'Activity', { ...org, departmentId: member.departmentId, status: NOT_VALIDATED });
      can('submit', 'Activity', { ...org, ownerId: member.userId, status: 'draft' });
      can('delete', 'Activity', { ...org, ownerId: member.userId, status: 'draft' });
      can('create', 'DesignGrid', org);
      can('update', 'DesignGrid', { ...org, createdById: member.userId });
      // Contributors propose vendors; the DPO or an admin approves them.
      can('create', 'Vendor', { ...org, status: 'under_review' });
      // Evidence for what they may edit (the service checks the parent record); they remove their own uploads only.
      can('create', 'Evidence', org);
      can('delete', 'Evidence', { ...org, uploadedById: member.userId });
      can('export', 'Register', org);
      break;
    case 'auditor':
      can('read', 'AuditEvent', org);
      can('export', ['Register', 'Evidence'], org);
      break;
  }

  // ——— DPIAs (issue 5) ———
  // Contributors, admins and the DPO draft and submit; only the DPO gives the opinion (`validate`);
  // an admin or the DPO records the decision (`decide`). Auditors read. A closed revision is locked by
  // the service (409 dpia_locked), whoever asks.
  if (member.roles.some((role) => role !== 'auditor')) can(['create', 'update', 'submit'], 'Dpia', org);
  if (has('dpo')) can('validate', 'Dpia', org);
  if (has('admin') || has('dpo')) can('decide', 'Dpia', org);

  // ——— Rights requests and breaches (issue 18) ———
  // Admins and the DPO manage both registers; a contributor records a request or a breach (intake)
  // and follows the ones they recorded; auditors read. They hold personal data: no one else reads them.
  const intake = ['RightsRequest', 'Breach'] as const;
  if (has('admin') || has('dpo')) can(['create', 'read', 'update'], [...intake], org);
  if (has('contributor')) {
    can('create', [...intake], org);
    can('read', 'RightsRequest', { ...org, recordedById: member.userId });
    can('read', 'Breach', { ...org, recordedById: member.userId });
  }
  if (has('auditor')) can('read', [...intake], org);

  // ——— The DPO's review queue (issue 19) ———
  // What waits for the DPO's review: the DPO and admins read it; contributors and auditors do not.
  if (has('admin') || has('dpo')) can('read', 'ReviewQueue', org);

  // ——— Onboarding and the organisation's own templates (issue 19) ———
  // The checklist lists what the admin and the DPO set up (identity, DPO, departments, members, the
  // first entries of the register): they read it. Contributors and auditors have no step to take.
  // Every member reads the templates with the built-in ones (`read Activity`); the admin and the DPO,
  // who keep the register's shape, save an activity as a template and remove one.
  if (has('admin') || has('dpo')) {
    can('read', 'Onboarding', org);
    can(['create', 'delete'], 'ActivityTemplate', org);
  }

  // ——— Partial adequacy decisions (issue 17, item 6) ———
  // Whether a recipient is in the scope of a partial adequacy decision (Art 45(1)) is the DPO's call,
  // made once per recipient and audited; everyone reads it on the vendor's page (read Vendor).
  if (has('dpo')) can('create', 'AdequacyConfirmation', org);

  return build();
}

/**
 * Whether the member reads the whole rights-request or breach register, not only what they recorded:
 * the register export carries these sheets only for them (contributors follow their own intake).
 */
export function readsWholeIntakeRegister(ability: AppAbility, type: 'RightsRequest' | 'Breach', organizationId: string): boolean {
  return ability.can('read', subject(type, { organizationId, recordedById: null }));
}
