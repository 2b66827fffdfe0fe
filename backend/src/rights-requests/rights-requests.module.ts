import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RightsRequestsController } from './rights-requests.controller';
import { RightsRequestsService } from './rights-requests.service';
import { RightsRequestQueries } from './rights-request-queries.service';
import { IdentityRetentionService } from './identity-retention.service';

@Module({
  imports: [ActivityDirectoryModule, AuditModule],
  controllers: [RightsRequestsController],
  providers: [RightsRequestsService, RightsRequestQueries, IdentityRetentionService],
  exports: [RightsRequestsService, IdentityRetentionService],
})
export class RightsRequestsModule {}
