/** Browser tests: the whole product started by its launcher, driven through Debian's Chromium. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  globalSetup: '<rootDir>/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/global-teardown.ts',
  reporters: ['default', ['<rootDir>/../backend/test/jest-results-reporter.js', { name: 'e2e' }]],
  maxWorkers: 1,
  testTimeout: 60000,
};
