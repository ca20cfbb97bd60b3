import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

import type { StoredApiKey } from '../../../application/api-key.store';
import { ROLES, type Role } from '../../../domain/role';

/** Body of POST /api/v1/admin/api-keys. */
export class CreateApiKeyDto {
  @ApiProperty({ description: 'What the key is for', example: 'trading bot' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

/** An API key as listed: no secret, no hash. */
export class ApiKeyDto {
  @ApiProperty({ description: 'The id inside the key (nxk_<id>_...)' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  revokedAt!: Date | null;

  static of(key: StoredApiKey): ApiKeyDto {
    const { id, name, role, createdAt, lastUsedAt, revokedAt } = key;
    return { id, name, role, createdAt, lastUsedAt, revokedAt };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key: shown this once, stored only as a hash' })
  key!: string;
}

export class ApiKeysDto {
  @ApiProperty({ type: [ApiKeyDto] })
  apiKeys!: ApiKeyDto[];
}
