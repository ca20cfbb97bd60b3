import { Logger, type LoggerService } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';

import { systemClock } from '@nexwave/core';

import { RestoreStrategyBookCommand } from '../application/commands/restore-strategy-book.command';
import { RetryPendingSignalsCommand } from '../application/commands/retry-pending-signals.command';
import { WarmUpStrategyCommand } from '../application/commands/warm-up-strategy.command';
import { FixedMarketLots } from '../testing/fixed-market-lots';
import { StrategyStartUp } from './strategy-start-up';

class CapturingLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  warn(message: string): void {
    this.warnings.push(message);
  }
}

const refused = () => new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });

/** The start-up's commands: warm-up attempt n fails with `failure(n)`, unless that is undefined. */
class ScriptedCommands {
  readonly executed: string[] = [];
  private attempts = 0;
  constructor(private readonly failure: (attempt: number) => Error | undefined) {}

  execute(command: object): Promise<unknown> {
    this.executed.push(command.constructor.name);
    if (command instanceof RestoreStrategyBookCommand) {
      return Promise.resolve(0);
    }
    if (command instanceof RetryPendingSignalsCommand) {
      return Promise.resolve([]);
    }
    if (command instanceof WarmUpStrategyCommand) {
      const failure = this.failure(this.attempts++);
      return failure ? Promise.reject(failure) : Promise.resolve([]);
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  }
}

describe('StrategyStartUp', () => {
  const logger = new CapturingLogger();
  let startUp: StrategyStartUp | undefined;

  beforeAll(() => {
    Logger.overrideLogger(logger);
  });
  afterEach(() => startUp?.onModuleDestroy());

  const start = async (commands: ScriptedCommands) => {
    startUp = new StrategyStartUp(
      commands as unknown as CommandBus,
      new FixedMarketLots(),
      {
        warmUp: true,
        symbols: ['BTC'],
        pendingRetryMs: 60_000,
        warmUpBackoff: { baseDelayMs: 1, maxDelayMs: 5 },
      },
      systemClock,
    );
    await startUp.onApplicationBootstrap();
    return startUp;
  };

  it('boots without waiting for market-data, retries the warm-up until it works, logging each kind of failure once', async () => {
    const failures = [refused(), refused(), refused(), new Error('candles of BTC 1m: HTTP 400')];
    const commands = new ScriptedCommands((attempt) => [...failures, refused()][attempt]);
    const started = await start(commands);
    // Booted once the book is rebuilt: the warm-up goes on in the background.
    expect(commands.executed).toEqual(['RestoreStrategyBookCommand', 'WarmUpStrategyCommand']);

    expect(await started.warmedUp()).toBe(true);
    expect(commands.executed.filter((name) => name === 'WarmUpStrategyCommand')).toHaveLength(6);
    expect(commands.executed).toContain('RetryPendingSignalsCommand');
    expect(logger.warnings).toEqual([
      expect.stringContaining(
        'warm-up failed, retrying in the background: TypeError: fetch failed',
      ),
      expect.stringContaining('HTTP 400'),
    ]);
  });

  it('stops retrying when the app stops', async () => {
    const commands = new ScriptedCommands(refused);
    const started = await start(commands);
    await started.onModuleDestroy();

    expect(await started.warmedUp()).toBe(false);
  });
});
