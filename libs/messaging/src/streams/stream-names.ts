/** One Redis stream per symbol; symbols keep their case (`orderbook:kBONK`). */
export function orderBookStream(symbol: string): string {
  return `orderbook:${symbol}`;
}

export function tradesStream(symbol: string): string {
  return `trades:${symbol}`;
}
