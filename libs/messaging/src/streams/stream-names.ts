import { deadLetterStream } from '../topics';
import type { StreamEntry, StreamPort } from './stream.port';

/** The fields of a dead-lettered entry: the original fields plus why and where it came from. */
export function deadLetterFields(
  fields: Record<string, string>,
  id: string,
  reason: string,
): Record<string, string> {
  return { ...fields, dlq_original_id: id, dlq_reason: reason };
}

/**
 * Moves an entry a reader refuses (it does not match its contract) to `<stream>.dlq` with the
 * reason; the reader then acknowledges it, since reading it again would not mend it.
 */
export async function deadLetterStreamEntry(
  streams: StreamPort,
  entry: StreamEntry,
  reason: string,
): Promise<void> {
  await streams.append(
    deadLetterStream(entry.stream),
    deadLetterFields(entry.fields, entry.id, reason),
  );
}
