import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';

import { backoffDelay, sleep } from '@nexwave/core';

import { ExchangePort } from '../../application/ports/exchange.port';
import { OrderRepository } from '../../application/ports/order.repository.port';
import { PositionRepository } from '../../application/ports/position.repository.port';
import { startPaperExchange } from './paper-exchange.providers';
import { StartingPaperExchange } from './starting-paper.exchange';

/** The markets whose books the paper exchange reads; null: every listed market. */
export const PAPER_SYMBOLS = Symbol('PAPER_SYMBOLS');

const RETRY = { baseDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * Starts the paper exchange (restore from the database, then read the books) before any
 * application bootstrap hook. When the exchange whose `/info` it needs is not up yet (a split app
 * started before `npm run sim`), it keeps trying in the background instead of failing the boot;
 * until then the paper exchange answers unavailable. The live adapter needs no start.
 */
@Injectable()
export class ExchangeLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ExchangeLifecycle.name);
  private readonly stopping = new AbortController();
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly exchange: ExchangePort,
    private readonly orders: OrderRepository,
    private readonly positions: PositionRepository,
    @Inject(PAPER_SYMBOLS) private readonly symbols: readonly string[] | null,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!(this.exchange instanceof StartingPaperExchange)) {
      return;
    }
    const paper = this.exchange;
    if (!(await this.tryStart(paper, 1))) {
      this.starting = this.keepTrying(paper);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    if (this.exchange instanceof StartingPaperExchange) {
      await this.exchange.paper.stop();
    }
  }

  private async keepTrying(paper: StartingPaperExchange): Promise<void> {
    for (let attempt = 2; ; attempt++) {
      const waited = await sleep(backoffDelay(attempt - 2, RETRY), this.stopping.signal);
      if (!waited || (await this.tryStart(paper, attempt))) {
        return;
      }
    }
  }

  private async tryStart(paper: StartingPaperExchange, attempt: number): Promise<boolean> {
    try {
      await startPaperExchange(paper.paper, this.orders, this.positions, this.symbols);
      paper.markStarted();
      return true;
    } catch (error) {
      this.logger.warn(
        `paper exchange not started (attempt ${attempt}), retrying: ${String(error)}`,
      );
      return false;
    }
  }
}
