/** Errors meaning "the database cannot be reached right now", as opposed to a bad query. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'connect ECONNREFUSED',
  'the database system is shutting down',
  'the database system is starting up',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const withCause = error as Error & { code?: string; driverError?: unknown; cause?: unknown };
  if (withCause.code && UNAVAILABLE_CODES.has(withCause.code)) return true;
  if (UNAVAILABLE_MESSAGES.some((fragment) => error.message.includes(fragment))) return true;
  return isDatabaseUnavailable(withCause.driverError) || isDatabaseUnavailable(withCause.cause);
}

/** The PostgreSQL SQLSTATE of a failed query, if any (TypeORM wraps the driver error). */
export function sqlState(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const withCode = error as Error & { code?: unknown; driverError?: unknown };
  if (typeof withCode.code === 'string' && /^[0-9A-Z]{5}$/.test(withCode.code)) return withCode.code;
  return sqlState(withCode.driverError);
}
