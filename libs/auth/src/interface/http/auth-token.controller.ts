import {
  Body,
  Controller,
  HttpCode,
  Post,
  UnauthorizedException,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { AccessTokens } from '../../application/access-tokens';
import { Public } from '../require-role.decorator';
import { AccessTokenDto, TokenRequestDto } from './dto/access-token.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
@Public()
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
export class AuthTokenController {
  constructor(private readonly tokens: AccessTokens) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A short-lived JWT (JWT_TTL_SECONDS) for an API key, with its role' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, revoked or malformed API key' })
  async token(@Body() { apiKey }: TokenRequestDto): Promise<AccessTokenDto> {
    const token = await this.tokens.issue(apiKey);
    if (!token) {
      throw new UnauthorizedException('the API key is invalid or revoked');
    }
    return token;
  }
}
