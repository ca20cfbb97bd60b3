import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Registry } from 'prom-client';
import type { Repository } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { systemClock, uuidv7 } from '@nexwave/core';
import { OutboxWriter, StreamPort } from '@nexwave/messaging';
import { PACIFICA_ENDPOINTS, type PacificaEndpoints } from '@nexwave/pacifica';

import { AlertDispatcher } from '../application/alerts/alert-dispatcher';
import { DispatchAlertsHandler } from '../application/commands/dispatch-alerts.handler';
import { ForgetTradePricesHandler } from '../application/commands/forget-trade-prices.handler';
import { MeasureImpactHandler } from '../application/commands/measure-impact.handler';
import { RecordTradePriceHandler } from '../application/commands/record-trade-price.handler';
import { RecordWhaleActivitiesHandler } from '../application/commands/record-whale-activities.handler';
import { ScheduleImpactMeasurementHandler } from '../application/commands/schedule-impact-measurement.handler';
import { WhaleDetectionService } from '../application/detection/whale-detection.service';
import { CountWhalesDetectedHandler } from '../application/events/count-whales-detected.handler';
import { DEFAULT_IMPACT_OPTIONS, ImpactMeasurer } from '../application/impact/impact-measurer';
import { AlertChannelPort } from '../application/ports/alert-channel.port';
import { AlertOutboxPort } from '../application/ports/alert-outbox.port';
import { ImpactStorePort } from '../application/ports/impact-store.port';
import { MarketSymbolsPort } from '../application/ports/market-symbols.port';
import { TradePriceLogPort } from '../application/ports/trade-price-log.port';
import { WhaleActivityStorePort } from '../application/ports/whale-activity-store.port';
import { WhalesClockPort } from '../application/ports/whales-clock.port';
import { WhalesSaga } from '../application/sagas/whales.saga';
import { WhalesMetrics } from '../application/whales.metrics';
import { detectionRules } from '../domain/detection-rules';
import { trackerOptions } from '../domain/tracking-settings';
import { DiscordAlertChannel } from './alerts/discord-alert.channel';
import { TelegramAlertChannel } from './alerts/telegram-alert.channel';
import { TypeOrmAlertOutbox } from './persistence/typeorm-alert.outbox';
import { TypeOrmImpactStore } from './persistence/typeorm-impact.store';
import { TypeOrmTradePriceLog } from './persistence/typeorm-trade-price.log';
import { TypeOrmWhaleActivityStore } from './persistence/typeorm-whale-activity.store';
import { WhaleActivityEntity } from './persistence/whale-activity.entity';
import { WhaleAlertEntity } from './persistence/whale-alert.entity';
import { WhaleTradePriceEntity } from './persistence/whale-trade-price.entity';
import { OrderBookStreamReader } from './streams/order-book-stream.reader';
import { TradeStreamReader } from './streams/trade-stream.reader';
import {
  ConfiguredMarketSymbols,
  ExchangeMarketSymbols,
  PublishedMarketSymbols,
} from './symbols/market-symbols.adapters';
import {
  WHALE_TRACKER_TIMING,
  WhaleTrackerLifecycle,
  type WhaleTrackerTiming,
} from './whale-tracker.lifecycle';

/** What the tracker reads of the config: whales always, SYMBOLS where the app has trading. */
type WhalesConfig = Pick<AppConfig, 'whales'> & Partial<Pick<AppConfig, 'trading'>>;

const ALERT_CHANNELS = Symbol('WHALE_ALERT_CHANNELS');

/** A new activity overlapping one stored this recently continues it (replicas, restarts). */
const MIN_MERGE_WINDOW_MS = 60_000;

export function alertChannels(config: WhalesConfig): AlertChannelPort[] {
  const { telegram, discordWebhook } = config.whales;
  return [
    ...(telegram ? [new TelegramAlertChannel(telegram)] : []),
    ...(discordWebhook ? [new DiscordAlertChannel(discordWebhook)] : []),
  ];
}

/**
 * The tracker's wiring. Needs from the app: a DataSource with WHALES_ENTITIES (TypeOrmModule's
 * autoLoadEntities), StreamPort, OutboxWriter (MessagingModule
 * with an outbox), the config, and PACIFICA_ENDPOINTS when the app has an exchange (otherwise the
 * symbols come from SYMBOLS or the order-book streams market-data publishes).
 */
export const WHALE_TRACKER_PROVIDERS: Provider[] = [
  { provide: WhalesClockPort, useValue: systemClock },
  {
    provide: WHALE_TRACKER_TIMING,
    useFactory: (config: WhalesConfig): WhaleTrackerTiming => ({
      detectionIntervalMs: config.whales.detectionIntervalSeconds * 1_000,
      alertIntervalMs: 250,
      impactIntervalMs: 10_000,
      symbolsRetryMs: 10_000,
    }),
    inject: [APP_CONFIG],
  },
  { provide: ALERT_CHANNELS, useFactory: alertChannels, inject: [APP_CONFIG] },
  {
    provide: WhaleActivityStorePort,
    useFactory: (activities: Repository<WhaleActivityEntity>, outbox: OutboxWriter) =>
      new TypeOrmWhaleActivityStore(activities, outbox),
    inject: [getRepositoryToken(WhaleActivityEntity), OutboxWriter],
  },
  {
    provide: AlertOutboxPort,
    useFactory: (alerts: Repository<WhaleAlertEntity>) => new TypeOrmAlertOutbox(alerts),
    inject: [getRepositoryToken(WhaleAlertEntity)],
  },
  {
    provide: ImpactStorePort,
    useFactory: (activities: Repository<WhaleActivityEntity>) => new TypeOrmImpactStore(activities),
    inject: [getRepositoryToken(WhaleActivityEntity)],
  },
  {
    provide: TradePriceLogPort,
    useFactory: (prices: Repository<WhaleTradePriceEntity>) => new TypeOrmTradePriceLog(prices),
    inject: [getRepositoryToken(WhaleTradePriceEntity)],
  },
  {
    provide: MarketSymbolsPort,
    useFactory: (
      config: WhalesConfig,
      streams: StreamPort,
      endpoints: PacificaEndpoints | undefined,
    ) => {
      if (config.trading?.symbols?.length) {
        return new ConfiguredMarketSymbols(config.trading.symbols);
      }
      return endpoints
        ? new ExchangeMarketSymbols(endpoints.restUrl)
        : new PublishedMarketSymbols(streams);
    },
    inject: [APP_CONFIG, StreamPort, { token: PACIFICA_ENDPOINTS, optional: true }],
  },
  {
    provide: WhaleDetectionService,
    useFactory: (
      commands: CommandBus,
      config: WhalesConfig,
      channels: AlertChannelPort[],
      timing: WhaleTrackerTiming,
    ) => {
      const rules = detectionRules({ thresholdUsd: config.whales.thresholdUsd });
      const newId = (at: Date) => uuidv7(at.getTime());
      const { gracePeriodMs } = trackerOptions(rules, timing.detectionIntervalMs, newId);
      return new WhaleDetectionService(commands, {
        rules,
        channels: channels.map((channel) => channel.name),
        detectionIntervalMs: timing.detectionIntervalMs,
        mergeWindowMs: Math.max(MIN_MERGE_WINDOW_MS, gracePeriodMs),
        newId,
      });
    },
    inject: [CommandBus, APP_CONFIG, ALERT_CHANNELS, WHALE_TRACKER_TIMING],
  },
  {
    provide: AlertDispatcher,
    useFactory: (outbox: AlertOutboxPort, channels: AlertChannelPort[], metrics: WhalesMetrics) =>
      new AlertDispatcher(outbox, channels, metrics),
    inject: [AlertOutboxPort, ALERT_CHANNELS, WhalesMetrics],
  },
  {
    provide: WhalesMetrics,
    useFactory: (registry?: Registry) => new WhalesMetrics(registry),
    inject: [{ token: Registry, optional: true }],
  },
  CountWhalesDetectedHandler,
  {
    provide: ImpactMeasurer,
    useFactory: (store: ImpactStorePort, commands: CommandBus) =>
      new ImpactMeasurer(store, commands, DEFAULT_IMPACT_OPTIONS),
    inject: [ImpactStorePort, CommandBus],
  },
  {
    provide: OrderBookStreamReader,
    useFactory: (streams: StreamPort) => new OrderBookStreamReader(streams),
    inject: [StreamPort],
  },
  {
    provide: TradeStreamReader,
    useFactory: (streams: StreamPort, commands: CommandBus) =>
      new TradeStreamReader(streams, commands),
    inject: [StreamPort, CommandBus],
  },
  RecordWhaleActivitiesHandler,
  DispatchAlertsHandler,
  MeasureImpactHandler,
  ScheduleImpactMeasurementHandler,
  RecordTradePriceHandler,
  ForgetTradePricesHandler,
  WhalesSaga,
  WhaleTrackerLifecycle,
];

/** What the module exports (tests drive runOnce, e2e reads the clock token). */
export const WHALE_TRACKER_EXPORTS = [
  WhaleDetectionService,
  AlertDispatcher,
  ImpactMeasurer,
  WhalesClockPort,
];
