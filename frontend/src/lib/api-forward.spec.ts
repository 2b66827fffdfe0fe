import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { clientAddress, forward } from './api-forward';

// The web app's own server (frontend/server.js, plain CommonJS): its client-address step, tested as it runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scrubClientAddress } = require('../../server.js') as { scrubClientAddress: (request: IncomingMessage) => void };

/** The web app as it runs: frontend/server.js's step, then the route handler's forward(), on a real socket. */
function webApp(): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    scrubClientAddress(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    void forward(new Request(`http://web.test${request.url ?? '/'}`, { method: request.method, headers })).then(async (answer) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

/** A browser at `localAddress` calling the web app with its own headers; resolves to the answer's body. */
function call(port: number, localAddress: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/api/v1/auth/login', localAddress, headers }, (answer) => {
      let body = '';
      answer.on('data', (chunk: Buffer) => (body += chunk.toString()));
      answer.on('end', () => resolve(body));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const MB = 1024 * 1024;

/** A real HTTP server standing for the API: it records what arrives and when. */
function upstream(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** A request body produced piece by piece, as a browser uploads it; `sent()` tells how much left so far. */
function slowBody(total: number, chunk = 256 * 1024, pauseMs = 5) {
  let sent = 0;
  const hash = createHash('sha256');
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= total) {
        controller.close();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const piece = Buffer.alloc(Math.min(chunk, total - sent), sent % 251);
      hash.update(piece);
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
  return { stream, sent: () => sent, digest: () => hash.digest('hex') };
}

const post = (url: string, body: ReadableStream<Uint8Array>, length: number) =>
  new Request(`http://web.test${url}`, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/octet-stream', 'content-length': String(length), 'accept-language': 'fr' } } as RequestInit);

describe('the web app’s /api forwarding', () => {
  let api: { server: Server; url: string };
  const previous = process.env.API_URL;
  afterEach(async () => {
    process.env.API_URL = previous;
    await new Promise((resolve) => api.server.close(resolve));
  });

  it('streams an upload to the API as it arrives, whole and unchanged (25 MB)', async () => {
    const received = { bytes: 0, firstAt: 0, hash: createHash('sha256') };
    let clientSentAtFirstByte = -1;
    const body = slowBody(25 * MB);
    api = await upstream((request, response) => {
      request.on('data', (chunk: Buffer) => {
        if (received.bytes === 0) clientSentAtFirstByte = body.sent();
        received.bytes += chunk.length;
        received.hash.update(chunk);
      });
      request.on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: received.bytes })));
    });
    process.env.API_URL = api.url;
    const response = await forward(post('/api/v1/upload', body.stream, 25 * MB));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ bytes: 25 * MB });
    expect(received.hash.digest('hex')).toBe(body.digest());
    // The API had its first bytes while most of the upload was still to come: nothing buffered whole.
    expect(clientSentAtFirstByte).toBeLessThan(5 * MB);
  });

  it('hands the API’s early 413 back at once, while the client is still sending', async () => {
    const body = slowBody(40 * MB, 256 * 1024, 20);
    api = await upstream((request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > 10 * MB && !response.headersSent) {
          response.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ code: 'payload_too_large', message: 'Fichier trop volumineux (10 Mo au plus).', details: { limit: 10 * MB } }));
          request.destroy();
        }
      });
    });
    process.env.API_URL = api.url;
    const started = Date.now();
    const response = await forward(post('/api/v1/upload', body.stream, 40 * MB));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 'payload_too_large', message: 'Fichier trop volumineux (10 Mo au plus).', details: { limit: 10 * MB } });
    expect(body.sent()).toBeLessThan(40 * MB);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps status, headers and every Set-Cookie, and answers a structured 502 when the API is down', async () => {
    api = await upstream((request, response) => {
      response.setHeader('set-cookie', ['registre.sid=abc; HttpOnly; Path=/', 'registre.csrf=def; HttpOnly; Path=/']);
      response.writeHead(409, { 'content-type': 'application/json', 'x-request-id': 'req-12345678' }).end(JSON.stringify({ code: 'x', message: request.url, details: {} }));
    });
    process.env.API_URL = api.url;
    const response = await forward(new Request('http://web.test/api/v1/things?q=%C3%A9', { headers: { cookie: 'registre.sid=abc' } }));
    expect(response.status).toBe(409);
    expect(response.headers.getSetCookie()).toEqual(['registre.sid=abc; HttpOnly; Path=/', 'registre.csrf=def; HttpOnly; Path=/']);
    expect(response.headers.get('x-request-id')).toBe('req-12345678');
    expect(((await response.json()) as { message: string }).message).toBe('/api/v1/things?q=%C3%A9');

    process.env.API_URL = 'http://127.0.0.1:1';
    const down = await forward(new Request('http://web.test/api/v1/things', { headers: { 'accept-language': 'en' } }));
    expect(down.status).toBe(502);
    const refusal = (await down.json()) as { code: string; message: string; details: object };
    expect(refusal).toMatchObject({ code: 'api_unreachable', details: {} });
    expect(refusal.message).toMatch(/not answering/);
  });

  it('hands the API the address of the client’s socket, never an address the client wrote', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    api = await upstream((incoming, response) => {
      seen.push({ xff: incoming.headers['x-forwarded-for'], realIp: incoming.headers['x-real-ip'], forwarded: incoming.headers.forwarded });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    process.env.API_URL = api.url;
    const web = await webApp();
    try {
      // Two clients on distinct addresses; the first claims to be someone else in every header it can.
      await call(web.port, '127.0.0.2', { 'x-forwarded-for': '203.0.113.9, 198.51.100.7', 'x-real-ip': '203.0.113.9', forwarded: 'for=203.0.113.9' });
      await call(web.port, '127.0.0.3', {});
    } finally {
      await new Promise((resolve) => web.server.close(resolve));
    }
    expect(seen).toEqual([
      { xff: '127.0.0.2', realIp: undefined, forwarded: undefined },
      { xff: '127.0.0.3', realIp: undefined, forwarded: undefined },
    ]);
  });

  it('keeps only the right-most hop of a list, the one the web app’s server added', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9, 127.0.0.2' }))).toBe('127.0.0.2');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.2' }))).toBe('127.0.0.2');
    expect(clientAddress(new Headers())).toBeUndefined();
    // A dual-stack server sees an IPv4 client as ::ffff:a.b.c.d; the API is handed a.b.c.d.
    const mapped = { headers: { 'x-forwarded-for': '203.0.113.9' }, socket: { remoteAddress: '::ffff:198.51.100.7' } } as unknown as IncomingMessage;
    scrubClientAddress(mapped);
    expect(mapped.headers['x-forwarded-for']).toBe('198.51.100.7');
  });
});
