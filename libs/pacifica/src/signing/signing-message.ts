/**
 * The bytes Pacifica verifies: `{data, expiry_window, timestamp, type}` with every object's keys
 * sorted, no whitespace, and non-ASCII escaped as Python's `json.dumps` does (the official SDK).
 */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface SigningHeader {
  type: string;
  timestamp: number;
  expiryWindow: number;
}

export function buildSigningMessage(header: SigningHeader, data: JsonObject): string {
  assertInteger('timestamp', header.timestamp);
  assertInteger('expiry_window', header.expiryWindow);
  return toSdkJson({
    data,
    expiry_window: header.expiryWindow,
    timestamp: header.timestamp,
    type: header.type,
  });
}

/** Compact, key-sorted JSON, byte-identical to `json.dumps(sort_keys, separators=(",",":"))`. */
export function toSdkJson(value: JsonValue): string {
  return JSON.stringify(sortKeys(value)).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(value)) {
    return value.map((item) => sortKeys(item) ?? null);
  }
  if (value !== null && typeof value === 'object') {
    const sorted: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const child = sortKeys(value[key]);
      if (child !== undefined) {
        sorted[key] = child;
      }
    }
    return sorted;
  }
  if (typeof value === 'number') {
    // Decimals travel as strings; a float here would serialise differently from Python.
    assertInteger('number in payload', value);
  }
  return value;
}

function assertInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be a safe integer, got ${value}`);
  }
}
