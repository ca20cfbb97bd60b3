import {
  DynamicModule,
  INestApplication,
  INestMicroservice,
  Module,
  Provider,
} from '@nestjs/common';
import { NestHybridApplicationOptions } from '@nestjs/common/interfaces';
import { CustomTransportStrategy, MicroserviceOptions, Server } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompressionTypes } from 'kafkajs';
import { DataSource } from 'typeorm';

import { ClientProxyMessageBus } from './client-proxy-message-bus.adapter';
import { ConsumerPipeline, DeadLetterSink } from './consumer/consumer-pipeline';
import { DEFAULT_RETRY_POLICY } from './consumer/retry-policy';
import { contracts } from './contracts/registry';
import { InMemoryInboxAdapter } from './inbox/in-memory-inbox.adapter';
import { InboxPort } from './inbox/inbox.port';
import { TypeOrmInboxAdapter } from './inbox/typeorm-inbox.adapter';
import { createKafka } from './kafka/kafka-connection';
import { KafkaMonitor } from './kafka/kafka-monitor';
import { KafkaProducer } from './kafka/kafka-producer';
import { KAFKA_DEFAULTS, KafkaTransportServer } from './kafka/kafka-transport.server';
import { KafkaClientProxy } from './kafka/kafka.client';
import { InMemoryBroker } from './memory/in-memory-broker';
import { MemoryMessageBus } from './memory/memory-message-bus';
import { MemoryTransportServer } from './memory/memory-transport.server';
import { MemoryClientProxy } from './memory/memory.client';
import { MessageBusPort } from './message-bus.port';
import { KafkaReadings, MessagingMetrics } from './messaging-metrics';
import { MESSAGING_ENTITIES } from './messaging.entities';
import { MissingBrokersError } from './messaging.errors';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  MESSAGING_OPTIONS,
  MESSAGING_STRATEGY,
  MessagingModuleOptions,
} from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { deadLetterTopic } from './topics';

/**
 * Provides MessageBusPort (producers) and the transport strategy (consumers) for the chosen
 * transport. Inbox (memory or database), outbox and metrics are shared by both.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const common: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      options.inbox === 'database'
        ? {
            provide: InboxPort,
            useFactory: (dataSource: DataSource) => new TypeOrmInboxAdapter(dataSource),
            inject: [DataSource],
          }
        : { provide: InboxPort, useClass: InMemoryInboxAdapter },
      ...outboxProviders(options),
      {
        provide: MessagingMetrics,
        useFactory: () => new MessagingMetrics(options.metricsRegistry),
      },
    ];
    return {
      module: MessagingModule,
      global: true,
      imports:
        options.inbox === 'database' || options.outbox
          ? [TypeOrmModule.forFeature(MESSAGING_ENTITIES)]
          : [],
      providers: [...common, ...transportProviders(options)],
      exports: [
        MessageBusPort,
        InboxPort,
        MessagingMetrics,
        MESSAGING_STRATEGY,
        MESSAGING_OPTIONS,
        ...(options.transport === 'memory' ? [InMemoryBroker] : [KafkaProducer, KafkaMonitor]),
        ...(options.outbox ? [OutboxWriter, OutboxRelay] : []),
      ],
    };
  }
}

function transportProviders(options: MessagingModuleOptions): Provider[] {
  switch (options.transport) {
    case 'memory':
      return memoryProviders(options);
    case 'kafka':
      return kafkaProviders(options);
  }
}

function outboxProviders({ outbox }: MessagingModuleOptions): Provider[] {
  if (!outbox) {
    return [];
  }
  return [
    { provide: OutboxWriter, useValue: new OutboxWriter() },
    {
      provide: OutboxRelay,
      useFactory: (dataSource: DataSource, bus: MessageBusPort, metrics: MessagingMetrics) => {
        const relay = new OutboxRelay(dataSource, bus, {
          intervalMs: outbox.relayIntervalMs,
          batchSize: outbox.batchSize,
        });
        metrics.observeOutboxBacklog(() => relay.backlog());
        return relay;
      },
      inject: [DataSource, MessageBusPort, MessagingMetrics],
    },
  ];
}

function pipelineFor(
  options: MessagingModuleOptions,
  inbox: InboxPort,
  metrics: MessagingMetrics,
  deadLetters: DeadLetterSink,
): ConsumerPipeline {
  return new ConsumerPipeline({
    inbox,
    metrics,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    deadLetters,
  });
}

function kafkaProviders(options: MessagingModuleOptions): Provider[] {
  if (!options.brokers?.length) {
    throw new MissingBrokersError();
  }
  const connection = { brokers: options.brokers, clientId: options.clientId ?? options.group };
  const kafka = createKafka(connection);
  const tuning = { ...KAFKA_DEFAULTS, ...options.kafka };
  const requestTopics = Object.values(contracts)
    .filter((contract) => contract.reply)
    .map((contract) => contract.topic);
  return [
    {
      provide: KafkaProducer,
      useValue: new KafkaProducer(
        kafka,
        tuning.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
      ),
    },
    { provide: KafkaMonitor, useValue: new KafkaMonitor(createKafka(connection, 0)) },
    {
      provide: KafkaClientProxy,
      useFactory: (producer: KafkaProducer) =>
        new KafkaClientProxy(kafka, producer, {
          group: options.group,
          requestTopics,
          partitions: tuning.partitions,
          maxWaitTimeMs: Math.min(tuning.maxWaitTimeMs, 100),
        }),
      inject: [KafkaProducer],
    },
    {
      provide: MessageBusPort,
      useFactory: (client: KafkaClientProxy) =>
        new ClientProxyMessageBus(client, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      inject: [KafkaClientProxy],
    },
    {
      provide: MESSAGING_STRATEGY,
      useFactory: (
        producer: KafkaProducer,
        inbox: InboxPort,
        metrics: MessagingMetrics,
        monitor: KafkaMonitor,
      ) => {
        const pipeline = pipelineFor(options, inbox, metrics, (topic, record) =>
          producer.sendRecord(topic, record),
        );
        const server = new KafkaTransportServer(kafka, producer, pipeline, options.group, tuning);
        metrics.observeKafka(kafkaReadings(monitor, options.group, () => server.topics()));
        return server;
      },
      inject: [KafkaProducer, InboxPort, MessagingMetrics, KafkaMonitor],
    },
  ];
}

/** The Kafka gauges of the app's group over the topics its consumer reads (none before it starts). */
function kafkaReadings(
  monitor: KafkaMonitor,
  group: string,
  topics: () => string[],
): KafkaReadings {
  return {
    group,
    consumerLag: () => monitor.consumerLag(group, topics()),
    deadLetters: async () => {
      const counts = await monitor.retained(topics().map(deadLetterTopic));
      return new Map(topics().map((topic) => [topic, counts.get(deadLetterTopic(topic)) ?? 0]));
    },
  };
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
      useFactory: (broker: InMemoryBroker, client: MemoryClientProxy) =>
        new MemoryMessageBus(
          broker,
          client,
          options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        ),
      inject: [InMemoryBroker, MemoryClientProxy],
    },
    {
      provide: MESSAGING_STRATEGY,
      useFactory: (broker: InMemoryBroker, inbox: InboxPort, metrics: MessagingMetrics) => {
        const pipeline = pipelineFor(options, inbox, metrics, (topic, record) =>
          Promise.resolve(broker.publish(topic, record)),
        );
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
