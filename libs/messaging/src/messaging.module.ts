import {
  DynamicModule,
  INestApplication,
  INestMicroservice,
  Module,
  Provider,
} from '@nestjs/common';
import { NestHybridApplicationOptions } from '@nestjs/common/interfaces';
import { CustomTransportStrategy, MicroserviceOptions, Server } from '@nestjs/microservices';

import { ClientProxyMessageBus } from './client-proxy-message-bus.adapter';
import { ConsumerPipeline } from './consumer/consumer-pipeline';
import { DEFAULT_RETRY_POLICY } from './consumer/retry-policy';
import { InMemoryInboxAdapter } from './inbox/in-memory-inbox.adapter';
import { InboxPort } from './inbox/inbox.port';
import { InMemoryBroker } from './memory/in-memory-broker';
import { MemoryTransportServer } from './memory/memory-transport.server';
import { MemoryClientProxy } from './memory/memory.client';
import { MessageBusPort } from './message-bus.port';
import { MessagingMetrics } from './messaging-metrics';
import { UnsupportedTransportError } from './messaging.errors';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  MESSAGING_OPTIONS,
  MESSAGING_STRATEGY,
  MessagingModuleOptions,
} from './messaging.options';

/**
 * Provides MessageBusPort (producers) and the transport strategy (consumers) for the chosen
 * transport. Inbox and metrics are shared by both; the database inbox will replace InboxPort.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const common: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: InboxPort, useClass: InMemoryInboxAdapter },
      {
        provide: MessagingMetrics,
        useFactory: () => new MessagingMetrics(options.metricsRegistry),
      },
    ];
    return {
      module: MessagingModule,
      global: true,
      providers: [...common, ...transportProviders(options)],
      exports: [
        MessageBusPort,
        InboxPort,
        MessagingMetrics,
        MESSAGING_STRATEGY,
        MESSAGING_OPTIONS,
        InMemoryBroker,
      ],
    };
  }
}

function transportProviders(options: MessagingModuleOptions): Provider[] {
  switch (options.transport) {
    case 'memory':
      return memoryProviders(options);
    case 'kafka':
      // Seam: ServerKafka subclass + ClientKafka behind the same pipeline and ClientProxyMessageBus.
      throw new UnsupportedTransportError('kafka');
  }
}

function memoryProviders(options: MessagingModuleOptions): Provider[] {
  return [
    { provide: InMemoryBroker, useValue: new InMemoryBroker() },
    {
      provide: MemoryClientProxy,
      useFactory: (broker: InMemoryBroker) => new MemoryClientProxy(broker),
      inject: [InMemoryBroker],
    },
    {
      provide: MessageBusPort,
      useFactory: (client: MemoryClientProxy) =>
        new ClientProxyMessageBus(client, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      inject: [MemoryClientProxy],
    },
    {
      provide: MESSAGING_STRATEGY,
      useFactory: (broker: InMemoryBroker, inbox: InboxPort, metrics: MessagingMetrics) => {
        const pipeline = new ConsumerPipeline({
          inbox,
          metrics,
          retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
          deadLetters: (topic, record) => Promise.resolve(broker.publish(topic, record)),
        });
        return new MemoryTransportServer(broker, pipeline, options.group);
      },
      inject: [InMemoryBroker, InboxPort, MessagingMetrics],
    },
  ];
}

/** Starts receiving messages in a Nest app: the same call for every transport. */
export function connectMessaging(
  app: INestApplication,
  hybrid?: NestHybridApplicationOptions,
): INestMicroservice {
  const strategy = app.get<Server & CustomTransportStrategy>(MESSAGING_STRATEGY);
  return app.connectMicroservice<MicroserviceOptions>({ strategy }, hybrid);
}
