import { deadLetterStream, orderBookStream, tradesStream } from '@nexwave/messaging';
import { MemoryStreamAdapter } from '@nexwave/messaging/testing';

import { PublishedMarketSymbols } from './market-symbols.adapters';

describe('PublishedMarketSymbols', () => {
  it('lists the symbols whose order books are published, not their dead letters nor trades', async () => {
    const streams = new MemoryStreamAdapter();
    for (const stream of [
      orderBookStream('kBONK'),
      orderBookStream('BTC'),
      deadLetterStream(orderBookStream('BTC')),
      tradesStream('ETH'),
    ]) {
      await streams.append(stream, { symbol: 'x' });
    }
    expect(await new PublishedMarketSymbols(streams).list()).toEqual(['BTC', 'kBONK']);
  });
});
