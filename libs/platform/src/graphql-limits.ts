import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import { getVariableValues, GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';

import { measureOperation, type QueryMeasure } from './graphql-query-measure';

export type QueryLimits = Readonly<QueryMeasure>;

/**
 * Largest operation served. Cost: two full `candles(limit: 5000)` with every field (45,000 each)
 * fit; 1,000 aliases of it (10,000,000) do not. Depth 20 lets introspection through (graphql-js's
 * query is 15 deep; the deepest data query, whaleActivities.levels.price, is 3). 50 aliases: a
 * dashboard's worth of symbols and timeframes.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { depth: 20, aliases: 50, cost: 100_000 };

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const DESCRIPTIONS: Readonly<Record<keyof QueryMeasure, string>> = {
  depth: 'depth',
  aliases: 'alias count',
  cost: 'cost (each field 1 plus its selection, times its limit argument)',
};

/** The first limit the measure exceeds, as the error a client gets; null when within all. */
export function queryLimitError(measure: QueryMeasure, limits: QueryLimits): GraphQLError | null {
  for (const name of ['depth', 'aliases', 'cost'] as const) {
    if (measure[name] > limits[name]) {
      return new GraphQLError(
        `query ${DESCRIPTIONS[name]} is ${measure[name]}, over the limit of ${limits[name]}`,
        {
          extensions: {
            code: QUERY_TOO_COMPLEX,
            limit: name,
            max: limits[name],
            actual: measure[name],
            http: { status: 400 },
          },
        },
      );
    }
  }
  return null;
}

/**
 * Refuses an operation over the limits after validation and before execution, when the variables
 * are known (a `limit: $n` counts as n). Variables that do not coerce are left to execution,
 * which refuses them before any resolver runs.
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin {
  const check = ({
    schema,
    document,
    operation,
    request,
  }: GraphQLRequestContextDidResolveOperation<BaseContext>): GraphQLError | null => {
    if (!operation) {
      return null;
    }
    const variables = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
    );
    if (variables.errors) {
      return null;
    }
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments[definition.name.value] = definition;
      }
    }
    return queryLimitError(
      measureOperation(schema, operation, fragments, variables.coerced),
      limits,
    );
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: (context) => {
          const error = check(context);
          return error ? Promise.reject(error) : Promise.resolve();
        },
      }),
  };
}
