/**
 * Compact, key-sorted JSON as the official SDK signs it: `json.dumps(sort_keys=True,
 * separators=(",", ":"))`, so every character from DEL (0x7f) up is written as a lowercase
 * `\uXXXX` escape (astral characters as their surrogate pair). One pass that sorts and escapes as
 * it writes: this runs for every signed request.
 */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function toSdkJson(value: JsonValue): string {
  return writeValue(value) ?? 'null';
}

/**
 * As JSON.stringify: undefined (and functions) write nothing, so an object leaves the key out and
 * an array writes null; an object with toJSON (a Date, a Decimal) is written as what it returns.
 */
function writeValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'number':
      // Decimals travel as strings; a float here would serialise differently from Python.
      assertSafeInteger('number in payload', value);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) {
        return 'null';
      }
      if (Array.isArray(value)) {
        return writeArray(value);
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        return writeValue((value as { toJSON(): unknown }).toJSON());
      }
      return writeObject(value as Record<string, unknown>);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('bigint in payload: JSON has no bigint');
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    out += (i === 0 ? '' : ',') + (writeValue(items[i]) ?? 'null');
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>): string {
  // Default sort: by UTF-16 code unit, as the SDK's keys (ASCII) sort in Python.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    const child = writeValue(object[key]);
    if (child !== undefined) {
      out += (out.length === 1 ? '' : ',') + writeString(key) + ':' + child;
    }
  }
  return out + '}';
}

function writeString(text: string): string {
  let start = 0;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c) {
      continue;
    }
    out += text.slice(start, i) + escape(code);
    start = i + 1;
  }
  return out + (start === 0 ? text : text.slice(start)) + '"';
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

function escape(code: number): string {
  return SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
}

export function assertSafeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be a safe integer, got ${value}`);
  }
}
