import { NestFactory } from '@nestjs/core';

import { MessageBusPort, MessagingModule, Topics } from '@nexwave/messaging';

import { orderRequests } from './order-requests';

/** Process A: publishes N orders.requests.v1 through the kafka transport, then exits. */
async function main(): Promise<void> {
  const [brokers, count] = process.argv.slice(2);
  const app = await NestFactory.createApplicationContext(
    MessagingModule.forRoot({
      transport: 'kafka',
      group: 'e2e-publisher',
      brokers: brokers.split(','),
    }),
    { logger: ['error', 'warn'] },
  );
  const bus = app.get(MessageBusPort);
  for (const request of orderRequests(Number(count), 5)) {
    await bus.publish(Topics.OrdersRequests, request);
  }
  console.log('PUBLISHED');
  await app.close();
}

void main();
