import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/password';
import { PINO_LOGGER } from '../../common/logging/logger';
import { TransactionalConnection } from '../../common/request-context/transactional-connection';
import { DepartmentsService } from '../../departments/departments.service';
import { Membership, Role } from '../../members/membership.entity';
import { OrganizationsService } from '../../organizations/organizations.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import sampleRegister from './sample-register.json';

export const DEMO_PASSWORD = 'registre-demo';
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
}

/** Creates the demo organisation "Démo" and one user per role on an empty database. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly departments: DepartmentsService,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  async seedIfEmpty(): Promise<SeedResult> {
    const userCount = await this.dataSource.getRepository(User).count();
    if (userCount > 0) return { created: false };
    return this.seed();
  }

  async seed(): Promise<SeedResult> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const accounts: { email: string; name: string; role: Role; user: User }[] = [];
    for (const demo of DEMO_USERS) {
      accounts.push({ ...demo, user: (await this.users.findByEmail(demo.email)) ?? (await this.users.create({ email: demo.email, name: demo.name, passwordHash, locale: 'fr' })) });
    }
    const admin = accounts[0].user;
    const fixture = sampleRegister.organization;
    const organizationId = await this.connection.withTenant({ userId: admin.id, actorName: admin.name }, async () => {
      const organization = await this.organizations.create(admin.id, { name: DEMO_ORGANIZATION_NAME });
      await this.organizations.update(organization.id, organization.version, {
        legalName: fixture.name,
        registrationNumber: fixture.registrationNumber,
        address: fixture.address,
        country: fixture.country,
        legalRepresentative: `${fixture.controllerRepresentative.name}, ${fixture.controllerRepresentative.title}`,
        dpoName: fixture.dpo.name,
        dpoEmail: fixture.dpo.email,
        dpoPhone: fixture.dpo.phone,
      });
      for (const name of fixture.departments) await this.departments.create(organization.id, { name });
      const memberships = this.connection.getRepository(Membership);
      for (const account of accounts.slice(1)) {
        await memberships.save(memberships.create({ organizationId: organization.id, userId: account.user.id, role: account.role }));
      }
      return organization.id;
    });
    this.logger.info({ organizationId, users: DEMO_USERS.map((u) => u.email) }, 'demo organisation created');
    return { created: true, organizationId };
  }
}
