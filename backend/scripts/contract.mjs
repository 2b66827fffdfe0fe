#!/usr/bin/env node
// The API contract, generated: backend/openapi.json from the backend's modules (no database, no
// build: the sources run through swc), then frontend/src/lib/api/schema.d.ts from that document
// (openapi-typescript).
//   node backend/scripts/contract.mjs           writes both files (`npm run openapi`)
//   node backend/scripts/contract.mjs --check   regenerates into a temporary folder and fails when either
//                                       committed file differs (`npm run openapi:check`, part of `npm run lint`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const backend = join(root, 'backend');
const frontend = join(root, 'frontend');
const FILES = {
  document: join(backend, 'openapi.json'),
  types: join(frontend, 'src', 'lib', 'api', 'schema.d.ts'),
};
const check = process.argv.includes('--check');

function run(label, args, cwd) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' } });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(b[at] ?? '<end of file>')}, generated ${JSON.stringify(a[at] ?? '<end of file>')}`;
}

const work = mkdtempSync(join(tmpdir(), 'registre-contract-'));
try {
  const generated = { document: join(work, 'openapi.json'), types: join(work, 'schema.d.ts') };
  run('OpenAPI generation (backend/src/openapi/generate.ts)', ['-r', './scripts/swc-register.cjs', 'src/openapi/generate.ts', '--out', generated.document], backend);
  const openapiTypescript = createRequire(join(frontend, 'package.json')).resolve('openapi-typescript/package.json').replace(/package\.json$/, 'bin/cli.js');
  run('openapi-typescript', [openapiTypescript, generated.document, '--output', generated.types], frontend);

  if (!check) {
    for (const key of Object.keys(FILES)) copyFileSync(generated[key], FILES[key]);
    console.log(`wrote ${relative(root, FILES.document)} and ${relative(root, FILES.types)}`);
  } else {
    const stale = [];
    for (const key of Object.keys(FILES)) {
      const expected = readFileSync(generated[key], 'utf8');
      let actual = '';
      try {
        actual = readFileSync(FILES[key], 'utf8');
      } catch {
        actual = '';
      }
      if (expected !== actual) stale.push(`  ${relative(root, FILES[key])} (${firstDifference(expected, actual)})`);
    }
    if (stale.length > 0) {
      console.error(
        `The API contract is stale: the committed files differ from what the backend's controllers and DTOs generate.\n${stale.join('\n')}\n` +
          'Run `npm run openapi` and commit backend/openapi.json and frontend/src/lib/api/schema.d.ts.',
      );
      process.exit(1);
    }
    console.log('API contract up to date (backend/openapi.json, frontend/src/lib/api/schema.d.ts)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
