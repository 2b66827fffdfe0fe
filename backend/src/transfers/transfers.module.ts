import { Module } from '@nestjs/common';
import { TransferFactsService } from './transfer-facts.service';

@Module({ providers: [TransferFactsService], exports: [TransferFactsService] })
export class TransfersModule {}
