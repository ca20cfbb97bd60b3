import Redis from 'ioredis';

import { OrderRequestV1, Topics } from '@nexwave/messaging';
import { parseMessage, RedisStreamAdapter } from '@nexwave/messaging/testing';

/** Process B: reads orders.requests.v1 envelopes from a Redis stream group; one line per message. */
async function main(): Promise<void> {
  const [url, stream, group] = process.argv.slice(2);
  const redis = new Redis(url);
  const streams = new RedisStreamAdapter(redis);
  const consumer = await streams.consume({
    streams: [stream],
    group,
    consumer: `${group}-${process.pid}`,
    blockMs: 100,
    handler: (entry) => {
      const parsed = parseMessage(Topics.OrdersRequests, {
        key: entry.fields.key,
        value: entry.fields.envelope,
      });
      if (!parsed.ok) {
        throw new Error(parsed.reason);
      }
      const request = parsed.payload as OrderRequestV1;
      console.log(
        `RECEIVED ${request.clientOrderId} ${request.metadata.seq} ${parsed.envelope.id}`,
      );
      return Promise.resolve();
    },
  });
  console.log('READY');
  process.once('SIGTERM', () => {
    void consumer
      .stop()
      .then(() => redis.quit())
      .then(() => process.exit(0));
  });
}

void main();
