import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ErrorResponse } from './error-response';

/** ErrorResponse in the OpenAPI document: the schema of every error response. */
export class ErrorResponseDto implements ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'HTTP reason phrase of statusCode', example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    description:
      'Stable, machine-readable code: a domain code (e.g. UNKNOWN_SYMBOL, INVALID_LIMIT), ' +
      'VALIDATION_FAILED, NOT_FOUND, INTERNAL_ERROR',
    example: 'VALIDATION_FAILED',
  })
  code!: string;

  @ApiProperty({
    description: 'What went wrong, for a person; generic for internal errors',
    example: 'limit must be an integer number',
  })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "Facts about the failure: a domain error's details (symbol, limit...), or for " +
      'VALIDATION_FAILED `reasons`, one string per broken rule',
    example: { reasons: ['limit must be an integer number'] },
  })
  details?: Record<string, unknown>;
}
