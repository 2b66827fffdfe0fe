import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { packRules } from '@casl/ability/extra';
import { CurrentAccess, OrganizationAccess } from './request-auth';
import { CheckPolicy } from './route-policy';

@ApiTags('organizations')
@Controller('v1/organizations/:orgId/abilities')
export class AbilitiesController {
  /** The caller's packed CASL rules, so the frontend hides what the role cannot do. */
  @Get()
  @CheckPolicy('read', 'Organization')
  @ApiOperation({ summary: "The signed-in user's packed CASL rules for this organisation" })
  @ApiOkResponse({ schema: { type: 'object', properties: { role: { type: 'string' }, rules: { type: 'array', items: {} } } } })
  list(@CurrentAccess() access: OrganizationAccess): { role: string; rules: unknown[] } {
    return { role: access.role, rules: packRules(access.ability.rules) };
  }
}
