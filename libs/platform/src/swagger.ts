import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

import { ErrorResponseDto } from './errors/error-response.dto';
import { withErrorResponses } from './errors/openapi-errors';

export function buildOpenApiDocument(app: INestApplication, title: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription('Nexwave: automated trading on the Pacifica perpetual DEX')
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'An API key (nxk_...) or a JWT from POST /api/v1/auth/token',
    })
    .build();
  return withErrorResponses(
    SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] }),
  );
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function serveSwagger(app: INestApplication, title: string): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, title));
}
