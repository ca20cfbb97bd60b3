import 'reflect-metadata';

import { bootstrap } from '@nexwave/platform';

import { OrderManagementAppModule } from './order-management-app.module';

void bootstrap({
  name: 'order-management',
  title: 'Nexwave order management',
  module: (config) => OrderManagementAppModule.forRoot(config),
});
