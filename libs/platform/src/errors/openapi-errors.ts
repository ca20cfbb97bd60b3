import { STATUS_CODES } from 'node:http';
import type { OpenAPIObject } from '@nestjs/swagger';

import { ErrorResponseDto } from './error-response.dto';

const ERROR_SCHEMA = { $ref: `#/components/schemas/${ErrorResponseDto.name}` };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Every operation's error responses point at the one ErrorResponse schema, and every operation
 * documents 500. Controllers declare the errors particular to them (with a description); the
 * body they share is documented here once.
 */
export function withErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation === undefined) {
        continue;
      }
      operation.responses['500'] ??= { description: 'Internal error (logged on the server)' };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && response !== undefined && !('$ref' in response)) {
          response.description ||= STATUS_CODES[status] ?? 'Error';
          response.content = { 'application/json': { schema: ERROR_SCHEMA } };
        }
      }
    }
  }
  return document;
}
