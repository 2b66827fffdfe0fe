import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { requestIdOf } from '../common/http/request-id';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { ROUTE_POLICY, RoutePolicy } from './route-policy';

/**
 * Binds every signed-in request to one transaction whose settings (app.organization_id,
 * app.user_id) drive row-level security: the change and its audit event commit together or not at all.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly connection: TransactionalConnection,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy || policy.kind === 'public') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const scope = {
      organizationId: request.organizationAccess?.organizationId,
      userId: request.user?.id,
      actorName: request.user?.name,
      requestId: requestIdOf(request),
    };
    // Subscribing inside withTenant runs the handler within the transaction's async context.
    return from(this.connection.withTenant(scope, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
