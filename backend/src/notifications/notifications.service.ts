import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale } from '../common/i18n/i18n';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { FindingsDataService } from '../findings/findings-data.service';
import { EmailItem, notificationLine, renderEmail } from './email-content';
import { MailerService } from './mailer.service';
import type { NotificationRecordType } from '../domain/notifications/notification-kinds';
import { recordPath } from './record-path';
import { dedupeKey, DpiaActionRow, GridAwaitingRow, NotificationKind, ReminderContext, remindersOf } from './reminder-rules';
import type { Role } from '../members/membership.entity';
import type { EmailFrequency, NotificationPage, NotificationPreferenceDto, NotificationView, StoredEmailView } from './dto/notification.dto';
import { NOTIFICATION_KINDS } from '../domain/notifications/notification-kinds';
import { joinActivity } from '../activities/directory/activity-directory';
import { adequacyLink, AdequacyNoticeWords, CatalogueChangeRow, concernedRecords, NoticeRecord } from './adequacy-notices';

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  record_type: NotificationRecordType;
  record_id: string;
  record_reference: string;
  record_name: string;
  due_date: string | null;
  /** The deadline's instant when it is one (a breach's 72 hours); null for a day. */
  due_at: Date | null;
  actor_name: string | null;
  created_at: Date;
  read_at: Date | null;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  email_frequency: EmailFrequency;
}

/** A notification about to be recorded (the columns the INSERT reads). */
type PendingNotification = Pick<NotificationRow, 'user_id' | 'kind' | 'record_type' | 'record_id' | 'record_reference' | 'record_name' | 'due_date'> & {
  due_at: string | null;
  dedupe_key: string;
};

export interface RunResult {
  organizations: number;
  notifications: number;
  emails: number;
}

const NOTIFICATION_COLUMNS = `id, user_id, kind, record_type, record_id, record_reference, record_name,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, due_at, actor_name, created_at, read_at`;

export { recordPath } from './record-path';

/**
 * Reminders become in-app notifications for the record's owner and the DPOs, and e-mails: at once,
 * or in the weekly digest, as each user chose. Scheduled runs go over every organisation, each in its
 * own tenant transaction; running one twice adds nothing (one notification per user and reminder).
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly findingsData: FindingsDataService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ——— scheduled runs ———

  async runReminders(): Promise<RunResult> {
    return this.forEachOrganization((organizationId) => this.remindOrganization(organizationId));
  }

  async runWeeklyDigest(): Promise<RunResult> {
    return this.forEachOrganization((organizationId) => this.digestOrganization(organizationId));
  }

  private async forEachOrganization(work: (organizationId: string) => Promise<{ notifications: number; emails: number }>): Promise<RunResult> {
    const organizations = await this.dataSource.query<{ id: string }[]>('SELECT app_organization_ids() AS id');
    const result: RunResult = { organizations: organizations.length, notifications: 0, emails: 0 };
    for (const { id } of organizations) {
      const done = await this.connection.withTenant({ organizationId: id }, () => work(id));
      result.notifications += done.notifications;
      result.emails += done.emails;
    }
    return result;
  }

  /**
   * What the reminder rules read of one organisation (in its tenant transaction): its data, its
   * members and DPOs, the DPIA actions with a due date and the grids awaiting the DPO. The weekly
   * digest reads the same, so that its "falls due" is the reminders' own.
   */
  async reminderContext(organizationId: string): Promise<{ context: ReminderContext; members: { user_id: string; roles: Role[]; name: string; email: string }[] }> {
    const manager = this.connection.manager;
    const [data, members, dpiaActions, gridsAwaiting] = await Promise.all([
      this.findingsData.load(organizationId),
      manager.query<{ user_id: string; roles: Role[]; name: string; email: string }[]>(
        'SELECT m.user_id, m.roles, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1',
        [organizationId],
      ),
      manager.query<DpiaActionRow[]>(
        `SELECT d.id AS "dpiaId", a.reference AS "activityReference", a.owner_id AS "activityOwnerId", action ->> 'id' AS "actionId",
                action ->> 'measure' AS measure, action ->> 'owner' AS owner, to_char((action ->> 'dueDate')::date, 'YYYY-MM-DD') AS "dueDate"
         FROM dpias d
         ${joinActivity('a', { table: 'd' })}
         CROSS JOIN LATERAL jsonb_array_elements(coalesce(d.content -> 'actionPlan', '[]'::jsonb)) AS action
         WHERE d.organization_id = $1 AND a.status <> 'archived' AND action ->> 'status' IS DISTINCT FROM 'done' AND action ->> 'dueDate' IS NOT NULL`,
        [organizationId],
      ),
      manager.query<GridAwaitingRow[]>(
        `SELECT id, project_name AS "projectName", to_char(coalesce(submitted_at, updated_at), 'YYYY-MM-DD') AS "submittedOn"
         FROM design_grids WHERE organization_id = $1 AND status = 'submitted'`,
        [organizationId],
      ),
    ]);
    const dpoIds = members.filter((member) => member.roles.includes('dpo')).map((member) => member.user_id);
    const intakeManagerIds = members.filter((member) => member.roles.includes('dpo') || member.roles.includes('admin')).map((member) => member.user_id);
    const context: ReminderContext = {
      data,
      dpoIds,
      intakeManagerIds,
      dpiaActions,
      gridsAwaiting,
      members: members.map((member) => ({ userId: member.user_id, name: member.name, email: member.email })),
    };
    return { context, members };
  }

  private async remindOrganization(organizationId: string): Promise<{ notifications: number; emails: number }> {
    const { context, members } = await this.reminderContext(organizationId);
    const memberIds = new Set(members.map((member) => member.user_id));
    const rows: PendingNotification[] = remindersOf(context).flatMap((reminder) =>
      reminder.userIds
        .filter((userId) => memberIds.has(userId))
        .map((userId) => ({
          user_id: userId,
          kind: reminder.kind,
          record_type: reminder.recordType,
          record_id: reminder.recordId,
          record_reference: reminder.recordReference,
          record_name: reminder.recordName,
          due_date: reminder.dueDate,
          due_at: reminder.dueAt?.toISOString() ?? null,
          dedupe_key: dedupeKey(reminder),
        })),
    );
    const notices = await this.adequacyNotices(organizationId, context);
    const created = await this.insert(organizationId, [...rows, ...notices]);
    const byEmail = created.filter((row) => row.by_email);
    // A change of adequacy decision is news of its own, not a reminder: an e-mail with its own subject.
    const emails =
      (await this.email(organizationId, byEmail.filter((row) => row.kind !== 'adequacy_decision_changed'), 'immediate')) +
      (await this.email(organizationId, byEmail.filter((row) => row.kind === 'adequacy_decision_changed'), 'adequacy'));
    return { notifications: created.length, emails };
  }

  /** Records the notifications not recorded yet (one per user and dedupe key), as each user's preferences say. */
  private async insert(organizationId: string, rows: PendingNotification[]): Promise<(NotificationRow & { by_email: boolean })[]> {
    if (rows.length === 0) return [];
    return this.connection.manager.query<(NotificationRow & { by_email: boolean })[]>(
      `INSERT INTO notifications (organization_id, user_id, kind, record_type, record_id, record_reference, record_name, due_date, due_at, dedupe_key, in_app, by_email)
       SELECT $1, r.user_id, r.kind, r.record_type, r.record_id, r.record_reference, r.record_name, r.due_date, r.due_at, r.dedupe_key,
              coalesce(p.in_app, true), coalesce(p.email, true)
       FROM jsonb_to_recordset($2::jsonb) AS r(user_id uuid, kind text, record_type text, record_id uuid, record_reference text,
                                               record_name text, due_date date, due_at timestamptz, dedupe_key text)
       LEFT JOIN notification_kind_preferences p ON p.user_id = r.user_id AND p.kind = r.kind
       -- A kind the user turned off entirely is not recorded at all.
       WHERE coalesce(p.in_app, true) OR coalesce(p.email, true)
       ON CONFLICT (organization_id, user_id, dedupe_key) DO NOTHING
       RETURNING ${NOTIFICATION_COLUMNS}, by_email`,
      [organizationId, JSON.stringify(rows)],
    );
  }

  /**
   * Adequacy decisions changed by a catalogue update (catalogue_changes, recorded by the catalogue sync):
   * each change recorded since the organisation exists is assessed once for it — the transfers and
   * vendors in the country it concerns, recorded in adequacy_change_notices even when there are none,
   * so it is never assessed or told twice — and its DPOs are notified when something is concerned.
   */
  private async adequacyNotices(organizationId: string, context: ReminderContext): Promise<PendingNotification[]> {
    const manager = this.connection.manager;
    const changes = await manager.query<CatalogueChangeRow[]>(
      `SELECT c.id, c.code, c.kind, c.decision, c.scope, to_char(c.effective_on, 'YYYY-MM-DD') AS effective_on
       FROM catalogue_changes c JOIN organizations o ON o.id = $1
       WHERE c.catalogue = 'countries' AND c.recorded_at >= o.created_at
         AND NOT EXISTS (SELECT 1 FROM adequacy_change_notices n WHERE n.organization_id = $1 AND n.change_id = c.id)
       ORDER BY c.recorded_at, c.code, c.kind`,
      [organizationId],
    );
    const notifications: PendingNotification[] = [];
    for (const change of changes) {
      const concerned = concernedRecords(change, context.data.activities, context.data.vendors);
      const [noticed] = await manager.query<{ change_id: string }[]>(
        `INSERT INTO adequacy_change_notices (organization_id, change_id, transfers, vendors, records) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (organization_id, change_id) DO NOTHING RETURNING change_id`,
        [organizationId, change.id, concerned.transfers, concerned.vendors, JSON.stringify(concerned.records)],
      );
      // Nothing in the country: nothing to tell. Already noticed (a concurrent run): told by that run.
      if (!noticed || concerned.records.length === 0) continue;
      for (const userId of context.dpoIds) {
        notifications.push({
          user_id: userId,
          kind: 'adequacy_decision_changed',
          record_type: 'adequacy_change',
          record_id: change.id,
          record_reference: change.code,
          record_name: change.decision,
          due_date: change.effective_on,
          due_at: null,
          dedupe_key: `adequacy_decision_changed:${change.id}`,
        });
      }
    }
    return notifications;
  }

  /** The words of the adequacy notices among these notifications, by change id (the organisation's own notice). */
  private async adequacyWords(organizationId: string, rows: Pick<NotificationRow, 'record_type' | 'record_id'>[]): Promise<Map<string, AdequacyNoticeWords>> {
    const ids = [...new Set(rows.filter((row) => row.record_type === 'adequacy_change').map((row) => row.record_id))];
    if (ids.length === 0) return new Map();
    const found = await this.connection.manager.query<
      (Pick<CatalogueChangeRow, 'id' | 'kind' | 'scope' | 'effective_on'> & { label_fr: string | null; label_en: string | null; code: string; transfers: number; vendors: number; records: NoticeRecord[] })[]
    >(
      `SELECT c.id, c.code, c.kind, c.scope, to_char(c.effective_on, 'YYYY-MM-DD') AS effective_on, e.label_fr, e.label_en, n.transfers, n.vendors, n.records
       FROM catalogue_changes c
       JOIN adequacy_change_notices n ON n.organization_id = $1 AND n.change_id = c.id
       LEFT JOIN catalogue_entries e ON e.catalogue = c.catalogue AND e.code = c.code
       WHERE c.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return new Map(
      found.map((row) => [
        row.id,
        {
          change: row.kind,
          scope: row.scope,
          effectiveOn: row.effective_on,
          // A country the catalogue no longer lists keeps its code rather than no name at all.
          country: { fr: row.label_fr ?? row.code, en: row.label_en ?? row.code },
          transfers: row.transfers,
          vendors: row.vendors,
          records: row.records,
        },
      ]),
    );
  }

  private async digestOrganization(organizationId: string): Promise<{ notifications: number; emails: number }> {
    // Everything not e-mailed yet: the weekly users' notifications (and any an immediate e-mail missed).
    const pending = await this.connection.manager.query<NotificationRow[]>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE organization_id = $1 AND emailed_at IS NULL AND by_email ORDER BY due_date, record_reference`,
      [organizationId],
    );
    return { notifications: 0, emails: await this.email(organizationId, pending, 'digest') };
  }

  /** One e-mail per recipient: immediate ones (and adequacy notices) only to users who chose immediate e-mails. */
  private async email(organizationId: string, notifications: NotificationRow[], kind: 'immediate' | 'digest' | 'adequacy'): Promise<number> {
    if (notifications.length === 0) return 0;
    const manager = this.connection.manager;
    const adequacy = await this.adequacyWords(organizationId, notifications);
    const byUser = new Map<string, NotificationRow[]>();
    for (const row of notifications) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    const [recipients, [organization]] = await Promise.all([
      manager.query<Recipient[]>(
        `SELECT u.id, u.email, u.name, u.locale, coalesce(p.email_frequency, 'immediate') AS email_frequency
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
        [[...byUser.keys()]],
      ),
      manager.query<{ name: string }[]>('SELECT name FROM organizations WHERE id = $1', [organizationId]),
    ]);
    let sent = 0;
    for (const recipient of recipients) {
      if (kind !== 'digest' && recipient.email_frequency !== 'immediate') continue;
      const rows = byUser.get(recipient.id) ?? [];
      const items: EmailItem[] = rows.map((row) => {
        const words = adequacy.get(row.record_id) ?? null;
        return {
          kind: row.kind,
          recordReference: row.record_reference,
          recordName: row.record_name,
          dueDate: row.due_date,
          dueAt: row.due_at,
          actorName: row.actor_name,
          adequacy: words,
          url: `${this.config.publicUrl}${words ? adequacyLink(organizationId, words) : recordPath(organizationId, row)}`,
        };
      });
      const content = renderEmail({
        locale: recipient.locale,
        kind,
        recipientName: recipient.name,
        organizationName: organization.name,
        items,
        notificationsUrl: `${this.config.publicUrl}/orgs/${organizationId}/notifications`,
      });
      // Stored e-mails know immediate and digest ones: an adequacy notice is sent at once.
      await this.mailer.send({ ...content, organizationId, userId: recipient.id, to: recipient.email, locale: recipient.locale, kind: kind === 'adequacy' ? 'immediate' : kind });
      await manager.query('UPDATE notifications SET emailed_at = clock_timestamp() WHERE organization_id = $1 AND id = ANY($2::uuid[])', [
        organizationId,
        rows.map((row) => row.id),
      ]);
      sent += 1;
    }
    return sent;
  }

  // ——— in the application ———

  async list(organizationId: string, userId: string, query: PageQuery, locale: Locale): Promise<NotificationPage> {
    const manager = this.connection.manager;
    const [rows, [counts]] = await Promise.all([
      manager.query<NotificationRow[]>(
        `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE organization_id = $1 AND user_id = $2 AND in_app
         ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
        [organizationId, userId, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      manager.query<{ total: number; unread: number }[]>(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
         FROM notifications WHERE organization_id = $1 AND user_id = $2 AND in_app`,
        [organizationId, userId],
      ),
    ]);
    const adequacy = await this.adequacyWords(organizationId, rows);
    const items = rows.map(
      (row): NotificationView => ({
        id: row.id,
        kind: row.kind,
        recordType: row.record_type,
        recordId: row.record_id,
        recordReference: row.record_reference,
        recordName: row.record_name,
        dueDate: row.due_date,
        actorName: row.actor_name,
        createdAt: row.created_at,
        read: row.read_at !== null,
        message: notificationLine(
          {
            kind: row.kind,
            recordReference: row.record_reference,
            recordName: row.record_name,
            dueDate: row.due_date,
            dueAt: row.due_at,
            actorName: row.actor_name,
            adequacy: adequacy.get(row.record_id) ?? null,
          },
          locale,
        ),
        link: adequacy.has(row.record_id) ? adequacyLink(organizationId, adequacy.get(row.record_id)!) : recordPath(organizationId, row),
      }),
    );
    return { ...pageOf(items, counts.total, query), unread: counts.unread };
  }

  /** Marks the caller's notifications read (those given, or all). Returns how many changed. */
  async markRead(organizationId: string, userId: string, ids: string[] | undefined): Promise<number> {
    // A SELECT around the UPDATE: TypeORM returns [rows, count] for a bare UPDATE.
    const [{ marked }] = await this.connection.manager.query<{ marked: number }[]>(
      `WITH updated AS (
         UPDATE notifications SET read_at = clock_timestamp()
         WHERE organization_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
         RETURNING id)
       SELECT count(*)::int AS marked FROM updated`,
      [organizationId, userId, ids ?? null],
    );
    return marked;
  }

  async preference(userId: string): Promise<NotificationPreferenceDto> {
    const manager = this.connection.manager;
    const [[row], kinds] = await Promise.all([
      manager.query<{ email_frequency: EmailFrequency; weekly_digest: boolean }[]>('SELECT email_frequency, weekly_digest FROM notification_preferences WHERE user_id = $1', [
        userId,
      ]),
      manager.query<{ kind: NotificationKind; in_app: boolean; email: boolean }[]>('SELECT kind, in_app, email FROM notification_kind_preferences WHERE user_id = $1', [
        userId,
      ]),
    ]);
    const byKind = new Map(kinds.map((kind) => [kind.kind, kind]));
    return {
      emailFrequency: row?.email_frequency ?? 'immediate',
      weeklyDigest: row?.weekly_digest ?? true,
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: byKind.get(kind)?.in_app ?? true, email: byKind.get(kind)?.email ?? true })),
    };
  }

  async setPreference(userId: string, input: NotificationPreferenceDto): Promise<NotificationPreferenceDto> {
    const manager = this.connection.manager;
    // The weekly digest keeps its setting when the request does not name it.
    await manager.query(
      `INSERT INTO notification_preferences (user_id, email_frequency, weekly_digest) VALUES ($1, $2, coalesce($3::boolean, true))
       ON CONFLICT (user_id) DO UPDATE SET email_frequency = EXCLUDED.email_frequency,
         weekly_digest = coalesce($3::boolean, notification_preferences.weekly_digest), updated_at = now()`,
      [userId, input.emailFrequency, input.weeklyDigest ?? null],
    );
    if (input.kinds?.length) {
      await manager.query(
        `INSERT INTO notification_kind_preferences (user_id, kind, in_app, email)
         SELECT $1, k.kind, k."inApp", k.email FROM jsonb_to_recordset($2::jsonb) AS k(kind text, "inApp" boolean, email boolean)
         ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, updated_at = now()`,
        [userId, JSON.stringify(input.kinds)],
      );
    }
    return this.preference(userId);
  }

  async storedEmails(organizationId: string, query: PageQuery): Promise<Page<StoredEmailView> & { smtpConfigured: boolean }> {
    const manager = this.connection.manager;
    const [items, [{ total }]] = await Promise.all([
      manager.query<StoredEmailView[]>(
        `SELECT id, to_address AS "to", subject, body_text AS "text", body_html AS "html", locale, kind, created_at AS "createdAt"
         FROM stored_emails WHERE organization_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [organizationId, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      manager.query<{ total: number }[]>('SELECT count(*)::int AS total FROM stored_emails WHERE organization_id = $1', [organizationId]),
    ]);
    // The page says whether e-mails are sent or stored: the environment's real state, not an assumption.
    return { ...pageOf(items, total, query), smtpConfigured: !this.mailer.storesInstead };
  }
}
