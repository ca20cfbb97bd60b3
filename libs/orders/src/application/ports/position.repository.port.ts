import type { Position, PositionSnapshot } from '../../domain/position';

/** Positions built from our fills, paper and live kept apart; written through OrderRepository. */
export abstract class PositionRepository {
  /** The position in `symbol`, flat when none was stored. */
  abstract find(symbol: string, paperTrading: boolean): Promise<Position>;

  /** Every position that is not flat. */
  abstract list(paperTrading: boolean): Promise<PositionSnapshot[]>;
}
