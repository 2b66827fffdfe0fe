import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { packRules } from '@casl/ability/extra';
import { JSON_VALUE_SCHEMA } from '../common/http/api-schemas';
import { ROLES, type Role } from '../members/membership.entity';
import { CurrentAccess, OrganizationAccess } from './request-auth';
import { CheckPolicy } from './route-policy';

export class AbilitiesView {
  @ApiProperty({ enum: ROLES, isArray: true, description: 'the caller’s roles in this organisation (their rights are the union)' }) roles!: Role[];
  @ApiProperty({ description: 'the CASL rules packed by packRules (@casl/ability/extra)', type: 'array', items: { type: 'array', items: JSON_VALUE_SCHEMA } })
  rules!: unknown[][];
}

@ApiTags('organizations')
@Controller('v1/organizations/:orgId/abilities')
export class AbilitiesController {
  /** The caller's packed CASL rules, so the frontend hides what the role cannot do. */
  @Get()
  @CheckPolicy('read', 'Organization')
  @ApiOperation({ summary: "The signed-in user's packed CASL rules for this organisation" })
  @ApiOkResponse({ type: AbilitiesView })
  list(@CurrentAccess() access: OrganizationAccess): AbilitiesView {
    return { roles: access.roles, rules: packRules(access.ability.rules) };
  }
}
