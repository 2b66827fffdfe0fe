/**
 * The security headers of every web page (the API sets its own with helmet). Pure, so the policy is
 * unit-tested and the proxy (src/proxy.ts) only wires it.
 */

export interface PageSecurityOptions {
  /** `next dev` evaluates code for fast refresh: it needs 'unsafe-eval', production never does. */
  development: boolean;
  /** HSTS in production only (a development server on another port would be pinned to HTTPS). */
  production: boolean;
}

/** 16 random bytes, base64: unguessable and fresh for every page view. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets Next's bootstrap load its
 * chunks); no plugin, no base tag, no framing, forms and fetches to this origin only. Styles allow
 * inline attributes: React writes `style` attributes in server HTML, and a nonce cannot cover those.
 */
export function contentSecurityPolicy(nonce: string, options: PageSecurityOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Every header but the policy itself. */
export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  return {
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(options.production ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
