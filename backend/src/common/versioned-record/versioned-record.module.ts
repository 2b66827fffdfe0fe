import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { VersionedRecords } from './versioned-records';

@Module({
  imports: [AuditModule],
  providers: [VersionedRecords],
  exports: [VersionedRecords],
})
export class VersionedRecordModule {}
