import 'reflect-metadata';

import { bootstrap } from '@nexwave/platform';

import { ApiGatewayAppModule } from './api-gateway-app.module';

void bootstrap({
  name: 'api-gateway',
  title: 'Nexwave API gateway',
  module: (config) => ApiGatewayAppModule.forRoot(config),
});
