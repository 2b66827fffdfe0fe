import { Module } from '@nestjs/common';
import { ActivityCatalogues } from '../activities/activity-catalogues';
import { EvidenceModule } from '../evidence/evidence.module';
import { TransfersModule } from '../transfers/transfers.module';
import { DocumentsProvider } from './evidence-providers';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { PdfController } from './pdf/pdf.controller';

@Module({
  imports: [EvidenceModule, TransfersModule],
  controllers: [ExportsController, PdfController],
  providers: [ExportsService, ActivityCatalogues, DocumentsProvider],
  exports: [ExportsService],
})
export class ExportsModule {}
