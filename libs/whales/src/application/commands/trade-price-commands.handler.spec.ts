import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { T0 } from '../../domain/testing/books';
import { InMemoryTradePriceLog } from '../../testing/in-memory-trade-price.log';
import { TradePriceLogPort } from '../ports/trade-price-log.port';
import { ForgetTradePricesCommand } from './forget-trade-prices.command';
import { ForgetTradePricesHandler } from './forget-trade-prices.handler';
import { RecordTradePriceCommand } from './record-trade-price.command';
import { RecordTradePriceHandler } from './record-trade-price.handler';

const at = (ms: number) => new Date(T0.getTime() + ms);

describe('RecordTradePriceHandler and ForgetTradePricesHandler', () => {
  let moduleRef: TestingModule;
  let prices: InMemoryTradePriceLog;

  beforeEach(async () => {
    prices = new InMemoryTradePriceLog();
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        RecordTradePriceHandler,
        ForgetTradePricesHandler,
        { provide: TradePriceLogPort, useValue: prices },
      ],
    }).compile();
    await moduleRef.init();
  });

  afterEach(() => moduleRef.close());

  it('records trade prices and forgets those before a time', async () => {
    const commands = moduleRef.get(CommandBus);
    await commands.execute(new RecordTradePriceCommand({ symbol: 'BTC', time: T0, price: '100' }));
    await commands.execute(
      new RecordTradePriceCommand({ symbol: 'BTC', time: at(2_000), price: '101' }),
    );
    expect(await prices.lastPriceAt('BTC', at(1_000))).toBe('100');

    await commands.execute(new ForgetTradePricesCommand(at(1_000)));

    expect(await prices.lastPriceAt('BTC', at(1_000))).toBeNull();
    expect(await prices.lastPriceAt('BTC', at(2_000))).toBe('101');
  });
});
