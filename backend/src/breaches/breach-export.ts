import { joinActivity } from '../activities/directory/activity-directory';
import { breachReference } from '../domain/breaches/breach.types';
import type { BreachNature, BreachRisk, CommunicationException, FactorLevel } from '../domain/breaches/breach.types';

export type ExportQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** A breach as the register export shows it: every breach is in the register, notified or not (Art 33(5)). */
export interface BreachRow {
  reference: string;
  summary: string;
  awareAt: Date;
  occurredAt: Date | null;
  discovery: string | null;
  natures: BreachNature[];
  dataCategories: string[];
  subjectCategories: string[];
  approxPersons: number | null;
  approxRecords: string | null;
  processorNotifiedAt: Date | null;
  consequences: string | null;
  measuresTaken: string | null;
  measuresProposed: string | null;
  risk: BreachRisk | null;
  riskRationale: string | null;
  riskSensitiveData: boolean;
  riskIdentifiability: FactorLevel | null;
  riskSeverity: FactorLevel | null;
  riskVulnerablePersons: boolean;
  riskControllerCharacteristics: string | null;
  authorityNotifiedAt: Date | null;
  authorityReference: string | null;
  authorityPhased: boolean;
  authorityDelayReasons: string | null;
  personsCommunicatedAt: Date | null;
  personsCommunicationException: CommunicationException | null;
  personsCommunicationDetails: string | null;
  activities: string | null;
  vendors: string | null;
  /** Changed after the export's instant: the row shows today's state (the earlier one is not kept). */
  changedSince: boolean;
}

/** The breaches known by `asOf` (all, without it), in the order the organisation learnt of them. */
export function readBreachesForExport(query: ExportQuery, organizationId: string, asOf: Date | null): Promise<BreachRow[]> {
  return query<BreachRow & { number: number }>(
    `SELECT b.number, b.summary, b.aware_at AS "awareAt", b.occurred_at AS "occurredAt", b.discovery, b.natures,
            b.data_categories AS "dataCategories", b.subject_categories AS "subjectCategories",
            b.approx_persons AS "approxPersons", b.approx_records::text AS "approxRecords",
            b.processor_notified_at AS "processorNotifiedAt", b.consequences, b.measures_taken AS "measuresTaken",
            b.measures_proposed AS "measuresProposed", b.risk, b.risk_rationale AS "riskRationale",
            b.risk_sensitive_data AS "riskSensitiveData", b.risk_identifiability AS "riskIdentifiability", b.risk_severity AS "riskSeverity",
            b.risk_vulnerable_persons AS "riskVulnerablePersons", b.risk_controller_characteristics AS "riskControllerCharacteristics",
            b.authority_notified_at AS "authorityNotifiedAt", b.authority_reference AS "authorityReference",
            b.authority_phased AS "authorityPhased", b.authority_delay_reasons AS "authorityDelayReasons",
            b.persons_communicated_at AS "personsCommunicatedAt",
            b.persons_communication_exception AS "personsCommunicationException",
            b.persons_communication_details AS "personsCommunicationDetails",
            ($2::timestamptz IS NOT NULL AND b.updated_at > $2::timestamptz) AS "changedSince",
            (SELECT string_agg(a.reference || ' ' || a.name, E'\\n' ORDER BY a.reference)
               FROM breach_activities l ${joinActivity('a', { table: 'l' })}
              WHERE l.organization_id = b.organization_id AND l.breach_id = b.id) AS activities,
            (SELECT string_agg(v.name, E'\\n' ORDER BY lower(v.name))
               FROM breach_vendors l JOIN vendors v ON v.organization_id = l.organization_id AND v.id = l.vendor_id
              WHERE l.organization_id = b.organization_id AND l.breach_id = b.id) AS vendors
     FROM breaches b
     WHERE b.organization_id = $1 AND ($2::timestamptz IS NULL OR b.aware_at <= $2::timestamptz)
     ORDER BY b.aware_at, b.number`,
    [organizationId, asOf?.toISOString() ?? null],
  ).then((rows) => rows.map(({ number, ...row }) => ({ ...row, reference: breachReference(number) })));
}
