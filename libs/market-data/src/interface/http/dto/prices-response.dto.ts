import { ApiProperty } from '@nestjs/swagger';

export class LatestPriceDto {
  @ApiProperty({ example: 'kBONK' })
  symbol!: string;

  @ApiProperty({ description: 'Price of the newest trade (decimal string)', example: '0.02315' })
  price!: string;

  @ApiProperty({ description: 'Time of the newest trade, ISO 8601 UTC' })
  time!: string;
}

export class PricesResponseDto {
  @ApiProperty({ type: [LatestPriceDto], description: 'One entry per symbol, sorted by symbol' })
  prices!: LatestPriceDto[];
}

export class SymbolsResponseDto {
  @ApiProperty({ type: [String], description: 'Symbols with trades, sorted, case-sensitive' })
  symbols!: string[];
}
