/** Unit and integration tests. Integration tests share one embedded PostgreSQL started by the
 * global setup; each test file gets its own database cloned from a migrated template. */

// NestJS 12 ships ES modules only. Node runs them from our CommonJS build (require(esm)), but Jest's
// module registry on Node 20 cannot, so Jest compiles those packages to CommonJS with swc.
const ESM_ONLY_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit', 'archiver', 'zip-stream', 'compress-commons', 'crc32-stream', 'is-stream', '@scure', '@noble', '@otplib', 'openid-client', 'oauth4webapi', 'jose'];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    '^.+\\.m?js$': [
      '@swc/jest',
      { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  reporters: ['default', ['<rootDir>/test/jest-results-reporter.js', { name: 'backend' }]],
  maxWorkers: 2,
  // Integration specs start real servers and sign members up; on a shared 2-core runner that can pass
  // 30 s. These tests check behaviour, not time (benchmarks measure time).
  testTimeout: 90000,
};
