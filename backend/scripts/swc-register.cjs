// Runs TypeScript sources without a build: `node -r ./scripts/swc-register.cjs src/file.ts`.
// Compiles each .ts file with swc and backend/.swcrc (legacy decorators and their metadata, as the
// tests do), in memory. NestJS 12 is ES modules only; Node loads it through require(esm).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const options = JSON.parse(readFileSync(join(__dirname, '..', '.swcrc'), 'utf8'));
delete options.$schema;
options.sourceMaps = false;

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });
  module._compile(code, filename);
};
