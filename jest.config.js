const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  // .stryker-tmp: the sandboxes a killed `npm run test:mutation` leaves behind.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/.stryker-tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, baseUrl: __dirname }, swcrc: false }],
  },
  moduleNameMapper: {
    '^@nexwave/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing/index.ts',
    '^@nexwave/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  // dist/ for the process-level e2e tests (dist/apps/*/src/main.js), built once per run.
  globalSetup: '<rootDir>/test/support/build-dist.cjs',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
