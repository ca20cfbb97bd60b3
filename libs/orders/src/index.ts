// The orders context's public surface: its module, commands, queries and events with their
// results, the domain vocabulary and the paper fill model (reused by the backtester).
// Fakes of its ports: @nexwave/orders/testing.
export * from './orders.module';
export * from './orders-query.module';

export * from './domain/circuit-breaker';
export * from './domain/order';
export * from './domain/order-status';
export * from './domain/orders.errors';
export * from './domain/paper-fill-model';
export * from './domain/position';

export * from './application/ports/breaker.repository.port';
export * from './application/ports/exchange.errors';
export * from './application/ports/exchange.port';
export * from './application/ports/order.repository.port';
export * from './application/ports/orders-clock.port';
export * from './application/ports/position.repository.port';

export * from './application/commands/cancel-all-orders.command';
export * from './application/commands/cancel-order.command';
export * from './application/commands/halt-trading.command';
export * from './application/commands/place-order.command';
export * from './application/commands/reconcile-orders.command';
export * from './application/commands/resume-trading.command';
export * from './application/exchange-updates/apply-order-update.command';
export * from './application/exchange-updates/order-still-unknown.event';
export * from './application/exchange-updates/reconciliation-plan';
export * from './application/exchange-updates/reconciliation.options';

export * from './application/queries/get-breaker-status.query';
export * from './application/queries/get-order.query';
export * from './application/queries/get-orders.query';
export * from './application/queries/get-positions.query';

export * from './application/events/breaker-probing.event';
export * from './application/events/breaker-recovered.event';
export * from './application/events/breaker-tripped.event';
export * from './application/events/domain-events';
export * from './application/events/order-canceled.event';
export * from './application/events/order-expired.event';
export * from './application/events/order-filled.event';
export * from './application/events/order-marked-unknown.event';
export * from './application/events/order-opened.event';
export * from './application/events/order-placed.event';
export * from './application/events/order-rejected.event';
export * from './application/events/trading-halted.event';
export * from './application/events/trading-resumed.event';

export * from './infrastructure/exchange/pacifica-exchange.adapter';
export * from './infrastructure/exchange/pacifica-exchange.factory';
