import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'registre.csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Signed double-submit token: `<random>.<hmac(secret, random)>`. The cookie is httpOnly; the page
 * receives the same token in the body of GET /auth/csrf and echoes it in X-CSRF-Token. A forged
 * cookie (e.g. from a sibling subdomain) fails the signature.
 */
export function issueCsrfToken(secret: string): string {
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${sign(secret, nonce)}`;
}

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
}

export function isValidCsrfPair(secret: string, cookieToken: unknown, headerToken: unknown): boolean {
  if (typeof cookieToken !== 'string' || typeof headerToken !== 'string') return false;
  const a = Buffer.from(cookieToken);
  const b = Buffer.from(headerToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
  const [nonce, signature] = cookieToken.split('.');
  if (!nonce || !signature) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
