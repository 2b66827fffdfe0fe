import { Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, Repository } from 'typeorm';
import { DatabaseConnectionLost } from '../errors/database-errors';
import { RequestContext, requestContext } from './request-context';

export interface TenantScope {
  organizationId?: string;
  userId?: string;
  actorName?: string;
  requestId?: string;
}

/**
 * Gives services the repositories of the current request's transaction, so they never pass an
 * EntityManager around. The transaction carries the tenant settings that row-level security reads.
 */
@Injectable()
export class TransactionalConnection {
  constructor(readonly dataSource: DataSource) {}

  get context(): RequestContext {
    const context = requestContext.getStore();
    if (!context) throw new Error('No request transaction: tenant data is only reachable inside withTenant().');
    return context;
  }

  get manager(): EntityManager {
    return this.context.manager;
  }

  getRepository<Entity extends ObjectLiteral>(target: EntityTarget<Entity>): Repository<Entity> {
    return this.manager.getRepository(target);
  }

  /** Runs `work` in one transaction whose tenant settings are `scope`; commits when it resolves. */
  async withTenant<T>(scope: TenantScope, work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const send = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    // One connection runs one query at a time. Services may still start several reads together
    // (Promise.all); pg would queue them itself, but that queue is deprecated ("client.query() when the
    // client is already executing a query", removed in pg@9), so the request's queries wait their turn here.
    let previous: Promise<unknown> = Promise.resolve();
    const inTurn = (...args: unknown[]): Promise<unknown> => {
      const result = previous.then(() => send(...args));
      previous = result.catch(() => undefined);
      return result;
    };
    // The transaction's start and its tenant settings in one round trip (every request pays it): the
    // simple protocol takes both statements, so the values are literals, escaped by pg.
    const settings = `SELECT set_config('app.organization_id', ${escapeLiteral(scope.organizationId ?? '')}, true), set_config('app.user_id', ${escapeLiteral(scope.userId ?? '')}, true)`;
    let started = false;
    runner.query = ((sql: string, ...rest: unknown[]) => {
      if (started || sql !== 'START TRANSACTION') return inTurn(sql, ...rest);
      started = true;
      return inTurn(`START TRANSACTION; ${settings}`);
    }) as typeof runner.query;
    try {
      return await runner.manager.transaction((manager) => requestContext.run({ ...scope, manager }, work));
    } catch (error) {
      // When PostgreSQL drops a connection (restart, crash), the driver releases the transaction's
      // query runner and the request's next query fails with "query runner already released", not
      // with the connection error: a 500 instead of the 503 the client can retry (seen in the soak
      // test, test/faults/soak.faults.ts). Nothing else releases the runner before the transaction ends.
      if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) throw new DatabaseConnectionLost(error);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `work` in the current transaction on behalf of another user (audit actor, version author),
   * e.g. the demo seed importing the register as its DPO right after creating the organisation.
   */
  async runAs<T>(actor: { userId: string; actorName: string }, work: () => Promise<T>): Promise<T> {
    const context = this.context;
    await context.manager.query("SELECT set_config('app.user_id', $1, true)", [actor.userId]);
    // On failure the transaction rolls back as a whole, settings included.
    const result = await requestContext.run({ ...context, ...actor }, work);
    await context.manager.query("SELECT set_config('app.user_id', $1, true)", [context.userId ?? '']);
    return result;
  }

  /** Re-binds the current transaction to another organisation (used when creating one). */
  async bindOrganization(organizationId: string): Promise<void> {
    const context = this.context;
    await context.manager.query("SELECT set_config('app.organization_id', $1, true)", [organizationId]);
    context.organizationId = organizationId;
  }
}
