import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RightsRequestsController } from './rights-requests.controller';
import { RightsRequestsService } from './rights-requests.service';

@Module({
  imports: [ActivityDirectoryModule, AuditModule],
  controllers: [RightsRequestsController],
  providers: [RightsRequestsService],
  exports: [RightsRequestsService],
})
export class RightsRequestsModule {}
