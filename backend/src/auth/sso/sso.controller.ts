import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentAccess, OrganizationAccess } from '../../authorization/request-auth';
import { CheckPolicy, Public } from '../../authorization/route-policy';
import { AppConfig, APP_CONFIG } from '../../config/app.config';
import { SsoConfigurationView, SsoSettingsDto, SsoStartDto, SsoStartResponse } from '../dto/sso.dto';
import { MfaService } from '../mfa.service';
import { openPendingSession, openSession } from '../passport-session';
import { SsoRefusal, SsoService } from './sso.service';

@ApiTags('auth')
@Controller('v1')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly mfa: MfaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('auth/sso/start')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Single sign-on: the organisation is found by the address’s domain (404 sso_not_configured when none); answers the OpenID provider’s sign-in address, to which the browser goes. The provider comes back to GET /api/v1/auth/sso/callback.',
  })
  @ApiOkResponse({ type: SsoStartResponse })
  async start(@Body() body: SsoStartDto, @Req() request: Request): Promise<SsoStartResponse> {
    return { authorizationUrl: await this.sso.start(body.email, request) };
  }

  @Get('auth/sso/callback')
  @Public()
  @ApiOperation({
    summary:
      'Where the OpenID provider sends the browser back (code and state). Opens the same session as the password sign-in (or its two-factor step) and redirects to the application; a refusal redirects to the sign-in page with sso_error.',
  })
  @ApiFoundResponse({ description: 'Redirect to the application, to the two-factor step (/login?sso=mfa) or to /login?sso_error=…' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const app = this.config.publicUrl;
    try {
      const { user } = await this.sso.complete(request);
      // The provider proves who signs in; an account's own two-factor sign-in is still asked, as after a password.
      if (await this.mfa.isEnabled(user.id)) {
        await openPendingSession(request, user.id);
        return response.redirect(302, `${app}/login?sso=mfa`);
      }
      await openSession(request, user);
      response.redirect(302, `${app}/`);
    } catch (error) {
      if (!(error instanceof SsoRefusal)) throw error;
      response.redirect(302, `${app}/login?sso_error=${error.code}`);
    }
  }

  @Get('organizations/:orgId/sso')
  @CheckPolicy('manage', 'Organization')
  @ApiOperation({ summary: 'The organisation’s single sign-on (OpenID Connect) settings; the client secret is never returned' })
  @ApiOkResponse({ type: SsoConfigurationView })
  read(@CurrentAccess() access: OrganizationAccess): Promise<SsoConfigurationView> {
    return this.sso.read(access.organizationId);
  }

  @Put('organizations/:orgId/sso')
  @CheckPolicy('manage', 'Organization')
  @ApiOperation({
    summary:
      'Configure single sign-on (administrators): the provider must answer its discovery document; a domain of another organisation answers 409 sso_domain_taken; optimistic concurrency with version',
  })
  @ApiOkResponse({ type: SsoConfigurationView })
  save(@CurrentAccess() access: OrganizationAccess, @Body() body: SsoSettingsDto): Promise<SsoConfigurationView> {
    return this.sso.save(access.organizationId, body);
  }

  @Delete('organizations/:orgId/sso')
  @CheckPolicy('manage', 'Organization')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove single sign-on: members sign in with their password again' })
  @ApiNoContentResponse()
  async remove(@CurrentAccess() access: OrganizationAccess): Promise<void> {
    await this.sso.remove(access.organizationId);
  }
}
