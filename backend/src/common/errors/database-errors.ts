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

/** The connection of a transaction was closed by PostgreSQL while the transaction was running. */
export class DatabaseConnectionLost extends Error {
  readonly code = '08006'; // connection_failure

  constructor(cause: unknown) {
    super('Connection terminated while a transaction was running', { cause });
    this.name = 'DatabaseConnectionLost';
  }
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

// Duck-typed rather than `instanceof Error`: socket errors may come from another realm (a VM
// context, a worker), and what matters is their code.
function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const withCause = asErrorLike(error);
  if (!withCause) return false;
  if (typeof withCause.code === 'string' && UNAVAILABLE_CODES.has(withCause.code)) return true;
  const message = typeof withCause.message === 'string' ? withCause.message : '';
  if (UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment))) return true;
  return isDatabaseUnavailable(withCause.driverError) || isDatabaseUnavailable(withCause.cause);
}

/** The PostgreSQL SQLSTATE of a failed query, if any (TypeORM wraps the driver error). */
export function sqlState(error: unknown): string | undefined {
  const withCode = asErrorLike(error);
  if (!withCode) return undefined;
  if (typeof withCode.code === 'string' && /^[0-9A-Z]{5}$/.test(withCode.code)) return withCode.code;
  return sqlState(withCode.driverError);
}

/** Runs a write; a unique-key violation becomes the caller's own conflict error (e.g. "name taken"). */
export async function onUniqueViolation<T>(write: () => Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === '23505') throw conflict();
    throw error;
  }
}
