import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

import { WhalesQueryError } from '../../application/queries/whales-query.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** The one place a WhalesQueryError becomes a client error: HTTP 400 or GraphQL BAD_USER_INPUT. */
@Catch(WhalesQueryError)
export class WhalesQueryErrorFilter implements ExceptionFilter<WhalesQueryError> {
  catch(error: WhalesQueryError, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', reason: error.code },
      });
    }
    host.switchToHttp().getResponse<JsonResponse>().status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      code: error.code,
      message: error.message,
    });
    return undefined;
  }
}
