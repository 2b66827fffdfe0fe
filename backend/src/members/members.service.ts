import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { Department } from '../departments/department.entity';
import { User } from '../users/user.entity';
import type { MemberView, UpdateMemberDto } from './dto/member.dto';
import { Membership, normalizeRoles } from './membership.entity';

@Injectable()
export class MembersService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  private viewQuery(organizationId: string) {
    return this.connection.manager
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(User, 'user', 'user.id = membership.userId')
      .select([
        'membership.id AS id',
        'membership.userId AS "userId"',
        'user.email AS email',
        'user.name AS name',
        'membership.roles AS roles',
        'membership.departmentId AS "departmentId"',
        'membership.version AS version',
      ])
      .where('membership.organizationId = :organizationId', { organizationId });
  }

  async list(organizationId: string, query: PageQuery): Promise<Page<MemberView>> {
    const base = this.viewQuery(organizationId);
    const [items, total] = await Promise.all([
      base.clone().orderBy('user.name', 'ASC').offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawMany<MemberView>(),
      base.clone().getCount(),
    ]);
    return pageOf(items, total, query);
  }

  async get(organizationId: string, memberId: string): Promise<MemberView> {
    const view = await this.viewQuery(organizationId).andWhere('membership.id = :memberId', { memberId }).getRawOne<MemberView>();
    if (!view) throw AppException.notFound();
    return view;
  }

  /** Any member may end their own membership (an authenticated route, outside the organisation's routes); the last admin cannot (409 `last_admin`). */
  async leave(organizationId: string, userId: string): Promise<void> {
    // Row-level security shows a user their own memberships; changing one needs its organisation.
    const mine = await this.connection.getRepository(Membership).existsBy({ organizationId, userId });
    if (!mine) throw AppException.notFound();
    await this.connection.bindOrganization(organizationId);
    const own = await this.connection.getRepository(Membership).findOne({ where: { organizationId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!own) throw AppException.notFound();
    if (own.roles.includes('admin')) await this.assertAnotherAdmin(organizationId, own.id);
    const view = await this.get(organizationId, own.id);
    await this.connection.getRepository(Membership).delete({ organizationId, id: own.id });
    await this.audit.record({ action: 'leave', entityType: 'Membership', entityId: own.id, entityLabel: view.email, before: { email: view.email, roles: view.roles, departmentId: view.departmentId } });
  }

  async update(organizationId: string, memberId: string, changes: UpdateMemberDto): Promise<MemberView> {
    const membership = await this.lockMembership(organizationId, memberId);
    const roles = changes.roles ? normalizeRoles(changes.roles) : undefined;
    // Losing the admin role (alone or among others) needs another admin.
    if (roles && !roles.includes('admin') && membership.roles.includes('admin')) await this.assertAnotherAdmin(organizationId, memberId);
    if (changes.departmentId !== undefined) await this.assertDepartment(organizationId, changes.departmentId);
    const before = { roles: membership.roles, departmentId: membership.departmentId };
    const repository = this.connection.getRepository(Membership);
    const saved = await repository.save(repository.merge(membership, { ...changes, ...(roles ? { roles } : {}) }));
    const view = await this.get(organizationId, memberId);
    await this.audit.record({ action: 'update', entityType: 'Membership', entityId: memberId, entityLabel: view.email, before, after: { roles: saved.roles, departmentId: saved.departmentId } });
    return view;
  }

  async remove(organizationId: string, memberId: string): Promise<void> {
    const membership = await this.lockMembership(organizationId, memberId);
    if (membership.roles.includes('admin')) await this.assertAnotherAdmin(organizationId, memberId);
    const view = await this.get(organizationId, memberId);
    await this.connection.getRepository(Membership).delete({ organizationId, id: memberId });
    await this.audit.record({ action: 'delete', entityType: 'Membership', entityId: memberId, entityLabel: view.email, before: { email: view.email, roles: view.roles, departmentId: view.departmentId } });
  }

  private async lockMembership(organizationId: string, memberId: string): Promise<Membership> {
    const membership = await this.connection
      .getRepository(Membership)
      .findOne({ where: { organizationId, id: memberId }, lock: { mode: 'pessimistic_write' } });
    if (!membership) throw AppException.notFound();
    return membership;
  }

  /** Locks the organisation's admins so two concurrent demotions cannot both pass the check. */
  private async assertAnotherAdmin(organizationId: string, memberId: string): Promise<void> {
    const admins = await this.connection.manager.query<{ id: string }[]>(
      "SELECT id FROM memberships WHERE organization_id = $1 AND 'admin' = ANY(roles) FOR UPDATE",
      [organizationId],
    );
    if (!admins.some((admin) => admin.id !== memberId)) throw new AppException(HttpStatus.CONFLICT, 'last_admin');
  }

  private async assertDepartment(organizationId: string, departmentId: string | null | undefined): Promise<void> {
    if (!departmentId) return;
    const exists = await this.connection.getRepository(Department).existsBy({ organizationId, id: departmentId });
    if (!exists) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', {
        fields: [{ path: 'departmentId', code: 'exists', message: 'unknown department' }],
      });
    }
  }
}
