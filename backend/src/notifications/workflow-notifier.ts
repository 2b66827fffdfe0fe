import { subject } from '@casl/ability';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { defineAbilityFor, type Subject } from '../authorization/ability.factory';
import type { Locale } from '../common/i18n/i18n';
import { PINO_LOGGER } from '../common/logging/logger';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import type { Role } from '../members/membership.entity';
import { renderEmail } from './email-content';
import { MailerService } from './mailer.service';
import type { EmailFrequency, NotificationRecordType, WorkflowKind } from '../domain/notifications/notification-kinds';
import { recordPath } from './record-path';

/** The record a workflow event is about, with what CASL needs to tell who may read it. */
export interface WorkflowRecord {
  type: NotificationRecordType;
  id: string;
  /** T-0042, the vendor's name, the grid's project name… shown with the name. */
  reference: string;
  name: string;
  /** The CASL subject of the record: a recipient who cannot read it is never notified. */
  subject: Subject;
}

export interface WorkflowEvent {
  kind: WorkflowKind;
  organizationId: string;
  record: WorkflowRecord;
  /** `dpos`: the organisation's DPOs ("to review"); `admins`: its administrators; or named users (the owner…). */
  to: Array<'dpos' | 'admins' | { userId: string | null }>;
}

interface Candidate {
  user_id: string;
  roles: Role[];
  department_id: string | null;
  in_app: boolean;
  email: boolean;
}

interface Pending {
  organizationId: string;
  ids: string[];
}

/**
 * Workflow notifications: made in the transaction of the change (a rolled-back change notifies no
 * one), e-mailed once that transaction committed (a TypeORM after-commit hook on the transaction's
 * query runner). Recipients: never the actor, never a non-member, never someone whose ability cannot
 * read the record; each person's preferences decide in-app and e-mail per kind.
 */
@Injectable()
export class WorkflowNotifier implements OnModuleInit, EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Creates the event's notifications in the current transaction; returns the users notified. */
  async notify(event: WorkflowEvent): Promise<string[]> {
    const context = this.connection.context;
    const manager = context.manager;
    const wantsDpos = event.to.includes('dpos');
    const wantsAdmins = event.to.includes('admins');
    const named = event.to.flatMap((target) => (typeof target === 'object' && target.userId ? [target.userId] : []));
    const candidates = await manager.query<Candidate[]>(
      `SELECT m.user_id, m.roles, m.department_id, coalesce(p.in_app, true) AS in_app, coalesce(p.email, true) AS email
       FROM memberships m
       LEFT JOIN notification_kind_preferences p ON p.user_id = m.user_id AND p.kind = $5
       WHERE m.organization_id = $1 AND (('dpo' = ANY(m.roles) AND $2) OR ('admin' = ANY(m.roles) AND $3) OR m.user_id = ANY($4::uuid[]))`,
      [event.organizationId, wantsDpos, wantsAdmins, named, event.kind],
    );
    const recipients = candidates.filter(
      (candidate) =>
        candidate.user_id !== context.userId &&
        (candidate.in_app || candidate.email) &&
        defineAbilityFor({ organizationId: event.organizationId, userId: candidate.user_id, roles: candidate.roles, departmentId: candidate.department_id }).can(
          'read',
          event.record.subject,
        ),
    );
    if (recipients.length === 0) return [];
    const created = await manager.query<{ id: string; by_email: boolean }[]>(
      `INSERT INTO notifications (organization_id, user_id, kind, record_type, record_id, record_reference, record_name, actor_name, in_app, by_email, dedupe_key)
       SELECT $1, r.user_id, $2, $3, $4, $5, $6, $7, r.in_app, r.email, 'event:' || gen_random_uuid()
       FROM jsonb_to_recordset($8::jsonb) AS r(user_id uuid, in_app boolean, email boolean)
       RETURNING id, by_email`,
      [
        event.organizationId,
        event.kind,
        event.record.type,
        event.record.id,
        event.record.reference,
        event.record.name,
        context.actorName ?? null,
        JSON.stringify(recipients.map((recipient) => ({ user_id: recipient.user_id, in_app: recipient.in_app, email: recipient.email }))),
      ],
    );
    const toEmail = created.filter((row) => row.by_email).map((row) => row.id);
    const runner = manager.queryRunner;
    if (toEmail.length && runner) this.pending.set(runner, [...(this.pending.get(runner) ?? []), { organizationId: event.organizationId, ids: toEmail }]);
    return recipients.map((recipient) => recipient.user_id);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A savepoint released is not the commit: wait for the outermost one.
    if (runner.isTransactionActive) return;
    const pending = this.pending.get(runner);
    if (!pending) return;
    this.pending.delete(runner);
    // Not awaited: the answer does not wait for the SMTP server. An e-mail that fails stays unsent,
    // and the weekly digest sends it.
    void this.emailAll(pending).catch((error: unknown) => this.logger.error({ err: error }, 'workflow e-mails not sent'));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  /** The change's events together, per organisation: each person gets one e-mail for the change. */
  private async emailAll(pending: Pending[]): Promise<void> {
    const byOrganization = new Map<string, string[]>();
    for (const { organizationId, ids } of pending) byOrganization.set(organizationId, [...(byOrganization.get(organizationId) ?? []), ...ids]);
    for (const [organizationId, ids] of byOrganization) {
      await this.connection.withTenant({ organizationId }, () => this.email(organizationId, ids));
    }
  }

  /** The notifications of one change, e-mailed to users who chose immediate e-mails; weekly ones wait for the digest. */
  private async email(organizationId: string, ids: string[]): Promise<void> {
    const manager = this.connection.manager;
    const rows = await manager.query<
      {
        id: string;
        user_id: string;
        kind: WorkflowKind;
        record_type: NotificationRecordType;
        record_id: string;
        record_reference: string;
        record_name: string;
        actor_name: string | null;
        email: string;
        name: string;
        locale: Locale;
        email_frequency: EmailFrequency;
        organization_name: string;
      }[]
    >(
      `SELECT n.id, n.user_id, n.kind, n.record_type, n.record_id, n.record_reference, n.record_name, n.actor_name,
              u.email, u.name, u.locale, coalesce(p.email_frequency, 'immediate') AS email_frequency, o.name AS organization_name
       FROM notifications n
       JOIN users u ON u.id = n.user_id
       JOIN organizations o ON o.id = n.organization_id
       LEFT JOIN notification_preferences p ON p.user_id = n.user_id
       WHERE n.organization_id = $1 AND n.id = ANY($2::uuid[]) AND n.by_email AND n.emailed_at IS NULL
       ORDER BY array_position($2::uuid[], n.id)
       FOR UPDATE OF n`,
      [organizationId, ids],
    );
    // One e-mail per person per change: an import that proposes 500 vendors tells each DPO once,
    // listing them, not in 500 e-mails (in-app, each notification stays its own line).
    const byUser = new Map<string, typeof rows>();
    for (const row of rows) if (row.email_frequency === 'immediate') byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    for (const [userId, mine] of byUser) {
      const [first] = mine;
      const content = renderEmail({
        locale: first.locale,
        kind: mine.length === 1 ? 'event' : 'events',
        recipientName: first.name,
        organizationName: first.organization_name,
        items: mine.map((row) => ({
          kind: row.kind,
          recordReference: row.record_reference,
          recordName: row.record_name,
          dueDate: null,
          actorName: row.actor_name,
          url: `${this.config.publicUrl}${recordPath(organizationId, row)}`,
        })),
        notificationsUrl: `${this.config.publicUrl}/orgs/${organizationId}/notifications`,
      });
      await this.mailer.send({ ...content, organizationId, userId, to: first.email, locale: first.locale, kind: 'immediate' });
      await manager.query('UPDATE notifications SET emailed_at = clock_timestamp() WHERE organization_id = $1 AND id = ANY($2::uuid[])', [
        organizationId,
        mine.map((row) => row.id),
      ]);
    }
  }
}

/** The CASL subject of a record type, for `WorkflowRecord.subject`. */
export { subject as workflowSubject };
