import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RightsRequestsController } from './rights-requests.controller';
import { RightsRequestsService } from './rights-requests.service';

@Module({
  imports: [AuditModule],
  controllers: [RightsRequestsController],
  providers: [RightsRequestsService],
  exports: [RightsRequestsService],
})
export class RightsRequestsModule {}
