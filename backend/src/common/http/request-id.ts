import type { Request } from 'express';

/** The id pino-http gave the request (echoed in the x-request-id header and in error details). */
export function requestIdOf(request: Request): string {
  const id: unknown = request.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}
