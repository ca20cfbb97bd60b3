// `npm run start:split`: the five apps as separate processes on one machine, without Docker: the
// embedded TimescaleDB behind PgBouncer (in this process), the Kafka-protocol test broker,
// redis-server, the Pacifica simulator, the migrations once, then the apps, all with prefixed
// logs (concurrently). Ctrl-C stops the apps first, then what they use, then the database.
// State in SPLIT_DIR (default .nexwave/split).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import {
  concurrently,
  createConcurrently,
  LogError,
  LogExit,
  Logger,
  LogOutput,
  type ConcurrentlyCommandInput,
  type ConcurrentlyResult,
} from 'concurrently';

import { formatApiKey } from '@nexwave/auth';
import { freePort } from '@nexwave/core/testing';
import { migrateDatabase, startPooledEmbeddedTimescale } from '@nexwave/database';

import { SPLIT_APPS, splitAppEnv, type SplitEndpoints } from './split-apps';

const ROOT = resolve(__dirname, '..', '..', '..');
const PREFIX_WIDTH = Math.max(...SPLIT_APPS.map((app) => app.length));

function env(name: string, fallback: string): string {
  return process.env[name] ?? fallback;
}

function named(name: string, command: string, variables: Record<string, string> = {}) {
  return { name: name.padEnd(PREFIX_WIDTH), command, env: variables };
}

/** ADMIN_API_KEY, or the key kept in the state directory (made on the first run, mode 0600). */
function adminApiKey(file: string): string {
  if (process.env.ADMIN_API_KEY !== undefined) {
    return process.env.ADMIN_API_KEY;
  }
  if (!existsSync(file)) {
    writeFileSync(file, formatApiKey(randomBytes(8), randomBytes(32)), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
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

/**
 * What the apps use, each in its own session (setsid): a terminal's Ctrl-C reaches only the apps
 * and this process, which stops these once the apps are gone (they flush to Kafka and Redis on
 * the way out).
 */
function startInfrastructure(commands: ConcurrentlyCommandInput[]): ConcurrentlyResult {
  const logger = new Logger({ prefixFormat: '{name}' });
  return createConcurrently(
    commands.map((command) =>
      typeof command === 'string' ? command : { ...command, command: `setsid ${command.command}` },
    ),
    {
      logger,
      outputStream: process.stdout,
      cwd: ROOT,
      controllers: [new LogError({ logger }), new LogOutput({ logger }), new LogExit({ logger })],
    },
  );
}

async function stopped(group: ConcurrentlyResult | undefined, signal?: string): Promise<void> {
  if (signal !== undefined) {
    group?.commands.forEach((command) => command.kill(signal));
  }
  await group?.result.catch(() => undefined);
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
  let interrupted = false;
  const interruption = new Promise<'interrupted'>((done) => {
    const stop = () => {
      interrupted = true;
      done('interrupted');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const database = await startPooledEmbeddedTimescale({ dataDir: join(dir, 'pgdata'), port: 0 });
  let infrastructure: ConcurrentlyResult | undefined;
  let apps: ConcurrentlyResult | undefined;
  try {
    infrastructure = startInfrastructure([
      named(
        'kafka',
        'node node_modules/.bin/ts-node --transpile-only test/support/kafka-broker/main.ts',
        { KAFKA_TEST_BROKER_PORT: String(ports.kafka) },
      ),
      named(
        'redis',
        `redis-server --port ${ports.redis} --bind 127.0.0.1 --dir '${join(dir, 'redis')}' --appendonly yes`,
      ),
      named('sim', 'node dist/libs/pacifica-sim/src/main.js', {
        PACIFICA_SIM_PORT: String(ports.sim),
      }),
    ]);
    // Any of them ending (a missing binary, a crash) stops everything.
    const down = new Promise<'ended'>((done) =>
      infrastructure!.commands.forEach((command) => command.close.subscribe(() => done('ended'))),
    );
    const ready = Promise.all([
      listening('the Kafka test broker', ports.kafka),
      listening('redis-server', ports.redis),
      listening('the simulator', ports.sim),
    ]).then(() => 'ready' as const);
    const started = await Promise.race([ready, down, interruption]);
    if (started !== 'ready') {
      failedIf(started === 'ended');
      return;
    }
    const applied = await migrateDatabase({
      url: database.url,
      embeddedDataDir: '',
      embeddedPort: 0,
    });
    console.log(`${'migrate'.padEnd(PREFIX_WIDTH)} applied ${applied.length} migration(s)`);
    if (interrupted) {
      return;
    }

    const keyFile = join(dir, 'admin-api-key');
    const endpoints: SplitEndpoints = {
      databaseUrl: database.url,
      kafkaBrokers: `127.0.0.1:${ports.kafka}`,
      redisUrl: `redis://127.0.0.1:${ports.redis}`,
      simUrl: `http://127.0.0.1:${ports.sim}`,
      gatewayPort: ports.gateway,
      adminApiKey: adminApiKey(keyFile),
      tickSpoolDir: join(dir, 'spool'),
    };
    const commands: ConcurrentlyCommandInput[] = [];
    for (const app of SPLIT_APPS) {
      const port = app === 'api-gateway' ? ports.gateway : await freePort();
      commands.push(
        named(app, `node dist/apps/${app}/src/main.js`, {
          ...splitAppEnv(app, port, endpoints),
          LOG_FORMAT: env('LOG_FORMAT', 'pretty'),
        }),
      );
    }
    // concurrently passes Ctrl-C on to the apps; one app failing stops the others.
    apps = concurrently(commands, {
      prefix: '{name}',
      killOthersOn: ['failure'],
      killTimeout: 15_000,
      cwd: ROOT,
    });
    console.log(
      `${'split'.padEnd(PREFIX_WIDTH)} api-gateway on http://127.0.0.1:${ports.gateway} (Swagger UI /docs); Ctrl-C stops everything`,
    );
    if (process.env.ADMIN_API_KEY === undefined) {
      console.log(
        `${'split'.padEnd(PREFIX_WIDTH)} admin API key in ${keyFile}: curl -H "Authorization: Bearer $(cat ${keyFile})" http://127.0.0.1:${ports.gateway}/api/v1/orders`,
      );
    }
    const ended = await Promise.race([
      apps.result.then(
        () => 'apps',
        () => 'ended',
      ),
      down,
      interruption,
    ]);
    failedIf(ended === 'ended');
  } finally {
    // On Ctrl-C the apps already have their signal; otherwise (something died) they get one now.
    await stopped(apps, interrupted ? undefined : 'SIGTERM');
    await stopped(infrastructure, 'SIGTERM');
    await database.stop();
  }
}

function failedIf(failed: boolean): void {
  if (failed) {
    console.error('split: a process ended by itself (see its lines above); everything stopped');
    process.exitCode = 1;
  }
}

// Exits once everything is stopped, even if a readiness check is still polling.
main()
  .catch((error: unknown) => {
    console.error(`split: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
