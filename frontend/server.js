/**
 * The web app's server: `next start` (or `next dev` with `--dev`) behind one step Next does not take.
 *
 * The API counts sign-in failures per client address, and behind the web app's `/api` forwarding
 * (src/lib/api-forward.ts) that address can only come from `X-Forwarded-For`. Next's own server does
 * not give it reliably: it sets `x-forwarded-for` to the socket's address only when the request has
 * none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js,
 * Next 16.4), so a browser's own `X-Forwarded-For: 203.0.113.9` reaches the route handler untouched,
 * neither overwritten nor appended to, and a route handler has no access to the socket.
 * So this server drops every client-address header a client sent and sets `X-Forwarded-For` to the
 * address of its own client socket before Next sees the request. The web app is then the one hop the
 * API trusts (TRUST_PROXY=true): see docs/security.md and docs/operations.md.
 */
/* global console */
const { createServer } = require('node:http');

/** Headers through which a client could claim an address; none is believed. */
const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

/** Replaces whatever the client said about its address with the address of its socket. */
function scrubClientAddress(request) {
  for (const name of CLIENT_ADDRESS_HEADERS) Reflect.deleteProperty(request.headers, name);
  // A dual-stack socket reports an IPv4 client as `::ffff:198.51.100.7`: the API sees `198.51.100.7`.
  const address = request.socket.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (address) request.headers['x-forwarded-for'] = address;
}

module.exports = { scrubClientAddress };

if (require.main === module) {
  const next = require('next');
  const dev = process.argv.includes('--dev');
  const port = Number(process.env.PORT ?? 3000);
  const server = createServer();
  const app = next({ dev, dir: __dirname, port, httpServer: server });
  const handle = app.getRequestHandler();
  app
    .prepare()
    .then(() => {
      server.on('request', (request, response) => {
        scrubClientAddress(request);
        void handle(request, response);
      });
      server.listen(port, () => console.warn(`▶ web app listening on port ${port}${dev ? ' (development)' : ''}`));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
