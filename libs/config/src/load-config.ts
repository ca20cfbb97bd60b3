import { APP_CONCERNS, CONCERNS, type AppName, type ConcernName, type ConfigOf } from './concerns';
import type { Concern, Variables, VariableValues } from './variable';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates the environment for one app. Pure: pass `process.env` (or a test's object). Throws a
 * ConfigError whose one-line message names every bad variable and its rule, never a secret's value.
 */
export function loadConfig<A extends AppName>(app: A, env: Env = process.env): ConfigOf<A> {
  const names: readonly ConcernName[] = APP_CONCERNS[app];
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const concern = CONCERNS[name] as Concern;
    const parsed = parseVariables(concern.variables, env, problems);
    if (parsed) {
      problems.push(...(concern.check?.(parsed) ?? []));
      Object.assign(values, parsed);
      config[name] = concern.build(parsed);
    }
  }
  if (names.includes('trading') && names.includes('pacifica') && problems.length === 0) {
    problems.push(...liveTradingProblems(values));
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config as ConfigOf<A>;
}

function parseVariables<V extends Variables>(
  variables: V,
  env: Env,
  problems: string[],
): VariableValues<V> | undefined {
  const values: Record<string, unknown> = {};
  let ok = true;
  for (const [name, spec] of Object.entries(variables)) {
    const raw = env[name] === '' ? undefined : env[name];
    const result = spec.schema.safeParse(raw ?? spec.default);
    if (result.success) {
      values[name] = result.data;
    } else {
      ok = false;
      const rule = result.error.issues.map((issue) => issue.message).join(', ');
      const shown = spec.secret || raw === undefined ? '' : ` (got "${raw}")`;
      problems.push(`${name} ${raw === undefined ? 'is missing' : 'is invalid'}: ${rule}${shown}`);
    }
  }
  return ok ? (values as VariableValues<V>) : undefined;
}

function liveTradingProblems(values: Record<string, unknown>): string[] {
  if (values['PAPER_TRADING'] === false && !values['PACIFICA_AGENT_WALLET_PRIVKEY']) {
    return ['PACIFICA_AGENT_WALLET_PRIVKEY is required when PAPER_TRADING=false (live trading)'];
  }
  return [];
}

/** Every secret value present in the environment, so logs can blank them wherever they appear. */
export function secretValues(app: AppName, env: Env = process.env): string[] {
  const values: string[] = [];
  for (const name of APP_CONCERNS[app]) {
    const concern = CONCERNS[name] as Concern;
    for (const [variableName, spec] of Object.entries(concern.variables)) {
      const value = env[variableName];
      if (spec.secret && value) {
        values.push(value);
      }
    }
  }
  return values;
}
