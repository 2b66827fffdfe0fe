import { Foundation1763971200000 } from './1763971200000-foundation';
import { Catalogues1763971300000 } from './1763971300000-catalogues';
import { ProcessingActivities1763971400000 } from './1763971400000-processing-activities';
import { Vendors1763971500000 } from './1763971500000-vendors';
import { Dpias1763971600000 } from './1763971600000-dpias';
import { DesignGrids1763971700000 } from './1763971700000-design-grids';
import { FindingsNotifications1763971900000 } from './1763971900000-findings-notifications';
import { RightsRequests1763972180000 } from './1763972180000-rights-requests';
import { Breaches1763972190000 } from './1763972190000-breaches';
import { AccountProof1764633600000 } from './1764633600000-account-proof';
import { Invitations1764633700000 } from './1764633700000-invitations';
import { DeferrableCycles1764720000000 } from './1764720000000-deferrable-cycles';
import { AuditCheckpoints1764806400000 } from './1764806400000-audit-checkpoints';
import { WorkflowNotifications1764806417000 } from './1764806417000-workflow-notifications';
import { PriorConsultationPublicBodies1764921700000 } from './1764921700000-prior-consultation-public-bodies';
import { TwoFactor1764900000000 } from './1764900000000-two-factor';
import { AccountPrivilege1764990000000 } from './1764990000000-account-privilege';
import { SingleSignOn1764950000000 } from './1764950000000-single-sign-on';
import { MembershipRoles1765000000000 } from './1765000000000-membership-roles';
import { WeeklyDigests1765100000000 } from './1765100000000-weekly-digests';
import { ActivityTemplates1765200000000 } from './1765200000000-activity-templates';
import { VendorContacts1765300000000 } from './1765300000000-vendor-contacts';
import { ActivityVersionsSearch1765520000000 } from './1765520000000-activity-versions-search';
import { RequesterIdentityRetention1765400000000 } from './1765400000000-requester-identity-retention';
import { RightsRequestTasks1765500000000 } from './1765500000000-rights-request-tasks';
import { RequestSubjectCategory1765600000000 } from './1765600000000-request-subject-category';
import { AdequacyConfirmations1765650000000 } from './1765650000000-adequacy-confirmations';
import { IntakeReminders1765700000000 } from './1765700000000-intake-reminders';
import { BreachRiskFactors1765710000000 } from './1765710000000-breach-risk-factors';
import { CatalogueChanges1765800000000 } from './1765800000000-catalogue-changes';
import { ActivityFindings1765900000000 } from './1765900000000-activity-findings';
import { LargeScaleThreshold1766000000000 } from './1766000000000-large-scale-threshold';
import { NotificationDueAt1766100000000 } from './1766100000000-notification-due-at';

/** Migrations in the order they run. Listed explicitly so the build, the CLI and the tests agree. */
export const migrations = [
  Foundation1763971200000,
  Catalogues1763971300000,
  ProcessingActivities1763971400000,
  Vendors1763971500000,
  Dpias1763971600000,
  DesignGrids1763971700000,
  FindingsNotifications1763971900000,
  RightsRequests1763972180000,
  Breaches1763972190000,
  AccountProof1764633600000,
  Invitations1764633700000,
  DeferrableCycles1764720000000,
  AuditCheckpoints1764806400000,
  WorkflowNotifications1764806417000,
  PriorConsultationPublicBodies1764921700000,
  TwoFactor1764900000000,
  SingleSignOn1764950000000,
  AccountPrivilege1764990000000,
  MembershipRoles1765000000000,
  WeeklyDigests1765100000000,
  ActivityTemplates1765200000000,
  VendorContacts1765300000000,
  RequesterIdentityRetention1765400000000,
  RightsRequestTasks1765500000000,
  ActivityVersionsSearch1765520000000,
  RequestSubjectCategory1765600000000,
  AdequacyConfirmations1765650000000,
  IntakeReminders1765700000000,
  BreachRiskFactors1765710000000,
  CatalogueChanges1765800000000,
  ActivityFindings1765900000000,
  LargeScaleThreshold1766000000000,
  NotificationDueAt1766100000000,
];
