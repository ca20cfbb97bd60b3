import 'reflect-metadata';

import { bootstrap, simulatorPorts } from '@nexwave/platform';

import { NexwaveAppModule } from './nexwave-app.module';

void bootstrap({
  name: 'nexwave',
  title: 'Nexwave (all-in-one)',
  module: (config) => NexwaveAppModule.forRoot(config),
  ports: (config) => simulatorPorts(config.pacifica),
});
