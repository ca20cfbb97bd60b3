import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

import { ALL_TOPICS, contracts, deadLetterTopic } from '@nexwave/messaging';
import { KAFKA_DEFAULTS } from '@nexwave/messaging/testing';

const ROOT = join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | number>;
  volumes?: string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}

const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
  schema: CORE_SCHEMA.withTags(mergeTag),
}) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

const APPS = ['api-gateway', 'market-data', 'whale-tracker', 'trading-engine', 'order-management'];
/** Jobs that run to completion; everything else is a server. */
const ONE_OFF = ['migrate', 'kafka-topics'];
/** TimescaleDB policy jobs the migrations schedule (refreshes, retention, compression). */
const POLICY_JOBS = 13;

const services = Object.entries(compose.services);
const servers = services.filter(([name]) => !ONE_OFF.includes(name));
const setting = (command: string[], name: string): number => {
  const flag = command.find((arg) => arg.startsWith(`${name}=`));
  return Number(flag?.split('=')[1]);
};

// The per-app deployment, read as docker compose would (no Docker needed).
describe('docker-compose.yml', () => {
  it('runs every app, the simulator, the infrastructure, monitoring and the two one-off jobs', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        ...APPS,
        ...ONE_OFF,
        'timescaledb',
        'redis',
        'kafka',
        'pacifica-sim',
        'prometheus',
        'grafana',
      ].sort(),
    );
  });

  it.each(servers.map(([name]) => name))('%s has a healthcheck', (name) => {
    const { healthcheck } = compose.services[name];
    expect(healthcheck?.test).toBeDefined();
    expect(healthcheck?.disable).toBeUndefined();
  });

  it.each(APPS)('%s is healthy only when ready (GET /health/ready)', (name) => {
    expect(JSON.stringify(compose.services[name].healthcheck?.test)).toContain(
      "fetch('http://127.0.0.1:3000/health/ready')",
    );
  });

  it('starts a service only once what it depends on is healthy, or for a job, done', () => {
    for (const [name, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect([name, dependency, condition]).toEqual([
          name,
          dependency,
          ONE_OFF.includes(dependency) ? 'service_completed_successfully' : 'service_healthy',
        ]);
      }
    }
  });

  it.each(APPS)(
    '%s waits for the migrations, the topics, Redis, Kafka and the simulator',
    (app) => {
      expect(Object.keys(compose.services[app].depends_on ?? {}).sort()).toEqual(
        ['kafka', 'kafka-topics', 'migrate', 'pacifica-sim', 'redis'].sort(),
      );
    },
  );

  it('pins every image tag', () => {
    const images = services
      .map(([, service]) => service.image ?? '')
      .filter((image) => image !== 'nexwave:local');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatch(/:v?\d+(\.\d+){1,2}[-\w.]*$/);
      expect(image).not.toMatch(/latest/);
    }
    for (const from of dockerfile.match(/^FROM \S+/gm) ?? []) {
      expect(from).toMatch(/^FROM node:\d+\.\d+\.\d+-/);
    }
  });

  it('keeps the data of every stateful service in a named volume', () => {
    const mounts = {
      timescaledb: '/var/lib/postgresql/data',
      redis: '/data',
      kafka: '/var/lib/kafka/data',
      'market-data': '/app/.nexwave/spool',
      prometheus: '/prometheus',
      grafana: '/var/lib/grafana',
    };
    for (const [name, path] of Object.entries(mounts)) {
      const [volume] = (compose.services[name].volumes ?? [])
        .map((mount) => mount.split(':'))
        .filter(([, target]) => target === path)
        .map(([source]) => source);
      expect([name, volume in compose.volumes]).toEqual([name, true]);
    }
    expect(compose.services.kafka.environment?.KAFKA_LOG_DIRS).toBe(mounts.kafka);
  });

  it('creates every topic, its dead letters and the reply topics, with the transport partitions', () => {
    const { environment, depends_on } = compose.services['kafka-topics'];
    const expected = [
      ...ALL_TOPICS,
      ...ALL_TOPICS.map(deadLetterTopic),
      ...Object.values(contracts)
        .filter((contract) => contract.reply)
        .map((contract) => `${contract.topic}.reply`),
    ];
    expect(String(environment?.TOPICS).split(/\s+/).sort()).toEqual(expected.sort());
    expect(Number(environment?.PARTITIONS)).toBe(KAFKA_DEFAULTS.partitions);
    expect(depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    expect(compose.services.kafka.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });

  it('migrates once, with the built migrate command, before any app', () => {
    const { command, depends_on, image } = compose.services.migrate;
    expect(image).toBe('nexwave:local');
    expect(command).toEqual(['node', 'dist/libs/database/src/cli/migrate.cli.js']);
    expect(depends_on).toEqual({ timescaledb: { condition: 'service_healthy' } });
  });

  it('sizes the TimescaleDB background workers for its policy jobs plus headroom', () => {
    const command = compose.services.timescaledb.command as string[];
    const timescaleWorkers = setting(command, 'timescaledb.max_background_workers');
    const workerProcesses = setting(command, 'max_worker_processes');
    const parallelWorkers = setting(command, 'max_parallel_workers');
    expect(timescaleWorkers).toBeGreaterThanOrEqual(POLICY_JOBS + 2);
    // Background workers, parallel query workers, the launcher and one scheduler per database.
    expect(workerProcesses).toBeGreaterThanOrEqual(timescaleWorkers + parallelWorkers + 2);
  });

  it.each(APPS)('%s listens on every interface and logs JSON lines', (app) => {
    const environment = compose.services[app].environment ?? {};
    expect(environment).toMatchObject({ HOST: '0.0.0.0', LOG_FORMAT: 'json', APP: app });
    expect(environment).not.toHaveProperty('LOG_PRETTY');
  });
});

describe('Dockerfile', () => {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs without dev dependencies, on every interface, logging JSON lines', () => {
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
    expect(runtime).toMatch(/^ENV .*\bLOG_FORMAT=json\b/m);
  });

  it('gives the unprivileged user a data directory it can write', () => {
    expect(runtime).toMatch(
      /mkdir -p \.nexwave\/pgdata \.nexwave\/spool && chown -R node:node \.nexwave/,
    );
    expect(runtime.indexOf('chown')).toBeLessThan(runtime.indexOf('USER node'));
  });

  it('has a HEALTHCHECK on /health/ready', () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health\/ready/m);
  });

  it('does not send the host node_modules into the build', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist']));
  });
});
