import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, SessionUser } from '../authorization/request-auth';
import { Authenticated, Public } from '../authorization/route-policy';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { UsersService, toSessionUser } from '../users/users.service';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, issueCsrfToken } from './csrf';
import { AuthResponse, CsrfResponse, LoginDto, MeResponse, RegisterDto, UpdateProfileDto } from './dto/auth.dto';
import { closeSession, openSession, signInWithPassword } from './passport-session';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
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
  @ApiOperation({ summary: 'Sign in with e-mail and password; opens a session (cookie registre.sid)' })
  @ApiOkResponse({ type: AuthResponse })
  async login(@Body() _credentials: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthResponse> {
    const user = await signInWithPassword(request, response);
    return { user };
  }

  @Post('auth/register')
  @Public()
  @ApiOperation({ summary: 'Create an account and sign in (disabled when SIGNUP=false)' })
  @ApiCreatedResponse({ type: AuthResponse })
  async register(@Body() body: RegisterDto, @Req() request: Request): Promise<AuthResponse> {
    const user = await this.auth.register(body, request);
    await openSession(request, user);
    return { user };
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

  @Patch('me')
  @Authenticated()
  @ApiOperation({ summary: 'Change own name or preferred language' })
  @ApiOkResponse({ type: MeResponse })
  async updateMe(@CurrentUser() user: SessionUser, @Body() body: UpdateProfileDto): Promise<MeResponse> {
    const updated = toSessionUser(await this.users.updateProfile(user.id, body));
    return { ...updated, memberships: await this.users.memberships(user.id) };
  }
}
