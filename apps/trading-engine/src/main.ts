import 'reflect-metadata';

import { bootstrap } from '@nexwave/platform';

import { TradingEngineAppModule } from './trading-engine-app.module';

void bootstrap({
  name: 'trading-engine',
  title: 'Nexwave trading engine',
  module: (config) => TradingEngineAppModule.forRoot(config),
});
