/** Browser tests: the whole product started by its launcher, driven through Debian's Chromium. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // otplib (codes computed in the two-factor test) loads ES-only packages that Jest on Node 20 cannot require.
    '^.+\\.m?js$': ['@swc/jest', { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@otplib|@scure|@noble)/)'],
  globalSetup: '<rootDir>/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/global-teardown.ts',
  reporters: ['default', ['<rootDir>/../backend/test/jest-results-reporter.js', { name: 'e2e' }]],
  maxWorkers: 1,
  testTimeout: 60000,
};
