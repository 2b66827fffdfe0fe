import { resetCsrfToken, unwrap, type TypedApiClient } from '@/lib/api-client';
import type { ApiSchemas } from '@/lib/api-types';

import type { LoginForm, SignupForm } from './schemas';

/** Signs in; the server sets the session cookie. A new session may come with a new CSRF token. */
export async function signIn(api: TypedApiClient, form: LoginForm) {
  const response = await unwrap(api.POST('/api/v1/auth/login', { body: { email: form.email, password: form.password } }));
  resetCsrfToken();
  return response;
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
