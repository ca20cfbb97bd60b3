import { MigrationInterface } from 'typeorm';

import { EnableTimescaledb1795600000000 } from './1795600000000-enable-timescaledb';
import { CreateTicks1795600001000 } from './1795600001000-create-ticks';
import { CreateWhaleActivities1795600002000 } from './1795600002000-create-whale-activities';
import { CreateOrders1795600003000 } from './1795600003000-create-orders';
import { CreateOrderEvents1795600004000 } from './1795600004000-create-order-events';
import { CreateFills1795600005000 } from './1795600005000-create-fills';
import { CreatePositions1795600006000 } from './1795600006000-create-positions';
import { CreateStrategyPerformance1795600007000 } from './1795600007000-create-strategy-performance';
import { CreateCircuitBreakerState1795600008000 } from './1795600008000-create-circuit-breaker-state';
import { CreateCandles1795600009000 } from './1795600009000-create-candles';
import { CreateIngestionRecords1795600009500 } from './1795600009500-create-ingestion-records';
import { CreateOutboxInbox1795600090000 } from './1795600090000-create-outbox-inbox';
import { CreateWhaleAlerts1795600091000 } from './1795600091000-create-whale-alerts';
import { CreateWhaleTradePrices1795600092000 } from './1795600092000-create-whale-trade-prices';
import { CreateApiKeys1795600093000 } from './1795600093000-create-api-keys';
import { ScheduleWhaleImpact1795600094000 } from './1795600094000-schedule-whale-impact';
import { OrdersDomainStorage1795600095000 } from './1795600095000-orders-domain-storage';
import { CreateRiskDecisions1795600096000 } from './1795600096000-create-risk-decisions';
import { RiskDailyLoss1795600097000 } from './1795600097000-risk-daily-loss';
import { CreateStrategySignals1795600098000 } from './1795600098000-create-strategy-signals';
import { StrategyPerformance1795600099000 } from './1795600099000-strategy-performance';
import { CreateStrategyInstances1795600100000 } from './1795600100000-create-strategy-instances';
import { StrategySignalsPendingRisk1795600101000 } from './1795600101000-strategy-signals-pending-risk';
import { CreateOrderBookSnapshots1795600103000 } from './1795600103000-create-order-book-snapshots';
import { OutboxClaimLease1795600105000 } from './1795600105000-outbox-claim-lease';
import { CreateBacktestRuns1795600106000 } from './1795600106000-create-backtest-runs';
import { WhaleAlertRevisions1795600107000 } from './1795600107000-whale-alert-revisions';

/** Every migration, oldest first; the DataSource registers exactly this list. */
export const MIGRATIONS: ReadonlyArray<new () => MigrationInterface> = [
  EnableTimescaledb1795600000000,
  CreateTicks1795600001000,
  CreateWhaleActivities1795600002000,
  CreateOrders1795600003000,
  CreateOrderEvents1795600004000,
  CreateFills1795600005000,
  CreatePositions1795600006000,
  CreateStrategyPerformance1795600007000,
  CreateCircuitBreakerState1795600008000,
  CreateCandles1795600009000,
  CreateIngestionRecords1795600009500,
  CreateOutboxInbox1795600090000,
  CreateWhaleAlerts1795600091000,
  CreateWhaleTradePrices1795600092000,
  CreateApiKeys1795600093000,
  ScheduleWhaleImpact1795600094000,
  OrdersDomainStorage1795600095000,
  CreateRiskDecisions1795600096000,
  RiskDailyLoss1795600097000,
  CreateStrategySignals1795600098000,
  StrategyPerformance1795600099000,
  CreateStrategyInstances1795600100000,
  StrategySignalsPendingRisk1795600101000,
  CreateOrderBookSnapshots1795600103000,
  OutboxClaimLease1795600105000,
  CreateBacktestRuns1795600106000,
  WhaleAlertRevisions1795600107000,
];
