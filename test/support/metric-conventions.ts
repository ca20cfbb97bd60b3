import type { Scrape } from './metrics-scrape';

/** Units a histogram or summary may be measured in (Prometheus: base units, named last). */
const UNITS = ['_seconds', '_bytes'];
/** Labels whose values grow without bound: never allowed. */
const UNBOUNDED_LABELS = /(^|_)(id|ids|uuid|key|url|path|message)$/;
/** prom-client's default gauges counting live handles: named by the client library, not by us. */
const DEFAULT_GAUGES_NAMED_TOTAL = new Set(
  ['active_handles_total', 'active_requests_total', 'active_resources_total'].map(
    (name) => `nexwave_nodejs_${name}`,
  ),
);
/** Pacifica lists a few dozen markets; SYMBOLS unset subscribes to all of them. */
const MAX_MARKETS = 200;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * What in a scrape breaks the naming rules of docs/metrics.md: the `nexwave_` prefix, `_total`
 * on counters only, a unit on histograms, an `app` label on every sample, and bounded labels
 * (no ids, `symbol` among the configured symbols, or, without SYMBOLS, among at most
 * MAX_MARKETS exchange markets). Empty when all is well.
 */
export function conventionBreaches(scrape: Scrape, app: string, symbols: string[]): string[] {
  const seen = new Set<string>();
  const breaches: string[] = [];
  for (const [name, type] of scrape.types) {
    if (!name.startsWith('nexwave_')) {
      breaches.push(`${name}: no nexwave_ prefix`);
    }
    if ((type === 'counter') !== name.endsWith('_total') && !DEFAULT_GAUGES_NAMED_TOTAL.has(name)) {
      breaches.push(`${name}: a ${type} ${type === 'counter' ? 'must' : 'must not'} end in _total`);
    }
    if ((type === 'histogram' || type === 'summary') && !UNITS.some((u) => name.endsWith(u))) {
      breaches.push(`${name}: a ${type} names its unit (${UNITS.join(', ')})`);
    }
  }
  for (const { name, labels } of scrape.samples) {
    if (labels['app'] !== app) {
      breaches.push(`${name}: app label ${labels['app']} instead of ${app}`);
    }
    for (const [label, value] of Object.entries(labels)) {
      if (UNBOUNDED_LABELS.test(label) || UUID.test(value)) {
        breaches.push(`${name}: unbounded label ${label}="${value}"`);
      }
      if (label === 'symbol') {
        seen.add(value);
      }
      // `other`: the symbol of a malformed trade that names no subscribed market.
      if (
        label === 'symbol' &&
        symbols.length > 0 &&
        !symbols.includes(value) &&
        value !== 'other'
      ) {
        breaches.push(`${name}: symbol "${value}" is not configured`);
      }
    }
  }
  if (seen.size > MAX_MARKETS) {
    breaches.push(`${seen.size} symbols: more than the exchange's markets`);
  }
  return [...new Set(breaches)];
}
