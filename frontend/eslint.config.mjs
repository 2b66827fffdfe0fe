// ESLint flat config: typescript-eslint's strict and stylistic type-checked rules on all TypeScript.
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Of the backend, the web app imports only backend/src/domain, and only through `@domain/*`: the web
 * image's build context holds nothing else of the backend, and server code has no place in a page.
 */
const backendRoot = resolve(import.meta.dirname, '../backend');
const domainOnly = {
  meta: { type: 'problem', schema: [], messages: {
    backend: "'{{source}}' reaches into the backend: import shared code through '@domain/*' (backend/src/domain) only.",
  } },
  create(context) {
    const check = (node) => {
      const source = node?.source?.value;
      if (typeof source !== 'string') return;
      const intoBackend = source.startsWith('.')
        ? !relative(backendRoot, resolve(dirname(context.filename), source)).startsWith('..')
        : /^(@backend|@registre\/backend)(\/|$)|(^|\/)backend\/src(\/|$)/.test(source);
      if (intoBackend) context.report({ node: node.source, messageId: 'backend', data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default defineConfig(
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'coverage/**', 'test-results/**', 'src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    plugins: { registre: { rules: { 'domain-only': domainOnly } } },
    rules: { 'registre/domain-only': 'error' },
  },
  {
    // The browser tests are test code, never part of the web image (checked by e2e/tsconfig.json, not
    // by next build): they share the API tests' SMTP server (backend/test/smtp-server.ts).
    files: ['e2e/**/*.ts'],
    rules: { 'registre/domain-only': 'off' },
  },
  {
    // Plain JavaScript configuration files: no type information, Node globals.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
