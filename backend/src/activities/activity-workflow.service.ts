import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@casl/ability';
import { AppException } from '../common/errors/app-exception';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import type { WorkflowKind } from '../domain/notifications/notification-kinds';
import { WorkflowEvent, WorkflowNotifier } from '../notifications/workflow-notifier';
import { organizationLabels } from '../exports/catalogue-labels';
import { ActivityCatalogues, ActivityFacts } from '../catalogues/activity-catalogues';
import { ActivityIncompleteException } from './activity-errors';
import { ActivityBlockers } from './activity-blockers';
import { checkActivity, completenessOf, RuleInput, unresolvedBlockers, ValidationBlocker, ValidationOverride } from '../domain/activities/activity-rules';
import type { ActivityContent } from '../domain/activities/activity.types';
import { ProcessingActivity } from './activity.entity';
import { ACTIVITY_TRANSITION_RULES, type ActivityTransition } from '../domain/activities/activity-workflow';
import { ActivityAccess, asSubject } from './activity-access';
import { ActivityDetail, ActivityQueries } from './activity-queries.service';
import { ActivityStore } from './activity-store.service';

export type Transition = ActivityTransition;

/** Who hears of each transition: the DPOs for what waits for them, the owner and submitter otherwise. */
const TRANSITION_NOTICES: Record<Transition, { kind: WorkflowKind; to: 'dpos' | 'owner' }> = {
  submit: { kind: 'activity_submitted', to: 'dpos' },
  validate: { kind: 'activity_validated', to: 'owner' },
  archive: { kind: 'activity_archived', to: 'owner' },
  reopen: { kind: 'activity_reopened', to: 'owner' },
  request_changes: { kind: 'activity_changes_requested', to: 'owner' },
};

/** The document with these overrides (the key is left out when there is none, as before the feature). */
function withOverrides(document: ActivityContent, overrides: readonly ValidationOverride[]): ActivityContent {
  const { validationOverrides: _previous, ...rest } = document;
  return overrides.length ? { ...rest, validationOverrides: overrides.map(({ code, reason }) => ({ code, reason })) } : rest;
}

/** The workflow of an activity: its transitions, what validation requires, and who hears of each step. */
@Injectable()
export class ActivityWorkflow {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly store: ActivityStore,
    private readonly queries: ActivityQueries,
    private readonly catalogues: ActivityCatalogues,
    private readonly blockers: ActivityBlockers,
    private readonly notifier: WorkflowNotifier,
  ) {}

  /** `overrides`: on validate only, the blockers the DPO validates despite, each with its reason. */
  async transition(access: ActivityAccess, activityId: string, transition: Transition, expected: number, comment: string | null, overrides: ValidationOverride[] = []): Promise<ActivityDetail> {
    const rule = ACTIVITY_TRANSITION_RULES[transition];
    const current = await this.records.open(ProcessingActivity, access.organizationId, activityId, expected, (row) =>
      ForbiddenError.from(access.ability).throwUnlessCan(rule.permission(row.status), asSubject(row)),
    );
    if (!rule.from.includes(current.status)) {
      throw new AppException(HttpStatus.CONFLICT, 'invalid_transition', { status: current.status, transition, allowedFrom: rule.from }, { status: current.status });
    }
    if (transition === 'validate') await this.assertComplete(current, await this.catalogues.facts(), await this.blockers.ofStored(current), overrides);

    // A transition changes neither department nor owner: their labels are read once.
    const labels = await this.queries.labelsOf(current);
    const before = await this.queries.snapshot(current, labels);
    const now = await this.store.now();
    const next: ProcessingActivity = {
      ...current,
      document: withOverrides(current.document, transition === 'validate' ? overrides : rule.to === 'draft' ? [] : (current.document.validationOverrides ?? [])),
      status: rule.to,
      version: current.version + 1,
      updatedAt: now,
      validatedAt: transition === 'validate' ? now : rule.to === 'draft' ? null : current.validatedAt,
      validatedBy: transition === 'validate' ? this.store.callerId() : rule.to === 'draft' ? null : current.validatedBy,
    };
    await this.store.save(next);
    const view = await this.queries.detail(next, labels);
    await this.store.recordVersion(next, transition, comment, before, await this.queries.snapshot(next, labels));
    await this.notifyTransition(next, transition);
    return view;
  }

  private async notifyTransition(row: ProcessingActivity, transition: Transition): Promise<void> {
    const notice = TRANSITION_NOTICES[transition];
    let to: WorkflowEvent['to'] = ['dpos'];
    if (notice.to === 'owner') {
      // The owner, and whoever submitted it last (an administrator may submit for the owner).
      const [submitter] = await this.connection.manager.query<{ author_id: string | null }[]>(
        `SELECT author_id FROM activity_versions WHERE organization_id = $1 AND activity_id = $2 AND action = 'submit' ORDER BY number DESC LIMIT 1`,
        [row.organizationId, row.id],
      );
      to = [{ userId: row.ownerId }, { userId: submitter?.author_id ?? null }];
    }
    await this.notifier.notify({
      kind: notice.kind,
      organizationId: row.organizationId,
      record: { type: 'activity', id: row.id, reference: row.reference, name: row.name, subject: asSubject(row) },
      to,
    });
  }

  /** A validated activity must pass the register's rules (and, when validating, the blockers): 422 with what is missing. */
  async assertComplete(row: ProcessingActivity, facts: ActivityFacts, blockers: ValidationBlocker[] = [], overrides: readonly ValidationOverride[] = []): Promise<void> {
    const input: RuleInput = { ...row.document, role: row.role };
    const { problems } = checkActivity(input, facts);
    const { uncovered, unused } = unresolvedBlockers(blockers, overrides);
    // An override answers for a risk the register shows: naming one that is not there is a mistake.
    if (unused.length) {
      throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'override_not_needed', { codes: unused.map((override) => override.code) }, { count: unused.length });
    }
    // Missing register content is never overridable: with any problem, every blocker is listed again.
    if (!problems.length && !uncovered.length) return;
    const refused = problems.length ? blockers : uncovered;
    const labels = await organizationLabels((sql, params) => this.connection.manager.query(sql, params), row.organizationId);
    throw new ActivityIncompleteException([...problems, ...refused], completenessOf(input, facts), labels);
  }
}
