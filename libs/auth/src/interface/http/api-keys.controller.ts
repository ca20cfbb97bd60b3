import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Post,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { ApiKeys } from '../../application/api-keys.service';
import { RequireRole } from '../require-role.decorator';
import { ApiKeyDto, ApiKeysDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer credential' })
@ApiForbiddenResponse({ description: 'The credential is not an admin one' })
@Controller('api/v1/admin/api-keys')
@RequireRole('admin')
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
export class ApiKeysController {
  constructor(private readonly keys: ApiKeys) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() { name, role }: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, stored } = await this.keys.issue(name, role);
    return { ...ApiKeyDto.of(stored), key };
  }

  @Get()
  @ApiOperation({ summary: 'Every API key, newest first (no secrets)' })
  @ApiOkResponse({ type: ApiKeysDto })
  async list(): Promise<ApiKeysDto> {
    return { apiKeys: (await this.keys.list()).map((key) => ApiKeyDto.of(key)) };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key (and the JWTs issued for it)' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiNotFoundResponse({ description: 'No API key of that id' })
  async revoke(@Param('id') id: string): Promise<ApiKeyDto> {
    return ApiKeyDto.of(await this.keys.revoke(id));
  }
}
