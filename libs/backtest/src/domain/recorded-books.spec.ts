import { recordedBooks } from './recorded-books';

describe('recordedBooks', () => {
  it('groups recorded snapshots by symbol, in order, with level objects', () => {
    const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
    const books = recordedBooks([
      { time: at(1), symbol: 'BTC', bids: [['99', '1']], asks: [['101', '2']] },
      { time: at(1), symbol: 'ETH', bids: [], asks: [['3.5', '4']] },
      { time: at(2), symbol: 'BTC', bids: [['98', '1.5']], asks: [] },
    ]);
    expect(books).toEqual({
      BTC: [
        {
          time: at(1),
          bids: [{ price: '99', amount: '1' }],
          asks: [{ price: '101', amount: '2' }],
        },
        { time: at(2), bids: [{ price: '98', amount: '1.5' }], asks: [] },
      ],
      ETH: [{ time: at(1), bids: [], asks: [{ price: '3.5', amount: '4' }] }],
    });
  });
});
