import { Module } from '@nestjs/common';
import { TransfersModule } from '../transfers/transfers.module';
import { FindingsModule } from '../findings/findings.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [TransfersModule, FindingsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
  exports: [DashboardService],
})
export class DashboardModule {}
