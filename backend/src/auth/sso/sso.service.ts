import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { SessionUser } from '../../authorization/request-auth';
import { AppException } from '../../common/errors/app-exception';
import { requestIdOf } from '../../common/http/request-id';
import { resolveLocale } from '../../common/i18n/i18n';
import { PINO_LOGGER } from '../../common/logging/logger';
import { TransactionalConnection } from '../../common/request-context/transactional-connection';
import { AppConfig, APP_CONFIG } from '../../config/app.config';
import { toSessionUser, UsersService } from '../../users/users.service';
import type { SsoConfigurationView, SsoRole, SsoSettingsDto, SsoSettingsView } from '../dto/sso.dto';
import { hashPassword } from '../password';
import { decryptSecret, encryptSecret } from '../totp';

/** How long the provider's sign-in page may take before the callback is refused. */
export const SSO_PENDING_MAX_AGE_MS = 10 * 60 * 1000;

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';

declare module 'express-session' {
  interface SessionData {
    /** Between the start of single sign-on and the provider's callback: the checks of the callback. Grants nothing. */
    ssoPending?: { organizationId: string; state: string; nonce: string; codeVerifier: string; at: number };
  }
}

/** Why the callback refused: each is a label of the sign-in page (`login.ssoErrors.<code>`). */
export type SsoFailure = 'sso_state_invalid' | 'sso_failed' | 'sso_email_unverified' | 'sso_domain_not_allowed' | 'sso_not_configured';

export class SsoRefusal extends Error {
  constructor(readonly code: SsoFailure) {
    super(code);
  }
}

interface SettingsRow {
  issuer: string;
  client_id: string;
  client_secret_encrypted: string;
  default_role: SsoRole;
  require_sso: boolean;
  version: number;
  email_domains: string[];
}

const SETTINGS = `SELECT s.issuer, s.client_id, s.client_secret_encrypted, s.default_role, s.require_sso, s.version,
         COALESCE((SELECT array_agg(d.domain ORDER BY d.domain) FROM organization_sso_domains d WHERE d.organization_id = s.organization_id), '{}') AS email_domains
  FROM organization_sso s WHERE s.organization_id = $1`;

function toView(row: SettingsRow): SsoSettingsView {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretSet: true,
    emailDomains: row.email_domains,
    defaultRole: row.default_role,
    requireSso: row.require_sso,
    version: row.version,
  };
}

/** What the audit trail keeps of a configuration: never the secret. */
function audited(row: SettingsRow | undefined) {
  if (!row) return null;
  return { ssoIssuer: row.issuer, ssoClientId: row.client_id, ssoEmailDomains: row.email_domains, ssoDefaultRole: row.default_role, requireSso: row.require_sso };
}

export const emailDomain = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Single sign-on with OpenID Connect, per organisation: the authorization code flow with PKCE,
 * state and nonce (openid-client). The organisation is found by the address's domain; an address
 * of its domains that the provider says is verified signs in, and joins the organisation with the
 * default role if it is not a member yet.
 */
@Injectable()
export class SsoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  get callbackUrl(): string {
    return `${this.config.publicUrl}${SSO_CALLBACK_PATH}`;
  }

  /** Plain HTTP only for a provider on this machine outside production (development and the tests' provider). */
  private allowsHttp(issuer: URL): boolean {
    return this.config.nodeEnv !== 'production' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  }

  private async discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && !this.allowsHttp(url)) throw new AppException(HttpStatus.BAD_REQUEST, 'sso_issuer_not_https');
    return oidc.discovery(url, clientId, clientSecret, undefined, { timeout: 10, ...(url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}) });
  }

  // --- Configuration (administrators) -----------------------------------------------------------

  async read(organizationId: string): Promise<SsoConfigurationView> {
    const [row] = await this.connection.manager.query<SettingsRow[]>(SETTINGS, [organizationId]);
    return { callbackUrl: this.callbackUrl, settings: row ? toView(row) : null };
  }

  async save(organizationId: string, input: SsoSettingsDto): Promise<SsoConfigurationView> {
    const manager = this.connection.manager;
    const [before] = await manager.query<SettingsRow[]>(`${SETTINGS} FOR UPDATE OF s`, [organizationId]);
    if (before && input.version !== undefined && input.version !== before.version) throw AppException.versionConflict(before.version);
    if (!before && input.version !== undefined) throw AppException.versionConflict(0);
    if (!before && !input.clientSecret) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', { fields: [{ path: 'clientSecret', code: 'isNotEmpty', message: 'required' }] });
    }
    const clientSecret = input.clientSecret ?? decryptSecret(before.client_secret_encrypted, this.config.totpEncryptionKey, 'sso-client-secret-v1');
    // The provider must answer its discovery document now, rather than at the first sign-in.
    await this.discover(input.issuer, input.clientId, clientSecret).catch((error: unknown) => {
      if (error instanceof AppException) throw error;
      this.logger.warn({ err: error, issuer: input.issuer }, 'OpenID provider discovery failed');
      throw new AppException(HttpStatus.BAD_REQUEST, 'sso_issuer_unreachable');
    });
    const secret = input.clientSecret ? encryptSecret(input.clientSecret, this.config.totpEncryptionKey, 'sso-client-secret-v1') : before.client_secret_encrypted;
    const domains = [...new Set(input.emailDomains)];
    await manager.query(
      `INSERT INTO organization_sso (organization_id, issuer, client_id, client_secret_encrypted, default_role, require_sso)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
         client_secret_encrypted = excluded.client_secret_encrypted, default_role = excluded.default_role,
         require_sso = excluded.require_sso, version = organization_sso.version + 1, updated_at = now()`,
      [organizationId, input.issuer, input.clientId, secret, input.defaultRole, input.requireSso],
    );
    await manager.query('DELETE FROM organization_sso_domains WHERE organization_id = $1 AND NOT (domain = ANY($2::text[]))', [organizationId, domains]);
    // A domain leads to one organisation: one held by another organisation is not inserted (its row
    // is out of sight under row-level security, not out of the primary key), and the count tells.
    await manager.query('INSERT INTO organization_sso_domains (domain, organization_id) SELECT unnest($2::text[]), $1 ON CONFLICT DO NOTHING', [organizationId, domains]);
    const [{ count }] = await manager.query<{ count: number }[]>('SELECT count(*)::int AS count FROM organization_sso_domains WHERE organization_id = $1', [organizationId]);
    if (count !== domains.length) throw new AppException(HttpStatus.CONFLICT, 'sso_domain_taken');
    const [after] = await manager.query<SettingsRow[]>(SETTINGS, [organizationId]);
    const [organization] = await manager.query<{ name: string }[]>('SELECT name FROM organizations WHERE id = $1', [organizationId]);
    await this.audit.record({
      action: before ? 'update' : 'create',
      entityType: 'Organization',
      entityId: organizationId,
      entityLabel: organization?.name ?? null,
      before: audited(before),
      // Replacing the secret is a change worth seeing; its value never reaches the trail.
      after: { ...audited(after), ...(input.clientSecret && before ? { ssoClientSecretReplaced: true } : {}) },
    });
    return { callbackUrl: this.callbackUrl, settings: toView(after) };
  }

  async remove(organizationId: string): Promise<void> {
    const manager = this.connection.manager;
    const [before] = await manager.query<SettingsRow[]>(`${SETTINGS} FOR UPDATE OF s`, [organizationId]);
    if (!before) throw AppException.notFound();
    await manager.query('DELETE FROM organization_sso WHERE organization_id = $1', [organizationId]);
    const [organization] = await manager.query<{ name: string }[]>('SELECT name FROM organizations WHERE id = $1', [organizationId]);
    await this.audit.record({ action: 'delete', entityType: 'Organization', entityId: organizationId, entityLabel: organization?.name ?? null, before: audited(before), after: null });
  }

  // --- Sign-in ----------------------------------------------------------------------------------

  /** Whether one of the account's organisations refuses password sign-in. */
  async isRequiredFor(userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ required: boolean }[]>('SELECT app_sso_required($1) AS required', [userId]);
    return row?.required === true;
  }

  private async settingsOf(organizationId: string): Promise<SettingsRow | undefined> {
    return this.connection.withTenant({ organizationId }, async () => {
      const [row] = await this.connection.manager.query<SettingsRow[]>(SETTINGS, [organizationId]);
      return row;
    });
  }

  private async clientOf(settings: SettingsRow): Promise<oidc.Configuration> {
    return this.discover(settings.issuer, settings.client_id, decryptSecret(settings.client_secret_encrypted, this.config.totpEncryptionKey, 'sso-client-secret-v1'));
  }

  /** Finds the organisation by the address's domain and answers the provider's sign-in address; the checks wait in the session. */
  async start(email: string, request: Request): Promise<string> {
    const [found] = await this.dataSource.query<{ organization_id: string | null }[]>('SELECT app_sso_organization_for_domain($1) AS organization_id', [emailDomain(email)]);
    const organizationId = found?.organization_id;
    const settings = organizationId ? await this.settingsOf(organizationId) : undefined;
    if (!organizationId || !settings) throw new AppException(HttpStatus.NOT_FOUND, 'sso_not_configured');
    const client = await this.clientOf(settings).catch((error: unknown) => {
      this.logger.warn({ err: error, organizationId }, 'OpenID provider discovery failed');
      throw new AppException(HttpStatus.BAD_GATEWAY, 'sso_provider_unavailable');
    });
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    request.session.ssoPending = { organizationId, state, nonce, codeVerifier, at: Date.now() };
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.callbackUrl,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: email,
    });
    return url.href;
  }

  /**
   * The provider's answer: checks state, PKCE and nonce (openid-client), then the address — verified
   * by the provider and of the organisation's domains — and finds or creates the account and its
   * membership, in one transaction with the audit event. Answers the account to sign in.
   */
  async complete(request: Request): Promise<{ user: SessionUser; organizationId: string }> {
    const pending = request.session?.ssoPending;
    if (request.session) delete request.session.ssoPending;
    const query = new URL(request.originalUrl, 'http://callback').search;
    const state = new URL(request.originalUrl, 'http://callback').searchParams.get('state');
    // openid-client checks the state again below; checked here first so the refusal is named.
    if (!pending || Date.now() - pending.at > SSO_PENDING_MAX_AGE_MS || state !== pending.state) throw new SsoRefusal('sso_state_invalid');
    const settings = await this.settingsOf(pending.organizationId);
    if (!settings) throw new SsoRefusal('sso_not_configured');
    let claims: Record<string, unknown>;
    try {
      const client = await this.clientOf(settings);
      const tokens = await oidc.authorizationCodeGrant(client, new URL(`${this.callbackUrl}${query}`), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      // Many providers put the address only in the userinfo answer.
      if (typeof claims.email !== 'string') claims = { ...idToken, ...(await oidc.fetchUserInfo(client, tokens.access_token, idToken.sub)) };
    } catch (error) {
      this.logger.warn({ err: error, organizationId: pending.organizationId }, 'single sign-on refused by the callback checks');
      throw new SsoRefusal('sso_failed');
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email.includes('@') || !settings.email_domains.includes(emailDomain(email))) throw new SsoRefusal('sso_domain_not_allowed');
    // Only an address the provider vouches for: otherwise anyone able to create an account at the provider could claim one.
    if (claims.email_verified !== true) throw new SsoRefusal('sso_email_unverified');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.slice(0, email.indexOf('@'));
    const user = await this.signInAccount(pending.organizationId, settings.default_role, email, name, request);
    return { user, organizationId: pending.organizationId };
  }

  private async signInAccount(organizationId: string, role: SsoRole, email: string, name: string, request: Request): Promise<SessionUser> {
    // Accounts made here have no usable password: a random one nobody knows (a reset link can set one).
    // The account itself is written by the account role (the application role cannot write users);
    // the membership and its audit event then commit together in the organisation's transaction.
    const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));
    const account = await this.users.provenAccount({ email, name, locale: resolveLocale(request), unusableHash });
    return this.connection.withTenant({ organizationId, requestId: requestIdOf(request) }, async () => {
      const manager = this.connection.manager;
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, $3)
         ON CONFLICT (organization_id, user_id) DO NOTHING RETURNING id`,
        [organizationId, account.id, [role]],
      );
      if (inserted[0]) {
        await this.connection.runAs({ userId: account.id, actorName: account.name }, () =>
          this.audit.record({
            action: 'create',
            entityType: 'Membership',
            entityId: inserted[0].id,
            entityLabel: account.email,
            after: { email: account.email, roles: [role], singleSignOn: true },
          }),
        );
      }
      return toSessionUser({ id: account.id, email: account.email, name: account.name, locale: account.locale });
    });
  }
}
