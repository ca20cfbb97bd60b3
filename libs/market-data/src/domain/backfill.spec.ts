import { planBackfill, type HistoricalTrade } from './backfill';

const gap = { symbol: 'SOL', from: new Date(1_000), to: new Date(5_000) };
const trade = (time: number, price = '150'): HistoricalTrade => ({
  time,
  price,
  amount: '2',
  direction: 'close_short',
});

describe('planBackfill', () => {
  it('takes the trades strictly inside the gap with deterministic ids', () => {
    const plan = planBackfill(gap, [trade(6_000), trade(3_000), trade(3_000), trade(1_000)], 100);
    expect(plan.trades).toEqual([
      {
        tradeId: 'backfill:3000:close_short:150:2:0',
        symbol: 'SOL',
        price: '150',
        amount: '2',
        direction: 'close_short',
        time: 3_000,
      },
      expect.objectContaining({ tradeId: 'backfill:3000:close_short:150:2:1' }),
    ]);
    expect(plan.unfilled).toBeNull();
  });

  it('flags the part of the gap a truncated history does not reach', () => {
    const plan = planBackfill(gap, [trade(4_000), trade(2_500)], 2);
    expect(plan.trades.map((t) => t.time)).toEqual([2_500, 4_000]);
    expect(plan.unfilled).toEqual({ from: new Date(1_000), to: new Date(2_500) });
  });

  it('flags the whole gap when the truncated history starts after it', () => {
    const plan = planBackfill(gap, [trade(7_000)], 1);
    expect(plan.trades).toEqual([]);
    expect(plan.unfilled).toEqual({ from: new Date(1_000), to: new Date(5_000) });
  });

  it('leaves out a trade at the exact millisecond of the first trade after the gap', () => {
    const plan = planBackfill(gap, [trade(4_999), trade(5_000)], 100);
    expect(plan.trades.map((t) => t.time)).toEqual([4_999]);
  });

  it('counts a history shorter than its limit as complete, however late it starts', () => {
    const plan = planBackfill(gap, [trade(4_000)], 2);
    expect(plan.unfilled).toBeNull();
  });

  it('counts a truncated history that starts at the gap as covering it', () => {
    const plan = planBackfill(gap, [trade(1_000), trade(3_000)], 2);
    expect(plan.unfilled).toBeNull();
  });
});
