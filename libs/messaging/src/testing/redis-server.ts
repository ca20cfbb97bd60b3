import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

import { freePort, waitForOutput } from '@nexwave/core/testing';

/** A throwaway redis-server on a free loopback port, without persistence. */
export interface RedisTestServer {
  readonly port: number;
  readonly url: string;
  /** Kills the server (data is lost) and starts a new one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `redis-server` (apt-get install redis-server) and resolves once it accepts connections. */
export async function startRedisServer(): Promise<RedisTestServer> {
  const port = await freePort();
  let child = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await kill(child);
      child = await launch(port);
    },
    stop: () => kill(child),
  };
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return waitForOutput(child, 'stdout', 'Ready to accept connections').then(() => child);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
