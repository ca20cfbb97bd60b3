import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

import { CandlesError } from '../../domain/candles.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * The one place a CandlesError becomes a client error: HTTP 400 with the reason, or a GraphQL
 * BAD_USER_INPUT error. Every code is the caller's mistake (unknown symbol or timeframe, bad limit
 * or range), so all map to 400.
 */
@Catch(CandlesError)
export class CandlesErrorFilter implements ExceptionFilter<CandlesError> {
  catch(error: CandlesError, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', reason: error.code, details: error.details },
      });
    }
    host.switchToHttp().getResponse<JsonResponse>().status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      code: error.code,
      message: error.message,
      details: error.details,
    });
    return undefined;
  }
}
