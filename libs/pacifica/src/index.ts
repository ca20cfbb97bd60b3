// The Pacifica client's public surface: REST and WS clients, their API schemas, signing and errors.
// Test and bench helpers (signing requests like the client does): @nexwave/pacifica/testing.
export * from './signing/keypair';
export * from './signing/signing-message';
export * from './api/account.schema';
export * from './api/common.schema';
export * from './api/envelope.schema';
export * from './api/market.schema';
export * from './api/orders.schema';
export * from './pacifica.errors';
export * from './rest/credit-rate-limiter';
export * from './rest/order-payloads';
export * from './rest/order-rounding';
export * from './rest/pacifica-rest.client';
export * from './rest/retry-policy';
export * from './ws/pacifica-ws.client';
export * from './ws/ws-events.schema';
export * from './ws/ws-subscription';
export * from './pacifica-endpoints';
