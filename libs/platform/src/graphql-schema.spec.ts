import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { printGraphqlSchema } from './graphql-schema';

describe('schema.gql', () => {
  it('matches the resolvers (run `npm run schema:graphql` after changing them)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8');
    expect(await printGraphqlSchema()).toBe(committed);
  });
});
