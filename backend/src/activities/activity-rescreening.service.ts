import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { rescreenActivity, type ScreeningThresholds } from '../domain/activities/screening-criteria';
import { ProcessingActivity } from './activity.entity';
import { ActivityQueries } from './activity-queries.service';
import { ActivityStore } from './activity-store.service';

/**
 * The register after the DPO changes the organisation's screening thresholds: every activity not
 * archived is screened again with the same facts, so findings, queue, dashboard, list filter and
 * exports (which read the stored decision) agree with the new figure at once. An archived activity is
 * history and keeps the decision it had.
 */
@Injectable()
export class ActivityRescreening {
  constructor(
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
    let changed = 0;
    for (const current of rows) {
      const screening = rescreenActivity(current.document, facts, from, to);
      if (screening.decision === current.document.dpiaScreening.decision) continue;
      const labels = await this.queries.labelsOf(current);
      const next: ProcessingActivity = { ...current, document: { ...current.document, dpiaScreening: screening }, version: current.version + 1, updatedAt: await this.store.now() };
      await this.store.save(next);
      await this.store.recordVersion(next, 'rescreen', null, await this.queries.snapshot(current, labels), await this.queries.snapshot(next, labels));
      changed += 1;
    }
    return changed;
  }
}
