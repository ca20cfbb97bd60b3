import { tickWriterHarness } from '../../testing/tick-writer-harness';
import { DeadLetterTradeCommand } from './dead-letter-trade.command';
import { DeadLetterTradeHandler } from './dead-letter-trade.handler';

describe('DeadLetterTradeHandler', () => {
  it('keeps the rejected trade with its reason, and stores no tick for it', async () => {
    const { writer, store } = tickWriterHarness();
    const letter = { symbol: 'BTC', tradeId: '7', payload: { price: 'x' }, reason: 'bad price' };

    await new DeadLetterTradeHandler(writer).execute(new DeadLetterTradeCommand(letter));
    await writer.flush();

    expect(store.deadLetters).toEqual([letter]);
    expect(store.ticks).toEqual([]);
  });
});
