import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { GetWhaleImpactHandler } from './application/queries/get-whale-impact.handler';
import { ListWhaleActivitiesHandler } from './application/queries/list-whale-activities.handler';
import { WhaleReadModelPort } from './application/queries/whale-read-model.port';
import { TypeOrmWhaleReadModel } from './infrastructure/persistence/typeorm-whale.read-model';
import { WhalesResolver } from './interface/graphql/whales.resolver';
import { WhalesController } from './interface/http/whales.controller';

/**
 * The read side of the whales context: activities and impact averages over REST and GraphQL.
 * Needs a TypeORM DataSource in the app; the api-gateway imports only this.
 */
@Module({
  imports: [CqrsModule],
  controllers: [WhalesController],
  providers: [
    { provide: WhaleReadModelPort, useClass: TypeOrmWhaleReadModel },
    ListWhaleActivitiesHandler,
    GetWhaleImpactHandler,
    WhalesResolver,
  ],
})
export class WhalesQueryModule {}
