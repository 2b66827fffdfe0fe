import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { CsrfGuard } from '../auth/csrf.guard';
import { PoliciesGuard } from './policies.guard';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';

/** CSRF first, then the route policy; then every signed-in request runs in its tenant transaction. */
@Module({
  // The route table (DiscoveryService) is walked to prove every route declares a policy.
  imports: [DiscoveryModule],
  providers: [
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: PoliciesGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
  ],
})
export class AuthorizationModule {}
