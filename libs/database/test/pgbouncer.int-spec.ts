import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, Server } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

import { PgBouncerError, startPgBouncer } from '../src';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** True once nothing listens on the loopback port. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function pollUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// PgBouncer alone (its server is connected to lazily, so none is needed here).
describe('startPgBouncer', () => {
  const server = { port: 1, user: 'app', database: 'postgres' };
  let stopLater: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stopLater?.();
  });

  it("fails its start with PgBouncer's own reason when the port is taken", async () => {
    const taken = createServer();
    const port = await listen(taken);
    try {
      const started = startPgBouncer({ port, server });
      await expect(started).rejects.toThrow(PgBouncerError);
      await expect(started).rejects.toThrow(/PgBouncer exited .*Address already in use/s);
    } finally {
      taken.close();
    }
  });

  it('asks clients for the password of its URL, and is gone after stop()', async () => {
    const pooler = await startPgBouncer({ port: 0, server });
    stopLater = pooler.stop;
    const wrong = new URL(pooler.url);
    wrong.password = 'wrong';
    const intruder = new Client({ connectionString: wrong.href });
    await expect(intruder.connect()).rejects.toThrow(/SASL authentication failed/);

    await pooler.stop();
    const late = new Client({ connectionString: pooler.url });
    await expect(late.connect()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('goes when its owner is killed, though no exit handler of the owner runs', async () => {
    const owner = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'fixtures', 'pgbouncer-owner.ts'),
      ],
      { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(owner, 'exit');
    let stdout = '';
    owner.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await pollUntil(
        () => Promise.resolve(/port \d+/.test(stdout)),
        'the owner to start PgBouncer',
      );
      const port = Number(/port (\d+)/.exec(stdout)![1]);
      expect(await refused(port)).toBe(false);

      owner.kill('SIGKILL');
      await exited;
      await pollUntil(() => refused(port), `PgBouncer on ${port} to go`);
    } finally {
      owner.kill('SIGKILL');
    }
  });
});
