import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ActivityDirectory } from './activity-directory';

/** The activities module's read port, on its own so that modules the activities module imports can use it too. */
@Module({
  imports: [AuditModule],
  providers: [ActivityDirectory],
  exports: [ActivityDirectory],
})
export class ActivityDirectoryModule {}
