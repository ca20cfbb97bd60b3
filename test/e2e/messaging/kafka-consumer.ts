import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import {
  connectMessaging,
  MessageConsumer,
  MessageContext,
  MessagingModule,
  OrderRequestV1,
  Topics,
} from '@nexwave/messaging';

@MessageConsumer()
class OrderRequestsConsumer {
  @EventPattern(Topics.OrdersRequests)
  onRequest(@Payload() request: OrderRequestV1, @Ctx() context: MessageContext): void {
    console.log(
      `RECEIVED ${request.clientOrderId} ${request.metadata.seq} ${context.getEnvelope().id}`,
    );
  }
}

/** Process B: a Nest app consuming orders.requests.v1 over kafka; prints one line per message. */
async function main(): Promise<void> {
  const [brokers, group] = process.argv.slice(2);

  @Module({
    imports: [
      MessagingModule.forRoot({
        transport: 'kafka',
        group,
        brokers: brokers.split(','),
        kafka: { maxWaitTimeMs: 100 },
      }),
    ],
    controllers: [OrderRequestsConsumer],
  })
  class ConsumerAppModule {}

  const app = await NestFactory.create(ConsumerAppModule, { logger: ['error', 'warn'] });
  connectMessaging(app);
  await app.startAllMicroservices();
  await app.init();
  console.log('READY');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
