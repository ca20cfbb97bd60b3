import { Module } from '@nestjs/common';

/** The risk bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({})
export class RiskModule {}
