import { Logger } from '@nestjs/common';

import type { StreamEntries } from '../contracts/registry';
import { streamName, type StreamFamily } from '../topics';
import { decodeStreamEntry } from './stream-entry.codec';
import { deadLetterStreamEntry } from './stream-names';
import type { StreamConsumer, StreamPort } from './stream.port';

export interface ContractStreamReaderOptions {
  readonly group: string;
  /** The group's name in metrics, where `group` is unique per process. */
  readonly metricsGroup?: string;
  /** Unique per process within the group. */
  readonly consumer: string;
  /** `$`: only entries written from now on; `0`: every retained entry the group has not seen. */
  readonly startId: '0' | '$';
  readonly batchSize?: number;
}

/**
 * Reads one stream family for some symbols in a consumer group and hands over each entry parsed
 * with the family's contract. An entry the contract refuses is moved to `<stream>.dlq` with the
 * reason and acknowledged: reading it again would not mend it. A failing `onEntry` leaves the
 * entry pending, to be delivered again.
 */
export class ContractStreamReader<F extends StreamFamily> {
  private readonly logger = new Logger(ContractStreamReader.name);
  private consumer?: StreamConsumer;
  private refused = 0;

  constructor(
    private readonly streams: StreamPort,
    private readonly family: F,
    private readonly options: ContractStreamReaderOptions,
  ) {}

  async start(
    symbols: readonly string[],
    onEntry: (entry: StreamEntries[F]) => Promise<void> | void,
  ): Promise<void> {
    await this.stop();
    this.consumer = await this.streams.consume({
      streams: symbols.map((symbol) => streamName(this.family, symbol)),
      group: this.options.group,
      metricsGroup: this.options.metricsGroup,
      consumer: this.options.consumer,
      startId: this.options.startId,
      batchSize: this.options.batchSize,
      handler: async (entry) => {
        const decoded = decodeStreamEntry(this.family, entry);
        if (decoded.ok) {
          await onEntry(decoded.entry);
          return;
        }
        this.refused += 1;
        await deadLetterStreamEntry(this.streams, entry, decoded.reason);
        this.logger.warn(
          `Moved malformed ${entry.stream} entry ${entry.id} to the dead letters (${this.refused} so far): ${decoded.reason}`,
        );
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }
}
