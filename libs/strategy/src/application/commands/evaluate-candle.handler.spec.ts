import { bar, bars } from '../../domain/testing/candles';
import { FixedMarketLots } from '../../testing/fixed-market-lots';
import { StrategyHarness } from '../../testing/strategy-harness';
import { EvaluateCandleCommand } from './evaluate-candle.command';

// lookback 10 at k = 2: nine closes around 100 then 80, far below the lower band: one entry.
const CALM = [100, 101, 100, 101, 100, 101, 100, 101, 100];
const DIP = bar(9, 80);

describe('EvaluateCandleHandler', () => {
  let harness: StrategyHarness;

  const start = async (lots?: FixedMarketLots) => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 }, lots });
    for (const candle of bars(CALM)) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }
  };

  afterEach(() => harness?.close());

  it('turns an approved entry into a stored signal and one order request sized to the lot', async () => {
    await start(new FixedMarketLots('0.3'));
    const stored = await harness.commands.execute(new EvaluateCandleCommand(DIP));

    // 10 % of 100 000 at 80 = 125 BTC, rounded down to lots of 0.3: 124.8
    expect(stored).toMatchObject([{ status: 'sent', amount: '124.8', risk: { approved: true } }]);
    expect(stored[0].signal.indicators).toHaveProperty('mean');
    expect(harness.risk.checked).toMatchObject([
      { symbol: 'BTC', side: 'bid', intent: 'entry', amount: '124.8', price: '80' },
    ]);
    expect(harness.signals.requests).toEqual([
      expect.objectContaining({
        clientOrderId: stored[0].clientOrderId,
        strategyId: 'mr_test',
        symbol: 'BTC',
        side: 'bid',
        amount: '124.8',
        orderType: 'market',
        reduceOnly: false,
        paperTrading: true,
      }),
    ]);
  });

  it('stores a signal risk rejects with its decision and sends nothing', async () => {
    await start();
    harness.risk.rejectWith('order_size', 'notional 10000 above the limit 5000');

    const stored = await harness.commands.execute(new EvaluateCandleCommand(DIP));

    expect(stored).toMatchObject([
      { status: 'rejected', risk: { approved: false, rule: 'order_size' } },
    ]);
    expect(await harness.signals.list('mr_test')).toHaveLength(1);
    expect(harness.signals.requests).toEqual([]);
  });

  it('stores a signal below one lot without asking risk or sending', async () => {
    await start(new FixedMarketLots('1000'));

    const stored = await harness.commands.execute(new EvaluateCandleCommand(DIP));

    expect(stored).toMatchObject([{ status: 'below_lot', amount: null, risk: null }]);
    expect(harness.risk.checked).toEqual([]);
    expect(harness.signals.requests).toEqual([]);
  });

  it('keeps a signal risk cannot answer as pending_risk, sends nothing and does not fail the candle', async () => {
    await start();
    harness.risk.unavailable = true;

    const stored = await harness.commands.execute(new EvaluateCandleCommand(DIP));

    expect(stored).toMatchObject([{ status: 'pending_risk', amount: '125.00', risk: null }]);
    expect(harness.risk.checked).toHaveLength(1);
    expect(await harness.signals.pending('mr_test')).toHaveLength(1);
    expect(harness.signals.requests).toEqual([]);
  });

  it('sends no second request for a replayed candle, nor after a restart', async () => {
    await start();
    await harness.commands.execute(new EvaluateCandleCommand(DIP));
    expect(await harness.commands.execute(new EvaluateCandleCommand(DIP))).toEqual([]);
    const { signals } = harness;
    await harness.close();

    // A restarted engine over the same store, warmed up again, sees the candle once more.
    harness = await StrategyHarness.create({ parameters: { lookback: 10 }, signals });
    for (const candle of bars(CALM)) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }
    expect(await harness.commands.execute(new EvaluateCandleCommand(DIP))).toEqual([]);
    expect(signals.requests).toHaveLength(1);
  });
});
