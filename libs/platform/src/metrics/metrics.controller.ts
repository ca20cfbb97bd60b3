import type { ServerResponse } from 'node:http';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';

import { Public } from '@nexwave/auth';

/** Prometheus' scrape endpoint: outside /api/v1, the API key and Swagger. */
@ApiExcludeController()
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  async scrape(@Res() res: ServerResponse): Promise<void> {
    const text = await this.registry.metrics();
    // Written on the bare response: Express would rewrite the content type with its own charset.
    res.writeHead(200, { 'content-type': this.registry.contentType });
    res.end(text);
  }
}
