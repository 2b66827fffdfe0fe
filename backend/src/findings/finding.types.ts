import type { ActivityRuleRow } from '../activities/directory/activity-directory';
import type { ScopeConfirmation } from '../domain/transfers/transfer-status';
import type { ActivityStatus } from '../domain/activities/activity.types';
import type { DpiaStatus } from '../domain/dpias/dpia.types';
import type { OrganizationProfile } from '../domain/organizations/organization-profile';
import type { Vendor } from '../vendors/vendor.entity';
import type { IntakeRegisters } from './intake-register-rules';

export { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from '../domain/findings/finding-codes';
import type { FindingCode, Severity } from '../domain/findings/finding-codes';

export type FindingRecordType = 'activity' | 'vendor' | 'dpia' | 'rights_request' | 'breach' | 'organization';

/** A finding before translation: the engine is pure and locale-free. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  recordType: FindingRecordType;
  recordId: string;
  /** T-0042 for an activity, the vendor's name for a vendor. */
  recordReference: string;
  recordName: string;
  /** The activity's department (vendors have none): the dashboard filters on it. */
  departmentId: string | null;
  /** The API field path to fix (`purposes[1].legalBasis`), or a section of the record's page. */
  field: string;
  params: Record<string, string>;
}

/** What the engine reads of an activity: the activities module's rule row, declared there once. */
export type ActivityRow = ActivityRuleRow;

export type VendorRow = Pick<
  Vendor,
  | 'id'
  | 'name'
  | 'legalEntity'
  | 'role'
  | 'status'
  | 'headquartersCountry'
  | 'parentCompany'
  | 'parentCountry'
  | 'dataLocations'
  | 'certifications'
  | 'dpaSigned'
  | 'transferMechanism'
  | 'tiaDate'
  | 'nextReviewDate'
>;

/** What the engine reads of a DPIA: its status and the actions of its plan that are overdue. */
export interface DpiaRow {
  id: string;
  activityId: string;
  status: DpiaStatus;
  revision: number;
  /** Actions of the plan past their due date and not done. */
  overdueActions: number;
  /** The earliest such due date (YYYY-MM-DD), null when none. */
  firstOverdueDate: string | null;
  /** Art 36: the day the prior consultation was sent (YYYY-MM-DD), null when none. */
  consultationSentOn: string | null;
  /** The authority's answer, null while none is recorded. */
  consultationOutcome: string | null;
}

/** Everything the engine needs about one organisation, loaded in a fixed number of queries. */
export interface OrganizationData {
  organizationId: string;
  /** The database's CURRENT_DATE (YYYY-MM-DD), so every process agrees on "today". */
  today: string;
  activities: ActivityRow[];
  vendors: VendorRow[];
  /** activity id → the ids of the vendors its processors name, in order. */
  processorsByActivity: ReadonlyMap<string, readonly string[]>;
  /** activity id → its DPIA (at most one per activity). */
  dpiasByActivity: ReadonlyMap<string, DpiaRow>;
  /** The organisation's profile (absent where a caller builds the data without it). */
  profile?: OrganizationProfile & { name: string; /** some member holds the DPO role */ hasDpoMember?: boolean };
  /** The rights-request and breach registers (absent where a caller builds the data without them). */
  intake?: IntakeRegisters;
  /** Lower-case recipient name → the DPO's confirmations that it is in a partial adequacy decision's scope. */
  scopeConfirmations?: ReadonlyMap<string, readonly ScopeConfirmation[]>;
}

/** One activity's completeness, as the register list computes it. */
export interface ActivityScore {
  id: string;
  departmentId: string | null;
  status: ActivityStatus;
  score: number;
}
