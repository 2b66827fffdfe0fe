/** Fault tests: each starts and stops its own PostgreSQL (and API processes), so they run alone. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  reporters: ['default', ['<rootDir>/test/jest-results-reporter.js', { name: 'faults' }]],
  maxWorkers: 1,
  testTimeout: 120000,
};
