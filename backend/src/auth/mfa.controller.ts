import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, subject } from '@casl/ability';
import type { Request } from 'express';
import { CurrentAccess, CurrentUser, OrganizationAccess, SessionUser } from '../authorization/request-auth';
import { Authenticated, CheckPolicy } from '../authorization/route-policy';
import { AuditService } from '../audit/audit.service';
import { assertVersion, expectedVersion } from '../common/concurrency/expected-version';
import { AppException } from '../common/errors/app-exception';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import {
  DisableMfaDto,
  MfaCodeDto,
  MfaStatusResponse,
  OrganizationSecurityDto,
  OrganizationSecurityView,
  RecoveryCodesResponse,
  SessionView,
  TotpSetupResponse,
} from './dto/mfa.dto';
import { MfaService, returningRows } from './mfa.service';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('v1')
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  @Get('me/mfa')
  @Authenticated()
  @ApiOperation({ summary: 'Whether two-factor sign-in is on, and how many recovery codes are left' })
  @ApiOkResponse({ type: MfaStatusResponse })
  status(@CurrentUser() user: SessionUser): Promise<MfaStatusResponse> {
    return this.mfa.status(user.id);
  }

  @Post('me/mfa/totp')
  @Authenticated()
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret, pending until confirmed with a code (409 mfa_already_enabled)' })
  @ApiOkResponse({ type: TotpSetupResponse })
  @HttpCode(HttpStatus.OK)
  startTotp(@CurrentUser() user: SessionUser): Promise<TotpSetupResponse> {
    return this.mfa.startSetup(user);
  }

  @Post('me/mfa/totp/confirm')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Turn two-factor sign-in on with a first code; answers ten recovery codes, shown this once. Ends the user’s other sessions.' })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  async confirmTotp(@CurrentUser() user: SessionUser, @Body() body: MfaCodeDto, @Req() request: Request): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.mfa.confirm(user, body.code, request) };
  }

  @Delete('me/mfa/totp')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Turn two-factor sign-in off, with a code (app or recovery) or the password. Ends the user’s other sessions.' })
  @ApiNoContentResponse()
  async disableTotp(@CurrentUser() user: SessionUser, @Body() body: DisableMfaDto, @Req() request: Request): Promise<void> {
    await this.mfa.disable(user, body, request);
  }

  @Get('me/sessions')
  @Authenticated()
  @ApiOperation({ summary: 'The user’s open sessions: opened, last seen, address, browser and system; the current one marked' })
  @ApiOkResponse({ type: [SessionView] })
  listSessions(@CurrentUser() user: SessionUser, @Req() request: Request): Promise<SessionView[]> {
    return this.sessions.list(user.id, request.sessionID);
  }

  @Delete('me/sessions/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End one of the user’s sessions (404 for any other id)' })
  @ApiNoContentResponse()
  async revokeSession(@CurrentUser() user: SessionUser, @Param('id') id: string, @Req() request: Request): Promise<void> {
    await this.sessions.revoke(user.id, id, request);
  }

  @Get('organizations/:orgId/security')
  @CheckPolicy('read', 'Organization')
  @ApiOperation({ summary: 'The organisation’s sign-in requirements' })
  @ApiOkResponse({ type: OrganizationSecurityView })
  async organizationSecurity(@CurrentAccess() access: OrganizationAccess): Promise<OrganizationSecurityView> {
    return this.readSecurity(access.organizationId);
  }

  @Put('organizations/:orgId/security')
  // manage, not update: the DPO may update the organisation's profile fields, never its sign-in rules.
  @CheckPolicy('manage', 'Organization')
  @ApiOperation({ summary: 'Require two-factor sign-in of the organisation’s administrators and DPOs (administrators only; optimistic concurrency: version or If-Match)' })
  @ApiOkResponse({ type: OrganizationSecurityView })
  async updateOrganizationSecurity(
    @CurrentAccess() access: OrganizationAccess,
    @Body() body: OrganizationSecurityDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<OrganizationSecurityView> {
    // Field by field: the DPO may update the organisation's profile, not its sign-in requirements.
    ForbiddenError.from(access.ability).throwUnlessCan('update', subject('Organization', { organizationId: access.organizationId }), 'requireMfaForAdmins');
    const expected = expectedVersion(body.version, ifMatch);
    // A setting of the organisation like the others: its version, so that two administrators
    // deciding at once do not silently undo each other.
    const before = await this.readSecurity(access.organizationId, true);
    assertVersion(before.version, expected);
    const rows = await this.connection.manager.query<{ name: string; version: number }[]>(
      returningRows('UPDATE organizations SET require_mfa_for_admins = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING name, version'),
      [access.organizationId, body.requireMfaForAdmins],
    );
    if (!rows[0]) throw AppException.notFound();
    await this.audit.record({
      action: 'update',
      entityType: 'Organization',
      entityId: access.organizationId,
      entityLabel: rows[0].name,
      before: { requireMfaForAdmins: before.requireMfaForAdmins },
      after: { requireMfaForAdmins: body.requireMfaForAdmins },
    });
    return { requireMfaForAdmins: body.requireMfaForAdmins, version: rows[0].version };
  }

  private async readSecurity(organizationId: string, forUpdate = false): Promise<OrganizationSecurityView> {
    const [row] = await this.connection.manager.query<{ require_mfa_for_admins: boolean; version: number }[]>(
      `SELECT require_mfa_for_admins, version FROM organizations WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [organizationId],
    );
    if (!row) throw AppException.notFound();
    return { requireMfaForAdmins: row.require_mfa_for_admins, version: row.version };
  }
}
