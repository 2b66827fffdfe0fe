import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, DepartmentPage, DepartmentView, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('departments')
@Controller('v1/organizations/:orgId/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @CheckPolicy('read', 'Department')
  @ApiOperation({ summary: 'Departments ("directions") of the organisation' })
  @ApiOkResponse({ type: DepartmentPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: PageQuery): Promise<DepartmentPage> {
    return this.departments.list(access.organizationId, query);
  }

  @Post()
  @CheckPolicy('create', 'Department')
  @ApiOperation({ summary: 'Create a department' })
  @ApiCreatedResponse({ type: DepartmentView })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    return this.departments.create(access.organizationId, body);
  }

  @Patch(':departmentId')
  @CheckPolicy('update', 'Department')
  @ApiOperation({ summary: 'Rename or describe a department (optimistic concurrency)' })
  @ApiOkResponse({ type: DepartmentView })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('departmentId', ParseIdPipe) departmentId: string,
    @Body() body: UpdateDepartmentDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DepartmentView> {
    const { version, ...changes } = body;
    return this.departments.update(access.organizationId, departmentId, expectedVersion(version, ifMatch), changes);
  }

  @Delete(':departmentId')
  @CheckPolicy('delete', 'Department')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a department no member belongs to' })
  @ApiNoContentResponse()
  remove(@CurrentAccess() access: OrganizationAccess, @Param('departmentId', ParseIdPipe) departmentId: string): Promise<void> {
    return this.departments.remove(access.organizationId, departmentId);
  }
}
