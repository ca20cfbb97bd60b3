import { exchange, limit, NOW } from './testing/exchange-fixtures';

describe('WhaleInjector ground truth', () => {
  it('records every whale as placed: origin, kind, side, levels with order ids, notional, lifetime', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    const single = ex.whales.injectWhale(
      { symbol: 'TEST', side: 'bid', kind: 'single', notionalUsd: 500_000, durationMs: 1_000 },
      NOW,
    );
    const ladder = ex.whales.injectWhale(
      { symbol: 'TEST', side: 'ask', kind: 'ladder', levels: 3, notionalUsd: 300_000 },
      NOW + 100,
      'simulator',
    );

    expect(ex.whales.placed).toEqual([
      {
        id: single.id,
        origin: 'injected',
        symbol: 'TEST',
        side: 'bid',
        kind: 'single',
        levels: [{ orderId: single.orderIds[0], price: '996', amount: '502.00' }],
        notionalUsd: '499992',
        placedAt: NOW,
        expiresAt: NOW + 1_000,
        endedAt: null,
      },
      {
        id: ladder.id,
        origin: 'simulator',
        symbol: 'TEST',
        side: 'ask',
        kind: 'ladder',
        levels: ['1004', '1005', '1006'].map((price, i) => ({
          orderId: ladder.orderIds[i],
          price,
          amount: '99.60',
        })),
        notionalUsd: '300294',
        placedAt: NOW + 100,
        expiresAt: NOW + 30_100,
        endedAt: null,
      },
    ]);
    expect([single.id, ladder.id]).toEqual([1, 2]);
  });

  it('ends a whale when it expires', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    ex.whales.injectWhale({ symbol: 'TEST', side: 'bid', kind: 'single', durationMs: 1_000 }, NOW);
    ex.ticker.tick(NOW + 900);
    expect(ex.whales.placed[0].endedAt).toBeNull();
    ex.ticker.tick(NOW + 1_000);
    expect(ex.whales.placed[0].endedAt).toBe(NOW + 1_000);
    expect(ex.markets.get('TEST').whales).toEqual([]);
  });

  it('ends a whale early once its orders are filled', () => {
    const ex = exchange();
    ex.ticker.tick(NOW);
    const whale = ex.whales.injectWhale(
      { symbol: 'TEST', side: 'ask', kind: 'single', notionalUsd: 20_000, durationMs: 60_000 },
      NOW,
    );
    limit(ex, 'T', 'bid', whale.prices[0], '80');
    ex.ticker.tick(NOW + 100);
    expect(ex.whales.placed[0].endedAt).toBe(NOW + 100);
  });
});
