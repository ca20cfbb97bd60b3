import { candle } from '@nexwave/backtest/testing';

import { mergeCandles } from './merge-candles';

describe('mergeCandles', () => {
  it('merges per-symbol series by close time, ties in the order of the series', () => {
    const btc = [candle(0, 1, 'BTC'), candle(1, 1, 'BTC'), candle(3, 1, 'BTC')];
    const eth = [candle(1, 2, 'ETH'), candle(2, 2, 'ETH')];
    const merged = [...mergeCandles([btc, eth])].map(
      (c) => `${c.symbol}@${c.bucketStart.getUTCHours()}`,
    );
    expect(merged).toEqual(['BTC@0', 'BTC@1', 'ETH@1', 'ETH@2', 'BTC@3']);
  });
});
