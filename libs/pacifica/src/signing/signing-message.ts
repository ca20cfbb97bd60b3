import { assertSafeInteger, toSdkJson, type JsonObject } from './canonical-json';

export { type JsonObject, type JsonValue, toSdkJson } from './canonical-json';

export interface SigningHeader {
  type: string;
  timestamp: number;
  expiryWindow: number;
}

/**
 * The bytes Pacifica verifies: `{data, expiry_window, timestamp, type}` (already in key order)
 * with every object's keys sorted, no whitespace, and non-ASCII escaped as Python's `json.dumps`
 * does (the official SDK).
 */
export function buildSigningMessage(header: SigningHeader, data: JsonObject): string {
  assertSafeInteger('timestamp', header.timestamp);
  assertSafeInteger('expiry_window', header.expiryWindow);
  return (
    `{"data":${toSdkJson(data)},"expiry_window":${header.expiryWindow},` +
    `"timestamp":${header.timestamp},"type":${toSdkJson(header.type)}}`
  );
}
