import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { TransfersModule } from '../transfers/transfers.module';
import { DocumentsProvider } from './evidence-providers';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { PdfController } from './pdf/pdf.controller';

@Module({
  imports: [AuditModule, CataloguesModule, EvidenceModule, TransfersModule],
  controllers: [ExportsController, PdfController],
  providers: [ExportsService, DocumentsProvider],
  exports: [ExportsService],
})
export class ExportsModule {}
