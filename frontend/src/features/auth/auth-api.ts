import { resetCsrfToken, type ApiClient } from '@/lib/api-client';
import type { AcceptedResponse, AuthResponse } from '@/lib/api-types';

import type { ForgotPasswordForm, LoginForm, SignupForm } from './schemas';

/** Signs in; the server sets the session cookie. A new session may come with a new CSRF token. */
export async function signIn(api: ApiClient, form: LoginForm): Promise<AuthResponse> {
  const response = await api.post<AuthResponse>('/api/v1/auth/login', { email: form.email, password: form.password });
  resetCsrfToken();
  return response;
}

/**
 * Asks for an account (202, the same whether or not the address already has one); the address
 * receives a link to prove it before the first sign-in. 403 `signup_disabled` when sign-up is off.
 */
export async function signUp(api: ApiClient, form: SignupForm): Promise<AcceptedResponse> {
  return api.post<AcceptedResponse>('/api/v1/auth/register', {
    email: form.email,
    password: form.password,
    name: form.name,
  });
}

export async function signOut(api: ApiClient): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } finally {
    resetCsrfToken();
  }
}

/** Proves the address with the e-mailed link's token (400 `token_invalid` / `token_expired`). */
export async function verifyEmail(api: ApiClient, token: string): Promise<void> {
  await api.post('/api/v1/auth/verify-email', { token });
}

/** Asks for a reset link; the same answer whatever the address. */
export function requestPasswordReset(api: ApiClient, form: ForgotPasswordForm): Promise<AcceptedResponse> {
  return api.post<AcceptedResponse>('/api/v1/auth/password-reset', { email: form.email });
}

/** Sets the new password with the link's token; every session of the account ends. */
export async function confirmPasswordReset(api: ApiClient, token: string, password: string): Promise<void> {
  await api.post('/api/v1/auth/password-reset/confirm', { token, password });
}
