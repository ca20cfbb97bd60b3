import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HttpCandleHistoryAdapter } from '../src/infrastructure/market-data/http-candle-history.adapter';

// A stand-in for market-data's REST API over real HTTP: the candles newest first, as it answers.
describe('HttpCandleHistoryAdapter', () => {
  let server: Server;
  let apiUrl: string;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? '');
      if (request.url?.startsWith('/api/v1/candles/SOL/')) {
        response.writeHead(400).end('{"code":"UNKNOWN_SYMBOL","message":"unknown symbol \'SOL\'"}');
        return;
      }
      if (!request.url?.startsWith('/api/v1/candles/BTC/1h')) {
        response.writeHead(400).end('{"code":"VALIDATION_FAILED","message":"bad"}');
        return;
      }
      const candle = (time: string, close: string) => ({
        time,
        open: close,
        high: close,
        low: close,
        close,
        volume: '2',
        vwap: close,
        tradeCount: 3,
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          symbol: 'BTC',
          timeframe: '1h',
          candles: [
            candle('2026-01-15T01:00:00.000Z', '101'),
            candle('2026-01-15T00:00:00.000Z', '100'),
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks for the newest candles and returns them oldest first', async () => {
    const candles = await new HttpCandleHistoryAdapter(() => apiUrl).recent('BTC', '1h', 21);

    expect(paths).toContain('/api/v1/candles/BTC/1h?limit=21');
    expect(candles).toEqual([
      expect.objectContaining({
        symbol: 'BTC',
        timeframe: '1h',
        bucketStart: new Date('2026-01-15T00:00:00.000Z'),
        close: '100',
      }),
      expect.objectContaining({ bucketStart: new Date('2026-01-15T01:00:00.000Z'), close: '101' }),
    ]);
  });

  it('a symbol market-data has stored no trade of yet has no history', async () => {
    expect(await new HttpCandleHistoryAdapter(() => apiUrl).recent('SOL', '1m', 4)).toEqual([]);
  });

  it('fails on an error answer', async () => {
    await expect(
      new HttpCandleHistoryAdapter(() => apiUrl).recent('ETH', '1h', 21),
    ).rejects.toThrow(/candles of ETH 1h: HTTP 400/);
  });
});
