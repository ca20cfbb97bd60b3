export * from './whales.module';
