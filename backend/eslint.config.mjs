import { dirname, relative, resolve } from 'node:path';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * src/domain is the code the web app runs too: it must stay pure (no framework, database or HTTP
 * library, no validation decorators) and self-contained (the web image's build context holds only
 * that folder of the backend).
 */
const domainRoot = resolve(import.meta.dirname, 'src/domain');
const FRAMEWORK = /^(@nestjs\/|typeorm(\/|$)|pg(\/|$)|pg-|express(\/|$)|class-validator(\/|$)|class-transformer(\/|$))/;
const domainBoundary = {
  meta: { type: 'problem', schema: [], messages: {
    framework: "'{{source}}' is server code: the domain folder is shared with the web app and stays pure.",
    outside: "'{{source}}' is outside backend/src/domain: the domain folder imports only itself.",
  } },
  create(context) {
    const check = (node) => {
      const source = node?.source?.value;
      if (typeof source !== 'string') return;
      if (FRAMEWORK.test(source)) context.report({ node: node.source, messageId: 'framework', data: { source } });
      else if (source.startsWith('.') && relative(domainRoot, resolve(dirname(context.filename), source)).startsWith('..')) {
        context.report({ node: node.source, messageId: 'outside', data: { source } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'scripts/**', 'jest.config.js', 'eslint.config.mjs', 'test/jest-results-reporter.js', 'test/faults/postgres-process.mjs', 'jest.faults.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest decorators and class-validator DTOs use empty-ish classes on purpose.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    plugins: { registre: { rules: { 'domain-boundary': domainBoundary } } },
    rules: { 'registre/domain-boundary': 'error' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      // supertest bodies are untyped JSON; tests assert their shape explicitly.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
