import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

export const PINO_LOGGER = Symbol('PINO_LOGGER');

/** Structured JSON logs; secrets and cookies never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'registre-api' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'],
      censor: '[redacted]',
    },
  });
}

/** Lets Nest's own messages (bootstrap, route mapping) go through pino too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
