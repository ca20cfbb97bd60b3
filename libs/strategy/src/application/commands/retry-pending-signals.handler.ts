import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { SignalRepository, type SignalRecord } from '../ports/signal.repository.port';
import { SignalRecorder } from '../signal-recorder';
import { SignalRiskGate } from '../signal-risk-gate';
import { StrategyRuntime } from '../strategy-runtime';
import { RetryPendingSignalsCommand } from './retry-pending-signals.command';

@CommandHandler(RetryPendingSignalsCommand)
export class RetryPendingSignalsHandler implements ICommandHandler<RetryPendingSignalsCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly recorder: SignalRecorder,
    private readonly signals: SignalRepository,
    private readonly gate: SignalRiskGate,
  ) {}

  async execute(): Promise<SignalRecord[]> {
    const settled = await this.recorder.flush();
    const flushed = new Set(settled.map((record) => record.clientOrderId));
    for (const pending of await this.signals.pending(this.runtime.strategyId)) {
      if (!flushed.has(pending.clientOrderId)) {
        settled.push(await this.gate.settle(pending));
      }
    }
    return settled;
  }
}
