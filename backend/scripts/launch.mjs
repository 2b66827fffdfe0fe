#!/usr/bin/env node
// `npm start`: builds what is not built yet, starts the API (with its embedded PostgreSQL unless
// DATABASE_URL is set) and the web app, prints where to go, and stops both cleanly on Ctrl-C.
// `npm run dev`: the same with the API rebuilt on change and the web app in development mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dev = process.argv.includes('--dev');
const apiPort = Number(process.env.PORT_API ?? process.env.API_PORT ?? 3001);
const webPort = Number(process.env.PORT_WEB ?? process.env.WEB_PORT ?? 3000);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Children are started without npm in between, so a stop signal reaches them and not an npm wrapper
// that would leave them running.
const frontendDir = join(root, 'frontend');
const tscBin = createRequire(join(root, 'backend', 'package.json')).resolve('typescript/bin/tsc');

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestModification(join(path, entry))), 0);
}

function buildIfStale(name, output, sources) {
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((source) => newestModification(join(root, source))));
  if (builtAt >= changedAt) return;
  console.log(`\n▶ Building the ${name}…`);
  const result = spawnSync(npm, ['run', 'build', '-w', name], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`The ${name} did not build (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

async function waitFor(url, child, label, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The ${label} stopped during start-up (exit ${child.exitCode}).`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`The ${label} did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

const children = [];
function start(label, command, args, env, cwd = root) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\nThe ${label} stopped unexpectedly (${signal ?? `exit ${code}`}).`);
      void stop(code || 1);
    }
  });
  return child;
}

let stopping = false;
async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  // Stop the web app first, then the API, which stops its PostgreSQL cleanly.
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done();
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
    });
  }
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// The web app forwards every API call from this machine and sets X-Forwarded-For to its client's
// socket address (frontend/server.js): trusting loopback peers only lets per-address throttling see
// that client, while a caller reaching the API port from elsewhere cannot name an address.
const apiEnv = {
  PORT: String(apiPort),
  DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
  // Links in e-mails and the single sign-on redirect address point at the web app on its own port.
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${webPort}`,
};
const webEnv = { PORT: String(webPort), API_URL: process.env.API_URL ?? `http://localhost:${apiPort}` };

try {
  buildIfStale('backend', join(root, 'backend', 'dist', 'main.js'), ['backend/src', 'backend/package.json', 'backend/tsconfig.json', 'backend/tsconfig.build.json']);
  let api;
  if (dev) {
    start('backend compiler', process.execPath, [tscBin, '-p', join(root, 'backend', 'tsconfig.build.json'), '--watch', '--preserveWatchOutput'], {});
    api = start('API', process.execPath, ['--watch-path', join(root, 'backend', 'dist'), join(root, 'backend', 'dist', 'main.js')], { ...apiEnv, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
  } else {
    buildIfStale('frontend', join(root, 'frontend', '.next', 'BUILD_ID'), ['frontend/src', 'frontend/public', 'frontend/package.json', 'frontend/next.config.ts']);
    api = start('API', process.execPath, [join(root, 'backend', 'dist', 'main.js')], { ...apiEnv, NODE_ENV: process.env.NODE_ENV ?? 'development' });
  }
  console.log('\n▶ Starting the API (and its embedded PostgreSQL on first start, this takes a few seconds)…');
  await waitFor(`http://localhost:${apiPort}/api/health`, api, 'API');
  const web = start('web app', process.execPath, [join(frontendDir, 'server.js'), ...(dev ? ['--dev'] : [])], webEnv, frontendDir);
  await waitFor(`http://localhost:${webPort}/login`, web, 'web app');
  const demo = (process.env.DEMO_SEED ?? 'true') !== 'false';
  console.log(`
  Registre is running
    App        http://localhost:${webPort}
    API        http://localhost:${apiPort}/api   (OpenAPI: http://localhost:${apiPort}/api/docs)
    Database   ${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${apiEnv.DATA_DIR}/postgres`}
${demo ? `
  Demo logins (organisation "Démo", password registre-demo)
    admin@example.com        admin
    dpo@example.com          DPO
    contributor@example.com  contributor
    auditor@example.com      auditor
` : ''}
  Ctrl-C stops everything.
`);
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
