export * from './market-data.module';
