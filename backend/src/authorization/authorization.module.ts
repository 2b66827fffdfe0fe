import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CsrfGuard } from '../auth/csrf.guard';
import { PoliciesGuard } from './policies.guard';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';

/** CSRF first, then the route policy; then every signed-in request runs in its tenant transaction. */
@Global()
@Module({
  providers: [
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: PoliciesGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
  ],
})
export class AuthorizationModule {}
