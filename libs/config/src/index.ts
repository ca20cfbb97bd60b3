export * from './concerns';
export * from './config.module';
export * from './load-config';
export * from './secrets';
export type { VariableSpec } from './variable';
export * from './config-docs';
