import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { T0 } from '../../domain/testing/books';
import { InMemoryImpactStore } from '../../testing/in-memory-impact.store';
import { InMemoryTradePriceLog } from '../../testing/in-memory-trade-price.log';
import { ImpactMeasurer } from '../impact/impact-measurer';
import { ImpactStorePort, type ActivityAwaitingImpact } from '../ports/impact-store.port';
import { TradePriceLogPort } from '../ports/trade-price-log.port';
import { ForgetTradePricesHandler } from './forget-trade-prices.handler';
import { MeasureImpactHandler } from './measure-impact.handler';
import { ScheduleImpactMeasurementCommand } from './schedule-impact-measurement.command';
import { ScheduleImpactMeasurementHandler } from './schedule-impact-measurement.handler';

const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

const activity = (storedId: string): ActivityAwaitingImpact => ({
  storedId,
  symbol: 'BTC',
  side: 'bid',
  detectedAt: T0,
  priceAtDetection: '100000',
  settled: [],
});

describe('ScheduleImpactMeasurementHandler and the impact loop', () => {
  let moduleRef: TestingModule;
  let store: InMemoryImpactStore;
  let measurer: ImpactMeasurer;
  const schedule = (id: string, dueAt: Date) =>
    moduleRef.get(CommandBus).execute(new ScheduleImpactMeasurementCommand(id, dueAt));

  beforeEach(async () => {
    store = new InMemoryImpactStore([activity('scheduled'), activity('never-scheduled')]);
    const prices = new InMemoryTradePriceLog();
    await prices.record({ symbol: 'BTC', time: at(-1_000), price: '100000' });
    await prices.record({ symbol: 'BTC', time: at(30_000), price: '100100' });
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ScheduleImpactMeasurementHandler,
        MeasureImpactHandler,
        ForgetTradePricesHandler,
        { provide: ImpactStorePort, useValue: store },
        { provide: TradePriceLogPort, useValue: prices },
      ],
    }).compile();
    await moduleRef.init();
    measurer = new ImpactMeasurer(store, moduleRef.get(CommandBus));
  });

  afterEach(() => moduleRef.close());

  it('records when the first measurement is due, and keeps a schedule already recorded', async () => {
    await schedule('scheduled', at(MINUTE));
    await schedule('scheduled', at(30 * MINUTE));

    expect(store.dueAt).toEqual(new Map([['scheduled', at(MINUTE)]]));
  });

  it('lets the loop measure only scheduled activities, once due and settled, then moves the schedule on', async () => {
    await schedule('scheduled', at(MINUTE));

    expect(await measurer.runOnce(at(MINUTE + 4_999))).toEqual({
      activities: 0,
      measured: 0,
      missed: 0,
    });
    expect(await measurer.runOnce(at(MINUTE + 5_000))).toEqual({
      activities: 1,
      measured: 1,
      missed: 0,
    });
    expect([...store.saved.keys()]).toEqual(['scheduled']);
    expect(store.dueAt.get('scheduled')).toEqual(at(5 * MINUTE));
    expect(await measurer.runOnce(at(2 * MINUTE))).toEqual({
      activities: 0,
      measured: 0,
      missed: 0,
    });
  });
});
