import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import { ActivityVersion, ProcessingActivity } from './activity.entity';
import type { ActivitySnapshot } from '../domain/activities/activity.types';
import { label } from './activity-access';
import { activityFields, ActivityQueries } from './activity-queries.service';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { storeActivityFindings } from '../findings/activity-findings';

/** Writing an activity row and its history: the unique reference (409), the version snapshot and the audit event. */
@Injectable()
export class ActivityStore {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly queries: ActivityQueries,
    private readonly catalogues: ActivityCatalogues,
  ) {}

  callerId(): string | null {
    return this.connection.context.userId ?? null;
  }

  now(): Promise<Date> {
    return this.records.now();
  }

  /**
   * Writes version `row.version` (full snapshot) and the audit event, in the request's transaction.
   * `after`: the row's snapshot when the caller has it already (same labels), saving a read.
   */
  async recordVersion(row: ProcessingActivity, action: string, comment: string | null, before: ActivitySnapshot | null, after?: ActivitySnapshot): Promise<void> {
    const snapshot = after ?? (await this.queries.snapshot(row));
    await this.records.record(
      { action, entityType: 'Activity', entityId: row.id, entityLabel: label(row), before: before ? activityFields(before) : null, after: activityFields(snapshot) },
      { entity: ActivityVersion, key: { organizationId: row.organizationId, activityId: row.id }, number: row.version, action, snapshot, comment, createdAt: row.updatedAt },
    );
  }

  async insert(row: ProcessingActivity): Promise<void> {
    await this.uniqueReference(row.reference, () => this.connection.getRepository(ProcessingActivity).insert(row));
    await this.storeFindings(row);
  }

  async save(row: ProcessingActivity): Promise<void> {
    const { organizationId, id, ...changes } = row;
    await this.uniqueReference(row.reference, () => this.connection.getRepository(ProcessingActivity).update({ organizationId, id }, changes));
    await this.storeFindings(row);
  }

  /** The activity's own findings, stored in the same transaction for the findings' first request (activity-findings.ts). */
  private async storeFindings(row: ProcessingActivity): Promise<void> {
    const manager = this.connection.manager;
    await storeActivityFindings((sql, params) => manager.query(sql, params), row.organizationId, [row.id], await this.catalogues.facts());
  }

  private async uniqueReference(reference: string, write: () => Promise<unknown>): Promise<void> {
    await onUniqueViolation(write, () => new AppException(HttpStatus.CONFLICT, 'activity_reference_taken', { reference }, { reference }));
  }
}
