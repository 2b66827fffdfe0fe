import { HttpStatus, Injectable } from '@nestjs/common';
import { ProcessingActivity } from '../activities/activity.entity';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/concurrency/expected-version';
import { onUniqueViolation } from '../common/errors/database-errors';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { Membership } from '../members/membership.entity';
import { Department } from './department.entity';
import type { CreateDepartmentDto, DepartmentView, UpdateDepartmentDto } from './dto/department.dto';

export function toDepartmentView({ id, name, description, version, createdAt, updatedAt }: Department): DepartmentView {
  return { id, name, description, version, createdAt, updatedAt };
}

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string, query: PageQuery): Promise<Page<DepartmentView>> {
    const [items, total] = await this.connection.getRepository(Department).findAndCount({
      where: { organizationId },
      order: { name: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(items.map(toDepartmentView), total, query);
  }

  async create(organizationId: string, input: CreateDepartmentDto): Promise<DepartmentView> {
    const repository = this.connection.getRepository(Department);
    const department = await this.saveUnique(() => repository.save(repository.create({ organizationId, name: input.name, description: input.description ?? null })));
    await this.audit.record({ action: 'create', entityType: 'Department', entityId: department.id, entityLabel: department.name, after: toDepartmentView(department) });
    return toDepartmentView(department);
  }

  async update(organizationId: string, departmentId: string, version: number, changes: Omit<UpdateDepartmentDto, 'version'>): Promise<DepartmentView> {
    const repository = this.connection.getRepository(Department);
    const current = await this.lock(organizationId, departmentId);
    assertVersion(current.version, version);
    const before = toDepartmentView(current);
    const saved = await this.saveUnique(() => repository.save(repository.merge(current, changes)));
    await this.audit.record({
      action: 'update',
      entityType: 'Department',
      entityId: departmentId,
      entityLabel: saved.name,
      before: before,
      after: toDepartmentView(saved),
    });
    return toDepartmentView(saved);
  }

  /** Refused while members or activities belong to it: a department vanishing silently from records helps nobody. */
  async remove(organizationId: string, departmentId: string): Promise<void> {
    const current = await this.lock(organizationId, departmentId);
    if (await this.connection.getRepository(Membership).existsBy({ organizationId, departmentId })) {
      throw new AppException(HttpStatus.CONFLICT, 'department_in_use');
    }
    if (await this.connection.getRepository(ProcessingActivity).existsBy({ organizationId, departmentId })) {
      throw new AppException(HttpStatus.CONFLICT, 'department_has_activities');
    }
    await this.connection.getRepository(Department).delete({ organizationId, id: departmentId });
    await this.audit.record({ action: 'delete', entityType: 'Department', entityId: departmentId, entityLabel: current.name, before: toDepartmentView(current) });
  }

  private async lock(organizationId: string, departmentId: string): Promise<Department> {
    const department = await this.connection
      .getRepository(Department)
      .findOne({ where: { organizationId, id: departmentId }, lock: { mode: 'pessimistic_write' } });
    if (!department) throw AppException.notFound();
    return department;
  }

  private saveUnique(save: () => Promise<Department>): Promise<Department> {
    return onUniqueViolation(save, () => new AppException(HttpStatus.CONFLICT, 'department_name_taken'));
  }
}
