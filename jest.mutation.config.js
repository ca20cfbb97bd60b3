// Jest config for `npm run test:mutation` (stryker.config.json). The tests of a mutated file are
// the specs beside the files in the mutation scope (Stryker narrows them further to the specs that
// import the file, then to the tests that ran the mutant): loading every spec that reaches
// @nexwave/core on each mutant run took longer than Stryker's timeout on 2 shared cores. No dist/
// build (that globalSetup serves the process-level e2e tests) and no summary reporter.
const base = require('./jest.config.js');
const { mutate } = require('./stryker.config.json');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testRegex: undefined,
  testMatch: mutate
    .filter((pattern) => !pattern.startsWith('!'))
    .map((pattern) => `<rootDir>/${pattern.replace(/\.ts$/, '.spec.ts')}`),
  globalSetup: undefined,
  reporters: ['default'],
};
