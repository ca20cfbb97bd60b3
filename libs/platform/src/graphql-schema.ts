import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

import { MARKET_DATA_RESOLVERS } from '@nexwave/market-data';
import { WHALES_RESOLVERS } from '@nexwave/whales';

import { GRAPHQL_BUILD_OPTIONS } from './graphql.module';

/** Every resolver the apps serve; the committed schema.gql is printed from these. */
export const GRAPHQL_RESOLVERS = [...MARKET_DATA_RESOLVERS, ...WHALES_RESOLVERS];

/** The GraphQL schema in SDL, sorted like the one the apps serve, without booting an app. */
export async function printGraphqlSchema(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const schema = await app
      .get(GraphQLSchemaFactory)
      .create(GRAPHQL_RESOLVERS, GRAPHQL_BUILD_OPTIONS);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
