import { Injectable } from '@nestjs/common';
import { sqlState } from '../common/errors/database-errors';
import { FieldError, FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessVendor, isDpfCertified } from '../domain/transfers/transfer-status';
import type { Vendor } from './vendor.entity';
import { transferInputOf, VENDOR_COLUMNS } from './vendor-record';
import type { VendorRole, VendorStatus } from '../domain/vendors/vendor.types';
import { joinActivity } from '../activities/directory/activity-directory';

export interface VendorName {
  id: string;
  name: string;
}

/** An activity that names the vendor among its processors. */
export interface LinkedActivity {
  id: string;
  reference: string;
  name: string;
  status: string;
}

/** A vendor as an activity shows it, with what its record says about contracts and transfers. */
export interface LinkedVendor {
  id: string;
  name: string;
  legalEntity: string | null;
  role: VendorRole;
  status: VendorStatus;
  dpaSigned: boolean;
  dpfCertified: boolean;
  exposed: boolean;
  needsMechanism: boolean;
}

/**
 * Activities name their processors (the interchange format's `processors`); the link table
 * activity_processors holds which vendors they are. Names match vendors without regard to case.
 */
@Injectable()
export class VendorLinksService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly transferFacts: TransferFactsService,
  ) {}

  /** The organisation's vendors by lower-case name. */
  async byName(organizationId: string): Promise<Map<string, VendorName>> {
    const rows = await this.connection.manager.query<VendorName[]>('SELECT id, name FROM vendors WHERE organization_id = $1', [organizationId]);
    return new Map(rows.map((row) => [row.name.toLowerCase(), row]));
  }

  /**
   * The vendors named (each once, in the order given), or a field error per unknown name
   * (`processors[2] unknownVendor`).
   */
  async resolve(organizationId: string, names: string[], path = 'processors'): Promise<{ vendors: VendorName[]; errors: FieldError[] }> {
    if (names.length === 0) return { vendors: [], errors: [] };
    const rows = await this.connection.manager.query<VendorName[]>('SELECT id, name FROM vendors WHERE organization_id = $1 AND lower(name) = ANY($2::text[])', [
      organizationId,
      names.map((name) => name.toLowerCase()),
    ]);
    const known = new Map(rows.map((row) => [row.name.toLowerCase(), row]));
    return pick(names, known, path);
  }

  async replaceActivityLinks(organizationId: string, activityId: string, vendors: VendorName[]): Promise<void> {
    const manager = this.connection.manager;
    await manager.query('DELETE FROM activity_processors WHERE organization_id = $1 AND activity_id = $2', [organizationId, activityId]);
    if (vendors.length === 0) return;
    try {
      await manager.query(
        `INSERT INTO activity_processors (organization_id, activity_id, vendor_id, position)
         SELECT $1, $2, vendor_id, position::int - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS v(vendor_id, position)
         ON CONFLICT DO NOTHING`,
        [organizationId, activityId, vendors.map((vendor) => vendor.id)],
      );
    } catch (error) {
      // A vendor deleted by a concurrent request since the names were resolved.
      if (sqlState(error) === '23503') throw new FieldValidationException([{ path: 'processors', code: 'unknownVendor', args: [vendors.map((vendor) => vendor.name).join(', ')] }]);
      throw error;
    }
  }

  /** The processor links of new activities (an import), in one statement per chunk of links. */
  async insertActivityLinks(organizationId: string, links: { activityId: string; vendors: VendorName[] }[]): Promise<void> {
    const rows = links.flatMap(({ activityId, vendors }) => vendors.map((vendor, position) => ({ a: activityId, v: vendor.id, p: position })));
    const names = new Map(links.flatMap(({ vendors }) => vendors.map((vendor) => [vendor.id, vendor.name] as const)));
    for (let start = 0; start < rows.length; start += LINK_CHUNK) {
      try {
        await this.connection.manager.query(
          `INSERT INTO activity_processors (organization_id, activity_id, vendor_id, position)
           SELECT $1, (e ->> 'a')::uuid, (e ->> 'v')::uuid, (e ->> 'p')::int FROM jsonb_array_elements($2::jsonb) AS e
           ON CONFLICT DO NOTHING`,
          [organizationId, JSON.stringify(rows.slice(start, start + LINK_CHUNK))],
        );
      } catch (error) {
        // A vendor deleted by a concurrent request since the names were resolved.
        if (sqlState(error) === '23503') throw new FieldValidationException([{ path: 'processors', code: 'unknownVendor', args: [[...names.values()].join(', ')] }]);
        throw error;
      }
    }
  }

  async copyActivityLinks(organizationId: string, fromActivityId: string, toActivityId: string): Promise<void> {
    await this.connection.manager.query(
      `INSERT INTO activity_processors (organization_id, activity_id, vendor_id, position)
       SELECT organization_id, $3, vendor_id, position FROM activity_processors WHERE organization_id = $1 AND activity_id = $2`,
      [organizationId, fromActivityId, toActivityId],
    );
  }

  async linkedVendors(organizationId: string, activityId: string): Promise<LinkedVendor[]> {
    const rows = await this.connection.manager.query<Vendor[]>(
      `SELECT ${VENDOR_COLUMNS} FROM activity_processors ap
       JOIN vendors v ON v.organization_id = ap.organization_id AND v.id = ap.vendor_id
       WHERE ap.organization_id = $1 AND ap.activity_id = $2 ORDER BY ap.position, lower(v.name)`,
      [organizationId, activityId],
    );
    const facts = await this.transferFacts.facts();
    return rows.map((vendor) => {
      const assessment = assessVendor(transferInputOf(vendor), facts);
      return {
        id: vendor.id,
        name: vendor.name,
        legalEntity: vendor.legalEntity,
        role: vendor.role,
        status: vendor.status,
        dpaSigned: vendor.dpaSigned,
        dpfCertified: assessment.dpfCertified,
        exposed: assessment.exposed,
        needsMechanism: assessment.needsMechanism,
      };
    });
  }

  /**
   * The vendors a transfer's recipient names (by vendor name or legal entity, without regard to
   * case), with their DPF certification: a US transfer to a certified vendor is covered.
   */
  async recipients(organizationId: string, recipients: (string | null)[]): Promise<Map<string, { dpfCertified: boolean }>> {
    const keys = [...new Set(recipients.filter((recipient): recipient is string => !!recipient).map((recipient) => recipient.toLowerCase()))];
    if (keys.length === 0) return new Map();
    const rows = await this.connection.manager.query<{ name: string; legal_entity: string | null; transfer_mechanism: string | null; certifications: string[] }[]>(
      `SELECT name, legal_entity, transfer_mechanism, certifications FROM vendors
       WHERE organization_id = $1 AND (lower(name) = ANY($2::text[]) OR lower(legal_entity) = ANY($2::text[]))`,
      [organizationId, keys],
    );
    const found = new Map<string, { dpfCertified: boolean }>();
    for (const row of rows) {
      const certified = { dpfCertified: isDpfCertified({ transferMechanism: row.transfer_mechanism, certifications: row.certifications }) };
      for (const key of [row.name.toLowerCase(), row.legal_entity?.toLowerCase()]) if (key && keys.includes(key) && !found.has(key)) found.set(key, certified);
    }
    return found;
  }

  /** The activities that name the vendor among their processors, by reference. */
  async activitiesOf(organizationId: string, vendorId: string): Promise<LinkedActivity[]> {
    return this.connection.manager.query<LinkedActivity[]>(
      `SELECT a.id, a.reference, a.name, a.status FROM activity_processors ap
       ${joinActivity('a', { table: 'ap' })}
       WHERE ap.organization_id = $1 AND ap.vendor_id = $2 ORDER BY a.reference`,
      [organizationId, vendorId],
    );
  }
}

/** Names to vendors (each vendor once, first mention kept), with a field error per unknown name. */
export function pick(names: string[], known: ReadonlyMap<string, VendorName>, path: string): { vendors: VendorName[]; errors: FieldError[] } {
  const vendors: VendorName[] = [];
  const errors: FieldError[] = [];
  names.forEach((name, index) => {
    const vendor = known.get(name.toLowerCase());
    if (!vendor) errors.push({ path: `${path}[${index}]`, code: 'unknownVendor', args: [name] });
    else if (!vendors.some((seen) => seen.id === vendor.id)) vendors.push(vendor);
  });
  return { vendors, errors };
}

/** Links per INSERT of an import. */
const LINK_CHUNK = 5000;
