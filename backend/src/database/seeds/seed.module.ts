import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../activities/activities.module';
import { AuthModule } from '../../auth/auth.module';
import { DepartmentsModule } from '../../departments/departments.module';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { VendorsModule } from '../../vendors/vendors.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [AuthModule, OrganizationsModule, DepartmentsModule, VendorsModule, ActivitiesModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
