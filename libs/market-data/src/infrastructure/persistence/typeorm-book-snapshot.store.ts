import type { DataSource } from 'typeorm';

import { BookSnapshotStorePort } from '../../application/ports/book-snapshot-store.port';
import type { BookSnapshot } from '../../domain/book-snapshot';
import { INSERT_BOOK_SNAPSHOTS } from './market-data.sql';

export class TypeOrmBookSnapshotStore extends BookSnapshotStorePort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(snapshots: readonly BookSnapshot[]): Promise<number> {
    if (snapshots.length === 0) {
      return 0;
    }
    const written = await this.dataSource.query<unknown[]>(INSERT_BOOK_SNAPSHOTS, [
      snapshots.map((s) => s.time.toISOString()),
      snapshots.map((s) => s.symbol),
      snapshots.map((s) => JSON.stringify(s.bids)),
      snapshots.map((s) => JSON.stringify(s.asks)),
    ]);
    return written.length;
  }
}
