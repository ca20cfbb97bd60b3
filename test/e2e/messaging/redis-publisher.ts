import Redis from 'ioredis';

import { sealMessage, Topics } from '@nexwave/messaging';
import { RedisStreamAdapter } from '@nexwave/messaging/testing';

import { orderRequests } from './order-requests';

/** Process A: appends N orders.requests.v1 envelopes to a Redis stream, then exits. */
async function main(): Promise<void> {
  const [url, stream, count] = process.argv.slice(2);
  const redis = new Redis(url);
  const streams = new RedisStreamAdapter(redis);
  for (const request of orderRequests(Number(count), 5)) {
    const envelope = sealMessage(Topics.OrdersRequests, request, {});
    await streams.append(stream, { key: envelope.key, envelope: JSON.stringify(envelope) });
  }
  console.log('PUBLISHED');
  await streams.close();
  await redis.quit();
}

void main();
