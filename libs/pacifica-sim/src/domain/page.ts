export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

/** Newest-first items after `cursor` (an id key, exclusive), `limit` at a time. */
export function paginate<T>(
  all: T[],
  limit: number,
  cursor: number | undefined,
  key: (item: T) => number,
): Page<T> {
  const start = cursor === undefined ? 0 : all.findIndex((item) => key(item) < cursor);
  const rest = start === -1 ? [] : all.slice(start);
  const items = rest.slice(0, limit);
  const hasMore = rest.length > limit;
  const last = items[items.length - 1];
  return { items, hasMore, nextCursor: hasMore && last ? String(key(last)) : null };
}
