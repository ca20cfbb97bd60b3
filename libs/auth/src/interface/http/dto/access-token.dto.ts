import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

import { ROLES, type Role } from '../../../domain/role';

/** Body of POST /api/v1/auth/token. */
export class TokenRequestDto {
  @ApiProperty({
    description: 'An API key (nxk_<id>_<secret>)',
    example: 'nxk_0123456789abcdef_...',
  })
  @IsString()
  @MaxLength(128)
  apiKey!: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'A JWT to send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn!: number;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}
