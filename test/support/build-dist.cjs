// Jest globalSetup: builds dist/ once per test run, as `npm start` does, before any worker starts.
// Process-level e2e tests run dist/apps/*; building it from each of them raced when two test files
// rewrote dist/ while a third was starting an app from it.
const { spawnSync } = require('node:child_process');

module.exports = function buildDist() {
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: `${__dirname}/../..`,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`build failed: ${result.stderr}`);
  }
};
