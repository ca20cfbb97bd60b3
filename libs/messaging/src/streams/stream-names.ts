/** One Redis stream per symbol; symbols keep their case (`orderbook:kBONK`). */
export function orderBookStream(symbol: string): string {
  return `orderbook:${symbol}`;
}

export function tradesStream(symbol: string): string {
  return `trades:${symbol}`;
}

/** Where a stream's poison entries go. */
export function deadLetterStream(stream: string): string {
  return `${stream}.dlq`;
}

/** The fields of a dead-lettered entry: the original fields plus why and where it came from. */
export function deadLetterFields(
  fields: Record<string, string>,
  id: string,
  deliveries: number,
): Record<string, string> {
  return {
    ...fields,
    dlq_original_id: id,
    dlq_reason: `handler failed on ${deliveries} deliveries`,
  };
}
