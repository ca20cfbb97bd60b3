import { z } from 'zod';

/** One environment variable: how it parses, what it means, its default, whether it is a secret. */
export interface VariableSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  doc: string;
  default?: string;
  secret?: boolean;
}

export type Variables = Record<string, VariableSpec>;

export type VariableValues<V extends Variables> = { [K in keyof V]: z.output<V[K]['schema']> };

/** A concern groups the variables of one part of the system and builds its typed section. */
export interface Concern<V extends Variables = Variables, C = unknown> {
  variables: V;
  build(values: VariableValues<V>): C;
  /** Rules across variables; each returned string names the variable it is about. */
  check?(values: VariableValues<V>): string[];
}

export function variable<S extends z.ZodType>(
  schema: S,
  meta: Omit<VariableSpec<S>, 'schema'>,
): VariableSpec<S> {
  return { schema, ...meta };
}

export function concern<V extends Variables, C>(definition: Concern<V, C>): Concern<V, C> {
  return definition;
}

export const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const positiveNumber = z.coerce.number().positive();

export const port = z.coerce.number().int().min(0).max(65_535);

export const url = z.url();

export const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** A JSON object (its fields are checked by whoever reads it). */
export const jsonObject = z.string().transform((value, ctx): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'must be a JSON object like {"lookback":20}' });
  return z.NEVER;
});
