import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, SessionUser } from '../authorization/request-auth';
import { Authenticated, Public } from '../authorization/route-policy';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { UsersService, toSessionUser } from '../users/users.service';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, issueCsrfToken } from './csrf';
import {
  AcceptedResponse,
  AuthResponse,
  ChangePasswordDto,
  CsrfResponse,
  EmailDto,
  LoginDto,
  LoginResponse,
  MeResponse,
  PasswordResetConfirmDto,
  RegisterDto,
  TokenDto,
  UpdateProfileDto,
} from './dto/auth.dto';
import { MfaCodeDto } from './dto/mfa.dto';
import { MfaService } from './mfa.service';
import { checkPassword, closeSession, openPendingSession, openSession } from './passport-session';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly mfa: MfaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('auth/csrf')
  @Public()
  @ApiOperation({ summary: 'Issue a CSRF token (also set as an httpOnly cookie); send it back in X-CSRF-Token' })
  @ApiOkResponse({ type: CsrfResponse })
  csrf(@Res({ passthrough: true }) response: Response): CsrfResponse {
    const token = issueCsrfToken(this.config.sessionSecret);
    response.cookie(CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.nodeEnv === 'production',
      path: '/',
    });
    return { token };
  }

  @Post('auth/login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Sign in with e-mail and password; opens a session (cookie registre.sid). With two-factor sign-in on, answers mfaRequired: true and opens nothing yet: the code goes to POST /api/v1/auth/login/mfa within 5 minutes.',
  })
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() _credentials: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const user = await checkPassword(request, response);
    if (await this.mfa.isEnabled(user.id)) {
      await openPendingSession(request, user.id);
      return { mfaRequired: true };
    }
    await openSession(request, user);
    return { mfaRequired: false, user };
  }

  @Post('auth/login/mfa')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Second step of sign-in: a code of the authenticator app (each accepted once) or a recovery code (single use); opens the session. Wrong codes are throttled like passwords.' })
  @ApiOkResponse({ type: AuthResponse })
  async loginMfa(@Body() body: MfaCodeDto, @Req() request: Request): Promise<AuthResponse> {
    return { user: await this.mfa.completeLogin(request, body.code) };
  }

  @Post('auth/register')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Create an account (disabled when SIGNUP=false); 202 alike for a new and an existing address. The new account receives a proof link (token=…) and cannot sign in before following it; the owner of an existing one is told that someone tried.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async register(@Body() body: RegisterDto, @Req() request: Request): Promise<AcceptedResponse> {
    await this.auth.register(body, request);
    return { status: 'check_email' };
  }

  @Post('auth/verify-email')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Prove the e-mail address with the token of the e-mailed link (single use, 24 hours)' })
  @ApiNoContentResponse()
  async verifyEmail(@Body() body: TokenDto): Promise<void> {
    await this.auth.verifyEmail(body.token);
  }

  @Post('auth/verify-email/resend')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a new proof link to an account not yet proven; 202 whatever the address' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async resendVerification(@Body() body: EmailDto, @Req() request: Request): Promise<AcceptedResponse> {
    await this.auth.resendVerification(body.email, request);
    return { status: 'check_email' };
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'E-mail a password reset link (token=…, single use, 30 minutes) to the address’s account; 202 whatever the address' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  async requestPasswordReset(@Body() body: EmailDto, @Req() request: Request): Promise<AcceptedResponse> {
    await this.auth.requestPasswordReset(body.email, request);
    return { status: 'check_email' };
  }

  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the reset link’s token; ends every session of the account' })
  @ApiNoContentResponse()
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out and destroy the session' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.session) await closeSession(request);
    response.clearCookie('registre.sid', { path: '/' });
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user and their organisations' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() user: SessionUser): Promise<MeResponse> {
    return { ...user, memberships: await this.users.memberships(user.id) };
  }

  @Post('me/password')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change own password (the current one is required); ends the user’s other sessions' })
  @ApiNoContentResponse()
  async changePassword(@CurrentUser() user: SessionUser, @Body() body: ChangePasswordDto, @Req() request: Request): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, request);
  }

  @Patch('me')
  @Authenticated()
  @ApiOperation({ summary: 'Change own name or preferred language' })
  @ApiOkResponse({ type: MeResponse })
  async updateMe(@CurrentUser() user: SessionUser, @Body() body: UpdateProfileDto): Promise<MeResponse> {
    const updated = toSessionUser(await this.users.updateProfile(user.id, body));
    return { ...updated, memberships: await this.users.memberships(user.id) };
  }
}
