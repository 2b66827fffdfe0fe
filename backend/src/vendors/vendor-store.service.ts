import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@casl/ability';
import { AuditService } from '../audit/audit.service';
import { flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { RecordLock, VersionedRecords } from '../common/versioned-record/versioned-records';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { Vendor, VendorVersion } from './vendor.entity';
import { VendorName } from './vendor-links.service';
import { toVendorSnapshot, VENDOR_COLUMNS } from './vendor-record';
import type { VendorSnapshot } from '../domain/vendors/vendor.types';
import { asSubject, names, VendorAccess } from './vendor-access';

/** Vendors per multi-row statement of an import (a vendor row has about twenty columns: well under PostgreSQL's parameter limit). */
const VENDOR_CHUNK = 500;

/** Writing a vendor row and its history: locks, the unique name (409), the version snapshot and the audit event. */
@Injectable()
export class VendorStore {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly notifier: WorkflowNotifier,
    private readonly audit: AuditService,
  ) {}

  now(): Promise<Date> {
    return this.records.now();
  }

  /**
   * NO KEY UPDATE: writers of this vendor queue, while links to it (which take KEY SHARE) go on.
   * Deleting takes UPDATE, so no link can be added between the "in use" check and the deletion.
   */
  locked(mode: 'NO KEY UPDATE' | 'UPDATE' = 'NO KEY UPDATE'): RecordLock<Vendor> {
    return {
      read: async (organizationId, vendorId) =>
        (await this.connection.manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND v.id = $2 FOR ${mode}`, [organizationId, vendorId]))[0],
    };
  }

  /** The locked vendor the caller may `action`, at the version the client saw. */
  open(access: VendorAccess, action: 'update' | 'validate', vendorId: string, expected: number): Promise<Vendor> {
    return this.records.open(this.locked(), access.organizationId, vendorId, expected, (row) => ForbiddenError.from(access.ability).throwUnlessCan(action, asSubject(row)));
  }

  async insert(row: Vendor): Promise<void> {
    await this.uniqueName(row.name, () => this.connection.getRepository(Vendor).insert(row));
  }

  /**
   * New vendors at version 1 (proposals an import creates), with their version rows and audit events,
   * in multi-row statements: one round trip per chunk instead of a handful per vendor. A name taken
   * meanwhile answers the same 409 as a single insert; the caller's transaction writes nothing.
   */
  async insertMany(rows: Vendor[], action: string): Promise<void> {
    const context = this.connection.context;
    for (let start = 0; start < rows.length; start += VENDOR_CHUNK) {
      const chunk = rows.slice(start, start + VENDOR_CHUNK);
      await onUniqueViolation(
        () => this.connection.getRepository(Vendor).insert(chunk),
        () => new AppException(HttpStatus.CONFLICT, 'vendor_name_taken', { name: chunk.map((row) => row.name).join(', ') }, { name: chunk.map((row) => row.name).join(', ') }),
      );
      const versions = this.connection.getRepository(VendorVersion);
      await versions.insert(
        chunk.map((row) =>
          versions.create({
            organizationId: row.organizationId,
            vendorId: row.id,
            number: row.version,
            action,
            snapshot: toVendorSnapshot(row, []),
            authorId: context.userId ?? null,
            authorName: context.actorName ?? null,
            comment: null,
            createdAt: row.updatedAt,
          }),
        ),
      );
    }
    await this.audit.recordMany(
      rows.map((row) => ({ action, entityType: 'Vendor', entityId: row.id, entityLabel: row.name, before: null, after: flattenFields(toVendorSnapshot(row, []) as unknown as Record<string, unknown>) })),
    );
  }

  async save(row: Vendor): Promise<void> {
    const { organizationId, id, ...changes } = row;
    await this.uniqueName(row.name, () => this.connection.getRepository(Vendor).update({ organizationId, id }, changes));
  }

  private async uniqueName(name: string, write: () => Promise<unknown>): Promise<void> {
    await onUniqueViolation(write, () => new AppException(HttpStatus.CONFLICT, 'vendor_name_taken', { name }, { name }));
  }

  /** Writes version `row.version` (full snapshot) and the audit event, in the request's transaction. */
  async recordVersion(row: Vendor, action: string, comment: string | null, before: VendorSnapshot | null, subProcessors: VendorName[]): Promise<void> {
    const snapshot = toVendorSnapshot(row, names(subProcessors));
    await this.records.record(
      {
        action,
        entityType: 'Vendor',
        entityId: row.id,
        entityLabel: row.name,
        before: before ? flattenFields(before as unknown as Record<string, unknown>) : null,
        after: flattenFields(snapshot as unknown as Record<string, unknown>),
      },
      { entity: VendorVersion, key: { organizationId: row.organizationId, vendorId: row.id }, number: row.version, action, snapshot, comment, createdAt: row.updatedAt },
    );
  }

  /** A proposed vendor waits for the DPOs' review: they hear of it, in this transaction. */
  async notifyProposed(row: Vendor): Promise<void> {
    await this.notifier.notify({
      kind: 'vendor_proposed',
      organizationId: row.organizationId,
      record: { type: 'vendor', id: row.id, reference: row.name, name: row.name, subject: asSubject(row) },
      to: ['dpos'],
    });
  }

  /** The vendor locked as `mode` says (see `locked`); 404 when the organisation has none. */
  lock(mode: 'NO KEY UPDATE' | 'UPDATE', organizationId: string, vendorId: string): Promise<Vendor> {
    return this.records.lock(this.locked(mode), organizationId, vendorId);
  }
}
