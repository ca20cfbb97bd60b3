// `npm run schema:graphql`: writes the GraphQL schema the apps serve to schema.gql (committed).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { printGraphqlSchema } from '../graphql-schema';

printGraphqlSchema().then(
  (schema) => {
    writeFileSync(join(__dirname, '..', '..', '..', '..', 'schema.gql'), schema);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
