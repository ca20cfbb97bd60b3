import { seededRandom } from '@nexwave/core';

import { toSdkJson, type JsonValue } from './canonical-json';

/**
 * The definition the writer replaced: a JSON round trip (drops undefined, applies toJSON), keys
 * sorted into fresh objects, JSON.stringify, then every character from DEL up escaped by a regex.
 */
function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      return v.map(sortKeys);
    }
    if (v !== null && typeof v === 'object') {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        sorted[key] = sortKeys((v as Record<string, unknown>)[key]);
      }
      return sorted;
    }
    return v;
  };
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value)))).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Code units worth mixing: plain ASCII, controls, quote, backslash, DEL, Latin-1, BMP, lone and
// paired surrogates.
const UNITS = [
  ...'azAZ09_-/ .:',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\b',
  '\f',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0080',
  'é',
  'ÿ',
  '€',
  '中',
  '\uffff',
  '😀',
  '\ud800',
  '\udfff',
];

function generator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const text = (maxLength: number): string =>
    Array.from({ length: Math.floor(random() * maxLength) }, () => pick(UNITS)).join('');
  // Keys that are not array indices: JS objects order those numerically whatever the insertion
  // order, so the reference writes them out of sort order (see the literal test below).
  const key = (): string => `k${text(6)}`;
  const value = (depth: number): unknown => {
    const roll = random();
    if (depth > 0 && roll < 0.2) {
      return Array.from({ length: Math.floor(random() * 5) }, () =>
        random() < 0.05 ? undefined : value(depth - 1),
      );
    }
    if (depth > 0 && roll < 0.45) {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 6); i > 0; i--) {
        object[key()] = random() < 0.05 ? undefined : value(depth - 1);
      }
      return object;
    }
    return pick([
      () => text(12),
      () => Math.floor((random() - 0.5) * 2 * Number.MAX_SAFE_INTEGER),
      () => Math.floor((random() - 0.5) * 2_000),
      () => -0,
      () => random() < 0.5,
      () => null,
    ])();
  };
  return value;
}

describe('toSdkJson, the one-pass writer', () => {
  it('equals the round-trip, sort, stringify and regex definition on generated nested values', () => {
    const value = generator(17);
    for (let i = 0; i < 3_000; i++) {
      const payload = { data: value(1 + (i % 7)), deep: value(i % 12) };
      expect(toSdkJson(payload as JsonValue)).toBe(reference(payload));
    }
  });

  it('sorts array-index keys as strings, as json.dumps(sort_keys=True) does', () => {
    expect(toSdkJson({ '10': 1, '9': 2, a: 3 })).toBe('{"10":1,"9":2,"a":3}');
  });

  it('writes null for a value JSON cannot hold at the top, and refuses a bigint', () => {
    expect(toSdkJson(undefined as unknown as JsonValue)).toBe('null');
    expect(() => toSdkJson({ size: 1n } as unknown as JsonValue)).toThrow(
      'bigint in payload: JSON has no bigint',
    );
  });

  it('writes what toJSON returns', () => {
    expect(toSdkJson({ at: new Date(0) } as unknown as JsonValue)).toBe(
      '{"at":"1970-01-01T00:00:00.000Z"}',
    );
  });
});
