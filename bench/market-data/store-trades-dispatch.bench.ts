// What routing trades through StoreTradesCommand costs on the ingestion's hot path: one feed
// message of N trades handed to the TickWriter directly vs through Nest's CommandBus (one command
// per market and message, as MarketDataIngestion dispatches). The writer stores into memory, so
// the figures are the dispatch and batching cost alone, not the database's.
// Run: npm run bench store-trades-dispatch
import { performance } from 'node:perf_hooks';
import { Logger, Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';

import { systemClock } from '@nexwave/core';
import {
  InMemoryTickStore,
  MarketDataMetrics,
  StoreTradesCommand,
  StoreTradesHandler,
  TickWriter,
  type Tick,
} from '@nexwave/market-data/testing';

const MESSAGES = 200_000;

function writer(): TickWriter {
  return new TickWriter(new InMemoryTickStore(), new MarketDataMetrics(), {
    buffer: { batchSize: 5_000, maxWaitMs: 250, capacity: 1_000_000 },
    retry: { baseDelayMs: 10, maxDelayMs: 100 },
    shutdownAttempts: 1,
    clock: systemClock,
  });
}

function message(index: number, size: number): Tick[] {
  return Array.from({ length: size }, (_, i) => ({
    time: new Date(Date.UTC(2026, 2, 1) + index),
    symbol: 'BTC',
    price: '100.5',
    size: '1',
    side: 'buy',
    tradeId: `${index}-${i}`,
    source: 'pacifica',
  }));
}

async function run(
  label: string,
  size: number,
  target: TickWriter,
  hand: (ticks: Tick[]) => unknown,
): Promise<void> {
  const messages = Array.from({ length: MESSAGES }, (_, i) => message(i, size));
  const started = performance.now();
  for (const ticks of messages) {
    hand(ticks);
  }
  await target.flush();
  const seconds = (performance.now() - started) / 1_000;
  const perMessageUs = (seconds * 1e6) / MESSAGES;
  console.log(
    `${label.padEnd(38)} ${size} trades/message  ${Math.round((MESSAGES * size) / seconds).toLocaleString('en-US')} trades/s  ${perMessageUs.toFixed(2)} µs/message`,
  );
  await target.stop();
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  for (const size of [1, 10]) {
    const direct = writer();
    await run('TickWriter.accept (before)', size, direct, (ticks) => direct.accept(ticks));

    const viaBus = writer();
    @Module({
      imports: [CqrsModule],
      providers: [{ provide: TickWriter, useValue: viaBus }, StoreTradesHandler],
    })
    class BenchModule {}
    const app = await (
      await Test.createTestingModule({ imports: [BenchModule] }).compile()
    )
      .createNestApplication({ logger: false })
      .init();
    const commands = app.get(CommandBus);
    await run('CommandBus StoreTradesCommand (after)', size, viaBus, (ticks) =>
      commands.execute(new StoreTradesCommand(ticks)),
    );
    await app.close();
  }
}

void main();
