import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';

import { Public } from '@nexwave/auth';

import { unhealthy } from './health.errors';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: ok when the database answers.' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 3_000 }),
      ]);
    } catch (error) {
      // Terminus answers 503 with each check's error text; callers get the one error shape.
      throw error instanceof ServiceUnavailableException
        ? unhealthy(error.getResponse() as HealthCheckResult)
        : error;
    }
  }
}
