import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';

import { Public } from '@nexwave/auth';

import { unhealthy } from './health.errors';
import { ReadinessChecks } from './readiness.checks';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers; no dependency is checked.' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.check('process').up()]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: the database, the streams and (Kafka transport) Kafka answer, and (market-data) every order book updated within 30 s; 503 names the failing check.',
  })
  ready(): Promise<HealthCheckResult> {
    return this.check();
  }

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness, as GET /health/ready (kept for existing probes).' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.readiness.all());
    } catch (error) {
      // Terminus answers 503 with each check's error text; callers get the one error shape.
      throw error instanceof ServiceUnavailableException
        ? unhealthy(error.getResponse() as HealthCheckResult)
        : error;
    }
  }
}
