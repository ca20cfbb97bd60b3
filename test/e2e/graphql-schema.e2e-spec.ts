import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { printGraphqlSchema } from '@nexwave/platform';

import { API_GATEWAY_CONTEXTS } from '../../apps/api-gateway/src/api-gateway-app.module';
import { NEXWAVE_CONTEXTS } from '../../apps/nexwave/src/nexwave-app.module';
import { ROOT } from '../support/app-process';

// The schema is built from the resolvers the contexts' modules register, as in the apps.
describe('schema.gql', () => {
  const committed = readFileSync(join(ROOT, 'schema.gql'), 'utf8');

  it.each([
    { app: 'api-gateway', contexts: API_GATEWAY_CONTEXTS },
    { app: 'nexwave', contexts: NEXWAVE_CONTEXTS },
  ])(
    'is what $app serves (run `npm run schema:graphql` after changing a resolver)',
    async ({ contexts }) => {
      expect(await printGraphqlSchema(contexts)).toBe(committed);
    },
  );
});
