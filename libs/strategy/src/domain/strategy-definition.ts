import type { z } from 'zod';

import type { Strategy } from './strategy';

/**
 * How to build one kind of strategy: its registry name, a zod schema of its parameters (every
 * field with a default, so `{}` is valid) and a factory taking the parsed parameters.
 */
export interface StrategyDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly parameters: Schema;
  create(id: string, parameters: z.output<Schema>): Strategy;
}

/** Keeps the schema's type, so `create` gets typed parameters. */
export function defineStrategy<Schema extends z.ZodType>(
  definition: StrategyDefinition<Schema>,
): StrategyDefinition<Schema> {
  return definition;
}
