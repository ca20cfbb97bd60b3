// `npm run schema:graphql`: writes the GraphQL schema the apps serve to schema.gql (committed).
import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { printGraphqlSchema } from '@nexwave/platform';

import { API_GATEWAY_CONTEXTS } from './api-gateway-app.module';

printGraphqlSchema(API_GATEWAY_CONTEXTS).then(
  (schema) => {
    writeFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), schema);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
