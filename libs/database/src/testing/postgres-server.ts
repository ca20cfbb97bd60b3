import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitForOutput } from '@nexwave/core/testing';

/** A throwaway PostgreSQL server (apt-get install postgresql) on a free loopback port. */
export interface PostgresTestServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Debian keeps the server binaries off PATH, in /usr/lib/postgresql/<version>/bin. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'postgres')));
  if (!found) {
    throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql');
  }
  return found;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user the package creates. */
function command(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
}

export async function startPostgresServer(): Promise<PostgresTestServer> {
  const bin = binDir();
  const dir = await mkdtemp(join(tmpdir(), 'nexwave-pg-'));
  await chmod(dir, 0o777);
  const dataDir = join(dir, 'data');
  const [initdb, initArgs] = command(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
  ]);
  const init = spawnSync(initdb, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr}`);
  }
  const port = await freePort();
  const [postgres, args] = command(join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const child = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await waitForOutput(child, 'stderr', 'ready to accept connections');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM'); // runuser passes SIGTERM on (not SIGINT); no client is left
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
