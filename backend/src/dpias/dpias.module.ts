import { Module } from '@nestjs/common';
import { DpiasController } from './dpias.controller';
import { DpiasService } from './dpias.service';

@Module({
  controllers: [DpiasController],
  providers: [DpiasService],
  exports: [DpiasService],
})
export class DpiasModule {}
