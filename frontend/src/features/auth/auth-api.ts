import { resetCsrfToken, unwrap, type TypedApiClient } from '@/lib/api-client';
import type { ApiSchemas } from '@/lib/api-types';

import type { ChangePasswordForm, ForgotPasswordForm, LoginForm, SignupForm } from './schemas';

/**
 * Signs in; the server sets the session cookie. A new session may come with a new CSRF token. With
 * two-factor sign-in on, the answer is `mfaRequired: true` and no session is open until
 * `signInWithCode`.
 */
export async function signIn(api: TypedApiClient, form: LoginForm) {
  const response = await unwrap(api.POST('/api/v1/auth/login', { body: { email: form.email, password: form.password } }));
  resetCsrfToken();
  return response;
}

/** The second step of sign-in: a code of the authenticator app or a recovery code (401 `mfa_code_wrong`, 429 when throttled). */
export async function signInWithCode(api: TypedApiClient, code: string) {
  const response = await unwrap(api.POST('/api/v1/auth/login/mfa', { body: { code } }));
  resetCsrfToken();
  return response;
}

export function getMfaStatus(api: TypedApiClient) {
  return unwrap(api.GET('/api/v1/me/mfa'));
}

/** A new secret for the authenticator app, pending until `confirmTotp`. */
export function startTotpSetup(api: TypedApiClient) {
  return unwrap(api.POST('/api/v1/me/mfa/totp'));
}

/** Turns two-factor sign-in on; answers the recovery codes, shown this once. Other sessions end. */
export function confirmTotp(api: TypedApiClient, code: string) {
  return unwrap(api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } }));
}

/** Turns two-factor sign-in off with the password (400 `current_password_wrong`). Other sessions end. */
export async function disableTotp(api: TypedApiClient, password: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me/mfa/totp', { body: { password } }));
}

export function listSessions(api: TypedApiClient) {
  return unwrap(api.GET('/api/v1/me/sessions'));
}

export async function revokeSession(api: TypedApiClient, id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
}

/**
 * Asks for an account (202, the same whether or not the address already has one); the address
 * receives a link to prove it before the first sign-in. 403 `signup_disabled` when sign-up is off.
 */
export async function signUp(api: TypedApiClient, form: SignupForm) {
  return unwrap(api.POST('/api/v1/auth/register', { body: { email: form.email, password: form.password, name: form.name } }));
}

export async function signOut(api: TypedApiClient): Promise<void> {
  try {
    await unwrap(api.POST('/api/v1/auth/logout'));
  } finally {
    resetCsrfToken();
  }
}

/** The signed-in user with their memberships (401 when signed out). */
export function getMe(api: TypedApiClient) {
  return unwrap(api.GET('/api/v1/me'));
}

export function updateProfile(api: TypedApiClient, body: ApiSchemas['UpdateProfileDto']) {
  return unwrap(api.PATCH('/api/v1/me', { body }));
}

/** Proves the address with the e-mailed link's token (400 `token_invalid` / `token_expired`). */
export async function verifyEmail(api: TypedApiClient, token: string): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } }));
}

/** Asks for a reset link; the same answer whatever the address. */
export function requestPasswordReset(api: TypedApiClient, form: ForgotPasswordForm) {
  return unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: form.email } }));
}

/** Sets the new password with the link's token; every session of the account ends. */
export async function confirmPasswordReset(api: TypedApiClient, token: string, password: string): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
}

/**
 * Changes the signed-in user's password: 400 `current_password_wrong` (throttled like sign-in) or
 * `password_too_weak`; the user's other sessions end, this one stays.
 */
export async function changePassword(api: TypedApiClient, form: ChangePasswordForm): Promise<void> {
  await unwrap(api.POST('/api/v1/me/password', { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } }));
}

/**
 * Single sign-on: the organisation is found by the address's domain (404 `sso_not_configured`
 * otherwise); answers the provider's sign-in address, where the browser goes next.
 */
export async function startSingleSignOn(api: TypedApiClient, email: string): Promise<string> {
  return (await unwrap(api.POST('/api/v1/auth/sso/start', { body: { email } }))).authorizationUrl;
}

export function getSsoSettings(api: TypedApiClient, orgId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/sso', { params: { path: { orgId } } }));
}

export function saveSsoSettings(api: TypedApiClient, orgId: string, body: ApiSchemas['SsoSettingsDto']) {
  return unwrap(api.PUT('/api/v1/organizations/{orgId}/sso', { params: { path: { orgId } }, body }));
}

export async function removeSsoSettings(api: TypedApiClient, orgId: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/organizations/{orgId}/sso', { params: { path: { orgId } } }));
}

/** Whether the organisation requires two-factor sign-in of its administrators and DPOs. */
export function getOrganizationSecurity(api: TypedApiClient, orgId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/security', { params: { path: { orgId } } }));
}

/** With the organisation's version last read: 409 `version_conflict` when another change came first. */
export function saveOrganizationSecurity(api: TypedApiClient, orgId: string, requireMfaForAdmins: boolean, version: number) {
  return unwrap(api.PUT('/api/v1/organizations/{orgId}/security', { params: { path: { orgId } }, body: { requireMfaForAdmins, version } }));
}
