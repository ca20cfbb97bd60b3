import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PeriodicTask } from '@nexwave/core';

import { MessageBusPort } from '../message-bus.port';
import { isTopic } from '../topics';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxRelayOptions {
  /** Pause between rounds when the previous round found nothing to do. Default 500 ms. */
  intervalMs?: number;
  /** Rows per round (and per transaction). Default 100. */
  batchSize?: number;
}

export interface RelayRound {
  published: number;
  /** True when a send failed: that row and the ones after it wait for the next round. */
  failed: boolean;
}

/**
 * Publishes `outbox_messages` rows (OutboxMessageEntity) through the transport in insertion order and marks them
 * published. A failed send stops the round (so later messages never overtake it) and is retried
 * next round: at-least-once, consumers dedupe by message id. Rows are locked FOR UPDATE SKIP
 * LOCKED, so several relays never publish one row twice; per-key order then holds per relay.
 * The transaction holds one connection for the round: with embedded PGlite (pool of 1) other
 * queries wait, which is why rounds are bounded by `batchSize`.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly task: PeriodicTask<RelayRound>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBusPort,
    options: OutboxRelayOptions = {},
  ) {
    const intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
    this.task = new PeriodicTask({
      name: 'Outbox relay round',
      intervalMs,
      firstDelayMs: 0,
      run: () => this.round(),
      // A full batch means more rows are waiting: the next round comes at once.
      pauseAfter: ({ published, failed }) =>
        published === this.batchSize && !failed ? 0 : intervalMs,
      logger: this.logger,
    });
  }

  /**
   * One round (after the one in progress, if any): locks up to `batchSize` unpublished rows,
   * publishes them in order, marks them.
   */
  runOnce(): Promise<RelayRound> {
    return this.task.runOnce();
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Before the transport and the DataSource close: the round in progress finishes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private round(): Promise<RelayRound> {
    return this.dataSource.transaction(async (manager) => {
      // Oldest unpublished rows first; rows another relay holds are skipped, not waited for.
      const rows = await manager
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder('message')
        .select(['message.id', 'message.topic', 'message.envelope'])
        .where('message.publishedAt IS NULL')
        .orderBy('message.position')
        .limit(this.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let published = 0;
      for (const row of rows) {
        try {
          if (!isTopic(row.topic)) {
            throw new Error(`unknown topic ${row.topic}`);
          }
          await this.bus.relay(row.topic, row.envelope);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          this.logger.warn(`Outbox message ${row.id} on ${row.topic} not sent: ${reason}`);
          await manager.update(OutboxMessageEntity, row.id, {
            attempts: () => 'attempts + 1',
            lastError: reason,
          });
          return { published, failed: true };
        }
        await manager.update(OutboxMessageEntity, row.id, {
          publishedAt: () => 'now()',
          attempts: () => 'attempts + 1',
          lastError: null,
        });
        published++;
      }
      return { published, failed: false };
    });
  }
}
