import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, type DynamicModule } from '@nestjs/common';
import { GraphQLModule, type BuildSchemaOptions } from '@nestjs/graphql';

import { DateTimeScalar } from './graphql-date-time.scalar';
import { graphqlErrorFormatter } from './graphql-errors';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './graphql-limits';
import {
  DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  graphqlContext,
  graphqlWsConfig,
} from './graphql-subscriptions';

/** Schema options shared by the apps and `npm run schema:graphql`: a TypeScript Date is DateTime. */
export const GRAPHQL_BUILD_OPTIONS: BuildSchemaOptions = {
  scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
};

export interface GraphqlModuleOptions {
  /** NODE_ENV=development: Apollo's sandbox at GET /graphql and stack traces in errors. */
  development?: boolean;
  limits?: QueryLimits;
  /** Subscriptions live at once on one graphql-ws connection. */
  maxSubscriptionsPerConnection?: number;
}

const ENDPOINT_PAGE = `<!doctype html><meta charset="utf-8"><title>Nexwave GraphQL</title>
<p>This is the Nexwave GraphQL endpoint: POST a query as JSON. The schema is schema.gql in the
repository; run the app with NODE_ENV=development for a sandbox here.</p>`;

/** A browser's GET outside development: a line saying what this is, not Apollo's CSRF error. */
function endpointPagePlugin(): ApolloServerPlugin {
  return {
    serverWillStart: () =>
      Promise.resolve({ renderLandingPage: () => Promise.resolve({ html: ENDPOINT_PAGE }) }),
  };
}

/**
 * GraphQL (code-first, Apollo) at /graphql over the resolvers of the imported context modules.
 * Operations over the depth, alias or cost limits are refused before they run; errors carry no
 * internals outside development. The development sandbox loads its UI from Apollo's CDN.
 * Subscriptions over graphql-ws on the same path, authenticated like queries.
 */
export function graphqlModule(options: GraphqlModuleOptions = {}): DynamicModule {
  const development = options.development ?? false;
  const logger = new Logger('GraphQL');
  return GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: GRAPHQL_BUILD_OPTIONS,
    playground: false,
    context: graphqlContext,
    subscriptions: {
      'graphql-ws': graphqlWsConfig(
        options.maxSubscriptionsPerConnection ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      ),
    },
    plugins: [
      queryLimitsPlugin(options.limits ?? DEFAULT_QUERY_LIMITS),
      development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : endpointPagePlugin(),
    ],
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: !development,
    formatError: graphqlErrorFormatter(development, (message, error) =>
      logger.error({ err: error }, message),
    ),
  });
}
