/** One sample of a Prometheus text exposition: `name{label="value",...} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  samples: Sample[];
  /** Metric family name -> its # TYPE (counter, gauge, histogram, summary). */
  types: Map<string, string>;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the text format (version 0.0.4) that GET /metrics answers. */
export function parseMetrics(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    const match = line.startsWith('#') ? null : SAMPLE.exec(line);
    if (match) {
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]),
      );
      samples.push({ name: match[1], labels, value: Number(match[3]) });
    }
  }
  return { samples, types };
}

/** Sum of the samples named `name` whose labels include `labels`. */
export function total(scrape: Scrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** GET `${base}/metrics`, parsed; throws unless it answers 200 in the Prometheus text format. */
export async function scrapeMetrics(base: string): Promise<Scrape> {
  const response = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) });
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/plain; version=0.0.4')) {
    throw new Error(`GET /metrics answered ${response.status} (${type})`);
  }
  return parseMetrics(await response.text());
}
