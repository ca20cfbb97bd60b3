import 'reflect-metadata';

import { bootstrap } from '@nexwave/platform';

import { NexwaveAppModule } from './nexwave-app.module';
import { simulatorPorts } from './nexwave-exchange';

void bootstrap({
  name: 'nexwave',
  title: 'Nexwave (all-in-one)',
  module: (config) => NexwaveAppModule.forRoot(config),
  ports: (config) => simulatorPorts(config.pacifica),
});
