import { maCrossover } from './strategies/ma-crossover';
import { meanReversion } from './strategies/mean-reversion';
import type { Strategy } from './strategy';
import type { StrategyDefinition } from './strategy-definition';
import { StrategyError } from './strategy.errors';

/** Every strategy by its `STRATEGY` name. A new strategy is its own file plus one line here. */
export const STRATEGIES: Readonly<Record<string, StrategyDefinition>> = {
  [meanReversion.name]: meanReversion,
  [maCrossover.name]: maCrossover,
};

export function strategyNames(): string[] {
  return Object.keys(STRATEGIES);
}

export function strategyDefinition(name: string): StrategyDefinition {
  if (!Object.hasOwn(STRATEGIES, name)) {
    throw new StrategyError('UNKNOWN_STRATEGY', `no strategy is named ${name}`, {
      strategy: name,
      known: strategyNames().join(', '),
    });
  }
  return STRATEGIES[name];
}

/** The parameters with defaults filled in, or a StrategyError naming every invalid one. */
export function strategyParameters(name: string, raw: unknown): Record<string, unknown> {
  const parsed = strategyDefinition(name).parameters.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new StrategyError('INVALID_PARAMETERS', `invalid parameters for ${name}`, {
      strategy: name,
      issues: parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; '),
    });
  }
  return parsed.data as Record<string, unknown>;
}

/** Builds instance `id` of strategy `name` from raw (for example JSON) parameters. */
export function createStrategy(name: string, id: string, raw: unknown): Strategy {
  return strategyDefinition(name).create(id, strategyParameters(name, raw));
}
