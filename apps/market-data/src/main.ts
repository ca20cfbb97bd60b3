import 'reflect-metadata';

import { bootstrap } from '@nexwave/platform';

import { MarketDataAppModule } from './market-data-app.module';

void bootstrap({
  name: 'market-data',
  title: 'Nexwave market data',
  module: (config) => MarketDataAppModule.forRoot(config),
});
