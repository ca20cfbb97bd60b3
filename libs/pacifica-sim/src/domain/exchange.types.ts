import type { Side, Tif } from './order';

/** Requests as the exchange domain takes them: decimals still strings, as they arrived. */
export interface StopInfo {
  stopPrice: string;
  limitPrice?: string;
  amount?: string;
  clientOrderId?: string;
}

interface OrderCommon {
  symbol: string;
  side: Side;
  amount: string;
  reduceOnly: boolean;
  clientOrderId?: string;
  takeProfit?: StopInfo;
  stopLoss?: StopInfo;
}

export interface MarketOrderRequest extends OrderCommon {
  slippagePercent: string;
}

export interface LimitOrderRequest extends OrderCommon {
  price: string;
  tif: Tif;
}

export interface StopOrderRequest {
  symbol: string;
  side: Side;
  reduceOnly: boolean;
  stopPrice: string;
  amount: string;
  limitPrice?: string;
  clientOrderId?: string;
}

export interface PositionTpslRequest {
  symbol: string;
  /** The closing side: `ask` protects a long. */
  side: Side;
  takeProfit?: StopInfo;
  stopLoss?: StopInfo;
}

export interface CancelRequest {
  symbol: string;
  orderId?: number;
  clientOrderId?: string;
}

export interface CancelAllRequest {
  allSymbols: boolean;
  excludeReduceOnly: boolean;
  symbol?: string;
}

export type WhaleKind = 'single' | 'ladder';

export interface WhaleRequest {
  symbol: string;
  side: Side;
  kind: WhaleKind;
  /** Total notional; defaults to many times a normal level. */
  notionalUsd?: number;
  durationMs?: number;
  /** Ladder rungs (at least 3). */
  levels?: number;
}

/** Who asked for a whale: a request (`POST /sim/whales`, tests) or the simulator's own timer. */
export type WhaleOrigin = 'injected' | 'simulator';

export interface WhalePlaced {
  /** The whale's ground-truth id (see WhaleRecord). */
  id: number;
  symbol: string;
  side: Side;
  kind: WhaleKind;
  orderIds: number[];
  prices: string[];
  amounts: string[];
  expiresAt: number;
}

/** Ground truth: a whale as placed, and when it left the book (`GET /sim/whales`). */
export interface WhaleRecord {
  /** 1, 2, ... in placement order. */
  readonly id: number;
  readonly origin: WhaleOrigin;
  readonly symbol: string;
  readonly side: Side;
  readonly kind: WhaleKind;
  /** Best price first; one order per level. */
  readonly levels: readonly { orderId: number; price: string; amount: string }[];
  /** Σ price × amount as placed. */
  readonly notionalUsd: string;
  readonly placedAt: number;
  readonly expiresAt: number;
  /** When its last order left the book (expired, or filled); null while any rests. */
  endedAt: number | null;
}
