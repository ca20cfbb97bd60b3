export type FaultMode = 'error' | 'hang' | 'reject';

export interface FaultRule {
  /** error: a 5xx (default 503); hang: never answer; reject: a business error (default 422). */
  mode: FaultMode;
  /** Only requests whose path (after /api/v1) starts with this; all when absent. */
  path?: string;
  /** How many matching requests fail; every one when absent. */
  count?: number;
  status?: number;
  message?: string;
  code?: number | null;
  /** error/reject: apply the request, then answer with the fault (an answer lost after the exchange acted). */
  afterApply?: boolean;
}

export interface FaultResponse {
  mode: FaultMode;
  afterApply: boolean;
  status: number;
  message: string;
  code: number | null;
}

const DEFAULTS: Record<FaultMode, { status: number; message: string; code: number | null }> = {
  error: { status: 503, message: 'Service unavailable', code: null },
  hang: { status: 504, message: 'Gateway timeout', code: null },
  reject: { status: 422, message: 'Rejected by the simulator', code: 0 },
};

/** Makes chosen REST requests fail, for client resilience tests. First matching rule wins. */
export class FaultInjector {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; consumes one use of the rule. */
  take(path: string): FaultResponse | undefined {
    const entry = this.rules.find(({ rule }) => !rule.path || path.startsWith(rule.path));
    if (!entry) {
      return undefined;
    }
    entry.left -= 1;
    if (entry.left <= 0) {
      this.rules.splice(this.rules.indexOf(entry), 1);
    }
    const defaults = DEFAULTS[entry.rule.mode];
    return {
      mode: entry.rule.mode,
      afterApply: entry.rule.afterApply ?? false,
      status: entry.rule.status ?? defaults.status,
      message: entry.rule.message ?? defaults.message,
      code: entry.rule.code === undefined ? defaults.code : entry.rule.code,
    };
  }
}
