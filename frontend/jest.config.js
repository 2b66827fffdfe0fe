/** Jest runs the unit specs beside the code (src/.../*.spec.ts and .tsx); SWC compiles TypeScript and JSX. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', '^@domain/(.*)$': '<rootDir>/../backend/src/domain/$1' },
  // .ci/run counts passes and failures from $REGISTRE_TEST_RESULTS/frontend.json.
  reporters: ['default', ['<rootDir>/../backend/test/jest-results-reporter.js', { name: 'frontend' }]],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
