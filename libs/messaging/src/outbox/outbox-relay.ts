import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PeriodicTask } from '@nexwave/core';

import { Envelope } from '../envelope';
import { MessageBusPort } from '../message-bus.port';
import {
  CLAIM_OUTBOX_MESSAGES,
  COUNT_OUTBOX_BACKLOG,
  MARK_OUTBOX_MESSAGES_PUBLISHED,
  RECORD_OUTBOX_SEND_FAILURE,
  RELEASE_OUTBOX_MESSAGES,
} from '../messaging.sql';
import { isTopic } from '../topics';
import { onOutboxCommitted } from './outbox-commits';

export interface OutboxRelayOptions {
  /**
   * Pause between rounds when the previous round found nothing to do. Default 500 ms. A commit
   * of outbox rows on this relay's DataSource starts a round at once; the poll finds the rest
   * (rows of other processes, rows left by a failed round or a crash).
   */
  intervalMs?: number;
  /** Rows per round (per claim). Default 100. */
  batchSize?: number;
  /**
   * How long a claim keeps other relays off the rows (ms). A relay that dies after claiming
   * holds them this long; one whose sends outlast it may see them published twice. Default 60 s.
   */
  leaseMs?: number;
}

export interface RelayRound {
  published: number;
  /** True when a send failed: that row and the ones after it wait for the next round. */
  failed: boolean;
}

interface ClaimedRow {
  id: string;
  position: string;
  topic: string;
  envelope: Envelope;
}

/**
 * Publishes `outbox_messages` rows (OutboxMessageEntity) through the transport in insertion order
 * and marks them published. No transaction is open while it publishes: one short statement claims
 * a batch with a lease (`claimed_by`, `claimed_until`; rows under another relay's live lease are
 * skipped), the sends follow, another statement marks the sent rows. Behind a one-connection
 * pooler a slow broker would otherwise stall every app's database access. A failed send stops the
 * round (so later messages never overtake it), releases the rest of the claim and is retried next
 * round. A relay dying between a send and its mark leaves the row to be published again once its
 * lease runs out: at-least-once, consumers dedupe by message id. Per-key order holds per relay.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly claimer = randomUUID();
  private readonly task: PeriodicTask<RelayRound>;
  /** While sends fail, commits do not wake the relay: the interval paces the retries. */
  private failing = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBusPort,
    options: OutboxRelayOptions = {},
  ) {
    const intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
    this.leaseMs = options.leaseMs ?? 60_000;
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

  /** Messages waiting to be published. */
  async backlog(): Promise<number> {
    const rows = await this.dataSource.query<{ backlog: number }[]>(COUNT_OUTBOX_BACKLOG);
    return rows[0]?.backlog ?? 0;
  }

  /**
   * One round (after the one in progress, if any): claims up to `batchSize` free unpublished
   * rows, publishes them in order, marks them.
   */
  runOnce(): Promise<RelayRound> {
    return this.task.runOnce();
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = onOutboxCommitted(this.dataSource, () => {
      if (!this.failing) {
        this.task.wake();
      }
    });
    this.task.start();
  }

  /** Before the transport and the DataSource close: the round in progress finishes. */
  beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    return this.task.stop();
  }

  private async round(): Promise<RelayRound> {
    try {
      const result = await this.publishClaimed();
      this.failing = result.failed;
      return result;
    } catch (error) {
      this.failing = true;
      throw error;
    }
  }

  private async publishClaimed(): Promise<RelayRound> {
    const rows = await this.claim();
    const sent: string[] = [];
    try {
      for (const row of rows) {
        if (!(await this.send(row))) {
          const rest = rows.slice(sent.length + 1).map(({ id }) => id);
          await this.dataSource.query(RELEASE_OUTBOX_MESSAGES, [this.claimer, rest]);
          return { published: sent.length, failed: true };
        }
        sent.push(row.id);
      }
      return { published: sent.length, failed: false };
    } finally {
      if (sent.length > 0) {
        await this.dataSource.query(MARK_OUTBOX_MESSAGES_PUBLISHED, [sent]);
      }
    }
  }

  /** The claimed rows, oldest first (RETURNING keeps no order). */
  private async claim(): Promise<ClaimedRow[]> {
    const result: unknown = await this.dataSource.query(CLAIM_OUTBOX_MESSAGES, [
      this.claimer,
      this.leaseMs,
      this.batchSize,
    ]);
    // pg reports an UPDATE ... RETURNING through TypeORM as [rows, affected count].
    const [rows] = result as [ClaimedRow[], number];
    return rows.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  }

  /** Publishes one row; on failure records it on the row (and gives the row up). */
  private async send(row: ClaimedRow): Promise<boolean> {
    try {
      if (!isTopic(row.topic)) {
        throw new Error(`unknown topic ${row.topic}`);
      }
      await this.bus.relay(row.topic, row.envelope);
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Outbox message ${row.id} on ${row.topic} not sent: ${reason}`);
      await this.dataSource.query(RECORD_OUTBOX_SEND_FAILURE, [this.claimer, row.id, reason]);
      return false;
    }
  }
}
