import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation, sqlState } from '../common/errors/database-errors';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import { ActivityVersion, ProcessingActivity } from './activity.entity';
import type { ActivitySnapshot } from '../domain/activities/activity.types';
import { label } from './activity-access';
import { activityFields, ActivityQueries } from './activity-queries.service';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { storeActivityFindings } from '../findings/activity-findings';

/** Rows per multi-row statement of an import: few round trips, each statement's JSON a few MB at most. */
export const IMPORT_CHUNK = 1000;

/** Writing an activity row and its history: the unique reference (409), the version snapshot and the audit event. */
@Injectable()
export class ActivityStore {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly queries: ActivityQueries,
    private readonly audit: AuditService,
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

  /**
   * Many new activities at version 1 (an import), each with its version row and its audit event, in
   * multi-row statements of IMPORT_CHUNK rows: `snapshots[i]` is rows[i]'s snapshot, built by the
   * caller with the labels it holds (what `queries.snapshot` would read). A reference taken meanwhile
   * answers 409 like a single insert, and the caller's transaction writes nothing.
   */
  async insertMany(rows: ProcessingActivity[], snapshots: ActivitySnapshot[], action: string): Promise<void> {
    const manager = this.connection.manager;
    const context = this.connection.context;
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK);
      const organizationId = chunk[0].organizationId;
      // A savepoint per chunk: when a concurrent request took one of its references, the transaction can
      // still read which one (PostgreSQL leaves the key out of the error under row-level security).
      await manager.query('SAVEPOINT registre_import_chunk');
      try {
        await manager.query(
          `INSERT INTO processing_activities (organization_id, id, reference, name, description, department_id, owner_id, role, status, next_review_date, document,
                                              version, created_at, updated_at, validated_at, validated_by)
           SELECT $1, (e ->> 'id')::uuid, e ->> 'reference', e ->> 'name', e ->> 'description', (e ->> 'departmentId')::uuid, (e ->> 'ownerId')::uuid, e ->> 'role',
                  e ->> 'status', (e ->> 'nextReviewDate')::date, e -> 'document', (e ->> 'version')::int, (e ->> 'createdAt')::timestamptz,
                  (e ->> 'updatedAt')::timestamptz, (e ->> 'validatedAt')::timestamptz, (e ->> 'validatedBy')::uuid
           FROM jsonb_array_elements($2::jsonb) AS e`,
          [organizationId, JSON.stringify(chunk)],
        );
      } catch (error) {
        if (sqlState(error) !== '23505') throw error;
        await manager.query('ROLLBACK TO SAVEPOINT registre_import_chunk');
        const [taken] = await manager.query<{ reference: string }[]>(
          'SELECT reference FROM processing_activities WHERE organization_id = $1 AND reference = ANY($2::text[]) ORDER BY reference LIMIT 1',
          [organizationId, chunk.map((row) => row.reference)],
        );
        const reference = taken?.reference ?? '';
        throw new AppException(HttpStatus.CONFLICT, 'activity_reference_taken', { reference }, { reference });
      }
      await manager.query('RELEASE SAVEPOINT registre_import_chunk');
      await manager.query(
        `INSERT INTO activity_versions (organization_id, activity_id, number, action, snapshot, author_id, author_name, comment, created_at)
         SELECT $1, (e ->> 'id')::uuid, (e ->> 'version')::int, $2, e -> 'snapshot', $3, $4, NULL, (e ->> 'updatedAt')::timestamptz
         FROM jsonb_array_elements($5::jsonb) AS e`,
        [
          organizationId,
          action,
          context.userId ?? null,
          context.actorName ?? null,
          JSON.stringify(chunk.map((row, i) => ({ id: row.id, version: row.version, updatedAt: row.updatedAt, snapshot: snapshots[start + i] }))),
        ],
      );
    }
    // Their own findings too, as a single insert stores them (read back per statement of 1,000).
    if (rows.length > 0) {
      const facts = await this.catalogues.facts();
      await storeActivityFindings((sql, params) => manager.query(sql, params), rows[0].organizationId, rows.map((row) => row.id), facts);
    }
    await this.audit.recordMany(
      rows.map((row, i) => ({ action, entityType: 'Activity', entityId: row.id, entityLabel: label(row), before: null, after: activityFields(snapshots[i]) })),
    );
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
