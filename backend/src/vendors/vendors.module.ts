import { Module } from '@nestjs/common';
import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { VendorLinksService } from './vendor-links.service';
import { VendorsController } from './vendors.controller';
import { VendorsService } from './vendors.service';

@Module({
  imports: [EvidenceModule, VersionedRecordModule],
  controllers: [VendorsController],
  providers: [VendorsService, VendorLinksService],
  exports: [VendorsService, VendorLinksService],
})
export class VendorsModule {}
