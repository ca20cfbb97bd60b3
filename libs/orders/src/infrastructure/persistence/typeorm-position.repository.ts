import { Not, type Repository } from 'typeorm';

import { PositionRepository } from '../../application/ports/position.repository.port';
import { Position, type PositionSnapshot } from '../../domain/position';
import { toPositionSnapshot } from './order-row.mapper';
import type { PositionEntity } from './position.entity';

/** Reads the positions TypeOrmOrderRepository writes with the fills that moved them. */
export class TypeOrmPositionRepository extends PositionRepository {
  constructor(private readonly positions: Repository<PositionEntity>) {
    super();
  }

  async find(symbol: string, paperTrading: boolean): Promise<Position> {
    const row = await this.positions.findOneBy({ symbol, paper: paperTrading });
    return row ? Position.restore(toPositionSnapshot(row)) : Position.flat(symbol);
  }

  async list(paperTrading: boolean): Promise<PositionSnapshot[]> {
    const rows = await this.positions.find({
      where: { paper: paperTrading, size: Not('0') },
      order: { symbol: 'ASC' },
    });
    return rows.map(toPositionSnapshot);
  }
}
