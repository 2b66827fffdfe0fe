import type { NextConfig } from 'next';

/**
 * The browser calls relative `/api/...` URLs; src/app/api/[...path]/route.ts forwards them to the
 * backend at the running server's `API_URL`, streaming the bodies. No rewrite here: a config rewrite
 * would take the route's place (rewrites come before dynamic routes) and be fixed at build time.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
