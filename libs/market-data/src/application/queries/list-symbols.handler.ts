import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { CandleReadModelPort } from './candle-read-model.port';
import { ListSymbolsQuery } from './list-symbols.query';

@QueryHandler(ListSymbolsQuery)
export class ListSymbolsHandler implements IQueryHandler<ListSymbolsQuery, string[]> {
  constructor(private readonly readModel: CandleReadModelPort) {}

  execute(): Promise<string[]> {
    return this.readModel.symbols();
  }
}
