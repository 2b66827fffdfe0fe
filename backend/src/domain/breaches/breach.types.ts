/**
 * The breach register's shapes (Art 33–34 GDPR), shared by the API and the web app (pure).
 */
export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachNature = (typeof BREACH_NATURES)[number];

/** The risk to people's rights and freedoms (EDPB Guidelines 9/2022): none → record only; risk → notify the authority; high → tell the people too. */
export const BREACH_RISKS = ['none', 'risk', 'high'] as const;
export type BreachRisk = (typeof BREACH_RISKS)[number];

/** Art 34(3): when a high-risk breach need not be communicated to each person. */
export const COMMUNICATION_EXCEPTIONS = ['art34_3a_protected', 'art34_3b_risk_removed', 'art34_3c_public_communication'] as const;
export type CommunicationException = (typeof COMMUNICATION_EXCEPTIONS)[number];

/**
 * The factors of EDPB Guidelines 9/2022 (§§ 102–116, after the ENISA method they cite) the risk is assessed
 * on, besides those the breach already records: its type (natures) and the number of people (approxPersons).
 */
export const FACTOR_LEVELS = ['low', 'medium', 'high'] as const;
export type FactorLevel = (typeof FACTOR_LEVELS)[number];

export interface RiskFactors {
  /** Special categories (Art 9), offences (Art 10), financial data, identity documents… */
  sensitiveData: boolean;
  /** How easily the people can be identified from the data breached; null: not assessed. */
  identifiability: FactorLevel | null;
  /** How severe the consequences for them can be; null: not assessed. */
  severity: FactorLevel | null;
  /** Children or other vulnerable people among them. */
  vulnerablePersons: boolean;
  /** What about the controller weighs on the risk (e.g. a medical body), in words. */
  controllerCharacteristics: string | null;
}

export const NO_RISK_FACTORS: RiskFactors = { sensitiveData: false, identifiability: null, severity: null, vulnerablePersons: false, controllerCharacteristics: null };

export const breachReference = (number: number): string => `V-${String(number).padStart(4, '0')}`;

export interface AuthorityNotification {
  notifiedAt: string | null;
  reference: string | null;
  /** Art 33(4): information given in phases. */
  phased: boolean;
  /** Art 33(1): the reasons for a notification made after 72 hours. */
  delayReasons: string | null;
}

export interface PersonsCommunication {
  communicatedAt: string | null;
  exception: CommunicationException | null;
  details: string | null;
}

export interface TimelineEntry {
  at: string;
  event: string;
}

/** Where the notification to the authority stands (Art 33(1)). */
export const NOTIFICATION_STATES = ['not_assessed', 'not_required', 'due', 'overdue', 'notified', 'notified_late'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export interface BreachSummary {
  id: string;
  reference: string;
  summary: string;
  awareAt: string;
  natures: BreachNature[];
  risk: BreachRisk | null;
  /** awareAt + 72 elapsed hours. */
  notificationDueAt: string;
  notificationState: NotificationState;
  authorityNotifiedAt: string | null;
  personsCommunicatedAt: string | null;
  recordedBy: string | null;
  version: number;
  updatedAt: string;
}

export interface BreachDetail extends BreachSummary {
  occurredAt: string | null;
  discovery: string | null;
  dataCategories: string[];
  subjectCategories: string[];
  approxPersons: number | null;
  approxRecords: number | null;
  activityIds: string[];
  vendorIds: string[];
  processorNotifiedAt: string | null;
  consequences: string | null;
  measuresTaken: string | null;
  measuresProposed: string | null;
  riskRationale: string | null;
  riskFactors: RiskFactors;
  authorityNotification: AuthorityNotification;
  personsCommunication: PersonsCommunication;
  timeline: TimelineEntry[];
  createdAt: string;
}

/** The sections of the CNIL's online breach notification form, in its order (notification-summary.ts). */
export const SUMMARY_SECTIONS = ['organisation', 'circumstances', 'nature', 'scope', 'consequences', 'measures', 'persons', 'notification'] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export interface NotificationSummary {
  sections: { key: SummarySection; title: string; text: string }[];
  /** Every section, titled, ready to copy into the form. */
  text: string;
}
