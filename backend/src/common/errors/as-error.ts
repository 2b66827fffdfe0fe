/**
 * Callback APIs hand back `unknown`; promises should reject with an Error. Error-like objects are
 * kept as they are (with their code): an error from another realm fails `instanceof Error`.
 */
export function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') return value as Error;
  return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
