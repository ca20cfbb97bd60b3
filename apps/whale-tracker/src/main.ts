import 'reflect-metadata';

import { bootstrap } from '@nexwave/platform';

import { WhaleTrackerAppModule } from './whale-tracker-app.module';

void bootstrap({
  name: 'whale-tracker',
  title: 'Nexwave whale tracker',
  module: (config) => WhaleTrackerAppModule.forRoot(config),
});
