import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { startMigratedDatabase } from '@nexwave/database/testing';
import type { OrderEventV1, OrderRequestV1 } from '@nexwave/messaging';
import { startPacificaSim } from '@nexwave/pacifica-sim/testing';

import { startKafkaTestBroker } from '../../test/support/kafka-broker';
import { printFigure } from '../goal';
import { OrdersApp, type BenchExchange, type BenchTransport } from './orders-app';

/**
 * A strategy's order path through apps/order-management: publish orders.requests.v1, time until
 * the order's `opened` event (the exchange's ack, stored and published through the outbox; or a
 * fill that came first) comes back on orders.events.v1. Paper exchange vs the simulator over HTTP
 * (live adapter), memory vs Kafka (test broker) transport, one embedded TimescaleDB. Latency from
 * PACED orders sent at PACED_PER_S; requests/s from BURST orders sent at once.
 * Run: npm run bench orders
 */
const WARMUP = 5;
// Every row stays inside the Pacifica SDK's credit budget (300 a minute with an API key; a market
// order spends 2, its mark price and the order): beyond it the live adapter waits for credits and
// the figures would measure the rate limit instead.
const PACED = Number(process.env.BENCH_ORDERS_PACED ?? 40);
const PACED_PER_S = 20;
const BURST = Number(process.env.BENCH_ORDERS_BURST ?? 60);
const PHASE_TIMEOUT_MS = 60_000;
/** BENCH_ORDERS_ROWS=paper/memory,simulator/kafka runs only those rows (all by default). */
const ONLY_ROWS = process.env.BENCH_ORDERS_ROWS?.split(',');
/** The first event after `accepted` that says the exchange took the order (its updates may win). */
const ACKED = new Set<OrderEventV1['event']>(['opened', 'partially_filled', 'filled']);

interface Row {
  exchange: BenchExchange;
  transport: BenchTransport;
  'p50 ms': string;
  'p99 ms': string;
  'req/s': number;
  'not opened': number;
  /** Statements per paced order (its own, the relay's, the fills'), and their time. */
  'statements/order': string;
  'db ms/order': string;
}

function marketOrder(i: number, paperTrading: boolean): OrderRequestV1 {
  return {
    clientOrderId: randomUUID(),
    strategyId: 'bench',
    symbol: 'BTC',
    side: i % 2 === 0 ? 'bid' : 'ask',
    orderType: 'market',
    amount: '0.001',
    price: null,
    tif: null,
    slippagePercent: '1',
    reduceOnly: false,
    paperTrading,
    metadata: {},
  };
}

/** Sends `count` orders, one every `intervalMs` (0: all at once); ack latencies and the span. */
async function run(app: OrdersApp, paper: boolean, count: number, intervalMs: number) {
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let failed = 0;
  let lastAt = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  app.onEvent = (clientOrderId, event) => {
    const sentAt = sent.get(clientOrderId);
    if (sentAt === undefined || event === 'accepted') {
      return;
    }
    sent.delete(clientOrderId);
    lastAt = performance.now();
    if (ACKED.has(event)) {
      latencies.push(lastAt - sentAt);
    } else {
      failed++;
    }
    if (latencies.length + failed === count) {
      done();
    }
  };
  const startedAt = performance.now();
  for (let i = 0; i < count; i++) {
    const request = marketOrder(i, paper);
    const due = startedAt + i * intervalMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    sent.set(request.clientOrderId, performance.now());
    await app.send(request);
  }
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, PHASE_TIMEOUT_MS).unref());
  await Promise.race([all, timeout]);
  return { latencies, failed: failed + sent.size, spanMs: lastAt - startedAt };
}

function percentile(sorted: number[], p: number): string {
  return sorted.length === 0 ? '-' : sorted[Math.floor((sorted.length - 1) * p)].toFixed(1);
}

async function measure(app: OrdersApp, exchange: BenchExchange, transport: BenchTransport) {
  const paper = exchange === 'paper';
  for (let i = 0; i < WARMUP; i++) {
    await run(app, paper, 1, 0);
  }
  const before = await app.databaseStatements();
  const paced = await run(app, paper, PACED, 1000 / PACED_PER_S);
  const after = await app.databaseStatements();
  const burst = await run(app, paper, BURST, 0);
  const sorted = [...paced.latencies].sort((a, b) => a - b);
  return {
    exchange,
    transport,
    'p50 ms': percentile(sorted, 0.5),
    'p99 ms': percentile(sorted, 0.99),
    'req/s': Math.round((burst.latencies.length / burst.spanMs) * 1000),
    'not opened': paced.failed + burst.failed,
    'statements/order': ((after.count - before.count) / PACED).toFixed(1),
    'db ms/order': ((after.ms - before.ms) / PACED).toFixed(1),
  } satisfies Row;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-bench-orders-'));
  const database = await startMigratedDatabase(dataDir);
  const sim = await startPacificaSim({ port: 0 });
  const rows: Row[] = [];
  try {
    for (const exchange of ['paper', 'simulator'] as const) {
      for (const transport of ['memory', 'kafka'] as const) {
        if (ONLY_ROWS && !ONLY_ROWS.includes(`${exchange}/${transport}`)) {
          continue;
        }
        const broker = transport === 'kafka' ? await startKafkaTestBroker({ port: 0 }) : null;
        try {
          const app = await OrdersApp.start({
            exchange,
            transport,
            databaseUrl: database.url,
            sim,
            kafkaBrokers: broker?.brokers,
          });
          try {
            rows.push(await measure(app, exchange, transport));
          } finally {
            await app.stop();
          }
        } catch (error) {
          console.log(`${exchange} / ${transport}: not measured: ${(error as Error).message}`);
        } finally {
          await broker?.stop();
        }
      }
    }
  } finally {
    await sim.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `\nrequest -> opened (exchange ack stored, published): latency of ${PACED} orders at ` +
      `${PACED_PER_S}/s, req/s of ${BURST} sent at once\n`,
  );
  console.table(rows);
  for (const row of rows.filter((r) => r['p99 ms'] !== '-')) {
    const label = `${row.exchange} / ${row.transport}: request -> opened p99`;
    printFigure(label, Number(row['p99 ms']), 'ms', { atMost: 50 });
  }
}

void main();
