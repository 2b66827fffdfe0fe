import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { Module } from '@nestjs/common';
import { DpiasController } from './dpias.controller';
import { DpiasService } from './dpias.service';

@Module({
  imports: [VersionedRecordModule],
  controllers: [DpiasController],
  providers: [DpiasService],
  exports: [DpiasService],
})
export class DpiasModule {}
