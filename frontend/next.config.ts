import type { NextConfig } from 'next';

const apiUrl = process.env.API_URL ?? 'http://localhost:3001';

/**
 * The browser calls relative `/api/...` URLs; they go to the backend. This rewrite is fixed when the
 * app is built; src/proxy.ts performs the same forwarding with the `API_URL` of the running server.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  rewrites() {
    return Promise.resolve([{ source: '/api/:path*', destination: `${apiUrl}/api/:path*` }]);
  },
};

export default nextConfig;
