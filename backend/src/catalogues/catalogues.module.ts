import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ActivityCatalogues } from './activity-catalogues';
import { CataloguesController } from './catalogues.controller';
import { CataloguesService } from './catalogues.service';

/** The shipped catalogues and the organisation's entries; `ActivityCatalogues` is the one cache of their facts. */
@Module({
  imports: [AuditModule],
  controllers: [CataloguesController],
  providers: [CataloguesService, ActivityCatalogues],
  exports: [CataloguesService, ActivityCatalogues],
})
export class CataloguesModule {}
