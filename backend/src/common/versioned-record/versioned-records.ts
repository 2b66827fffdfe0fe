import { Injectable } from '@nestjs/common';
import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { AuditInput, AuditService } from '../../audit/audit.service';
import { assertVersion } from '../concurrency/expected-version';
import { AppException } from '../errors/app-exception';
import { TransactionalConnection } from '../request-context/transactional-connection';

/** A record of an organisation that carries an optimistic-lock version. */
export interface VersionedRow extends ObjectLiteral {
  organizationId: string;
  id: string;
  version: number;
  updatedAt: Date;
}

/** How a record is locked: its entity (FOR UPDATE), or a reader of its own that locks (vendors lock NO KEY UPDATE). */
export type RecordLock<Row extends VersionedRow> = EntityTarget<Row> | { read: (organizationId: string, id: string) => Promise<Row | undefined> };

/** A full snapshot row of a record's history (activity_versions, vendor_versions): its key columns and what it says. */
export interface VersionEntry {
  entity: EntityTarget<ObjectLiteral>;
  /** The record's key in the version table, e.g. `{ organizationId, activityId }`. */
  key: Record<string, string>;
  number: number;
  action: string;
  snapshot: object;
  comment: string | null;
  createdAt: Date;
}

/**
 * The write sequence every versioned record follows, in the request's transaction: lock the row,
 * check who may write it, compare the version the client saw (409 `version_conflict` when stale),
 * then the snapshot row of its history and the audit event, so the change and its trail commit together.
 */
@Injectable()
export class VersionedRecords {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** The row, locked until the transaction ends; 404 when the organisation has no such record. */
  async lock<Row extends VersionedRow>(target: RecordLock<Row>, organizationId: string, id: string): Promise<Row> {
    const row =
      typeof target === 'object' && 'read' in target
        ? await target.read(organizationId, id)
        : await this.connection.getRepository(target).findOne({ where: { organizationId, id } as FindOptionsWhere<Row>, lock: { mode: 'pessimistic_write' } });
    if (!row) throw AppException.notFound();
    return row;
  }

  /**
   * The locked row the caller may write: `check` runs what must answer before a stale version does
   * (authorization, a closed record), then the version is compared.
   */
  async open<Row extends VersionedRow>(target: RecordLock<Row>, organizationId: string, id: string, expected: number, check: (row: Row) => void): Promise<Row> {
    const row = await this.lock(target, organizationId, id);
    check(row);
    assertVersion(row.version, expected);
    return row;
  }

  /** The time of the write: taken after the row lock, so versions of one record are in time order. */
  async now(): Promise<Date> {
    const [{ now }] = await this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  /** `next` as the version after `current`, stamped now. */
  async advance<Row extends VersionedRow>(current: Row, next: Row): Promise<Row> {
    next.version = current.version + 1;
    next.updatedAt = await this.now();
    return next;
  }

  /** The history row (when the record keeps one) and the audit event, by the request's author. */
  async record(event: AuditInput, version?: VersionEntry): Promise<void> {
    if (version) {
      const context = this.connection.context;
      const versions = this.connection.getRepository(version.entity);
      await versions.insert(
        versions.create({
          ...version.key,
          number: version.number,
          action: version.action,
          snapshot: version.snapshot,
          authorId: context.userId ?? null,
          authorName: context.actorName ?? null,
          comment: version.comment,
          createdAt: version.createdAt,
        }),
      );
    }
    await this.audit.record(event);
  }
}
