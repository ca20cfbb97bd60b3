import { Decimal, gaussian, roundToStep, type Random } from '@nexwave/core';

/** A geometric random walk on the tick grid; deterministic for a given PRNG. */
export class PriceWalk {
  private price: number;
  private pinned = false;

  constructor(
    initialPrice: string,
    private readonly tickSize: string,
    private readonly volatility: number,
    private readonly random: Random,
  ) {
    this.price = Number(initialPrice);
  }

  get mid(): Decimal {
    const tick = new Decimal(this.tickSize);
    return Decimal.max(tick, new Decimal(roundToStep(this.price, tick, 'nearest')));
  }

  step(): Decimal {
    const shock = gaussian(this.random);
    if (!this.pinned) {
      this.price *= 1 + this.volatility * shock;
    }
    this.pinned = false;
    return this.mid;
  }

  /** Moves the walk to a price that the next step keeps (sim control: tests steer the market). */
  moveTo(price: string): void {
    this.price = Number(price);
    this.pinned = true;
  }
}
