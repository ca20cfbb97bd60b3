import { createHash } from 'node:crypto';

/** A fixed namespace for the engine's name-based ids (RFC 4122 v5 over SHA-1). */
const NAMESPACE = Buffer.from('6f1d1b4e6a2c4d8b9a3e0c5b7f2e9d10', 'hex');

/**
 * The client order id of a signal: a UUID v5 of strategy instance, symbol, intent and the
 * candle's bucket, so a replayed candle or a restart yields the same id and order management
 * (and the signal store) see one order, never two.
 */
export function signalClientOrderId(
  strategyId: string,
  symbol: string,
  intent: 'entry' | 'exit',
  bucketStart: Date,
): string {
  const name = [strategyId, symbol, intent, bucketStart.toISOString()].join('|');
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
