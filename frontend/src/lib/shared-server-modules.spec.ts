import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The web image is built from a context that holds only the server modules the app shares
// (docker/frontend.Dockerfile.dockerignore). A module imported through @backend/* but missing from
// that list builds fine here and breaks the image build: this test catches it.
const frontendSrc = resolve(__dirname, '..');
const backendSrc = resolve(frontendSrc, '../../backend/src');
const dockerignore = resolve(frontendSrc, '../../docker/frontend.Dockerfile.dockerignore');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].flatMap((match) => (match[1] ? [match[1]] : []));

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const file = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`${specifier} imported by ${from} not found`);
  return file;
}

/** Every backend file the app needs: its @backend/* imports and, transitively, their relative imports. */
function sharedBackendModules(): Set<string> {
  const pending = sourceFiles(frontendSrc).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => specifier.startsWith('@backend/'))
      .map((specifier) => resolveModule(join(backendSrc, 'index.ts'), `./${specifier.slice('@backend/'.length)}`)),
  );
  const seen = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) pending.push(resolveModule(file, specifier));
    }
  }
  return new Set([...seen].map((file) => `backend/src/${relative(backendSrc, file)}`));
}

describe('server modules shared with the web app', () => {
  const allowed = new Set(
    readFileSync(dockerignore, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!backend/src/'))
      .map((line) => line.slice(1).trim()),
  );

  it('finds the modules the app imports through @backend/*', () => {
    expect([...sharedBackendModules()]).toContain('backend/src/activities/activity-rules.ts');
  });

  it('lets every one of them into the web image build context', () => {
    const missing = [...sharedBackendModules()].filter((module) => !allowed.has(module)).sort();
    expect(missing).toEqual([]);
  });

  it('lets in nothing else (the list stays the shared set, not the server)', () => {
    const shared = sharedBackendModules();
    expect([...allowed].filter((module) => !shared.has(module)).sort()).toEqual([]);
  });
});
