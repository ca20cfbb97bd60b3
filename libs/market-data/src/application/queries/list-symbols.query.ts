import { Query } from '@nestjs/cqrs';

/** Every symbol that has trades, sorted (case-sensitive: `kBONK` stays `kBONK`). */
export class ListSymbolsQuery extends Query<string[]> {}
