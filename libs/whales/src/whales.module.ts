import { Module } from '@nestjs/common';

/** The whales bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({})
export class WhalesModule {}
