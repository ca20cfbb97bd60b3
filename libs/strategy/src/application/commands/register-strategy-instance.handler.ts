import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { StrategyControl } from '../../domain/engine/strategy-control';
import { StrategyClockPort } from '../ports/strategy-clock.port';
import { StrategyInstanceRepository } from '../ports/strategy-instance.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { RegisterStrategyInstanceCommand } from './register-strategy-instance.command';

@CommandHandler(RegisterStrategyInstanceCommand)
export class RegisterStrategyInstanceHandler implements ICommandHandler<RegisterStrategyInstanceCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly instances: StrategyInstanceRepository,
    private readonly clock: StrategyClockPort,
  ) {}

  async execute(): Promise<StrategyControl> {
    this.runtime.control = await this.instances.register(this.runtime.instance, this.clock.now());
    return this.runtime.control;
  }
}
