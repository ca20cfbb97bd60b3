import { Command } from '@nestjs/cqrs';

import type { StrategyControl } from '../../domain/engine/strategy-control';

/**
 * At start-up: store the instance (strategy, parameters, start time) and take up its stored
 * control, so an instance paused before a restart starts paused. Returns that control.
 */
export class RegisterStrategyInstanceCommand extends Command<StrategyControl> {}
