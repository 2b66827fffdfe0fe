import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ActivityImport } from '../../activities/activity-import.service';
import { hashPassword } from '../../auth/password';
import { defineAbilityFor } from '../../authorization/ability.factory';
import { PINO_LOGGER } from '../../common/logging/logger';
import { TransactionalConnection } from '../../common/request-context/transactional-connection';
import { DepartmentsService } from '../../departments/departments.service';
import { Membership, Role } from '../../members/membership.entity';
import { OrganizationsService } from '../../organizations/organizations.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { VendorImport } from '../../vendors/vendor-import.service';
import sampleRegister from './sample-register.json';

export const DEMO_PASSWORD = 'registre-demo';
const DEMO_SEED_LOCK_KEY = 7_261_002;
export const DEMO_ORGANIZATION_NAME = 'Démo';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.com', name: 'Alice Admin', role: 'admin' },
  { email: 'dpo@example.com', name: 'Denis Délégué', role: 'dpo' },
  { email: 'contributor@example.com', name: 'Chloé Contributrice', role: 'contributor' },
  { email: 'auditor@example.com', name: 'Aurélien Auditeur', role: 'auditor' },
];

export interface SeedResult {
  created: boolean;
  organizationId?: string;
  vendors?: number;
  activities?: number;
}

/**
 * Creates the demo organisation "Démo" and one user per role on an empty database, and loads the
 * sample register (sample-register.json): its vendors first, then its activities with their statuses
 * (their processors name those vendors), imported by the demo DPO through the same code paths as
 * POST /vendors/import-json and POST /activities/import-json — all in one transaction.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly departments: DepartmentsService,
    private readonly activities: ActivityImport,
    private readonly vendors: VendorImport,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  /** Replicas starting together on an empty database seed once: the check and the seed run under a lock. */
  async seedIfEmpty(): Promise<SeedResult> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [DEMO_SEED_LOCK_KEY]);
      const userCount = await this.dataSource.getRepository(User).count();
      if (userCount > 0) return { created: false };
      return await this.seed();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_SEED_LOCK_KEY]).catch(() => undefined);
      await lock.release();
    }
  }

  async seed(): Promise<SeedResult> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const accounts: { email: string; name: string; role: Role; user: User }[] = [];
    for (const demo of DEMO_USERS) {
      accounts.push({ ...demo, user: (await this.users.findByEmail(demo.email)) ?? (await this.users.create({ email: demo.email, name: demo.name, passwordHash, locale: 'fr', emailVerifiedAt: new Date() })) });
    }
    const admin = accounts[0].user;
    const fixture = sampleRegister.organization;
    const dpo = accounts.find((account) => account.role === 'dpo')!.user;
    const { organizationId, vendors, activities } = await this.connection.withTenant({ userId: admin.id, actorName: admin.name }, async () => {
      const organization = await this.organizations.create(admin.id, { name: DEMO_ORGANIZATION_NAME, creatorIsDpo: false });
      await this.organizations.update(organization.id, organization.version, {
        legalName: fixture.name,
        registrationNumber: fixture.registrationNumber,
        address: fixture.address,
        country: fixture.country,
        legalRepresentative: `${fixture.controllerRepresentative.name}, ${fixture.controllerRepresentative.title}`,
        dpoName: fixture.dpo.name,
        dpoEmail: fixture.dpo.email,
        dpoPhone: fixture.dpo.phone,
        dpoDesignationNumber: fixture.dpo.designationNumber,
      });
      for (const name of fixture.departments) await this.departments.create(organization.id, { name });
      const memberships = this.connection.getRepository(Membership);
      for (const account of accounts.slice(1)) {
        await memberships.save(memberships.create({ organizationId: organization.id, userId: account.user.id, roles: [account.role] }));
      }
      // Validated and archived activities are the DPO's to record, so the DPO imports the register.
      const ability = defineAbilityFor({ organizationId: organization.id, userId: dpo.id, roles: ['dpo'], departmentId: null });
      const access = { organizationId: organization.id, ability };
      const imported = await this.connection.runAs({ userId: dpo.id, actorName: dpo.name }, async () => {
        const vendorsImported = await this.vendors.importVendors(access, sampleRegister.vendors);
        const activitiesImported = await this.activities.importActivities(access, sampleRegister.activities);
        return { vendors: vendorsImported.imported, activities: activitiesImported.imported };
      });
      return { organizationId: organization.id, ...imported };
    });
    this.logger.info({ organizationId, vendors, activities, users: DEMO_USERS.map((u) => u.email) }, 'demo organisation created');
    return { created: true, organizationId, vendors, activities };
  }
}
