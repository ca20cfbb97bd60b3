/** What a transport carries: the partition key and the JSON text of an envelope (Kafka's message shape). */
export interface TransportRecord {
  key: string | null;
  value: string;
}

/** Received values may be text, bytes or (in process) already objects: always keep the original text. */
export function rawText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('utf8');
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
