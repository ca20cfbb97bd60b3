export * from './clock';
export * from './decimal';
export * from './domain-error';
export * from './ids';
