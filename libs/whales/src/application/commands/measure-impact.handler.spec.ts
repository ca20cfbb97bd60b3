import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { T0 } from '../../domain/testing/books';
import { InMemoryImpactStore } from '../../testing/in-memory-impact.store';
import { InMemoryTradePriceLog } from '../../testing/in-memory-trade-price.log';
import { ImpactStorePort, type ActivityAwaitingImpact } from '../ports/impact-store.port';
import { TradePriceLogPort } from '../ports/trade-price-log.port';
import { MeasureImpactCommand } from './measure-impact.command';
import { MeasureImpactHandler } from './measure-impact.handler';

const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

const activity: ActivityAwaitingImpact = {
  storedId: 'whale-1',
  symbol: 'BTC',
  side: 'bid',
  detectedAt: T0,
  priceAtDetection: '99000',
  settled: [1],
};

describe('MeasureImpactHandler', () => {
  let moduleRef: TestingModule;
  let store: InMemoryImpactStore;
  let prices: InMemoryTradePriceLog;

  beforeEach(async () => {
    store = new InMemoryImpactStore();
    prices = new InMemoryTradePriceLog();
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        MeasureImpactHandler,
        { provide: ImpactStorePort, useValue: store },
        { provide: TradePriceLogPort, useValue: prices },
      ],
    }).compile();
    await moduleRef.init();
  });

  afterEach(() => moduleRef.close());

  const measure = (pending: MeasureImpactCommand['pending']) =>
    moduleRef.get(CommandBus).execute(new MeasureImpactCommand(activity, pending));

  it('measures against the last trade at or before detection and saves what settled', async () => {
    await prices.record({ symbol: 'BTC', time: at(-1_000), price: '100000' });
    await prices.record({ symbol: 'BTC', time: at(4 * MINUTE), price: '100500' });
    await prices.record({ symbol: 'ETH', time: at(5 * MINUTE), price: '1' });

    const settled = await measure({ due: [5], missed: [] });

    const expected = { measured: [{ horizon: 5, bps: 50 }], missed: [], done: false };
    expect(settled).toEqual(expected);
    // 1 and 5 settled: the 15-minute horizon is next.
    expect(store.saved.get('whale-1')).toEqual([{ ...expected, nextDueAt: at(15 * MINUTE) }]);
  });

  it('without trades: gives up a late horizon, lets a due one wait, then measures it against the price at detection', async () => {
    const missed = { measured: [], missed: [15], done: false };
    expect(await measure({ due: [5], missed: [15] })).toEqual(missed);
    // The 5-minute horizon waits for a trade: due again at once.
    expect(store.saved.get('whale-1')).toEqual([{ ...missed, nextDueAt: at(5 * MINUTE) }]);

    await prices.record({ symbol: 'BTC', time: at(5 * MINUTE), price: '99990' });
    expect(await measure({ due: [5], missed: [] })).toEqual({
      measured: [{ horizon: 5, bps: 100 }],
      missed: [],
      done: false,
    });
  });

  it('saves nothing when nothing settled', async () => {
    expect(await measure({ due: [5], missed: [] })).toEqual({
      measured: [],
      missed: [],
      done: false,
    });
    expect(store.saved.size).toBe(0);
  });
});
