import { subject } from '@casl/ability';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { defineAbilityFor, type AppAbility } from '../authorization/ability.factory';
import type { Locale } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { notificationState } from '../domain/breaches/breach-rules';
import { breachReference } from '../domain/breaches/breach.types';
import { requestReference } from '../domain/rights-requests/rights-request.types';
import { breachNotificationDueAt, daysBetween } from '../domain/deadlines/legal-deadlines';
import { JOBS_TIME_ZONE } from './jobs-schedule';
import { ACTIVITIES_CHANGES_REQUESTED_SQL, ACTIVITY_CHANGES_SQL, joinActivity } from '../activities/directory/activity-directory';
import type { Role } from '../members/membership.entity';
import { ReviewQueueService } from '../review-queue/review-queue.service';
import { MailerService } from './mailer.service';
import { recordPath } from './record-path';
import { REMINDER_LEAD_DAYS, remindersOf, type Reminder } from './reminder-rules';
import { byDate, isEmptyDigest, renderWeeklyDigest, type ChangeKind, type DigestChange, type DigestRecord, type DigestTask, type PersonDigest } from './weekly-digest';
import { NotificationsService } from './notifications.service';

interface Member {
  userId: string;
  roles: Role[];
  departmentId: string | null;
  name: string;
  email: string;
  locale: Locale;
  optedIn: boolean;
}

/** A change of the past week as the audit trail and the record's current row give it. */
interface ChangeRow {
  kind: ChangeKind;
  record_type: 'activity' | 'vendor' | 'dpia' | 'rights_request' | 'breach';
  record_id: string;
  /** null for breaches and rights requests, numbered instead. */
  reference: string | null;
  name: string | null;
  number: number | null;
  occurred_at: Date;
  // What the authorization rules test on the record.
  owner_id: string | null;
  department_id: string | null;
  status: string | null;
  recorded_by: string | null;
}

/**
 * The past week's changes worth telling: one row per audit event, with the record as it is now (a
 * record deleted since is left out). A vendor counts as approved when its review set the status.
 */
const CHANGES_SQL = `
  ${ACTIVITY_CHANGES_SQL}
  UNION ALL
  SELECT 'dpia_decided', 'dpia', d.id, da.reference, da.name, e.occurred_at, NULL, NULL, NULL, NULL, NULL
  FROM audit_events e JOIN dpias d ON d.organization_id = e.organization_id AND d.id = e.entity_id
  ${joinActivity('da', { table: 'd' })}
  WHERE e.organization_id = $1 AND e.occurred_at >= $2 AND e.entity_type = 'Dpia' AND e.action = 'dpia_decide'
  UNION ALL
  SELECT 'vendor_approved', 'vendor', v.id, v.name, v.name, e.occurred_at, NULL, NULL, v.status, NULL, NULL
  FROM audit_events e JOIN vendors v ON v.organization_id = e.organization_id AND v.id = e.entity_id
  WHERE e.organization_id = $1 AND e.occurred_at >= $2 AND e.entity_type = 'Vendor' AND e.action = 'review'
    AND e.changes -> 'status' ->> 'after' = 'approved'
  UNION ALL
  SELECT 'breach_recorded', 'breach', b.id, NULL, b.summary, e.occurred_at, NULL, NULL, NULL, b.recorded_by, b.number
  FROM audit_events e JOIN breaches b ON b.organization_id = e.organization_id AND b.id = e.entity_id
  WHERE e.organization_id = $1 AND e.occurred_at >= $2 AND e.entity_type = 'Breach' AND e.action = 'breach_create'
  UNION ALL
  SELECT 'rights_request_received', 'rights_request', r.id, NULL, NULL, e.occurred_at, NULL, NULL, NULL, r.recorded_by, r.number
  FROM audit_events e JOIN rights_requests r ON r.organization_id = e.organization_id AND r.id = e.entity_id
  WHERE e.organization_id = $1 AND e.occurred_at >= $2 AND e.entity_type = 'RightsRequest' AND e.action = 'rights_request_create'`;

/** The record a change names: breaches and rights requests by their reference (a request's name would be personal data). */
function changedRecord(row: ChangeRow): DigestRecord {
  const numbered = row.record_type === 'breach' ? breachReference(row.number ?? 0) : row.record_type === 'rights_request' ? requestReference(row.number ?? 0) : null;
  const reference = numbered ?? row.reference ?? '';
  return { type: row.record_type, id: row.record_id, reference, name: row.name ?? reference };
}

/** Whether the person may read the record the change is about (the same rules as the pages). */
function canRead(ability: AppAbility, organizationId: string, row: ChangeRow): boolean {
  switch (row.record_type) {
    case 'activity':
      return ability.can('read', subject('Activity', { organizationId, ownerId: row.owner_id, departmentId: row.department_id, status: row.status ?? 'draft' }));
    case 'vendor':
      return ability.can('read', subject('Vendor', { organizationId, status: row.status ?? 'approved' }));
    case 'dpia':
      return ability.can('read', subject('Dpia', { organizationId }));
    case 'breach':
      return ability.can('read', subject('Breach', { organizationId, recordedById: row.recorded_by }));
    case 'rights_request':
      return ability.can('read', subject('RightsRequest', { organizationId, recordedById: row.recorded_by }));
  }
}

const OVERDUE_REMINDERS: ReadonlySet<Reminder['kind']> = new Set(['activity_review_overdue', 'vendor_review_overdue', 'dpia_action_overdue']);
const INTAKE_REMINDERS: ReadonlySet<Reminder['kind']> = new Set(['rights_request_due', 'rights_request_overdue', 'breach_notification_due', 'breach_notification_overdue']);
const OPEN_REQUEST = new Set(['received', 'identity_check', 'in_progress']);

export interface DigestRunResult {
  organizations: number;
  emails: number;
}

/**
 * The weekly digest (issue 19, item 6): for each member of each organisation who did not turn it off,
 * what changed in the register they may read, what waits for them and what falls due, in their
 * language. Nothing to say, no e-mail. Each sending claims its (organisation, person, week) row
 * first, in its own transaction: a second run the same week, on any process, sends nothing twice.
 */
@Injectable()
export class WeeklyDigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly notifications: NotificationsService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<DigestRunResult> {
    const organizations = await this.dataSource.query<{ id: string }[]>('SELECT app_organization_ids() AS id');
    let emails = 0;
    for (const { id } of organizations) emails += await this.digestOrganization(id);
    return { organizations: organizations.length, emails };
  }

  /** The digests of one organisation, built in one tenant transaction, each sent in its own. */
  private async digestOrganization(organizationId: string): Promise<number> {
    const built = await this.connection.withTenant({ organizationId }, () => this.build(organizationId));
    let sent = 0;
    for (const { member, digest } of built.digests) {
      const claimed = await this.connection.withTenant({ organizationId }, async () => {
        const manager = this.connection.manager;
        const rows = await manager.query<{ user_id: string }[]>(
          `INSERT INTO weekly_digests (organization_id, user_id, week_start) VALUES ($1, $2, $3)
           ON CONFLICT (organization_id, user_id, week_start) DO NOTHING RETURNING user_id`,
          [organizationId, member.userId, built.weekStart],
        );
        if (rows.length === 0) return false;
        const base = this.config.publicUrl;
        const content = renderWeeklyDigest({
          locale: member.locale,
          recipientName: member.name,
          organizationName: built.organizationName,
          digest,
          urlOf: (record) => `${base}${digestPath(organizationId, record)}`,
          notificationsUrl: `${base}/orgs/${organizationId}/notifications`,
        });
        // Sent before the claim commits: a failed sending leaves the week unclaimed, for the job's retry.
        await this.mailer.send({ ...content, organizationId, userId: member.userId, to: member.email, locale: member.locale, kind: 'weekly' });
        return true;
      });
      if (claimed) sent += 1;
    }
    return sent;
  }

  private async build(organizationId: string): Promise<{ weekStart: string; organizationName: string; digests: { member: Member; digest: PersonDigest }[] }> {
    const manager = this.connection.manager;
    const [[clock], members, [organization]] = await Promise.all([
      // The week in the jobs' time zone: Monday is when the digest goes out.
      manager.query<{ week_start: string; since: Date }[]>(
        `SELECT to_char(date_trunc('week', now() AT TIME ZONE '${JOBS_TIME_ZONE}'), 'YYYY-MM-DD') AS week_start, now() - interval '7 days' AS since`,
      ),
      manager.query<{ user_id: string; roles: Role[]; department_id: string | null; name: string; email: string; locale: Locale; opted_in: boolean }[]>(
        `SELECT m.user_id, m.roles, m.department_id, u.name, u.email, u.locale, coalesce(p.weekly_digest, true) AS opted_in
         FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN notification_preferences p ON p.user_id = m.user_id
         WHERE m.organization_id = $1 ORDER BY u.email`,
        [organizationId],
      ),
      manager.query<{ name: string }[]>('SELECT name FROM organizations WHERE id = $1', [organizationId]),
    ]);
    const recipients: Member[] = members
      .map((row) => ({ userId: row.user_id, roles: row.roles, departmentId: row.department_id, name: row.name, email: row.email, locale: row.locale, optedIn: row.opted_in }))
      .filter((member) => member.optedIn);
    if (recipients.length === 0) return { weekStart: clock.week_start, organizationName: organization.name, digests: [] };

    const [changes, { context }, queue, returned] = await Promise.all([
      manager.query<ChangeRow[]>(CHANGES_SQL, [organizationId, clock.since]),
      this.notifications.reminderContext(organizationId),
      this.reviewQueue.queue(organizationId),
      // Returned to their author: activities whose latest version asks for changes, grids sent back.
      manager.query<{ type: 'activity' | 'design_grid'; id: string; reference: string; name: string; user_id: string }[]>(
        `${ACTIVITIES_CHANGES_REQUESTED_SQL}
         UNION ALL
         SELECT 'design_grid', g.id, g.project_name, g.project_name, g.created_by
         FROM design_grids g WHERE g.organization_id = $1 AND g.status = 'changes_requested' AND g.created_by IS NOT NULL`,
        [organizationId],
      ),
    ]);
    const reminders = remindersOf(context);
    const intake = context.data.intake;

    const digests = recipients.map((member) => {
      const ability = defineAbilityFor({ organizationId, userId: member.userId, roles: member.roles, departmentId: member.departmentId });
      const digest: PersonDigest = { changes: [], waiting: [], fallingDue: [] };
      for (const row of changes) {
        if (!canRead(ability, organizationId, row)) continue;
        const record = changedRecord(row);
        digest.changes.push({ kind: row.kind, record, occurredAt: new Date(row.occurred_at) } satisfies DigestChange);
      }

      if (member.roles.includes('dpo')) {
        for (const item of queue) {
          const type = item.kind === 'prior_consultation' ? 'dpia' : item.kind === 'dpia_screening' ? 'activity' : item.kind;
          digest.waiting.push({ kind: 'queue', queueKind: item.kind, record: { type, id: item.recordId, reference: item.reference ?? item.title, name: item.title }, since: item.since });
        }
      }
      for (const row of returned.filter((item) => item.user_id === member.userId)) {
        const record: DigestRecord = { type: row.type, id: row.id, reference: row.reference, name: row.name };
        digest.waiting.push(row.type === 'activity' ? { kind: 'activity_changes_requested', record } : { kind: 'grid_returned', record });
      }
      for (const reminder of reminders) {
        if (!reminder.userIds.includes(member.userId)) continue;
        // A grid awaiting the DPO is in their queue already; the intake registers' deadlines have their own section below.
        if (reminder.kind === 'grid_awaiting_dpo' || INTAKE_REMINDERS.has(reminder.kind)) continue;
        (OVERDUE_REMINDERS.has(reminder.kind) ? digest.waiting : digest.fallingDue).push({ kind: 'reminder', reminder });
      }

      // The legal deadlines of the two intake registers, for those who answer them (admins and DPOs).
      if (intake) {
        for (const request of intake.rightsRequests) {
          if (!OPEN_REQUEST.has(request.status) || !ability.can('update', subject('RightsRequest', { organizationId, recordedById: null }))) continue;
          const daysLeft = daysBetween(intake.today, request.effectiveDueOn);
          if (daysLeft > REMINDER_LEAD_DAYS) continue;
          const record: DigestRecord = { type: 'rights_request', id: request.id, reference: request.reference, name: request.reference };
          const task: DigestTask = { kind: daysLeft < 0 ? 'rights_request_overdue' : 'rights_request_due', record, requestType: request.type, dueOn: request.effectiveDueOn };
          (daysLeft < 0 ? digest.waiting : digest.fallingDue).push(task);
        }
        for (const breach of intake.breaches) {
          if (!ability.can('update', subject('Breach', { organizationId, recordedById: null }))) continue;
          const state = notificationState(breach, intake.now);
          const record: DigestRecord = { type: 'breach', id: breach.id, reference: breach.reference, name: breach.summary };
          const dueAt = breachNotificationDueAt(breach.awareAt);
          if (state === 'not_assessed') digest.waiting.push({ kind: 'breach_not_assessed', record, dueAt });
          else if (state === 'overdue') digest.waiting.push({ kind: 'breach_notification_overdue', record, dueAt });
          else if (state === 'due') digest.fallingDue.push({ kind: 'breach_notification_due', record, dueAt });
        }
      }
      digest.waiting.sort(byDate);
      digest.fallingDue.sort(byDate);
      return { member, digest };
    });
    return { weekStart: clock.week_start, organizationName: organization.name, digests: digests.filter(({ digest }) => !isEmptyDigest(digest)) };
  }
}

/** The app page of a record the digest names. */
export function digestPath(organizationId: string, record: DigestRecord): string {
  switch (record.type) {
    case 'rights_request':
      return `/orgs/${organizationId}/rights-requests/${record.id}`;
    case 'breach':
      return `/orgs/${organizationId}/breaches/${record.id}`;
    default:
      return recordPath(organizationId, { record_type: record.type, record_id: record.id });
  }
}
