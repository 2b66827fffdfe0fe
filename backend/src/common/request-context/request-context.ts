import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/** What a request's transaction knows: its manager and the tenant it is bound to. */
export interface RequestContext {
  manager: EntityManager;
  organizationId?: string;
  userId?: string;
  actorName?: string;
  requestId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
