import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { PINO_LOGGER } from '../common/logging/logger';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { CheckpointService } from './checkpoint.service';

/**
 * Signs every organisation's chain head at least daily (exports sign their own). A plain timer, not
 * a pg-boss queue: a new queue needs its own partition created by a migration in the job schema, and
 * a run per process is harmless (two checkpoints of one head both verify). Off when JOBS_ENABLED=false,
 * as in tests, which call CheckpointService.signAll() themselves.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkpoints: CheckpointService,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    const run = () => {
      this.checkpoints.signAll().then(
        (signed) => this.logger.info({ signed }, 'audit checkpoints signed'),
        (error: unknown) => this.logger.error({ err: error }, 'audit checkpoints failed'),
      );
    };
    // After the start delay (the demo seed comes first), then every interval.
    this.timers.push(setTimeout(run, this.config.jobsStartDelaySeconds * 1000).unref());
    this.timers.push(setInterval(run, this.config.auditCheckpointIntervalHours * 3_600_000).unref());
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
