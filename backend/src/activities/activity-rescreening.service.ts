import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { rescreenActivity, settleActivityScreening, type ScreeningThresholds } from '../domain/activities/screening-criteria';
import { ProcessingActivity } from './activity.entity';
import { ActivityQueries } from './activity-queries.service';
import { systemActorName } from '../domain/words/system-actors';
import { ActivityStore } from './activity-store.service';
import { screeningThresholdsOf } from './screening-thresholds';

/** The audit actor of the daily settling: no person acted, the product screened again. */
export const SCREENING_JOB_ACTOR = systemActorName('screening');

/**
 * The register after the DPO changes the organisation's screening thresholds: every activity not
 * archived is screened again with the same facts, so findings, queue, dashboard, list filter and
 * exports (which read the stored decision) agree with the new figure at once. An archived activity is
 * history and keeps the decision it had.
 */
@Injectable()
export class ActivityRescreening {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly store: ActivityStore,
    private readonly queries: ActivityQueries,
    private readonly catalogues: ActivityCatalogues,
  ) {}

  /**
   * In the settings change's transaction: each activity whose decision moves gets a new version
   * (action `rescreen`) with its audit event and stored findings. The rows are locked first, so an
   * edit in flight either commits before (and is screened here) or waits and answers 409 on its
   * stale version. Returns how many activities changed.
   */
  async rescreen(organizationId: string, from: ScreeningThresholds, to: ScreeningThresholds): Promise<number> {
    if (from.largeScalePersons === to.largeScalePersons) return 0;
    const rows = await this.connection.getRepository(ProcessingActivity).find({
      where: { organizationId, status: Not('archived') },
      order: { reference: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const facts = await this.catalogues.facts();
    return this.write(rows, (current) => rescreenActivity(current.document, facts, from, to));
  }

  /**
   * Daily, for every organisation (one tenant transaction each): an activity whose stored decision is
   * not the one saving it unchanged would store — saved before a rule or a catalogue fact changed — is
   * settled again, so the findings, queue, dashboard and exports (which read the stored decision) agree
   * with the activity page and validation (which screen anew). Idempotent: a second run changes nothing.
   */
  async run(): Promise<{ organizations: number; settled: number }> {
    const organizations = await this.dataSource.query<{ id: string }[]>('SELECT app_organization_ids() AS id');
    let settled = 0;
    for (const { id } of organizations) {
      settled += await this.connection.withTenant({ organizationId: id, actorName: SCREENING_JOB_ACTOR }, () => this.settleStale(id));
    }
    return { organizations: organizations.length, settled };
  }

  private async settleStale(organizationId: string): Promise<number> {
    const facts = await this.catalogues.facts();
    const thresholds = await screeningThresholdsOf(this.connection.manager, organizationId);
    const settle = (row: ProcessingActivity) => settleActivityScreening(row.document, facts, thresholds);
    const repository = this.connection.getRepository(ProcessingActivity);
    // Read without locks; only the stale ones are locked and read again (an edit may have settled them meanwhile).
    const all = await repository.find({ where: { organizationId, status: Not('archived') } });
    const stale = all.filter((row) => settle(row).decision !== row.document.dpiaScreening.decision).map((row) => row.id);
    if (stale.length === 0) return 0;
    const rows = await repository.find({ where: { organizationId, id: In(stale), status: Not('archived') }, order: { reference: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    return this.write(rows, settle);
  }

  /** Each row whose decision `screen` moves: a new version (`rescreen`), its audit event and stored findings. */
  private async write(rows: ProcessingActivity[], screen: (row: ProcessingActivity) => ProcessingActivity['document']['dpiaScreening']): Promise<number> {
    if (rows.length === 0) return 0;
    // One instant for the whole pass: it is one change of the register.
    const now = await this.store.now();
    let changed = 0;
    for (const current of rows) {
      const screening = screen(current);
      if (screening.decision === current.document.dpiaScreening.decision) continue;
      const labels = await this.queries.labelsOf(current);
      const next: ProcessingActivity = { ...current, document: { ...current.document, dpiaScreening: screening }, version: current.version + 1, updatedAt: now };
      await this.store.save(next);
      await this.store.recordVersion(next, 'rescreen', null, await this.queries.snapshot(current, labels), await this.queries.snapshot(next, labels));
      changed += 1;
    }
    return changed;
  }
}
