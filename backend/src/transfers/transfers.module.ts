import { Global, Module } from '@nestjs/common';
import { TransferFactsService } from './transfer-facts.service';

@Global()
@Module({ providers: [TransferFactsService], exports: [TransferFactsService] })
export class TransfersModule {}
