import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Body of POST /api/v1/admin/circuit-breaker/halt. */
export class HaltTradingDto {
  @ApiProperty({
    example: 'exchange maintenance',
    maxLength: 500,
    description: 'Why; stored with who and when, and given as the reason of every refused order',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Body of POST /api/v1/admin/circuit-breaker/resume. */
export class ResumeTradingDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why trading may go on; kept in the audit trail',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
