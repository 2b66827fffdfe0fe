import { Module } from '@nestjs/common';
import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { AuditModule } from '../audit/audit.module';
import { BreachesController } from './breaches.controller';
import { BreachesService } from './breaches.service';

@Module({
  imports: [AuditModule, ActivityDirectoryModule],
  controllers: [BreachesController],
  providers: [BreachesService],
  exports: [BreachesService],
})
export class BreachesModule {}
