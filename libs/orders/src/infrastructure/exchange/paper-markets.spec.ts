import {
  PacificaOrderError,
  ExchangeUnavailableError as PacificaUnavailableError,
  type MarketInfo,
} from '@nexwave/pacifica';

import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../../application/ports/exchange.errors';
import { PaperMarkets } from './paper-markets';

const BTC = { symbol: 'BTC', tickSize: '1', lotSize: '0.00001' } as MarketInfo;

/** An /info that lists BTC, or fails every call with `failure`. */
function info(failure?: Error) {
  const answer = <T>(value: T) => (failure ? Promise.reject(failure) : Promise.resolve(value));
  return {
    getMarkets: () => answer([BTC]),
    getMarket: (symbol: string) =>
      symbol === 'BTC'
        ? answer(BTC)
        : Promise.reject(
            new PacificaOrderError('UNKNOWN_MARKET', `Unknown Pacifica market ${symbol}`),
          ),
  };
}

describe('PaperMarkets', () => {
  it('lists the markets and gives one market rules', async () => {
    const markets = new PaperMarkets(info());
    expect(await markets.symbols()).toEqual(['BTC']);
    expect(await markets.rules('BTC')).toBe(BTC);
  });

  it('refuses an unlisted market as the exchange refusing the order', async () => {
    await expect(new PaperMarkets(info()).rules('DOGE')).rejects.toEqual(
      new ExchangeRejectedError('UNKNOWN_MARKET', 'Unknown Pacifica market DOGE'),
    );
  });

  it('reports an /info that cannot be read as the exchange being unavailable', async () => {
    const markets = new PaperMarkets(info(new PacificaUnavailableError('timeout', 'timed out')));
    await expect(markets.rules('BTC')).rejects.toBeInstanceOf(ExchangeUnavailableError);
    await expect(markets.symbols()).rejects.toThrow('market rules unavailable: timed out');
  });

  it('lets any other failure through unchanged', async () => {
    const bug = new TypeError('bug');
    await expect(new PaperMarkets(info(bug)).rules('BTC')).rejects.toBe(bug);
  });
});
