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
