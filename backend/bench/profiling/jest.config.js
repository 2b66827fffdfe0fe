/** The export profile (bench/profiling): the backend's Jest setup (embedded PostgreSQL), one file, no time limit. */
const base = require('../../jest.config.js');

module.exports = { ...base, rootDir: '../..', testMatch: ['<rootDir>/bench/profiling/*.profile.ts'], reporters: ['default'], testTimeout: 3_600_000 };
