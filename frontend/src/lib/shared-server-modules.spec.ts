import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The web image is built from a context that holds, of the backend, only backend/src/domain
// (docker/frontend.Dockerfile.dockerignore). A frontend import of any other backend file, or a domain
// module that reaches out of its folder, builds fine here and breaks the image build: this test
// catches both.
const frontendSrc = resolve(__dirname, '..');
const frontendRoot = resolve(frontendSrc, '..');
const backendRoot = resolve(frontendRoot, '../backend');
const domainSrc = resolve(backendRoot, 'src/domain');
const dockerignore = resolve(frontendRoot, '../docker/frontend.Dockerfile.dockerignore');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)].flatMap((match) => (match[1] ? [match[1]] : []));

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!file) throw new Error(`${specifier} imported by ${from} not found`);
  return file;
}

const inside = (file: string, dir: string) => !relative(dir, file).startsWith('..');

/** Every backend file `roots` reach: their @domain/* and relative imports and, transitively, theirs. */
function backendModulesOf(roots: readonly string[]): Set<string> {
  const files = roots.flatMap((root) => sourceFiles(root));
  const pending = files.flatMap((file) =>
    importsOf(file).flatMap((specifier) => {
      if (specifier.startsWith('@domain/')) return [resolveModule(join(domainSrc, 'index.ts'), `./${specifier.slice('@domain/'.length)}`)];
      if (specifier.startsWith('.')) return inside(resolve(dirname(file), specifier), frontendRoot) ? [] : [resolveModule(file, specifier)];
      return [];
    }),
  );
  const seen = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) pending.push(resolveModule(file, specifier));
    }
  }
  return new Set([...seen].map((file) => relative(resolve(backendRoot, '..'), file).split(sep).join('/')));
}

/** The web app's code: what the web image builds. */
const backendModulesOfTheApp = () => backendModulesOf([frontendSrc]);

describe('server modules shared with the web app', () => {
  it('finds the modules the app imports through @domain/*', () => {
    expect([...backendModulesOfTheApp()]).toContain('backend/src/domain/activities/activity-rules.ts');
  });

  it('reaches nothing of the backend outside backend/src/domain', () => {
    const outside = [...backendModulesOfTheApp()].filter((module) => !module.startsWith('backend/src/domain/')).sort();
    expect(outside).toEqual([]);
  });

  it('lets the browser tests, which the web image never builds, reach only the domain and the API tests\' helpers', () => {
    const outside = [...backendModulesOf([join(frontendRoot, 'e2e')])].filter((module) => !/^backend\/(src\/domain|test)\//.test(module)).sort();
    expect(outside).toEqual([]);
  });

  it('lets exactly the domain folder of the backend into the web image build context', () => {
    const reincluded = readFileSync(dockerignore, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.trim());
    expect(reincluded).toEqual(['!backend/src/domain']);
  });
});
