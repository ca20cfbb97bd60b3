export * from './clock';
export * from './date-time';
export * from './decimal';
export * from './domain-error';
export * from './ids';
export * from './seeded-random';
export * from './symbol';
