import { startPacificaSim } from '@nexwave/pacifica-sim/testing';

/** BTC's mid after `steps` walk steps of a simulator started with these options. */
async function btcMidAfter(steps: number, volatility?: number): Promise<number> {
  const sim = await startPacificaSim({ port: 0, bookIntervalMs: 0, seed: 7, volatility });
  try {
    sim.tick(steps);
    return sim.exchange.markets.get('BTC').mark.toNumber();
  } finally {
    await sim.stop();
  }
}

describe('simulator volatility (SIM_VOLATILITY)', () => {
  it("sets every market's walk: none stays put, a volatile one moves far more than the default", async () => {
    expect(await btcMidAfter(600, 0)).toBe(100_000);

    const calm = Math.abs((await btcMidAfter(600)) / 100_000 - 1);
    const volatile = Math.abs((await btcMidAfter(600, 0.0005)) / 100_000 - 1);
    // Same seed, same shocks: the move scales with the step's σ (0.0005 / 0.00003, about 16x).
    expect(volatile).toBeGreaterThan(10 * calm);
  });
});
