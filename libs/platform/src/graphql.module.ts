import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';

/**
 * GraphQL (code-first, Apollo) at /graphql over the resolvers of the imported context modules.
 * The schema is built in memory; the committed schema.gql is printed by `npm run schema:graphql`.
 * No landing page: it would load its UI from the internet.
 */
export function graphqlModule(): DynamicModule {
  return GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
  });
}
