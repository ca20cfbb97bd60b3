export * from './common.schema';
export * from './market-data/trade.v1';
export * from './orders/order-command.v1';
export * from './orders/order-event.v1';
export * from './orders/order-request.v1';
export * from './registry';
export * from './validation';
export * from './whales/whale-detected.v1';
