export * from './strategy.module';
