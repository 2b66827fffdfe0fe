import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdequacyConfirmationsService } from './adequacy-confirmations.service';
import { TransferFactsService } from './transfer-facts.service';

@Module({ imports: [AuditModule], providers: [TransferFactsService, AdequacyConfirmationsService], exports: [TransferFactsService, AdequacyConfirmationsService] })
export class TransfersModule {}
