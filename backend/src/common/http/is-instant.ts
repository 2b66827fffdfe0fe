import { ValidateBy, type ValidationOptions } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant: an ISO 8601 date-time **with** its offset (`Z` or `+01:00`). A local time without an
 * offset names no instant (the server's zone would decide), so it is refused.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(new Date(value).getTime()),
      },
    },
    options,
  );
}

/** Seconds of clock skew allowed between a client and the server before "now" is the future. */
const SKEW_MS = 5 * 60_000;

/**
 * An "as of" date: the register as it stood then. A date alone means the end of that day (UTC), so
 * today is accepted; a later day or instant is refused — the register of the future is not known and
 * every review would read as overdue.
 */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notInFuture',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true;
          const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
          const instant = new Date(dateOnly ? `${value}T00:00:00Z` : value).getTime();
          if (Number.isNaN(instant)) return true;
          const now = Date.now();
          return dateOnly ? value <= new Date(now + SKEW_MS).toISOString().slice(0, 10) : instant <= now + SKEW_MS;
        },
      },
    },
    options,
  );
}
