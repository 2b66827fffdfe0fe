import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { DepartmentsService } from '../../departments/departments.service';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [AuthModule, OrganizationsModule],
  providers: [DemoSeedService, DepartmentsService],
  exports: [DemoSeedService],
})
export class SeedModule {}
