import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { MIGRATIONS, PooledEmbeddedTimescale, startPooledEmbeddedTimescale } from '../src';
import { copyTemplateDataDir, ERRORS_ONLY } from '../src/testing';

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/**
 * Loaded before the CLI: requiring a package the runtime image lacks fails. The image installs
 * with `npm ci --omit=dev`, which leaves out what the lock file marks `dev` (dev dependencies and
 * what only they need).
 */
function forbidDevOnlyPackages(): string {
  const { packages } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const devOnly = Object.entries(packages)
    .filter(([path, entry]) => entry.dev === true && path.lastIndexOf('node_modules/') === 0)
    .map(([path]) => path.slice('node_modules/'.length));
  return `
const Module = require('node:module');
const devOnly = new Set(${JSON.stringify(devOnly)});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
  if (!Module.isBuiltin(request) && devOnly.has(name)) {
    throw new Error('dev-only package required at runtime: ' + request);
  }
  return resolve.call(this, request, ...rest);
};`;
}

// The one migrate step of a split deployment, as the runtime image runs it: built JS only, no
// swc, no ts-node, nothing the image leaves out.
describe('the built migrate command', () => {
  let dir: string;
  let database: PooledEmbeddedTimescale;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexwave-migrate-cli-'));
    await run(
      join(ROOT, 'node_modules', '.bin', 'swc'),
      [
        'libs',
        'migrations',
        '-d',
        join(dir, 'dist'),
        '--copy-files',
        '--ignore',
        '**/*spec.ts,**/testing/**',
      ],
      { cwd: ROOT, timeout: 60_000 },
    );
    await writeFile(join(dir, 'forbid-dev.cjs'), forbidDevOnlyPackages());
    await copyTemplateDataDir(join(dir, 'pgdata'));
    database = await startPooledEmbeddedTimescale({
      dataDir: join(dir, 'pgdata'),
      port: 0,
      logger: ERRORS_ONLY,
    });
  });

  afterAll(async () => {
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const migrate = () =>
    run(
      process.execPath,
      ['-r', join(dir, 'forbid-dev.cjs'), join(dir, 'dist/libs/database/src/cli/migrate.cli.js')],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          NODE_PATH: join(ROOT, 'node_modules'),
          DATABASE_URL: database.url,
        },
        timeout: 120_000,
      },
    );

  it('applies every migration once, then finds nothing pending, never printing the URL', async () => {
    const first = await migrate();
    expect(first.stdout.trim()).toBe(
      `DATABASE_URL: applied ${MIGRATIONS.length} migration(s): ${MIGRATIONS.map((m) => m.name).join(', ')}`,
    );
    const second = await migrate();
    expect(second.stdout.trim()).toBe('DATABASE_URL: no pending migration');
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(
      new URL(database.url).password,
    );
  });
});
