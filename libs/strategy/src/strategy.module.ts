import { Module } from '@nestjs/common';

/** The strategy bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({})
export class StrategyModule {}
