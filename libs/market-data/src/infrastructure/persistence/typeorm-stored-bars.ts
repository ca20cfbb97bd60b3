import type { DataSource } from 'typeorm';

import { StoredBarsPort } from '../../application/ports/history-source.port';
import { SELECT_STORED_BARS } from './market-data.sql';

export class TypeOrmStoredBars extends StoredBarsPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async storedBars(symbol: string, barMs: number, from: number, to: number): Promise<Set<number>> {
    const rows: { bar: string }[] = await this.dataSource.query(SELECT_STORED_BARS, [
      symbol,
      barMs,
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    ]);
    return new Set(rows.map((row) => Number(row.bar)));
  }
}
