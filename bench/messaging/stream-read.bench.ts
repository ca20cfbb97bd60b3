// Cost of reading new entries vs how many entries the stream retains (its MAXLEN), per adapter:
// the stream is first filled to `length` entries, then one consumer group reads each new entry
// as it is appended (append -> handler, one at a time). Flat figures = a cursor, growing = a scan.
// Run: npm run bench stream-read   (BENCH_READS=2000 by default)
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';

import { StreamPort } from '@nexwave/messaging';
import {
  MemoryStreamAdapter,
  RedisStreamAdapter,
  startRedisServer,
} from '@nexwave/messaging/testing';

const READS = Number(process.env.BENCH_READS ?? 2_000);
const LENGTHS = [100, 1_000, 10_000];

interface Row {
  adapter: string;
  length: number;
  usPerEntry: number;
}

async function measure(adapter: string, port: StreamPort, length: number): Promise<Row> {
  const stream = `bench:${adapter}:${length}:${Date.now()}`;
  for (let i = 0; i < length; i++) {
    await port.append(stream, { seq: String(i) }, { maxLen: length });
  }
  let arrived: () => void = () => undefined;
  const consumer = await port.consume({
    streams: [stream],
    group: 'bench',
    consumer: 'bench-1',
    startId: '$',
    blockMs: 100,
    handler: () => Promise.resolve(arrived()),
  });
  const roundTrip = async (seq: number) => {
    const handled = new Promise<void>((resolve) => (arrived = resolve));
    await port.append(stream, { seq: String(seq) }, { maxLen: length });
    await handled;
  };
  try {
    for (let i = 0; i < 100; i++) {
      await roundTrip(i); // warm-up
    }
    const started = performance.now();
    for (let i = 0; i < READS; i++) {
      await roundTrip(i);
    }
    const usPerEntry = ((performance.now() - started) * 1000) / READS;
    return { adapter, length, usPerEntry };
  } finally {
    await consumer.stop();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const memory = new MemoryStreamAdapter();
  for (const length of LENGTHS) {
    rows.push(await measure('memory', memory, length));
  }
  await memory.close();

  const server = await startRedisServer();
  const redis = new Redis(server.url);
  const onRedis = new RedisStreamAdapter(redis);
  try {
    for (const length of LENGTHS) {
      rows.push(await measure('redis', onRedis, length));
    }
  } finally {
    await onRedis.close();
    await redis.quit();
    await server.stop();
  }

  console.log(`\n${READS} entries read one at a time after filling the stream to its length\n`);
  console.table(
    rows.map((row) => ({
      adapter: row.adapter,
      'stream length': row.length,
      'µs per entry (append -> handler)': row.usPerEntry.toFixed(1),
    })),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
