/**
 * The live-server suite: the REAL API layer (real fetch, in-memory TokenStore) against a running SunDispatch.
 * Run by the server's Java integration test, which starts the server and sets SUNDISPATCH_API_URL and the
 * prepared accounts (see integration/env.ts). Without SUNDISPATCH_API_URL it fails on purpose.
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/integration/**/*.test.ts'],
  globalSetup: '<rootDir>/integration/globalSetup.js',
  testTimeout: 60000,
};
