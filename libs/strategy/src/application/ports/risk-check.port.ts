/** An order the engine wants to send, with the portfolio it would join, as the risk check sees it. */
export interface RiskCheckRequest {
  readonly strategyId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: 'bid' | 'ask';
  readonly intent: 'entry' | 'exit';
  /** Base units, rounded to the lot. */
  readonly amount: string;
  readonly price: string;
  readonly reduceOnly: boolean;
  readonly equityUsd: string;
  readonly positions: readonly RiskCheckPosition[];
}

export interface RiskCheckPosition {
  readonly symbol: string;
  /** Signed base units: negative when short. */
  readonly size: string;
  readonly entryPrice: string;
  readonly markPrice: string;
}

/** The risk manager's answer: the rule that decided (null when every rule passed) and why. */
export interface RiskVerdict {
  readonly approved: boolean;
  readonly rule: string | null;
  readonly reason: string;
}

/** Asks the risk context whether an order may go out; throws when it cannot answer (never approves). */
export abstract class RiskCheckPort {
  abstract check(request: RiskCheckRequest): Promise<RiskVerdict>;
}
