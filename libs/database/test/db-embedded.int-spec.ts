import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { copyTemplateDataDir } from '../src/testing';
import { pollUntil } from './support';

const ROOT = join(__dirname, '..', '..', '..');

// `npm run db:embedded`: the database the split apps share, as its own process.
describe('npm run db:embedded', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-db-embedded-'));
    await copyTemplateDataDir(dataDir);
  });

  afterAll(async () => {
    if (child?.exitCode === null) {
      child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a DATABASE_URL that several clients use at once, and stops on SIGINT', async () => {
    child = spawn(
      join(ROOT, 'node_modules', '.bin', 'ts-node'),
      [
        '--transpile-only',
        '-r',
        'tsconfig-paths/register',
        'libs/database/src/cli/db-embedded.cli.ts',
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, EMBEDDED_DB_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = once(child, 'exit');
    await pollUntil(() => /^DATABASE_URL=(\S+)$/m.test(stdout) || child!.exitCode !== null);
    const url = /^DATABASE_URL=(\S+)$/m.exec(stdout)![1];

    const clients = [1, 2, 3].map(() => new Client({ connectionString: url }));
    await Promise.all(clients.map((client) => client.connect()));
    const answers = await Promise.all(
      clients.map(
        async (client, i) =>
          (await client.query<{ n: number }>('SELECT $1::int AS n', [i])).rows[0].n,
      ),
    );
    expect(answers).toEqual([0, 1, 2]);
    await Promise.all(clients.map((client) => client.end()));

    child.kill('SIGINT');
    expect((await exited)[0]).toBe(0);
    await expect(new Client({ connectionString: url }).connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
