import { streamContracts, type StreamContract, type StreamEntries } from '../contracts/registry';
import { describeIssues } from '../contracts/validation';
import { InvalidMessageError } from '../messaging.errors';
import { streamName, type StreamFamily } from '../topics';
import type { StreamEntry, StreamFields } from './stream.port';

export type DecodedStreamEntry<F extends StreamFamily> =
  | { readonly ok: true; readonly entry: StreamEntries[F] }
  | { readonly ok: false; readonly reason: string };

/**
 * The stream and fields to append for `entry`, checked against the family's contract first: a
 * producer never writes an entry its readers would refuse (throws InvalidMessageError instead).
 */
export function encodeStreamEntry<F extends StreamFamily>(
  family: F,
  entry: StreamEntries[F],
): { stream: string; fields: StreamFields } {
  const contract: StreamContract<StreamEntries[F]> = streamContracts[family];
  const stream = streamName(family, entry.symbol);
  const parsed = contract.schema.safeParse(entry);
  if (!parsed.success) {
    throw new InvalidMessageError(stream, describeIssues(parsed.error));
  }
  const fields: StreamFields =
    contract.encoding === 'json'
      ? { data: JSON.stringify(parsed.data) }
      : (parsed.data as unknown as StreamFields);
  return { stream, fields };
}

/** Parses a read entry with its family's contract; it must belong to the stream it came from. */
export function decodeStreamEntry<F extends StreamFamily>(
  family: F,
  entry: StreamEntry,
): DecodedStreamEntry<F> {
  const contract: StreamContract<StreamEntries[F]> = streamContracts[family];
  let raw: unknown = entry.fields;
  if (contract.encoding === 'json') {
    try {
      raw = JSON.parse(entry.fields['data'] ?? 'undefined');
    } catch {
      return { ok: false, reason: 'data: not a JSON value' };
    }
  }
  const parsed = contract.schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: describeIssues(parsed.error) };
  }
  if (streamName(family, parsed.data.symbol) !== entry.stream) {
    return {
      ok: false,
      reason: `symbol: ${parsed.data.symbol} does not belong on ${entry.stream}`,
    };
  }
  return { ok: true, entry: parsed.data };
}
