// `npm run start:split`: the five apps as separate processes on one machine, without Docker: the
// embedded TimescaleDB behind PgBouncer (in this process), the Kafka-protocol test broker,
// redis-server, the Pacifica simulator, the migrations once, then the apps, all with prefixed
// logs. Ctrl-C stops every process, then the database. State in SPLIT_DIR (default .nexwave/split).
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { concurrently, type ConcurrentlyCommandInput, type ConcurrentlyResult } from 'concurrently';

import { freePort } from '@nexwave/core/testing';
import { migrateDatabase, startPooledEmbeddedTimescale } from '@nexwave/database';

const ROOT = resolve(__dirname, '..', '..', '..');
const APPS = ['api-gateway', 'market-data', 'whale-tracker', 'trading-engine', 'order-management'];
const OPTIONS = {
  prefix: '{name}',
  padPrefix: true,
  killOthersOn: ['failure' as const],
  killTimeout: 15_000,
  cwd: ROOT,
};

function env(name: string, fallback: string): string {
  return process.env[name] ?? fallback;
}

/** Resolves once something accepts connections on the loopback port (the process is up). */
async function listening(name: string, port: number, deadlineMs = 120_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => done(socket.end() !== undefined));
      socket.once('error', () => done(false));
    });
    if (open) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${deadlineMs / 1000} s`);
    }
    await new Promise((done) => setTimeout(done, delay));
  }
}

/** Kills the other group when one ends badly; resolves when both have ended. */
async function bothEnded(a: ConcurrentlyResult, b?: ConcurrentlyResult): Promise<void> {
  const killOther = (other?: ConcurrentlyResult) => () =>
    other?.commands.forEach((command) => command.kill());
  await Promise.allSettled([a.result.catch(killOther(b)), b?.result.catch(killOther(a))]);
}

async function main(): Promise<void> {
  const dir = resolve(env('SPLIT_DIR', '.nexwave/split'));
  mkdirSync(join(dir, 'redis'), { recursive: true });
  const ports = {
    gateway: Number(env('PORT', '3000')),
    sim: Number(env('PACIFICA_SIM_PORT', '8081')),
    kafka: await freePort(),
    redis: await freePort(),
  };
  const database = await startPooledEmbeddedTimescale({
    dataDir: join(dir, 'pgdata'),
    port: 0,
  });
  let infrastructure: ConcurrentlyResult | undefined;
  let apps: ConcurrentlyResult | undefined;
  try {
    infrastructure = concurrently(
      [
        {
          name: 'kafka',
          command:
            'node node_modules/.bin/ts-node --transpile-only test/support/kafka-broker/main.ts',
          env: { KAFKA_TEST_BROKER_PORT: String(ports.kafka) },
        },
        {
          name: 'redis',
          command: `redis-server --port ${ports.redis} --bind 127.0.0.1 --dir '${join(dir, 'redis')}' --appendonly yes`,
        },
        {
          name: 'sim',
          command: 'node dist/libs/pacifica-sim/src/main.js',
          env: { PACIFICA_SIM_PORT: String(ports.sim) },
        },
      ],
      OPTIONS,
    );
    await Promise.all([
      listening('the Kafka test broker', ports.kafka),
      listening('redis-server', ports.redis),
      listening('the simulator', ports.sim),
    ]);
    const applied = await migrateDatabase({
      url: database.url,
      embeddedDataDir: '',
      embeddedPort: 0,
    });
    console.log(`[migrate] applied ${applied.length} migration(s)`);

    const shared = {
      DATABASE_URL: database.url,
      TRANSPORT: 'kafka',
      KAFKA_BROKERS: `127.0.0.1:${ports.kafka}`,
      REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
      PACIFICA_API_URL: `http://127.0.0.1:${ports.sim}/api/v1`,
      PACIFICA_WS_URL: `ws://127.0.0.1:${ports.sim}/ws`,
      TICK_SPOOL_DIR: join(dir, 'spool'),
      LOG_FORMAT: env('LOG_FORMAT', 'pretty'),
    };
    const commands: ConcurrentlyCommandInput[] = [];
    for (const app of APPS) {
      const port = app === 'api-gateway' ? ports.gateway : await freePort();
      commands.push({
        name: app,
        command: `node dist/apps/${app}/src/main.js`,
        env: { ...shared, PORT: String(port) },
      });
    }
    apps = concurrently(commands, OPTIONS);
    console.log(
      `[split] api-gateway on http://127.0.0.1:${ports.gateway} (Swagger UI /docs); Ctrl-C stops everything`,
    );
  } catch (error) {
    infrastructure?.commands.forEach((command) => command.kill());
    throw error;
  } finally {
    if (infrastructure !== undefined) {
      await bothEnded(infrastructure, apps);
    }
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[split] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
