import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import type { AppAbility } from '../authorization/ability.factory';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { assertVersion } from '../common/concurrency/expected-version';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { Membership, type Role } from '../members/membership.entity';
import type { CreateOrganizationDto, OrganizationView, OutsidePublicTasksView, UpdateOrganizationDto } from './dto/organization.dto';
import { Organization } from './organization.entity';
import { ActivityDirectory } from '../activities/directory/activity-directory';
import { ActivityRescreening } from '../activities/activity-rescreening.service';

export function toOrganizationView(organization: Organization): OrganizationView {
  return { ...organization };
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly activities: ActivityDirectory,
    private readonly rescreening: ActivityRescreening,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** The creator becomes the organisation's first admin, and its DPO too when they say so (a one-person office). */
  async create(userId: string, input: CreateOrganizationDto): Promise<Organization> {
    const id = randomUUID();
    await this.connection.bindOrganization(id);
    const organizations = this.connection.getRepository(Organization);
    const organization = await organizations.save(organizations.create({ id, name: input.name.trim() }));
    const memberships = this.connection.getRepository(Membership);
    const roles: Role[] = input.creatorIsDpo ? ['admin', 'dpo'] : ['admin'];
    const membership = await memberships.save(memberships.create({ organizationId: id, userId, roles }));
    await this.audit.record({ action: 'create', entityType: 'Organization', entityId: id, entityLabel: organization.name, after: { ...organization } });
    await this.audit.record({ action: 'create', entityType: 'Membership', entityId: membership.id, entityLabel: userId, after: { userId, roles } });
    return organization;
  }

  async get(organizationId: string): Promise<Organization> {
    const organization = await this.connection.getRepository(Organization).findOneBy({ id: organizationId });
    if (!organization) throw AppException.notFound();
    return organization;
  }

  async update(organizationId: string, version: number, changes: Omit<UpdateOrganizationDto, 'version'>, ability?: AppAbility): Promise<Organization> {
    const repository = this.connection.getRepository(Organization);
    const current = await repository.findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw AppException.notFound();
    // Field by field: the DPO may change the profile (public body, sector) and the DPO contact block, not the rest.
    if (ability) {
      for (const [field, value] of Object.entries(changes)) {
        if (value !== undefined && value !== current[field as keyof Organization]) ForbiddenError.from(ability).throwUnlessCan('update', subject('Organization', { organizationId }), field);
      }
    }
    assertVersion(current.version, version);
    const before = { ...current };
    const updated = await repository.save(repository.merge(current, changes));
    await this.audit.record({ action: 'update', entityType: 'Organization', entityId: organizationId, entityLabel: updated.name, before, after: { ...updated } });
    // A new large-scale threshold screens the register again, in this transaction: no stored decision
    // is left to the old figure (the one row lock above orders concurrent changes).
    await this.rescreening.rescreen(organizationId, { largeScalePersons: before.largeScalePersons }, { largeScalePersons: updated.largeScalePersons });
    return updated;
  }

  /**
   * Art 6(1) last subparagraph: at a public authority, the DPO records that an activity falls outside
   * the authority's tasks (its purposes may then rest on legitimate interests), or withdraws it
   * (`reason` null). Audited on the activity, in the request's transaction.
   */
  async setOutsidePublicTasks(organizationId: string, activityId: string, reason: string | null): Promise<OutsidePublicTasksView> {
    const { record } = await this.activities.setOutsidePublicTasks(organizationId, activityId, reason);
    return { activityId, reason: record?.reason ?? null, recordedByName: record?.recordedByName ?? null, recordedAt: record?.recordedAt ?? null };
  }
}
