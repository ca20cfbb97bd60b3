import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

import { GRAPHQL_CODE_OF_KIND } from './errors/api-exception.filter';
import { QUERY_TOO_COMPLEX } from './graphql-limits';

/** Codes whose message is written for the client (about its query or input), shown as they are. */
const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  QUERY_TOO_COMPLEX,
  // Domain errors of a declared kind (a statement timeout is one: SERVICE_UNAVAILABLE).
  ...Object.values(GRAPHQL_CODE_OF_KIND),
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

export type ErrorLog = (message: string, error: unknown) => void;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let cause = error; cause !== undefined && cause !== null;) {
    chain.push(cause);
    cause = cause instanceof GraphQLError ? cause.originalError : undefined;
  }
  return chain;
}

/**
 * The code an error is answered with. A scalar that refuses a literal during validation carries
 * its own code (BAD_USER_INPUT), which Apollo files under GRAPHQL_VALIDATION_FAILED.
 */
function codeOf(formatted: GraphQLFormattedError, error: unknown): string {
  const code = formatted.extensions?.['code'];
  const inner = causes(error)
    .slice(1)
    .map((cause) => (cause instanceof GraphQLError ? cause.extensions['code'] : undefined))
    .find((candidate): candidate is string => typeof candidate === 'string');
  if (code === 'GRAPHQL_VALIDATION_FAILED' && inner && CLIENT_CODES.has(inner)) {
    return inner;
  }
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Apollo's formatError. Outside development a response carries no stack trace, path or database
 * text: client errors and domain errors of a declared kind keep their message and code, anything
 * else becomes a generic INTERNAL_SERVER_ERROR and is logged here with its detail.
 */
export function graphqlErrorFormatter(development: boolean, log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = codeOf(formatted, error);
    if (development) {
      return { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const where = { locations: formatted.locations, path: formatted.path };
    if (CLIENT_CODES.has(code)) {
      return { message: formatted.message, ...where, extensions: { ...extensions, code } };
    }
    log(`GraphQL error at ${formatted.path?.join('.') ?? 'request'}`, error);
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...where,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
