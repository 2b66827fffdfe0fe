import { ActivitiesModule } from '../activities/activities.module';
import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AbilitiesController } from '../authorization/abilities.controller';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { OnboardingService } from './onboarding.service';
import { TransfersModule } from '../transfers/transfers.module';

@Module({
  imports: [AuditModule, ActivitiesModule, ActivityDirectoryModule, TransfersModule],
  controllers: [OrganizationsController, AbilitiesController],
  providers: [OrganizationsService, OnboardingService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
