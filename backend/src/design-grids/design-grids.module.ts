import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { Module } from '@nestjs/common';
import { WorkflowNotificationsModule } from '../notifications/workflow-notifications.module';
import { TransfersModule } from '../transfers/transfers.module';
import { ActivitiesModule } from '../activities/activities.module';
import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { VendorsModule } from '../vendors/vendors.module';
import { DesignGridsController } from './design-grids.controller';
import { DesignGridQueries } from './design-grid-queries.service';
import { DesignGridsService } from './design-grids.service';

@Module({
  imports: [WorkflowNotificationsModule, TransfersModule, ActivitiesModule, ActivityDirectoryModule, VendorsModule, VersionedRecordModule],
  controllers: [DesignGridsController],
  providers: [DesignGridsService, DesignGridQueries],
})
export class DesignGridsModule {}
