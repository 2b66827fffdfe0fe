import { Injectable } from '@nestjs/common';
import { FieldError } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { assessVendor, TransferFacts } from '../domain/transfers/transfer-status';
import { Vendor } from './vendor.entity';
import { VendorLinksService, VendorName } from './vendor-links.service';
import { transferInputOf, VENDOR_COLUMNS } from './vendor-record';
import type { VendorRole, VendorStatus } from '../domain/vendors/vendor.types';


export interface VendorReference {
  id: string;
  name: string;
  status: VendorStatus;
}

export interface ChainNode extends VendorReference {
  parentId: string;
  depth: number;
  role: VendorRole;
  exposed: boolean;
  needsMechanism: boolean;
}

/** Deepest sub-processor chain shown (the cycle check needs no limit: its UNION stops on its own). */
const MAX_CHAIN_DEPTH = 10;
const SUB_PROCESSOR_LOCK = 11;

/** The sub-processor graph: who relies on whom, its chains, and the lock that keeps it free of cycles. */
@Injectable()
export class VendorGraph {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly links: VendorLinksService,
  ) {}

  /** Changes of the sub-processor graph queue per organisation, so two of them cannot close a cycle together. */
  async lock(organizationId: string): Promise<void> {
    await this.connection.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [organizationId, SUB_PROCESSOR_LOCK]);
  }

  /** Whether `to` is `from` or one of its sub-processors, at any depth. */
  async reaches(organizationId: string, from: string, to: string): Promise<boolean> {
    const rows = await this.connection.manager.query<unknown[]>(
      `WITH RECURSIVE reach(id) AS (
         SELECT $2::uuid
         UNION
         SELECT s.sub_processor_id FROM reach r
         JOIN vendor_sub_processors s ON s.organization_id = $1 AND s.vendor_id = r.id
       )
       SELECT 1 FROM reach WHERE id = $3 LIMIT 1`,
      [organizationId, from, to],
    );
    return rows.length > 0;
  }

  /** Names to vendors; a vendor cannot be its own sub-processor, nor one of a vendor that relies on it. */
  async resolve(organizationId: string, self: Vendor | null, given: string[], errors: FieldError[]): Promise<VendorName[]> {
    const { vendors, errors: unknown } = await this.links.resolve(organizationId, given, 'subProcessors');
    errors.push(...unknown);
    const accepted: VendorName[] = [];
    for (const vendor of vendors) {
      const index = given.findIndex((name) => name.toLowerCase() === vendor.name.toLowerCase());
      const path = `subProcessors[${index}]`;
      if (self && vendor.id === self.id) errors.push({ path, code: 'subProcessorSelf', args: [vendor.name] });
      else if (self && (await this.reaches(organizationId, vendor.id, self.id))) errors.push({ path, code: 'subProcessorCycle', args: [vendor.name] });
      else accepted.push(vendor);
    }
    return accepted;
  }

  async subProcessorsOf(organizationId: string, vendorId: string): Promise<VendorName[]> {
    return this.connection.manager.query<VendorName[]>(
      `SELECT v.id, v.name FROM vendor_sub_processors s
       JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.sub_processor_id
       WHERE s.organization_id = $1 AND s.vendor_id = $2 ORDER BY s.position, lower(v.name)`,
      [organizationId, vendorId],
    );
  }

  async replace(row: Vendor, subProcessors: VendorName[]): Promise<void> {
    const manager = this.connection.manager;
    await manager.query('DELETE FROM vendor_sub_processors WHERE organization_id = $1 AND vendor_id = $2', [row.organizationId, row.id]);
    if (subProcessors.length === 0) return;
    await manager.query(
      `INSERT INTO vendor_sub_processors (organization_id, vendor_id, sub_processor_id, position)
       SELECT $1, $2, sub_id, position::int - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS s(sub_id, position)`,
      [row.organizationId, row.id, subProcessors.map((vendor) => vendor.id)],
    );
  }

  async usedBy(organizationId: string, vendorId: string): Promise<VendorReference[]> {
    return this.connection.manager.query<VendorReference[]>(
      `SELECT v.id, v.name, v.status FROM vendor_sub_processors s
       JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.vendor_id
       WHERE s.organization_id = $1 AND s.sub_processor_id = $2 ORDER BY lower(v.name)`,
      [organizationId, vendorId],
    );
  }

  /** Sub-processors, theirs and so on, depth first in name order; a loop in old data is cut, never followed. */
  async chain(organizationId: string, vendorId: string, facts: TransferFacts): Promise<ChainNode[]> {
    const rows = await this.connection.manager.query<(Vendor & { parentId: string; depth: number })[]>(
      `WITH RECURSIVE chain(parent_id, id, depth, path, sort_path) AS (
         SELECT s.vendor_id, s.sub_processor_id, 1, ARRAY[s.vendor_id, s.sub_processor_id], ARRAY[lower(v.name)]
         FROM vendor_sub_processors s JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.sub_processor_id
         WHERE s.organization_id = $1 AND s.vendor_id = $2
         UNION ALL
         SELECT s.vendor_id, s.sub_processor_id, c.depth + 1, c.path || s.sub_processor_id, c.sort_path || lower(v.name)
         FROM chain c
         JOIN vendor_sub_processors s ON s.organization_id = $1 AND s.vendor_id = c.id
         JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.sub_processor_id
         WHERE NOT s.sub_processor_id = ANY(c.path) AND c.depth < ${MAX_CHAIN_DEPTH}
       )
       SELECT ${VENDOR_COLUMNS}, c.parent_id AS "parentId", c.depth
       FROM chain c JOIN vendors v ON v.organization_id = $1 AND v.id = c.id
       ORDER BY c.sort_path`,
      [organizationId, vendorId],
    );
    return rows.map((row) => {
      const assessment = assessVendor(transferInputOf(row), facts);
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        role: row.role,
        parentId: row.parentId,
        depth: row.depth,
        exposed: assessment.exposed,
        needsMechanism: assessment.needsMechanism,
      };
    });
  }
}
