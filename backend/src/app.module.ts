import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AccountDatabase } from './database/account-database';
import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { InvitationsModule } from './invitations/invitations.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { BreachesModule } from './breaches/breaches.module';
import { CataloguesModule } from './catalogues/catalogues.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { PINO_LOGGER } from './common/logging/logger';
import { TransactionalConnection } from './common/request-context/transactional-connection';
import { AppConfig, APP_CONFIG } from './config/app.config';
import { SeedModule } from './database/seeds/seed.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DepartmentsModule } from './departments/departments.module';
import { DesignGridsModule } from './design-grids/design-grids.module';
import { DpiasModule } from './dpias/dpias.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ExportsModule } from './exports/exports.module';
import { FindingsModule } from './findings/findings.module';
import { ImportsModule } from './imports/imports.module';
import { HealthController } from './health/health.controller';
import { MembersModule } from './members/members.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ReviewQueueModule } from './review-queue/review-queue.module';
import { RightsRequestsModule } from './rights-requests/rights-requests.module';
import { TransfersModule } from './transfers/transfers.module';
import { VendorsModule } from './vendors/vendors.module';

/** Infrastructure shared by every feature: configuration, logger, the application-role DataSource. */
@Global()
@Module({})
class CoreModule {
  static register(config: AppConfig, dataSource: DataSource, accounts: AccountDatabase, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: AccountDatabase, useValue: accounts },
        { provide: PINO_LOGGER, useValue: logger },
        TransactionalConnection,
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [APP_CONFIG, DataSource, AccountDatabase, PINO_LOGGER, TransactionalConnection],
    };
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig, dataSource: DataSource, accounts: AccountDatabase, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config, dataSource, accounts, logger),
        AuthorizationModule,
        AuditModule,
        AuthModule,
        OrganizationsModule,
        MembersModule,
        InvitationsModule,
        DepartmentsModule,
        CataloguesModule,
        TransfersModule,
        VendorsModule,
        EvidenceModule,
        ActivitiesModule,
        DpiasModule,
        DesignGridsModule,
        ExportsModule,
        FindingsModule,
        DashboardModule,
        NotificationsModule,
        ImportsModule,
        RightsRequestsModule,
        BreachesModule,
        ReviewQueueModule,
        SeedModule,
      ],
      controllers: [HealthController],
    };
  }
}
