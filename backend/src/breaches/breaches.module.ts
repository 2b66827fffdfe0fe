import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BreachesController } from './breaches.controller';
import { BreachesService } from './breaches.service';

@Module({
  imports: [AuditModule],
  controllers: [BreachesController],
  providers: [BreachesService],
  exports: [BreachesService],
})
export class BreachesModule {}
