import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AbilitiesController } from '../authorization/abilities.controller';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [AuditModule, ActivityDirectoryModule],
  controllers: [OrganizationsController, AbilitiesController],
  providers: [OrganizationsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
