import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { copyTemplateDataDir } from '../src/testing/template-data-dir';

const ROOT = join(__dirname, '..', '..', '..');

async function dbShell(
  dataDir: string,
  psqlArgs: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { PATH } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'ts-node'),
      [
        '--transpile-only',
        '-r',
        'tsconfig-paths/register',
        'libs/database/src/cli/db-shell.cli.ts',
        ...psqlArgs,
      ],
      { cwd: ROOT, env: { PATH, EMBEDDED_DB_DIR: dataDir }, timeout: 50_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run db:shell', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-db-shell-'));
    await copyTemplateDataDir(dataDir);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs psql on the embedded data directory', async () => {
    const result = await dbShell(dataDir, [
      '-At',
      '-c',
      `SELECT extname FROM pg_extension WHERE extname = 'timescaledb'`,
    ]);
    expect(result.stdout).toContain('timescaledb\n');
    expect(result.code).toBe(0);
  });

  it('refuses a data directory that a running process holds', async () => {
    await writeFile(join(dataDir, 'nexwave.pid'), `${process.pid}\n`);
    try {
      const result = await dbShell(dataDir, ['-c', 'SELECT 1']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `db:shell failed: the data directory ${dataDir} is in use by process ${process.pid}`,
      );
    } finally {
      await rm(join(dataDir, 'nexwave.pid'));
    }
  });
});
