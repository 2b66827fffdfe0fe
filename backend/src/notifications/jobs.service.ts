import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { PINO_LOGGER } from '../common/logging/logger';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { JOB_QUEUES, JOB_SCHEMA } from '../database/migrations/1763971900000-findings-notifications';
import { ActivityRescreening } from '../activities/activity-rescreening.service';
import { IdentityRetentionService } from '../rights-requests/identity-retention.service';
import { NotificationsService } from './notifications.service';
import { WeeklyDigestService } from './weekly-digest.service';

export { DIGEST_CRON, JOBS_TIME_ZONE, REMINDERS_CRON } from './jobs-schedule';
import { DIGEST_CRON, JOBS_TIME_ZONE, REMINDERS_CRON } from './jobs-schedule';

/**
 * One run per day (or week) whatever the number of API processes: jobs carry a singleton key over a
 * day (a week), so the cron-created job and the job a process sends on start share one slot; pg-boss
 * hands each job to one worker (SKIP LOCKED). The handlers are idempotent besides.
 */
const DAILY = { singletonKey: 'daily', singletonSeconds: 86_400 };
const WEEKLY = { singletonKey: 'weekly', singletonSeconds: 7 * 86_400 };

/**
 * The PostgreSQL-backed job queue (pg-boss) on the API's own connection pool, as the application
 * role: its schema is created by the migrations, never here. Off when JOBS_ENABLED=false.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss?: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly digests: WeeklyDigestService,
    private readonly identityRetention: IdentityRetentionService,
    private readonly rescreening: ActivityRescreening,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  get running(): boolean {
    return this.boss !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: JOB_SCHEMA,
      migrate: false,
      schedule: true,
      supervise: true,
      // A singleton slot lasts as long as its job is in the job table: keep completed jobs longer
      // than the longest slot (a week), or an archived run would free its day for a second one.
      archiveCompletedAfterSeconds: 8 * 86_400,
    });
    boss.on('error', (error) => {
      this.logger.error({ err: error }, 'job queue error');
    });
    await boss.start();
    this.boss = boss;
    await boss.schedule(JOB_QUEUES.reminders, REMINDERS_CRON, {}, { tz: JOBS_TIME_ZONE, ...DAILY });
    await boss.schedule(JOB_QUEUES.weeklyDigest, DIGEST_CRON, {}, { tz: JOBS_TIME_ZONE, ...WEEKLY });
    await boss.work(JOB_QUEUES.reminders, { pollingIntervalSeconds: 2 }, async () => {
      // Stored screening decisions first, so today's reminders, queue and findings read settled ones.
      const screenings = await this.rescreening.run();
      this.logger.info({ job: JOB_QUEUES.reminders, ...screenings }, 'DPIA screenings settled again');
      const result = await this.notifications.runReminders();
      this.logger.info({ job: JOB_QUEUES.reminders, ...result }, 'reminders sent');
      // The daily run also ends the retention of requesters' identity (issue #18 item 1); in the
      // same job so it shares the once-a-day slot. A failure retries the whole job: both parts are idempotent.
      const retention = await this.identityRetention.run();
      this.logger.info({ job: JOB_QUEUES.reminders, ...retention }, 'requesters’ identity removed after retention');
    });
    await boss.work(JOB_QUEUES.weeklyDigest, { pollingIntervalSeconds: 2 }, async () => {
      const reminders = await this.notifications.runWeeklyDigest();
      this.logger.info({ job: JOB_QUEUES.weeklyDigest, ...reminders }, 'weekly reminders sent');
      // Each person's digest of the register; a retried job sends only those not sent this week.
      const digests = await this.digests.run();
      this.logger.info({ job: JOB_QUEUES.weeklyDigest, ...digests }, 'weekly digests sent');
    });
    // A process started after this morning's slot still gets today's run (once: the slot is shared),
    // a little later, so that a first start's demo seed is in before it.
    await this.requestReminders(this.config.jobsStartDelaySeconds);
  }

  /** Asks for today's reminders run; null when today's run was already asked for. */
  async requestReminders(delaySeconds = 0): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue is not running (JOBS_ENABLED=false).');
    return this.boss.send(JOB_QUEUES.reminders, {}, { ...DAILY, ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}) });
  }

  /** Asks for this week's digest run now (an operator after an outage); null when this week's was asked for. */
  async requestWeeklyDigest(): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue is not running (JOBS_ENABLED=false).');
    return this.boss.send(JOB_QUEUES.weeklyDigest, {}, WEEKLY);
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    // The pool is the API's: pg-boss must not close it, only stop polling and wait for running jobs.
    await boss?.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
  }
}
