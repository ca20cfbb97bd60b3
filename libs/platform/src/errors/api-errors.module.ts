import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';

import { ApiExceptionFilter } from './api-exception.filter';

/** Registers ApiExceptionFilter for every route and resolver of the app that imports it. */
@Module({ providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }] })
export class ApiErrorsModule {}
