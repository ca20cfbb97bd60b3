import { ByteReader, ByteWriter } from '../protocol/wire';
import { BrokerState } from '../state/broker-state';

export interface RequestContext {
  apiVersion: number;
  clientId: string;
  /** Aborted when the client's connection closes or the broker stops. */
  signal: AbortSignal;
}

/** Decodes one request body and returns the response body, or null when no response is due. */
export type ApiHandler = (
  body: ByteReader,
  context: RequestContext,
  state: BrokerState,
) => ByteWriter | null | Promise<ByteWriter | null>;
