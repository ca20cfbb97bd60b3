import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import {
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  RESOLVER_NAME_METADATA,
} from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

import { GRAPHQL_BUILD_OPTIONS } from './graphql.module';

type ModuleRef = Type | DynamicModule;

/**
 * The resolvers the given modules provide, with those of the modules they import: what the
 * GraphQL module of an app importing them serves. Reads decorator metadata; nothing is created.
 */
export function resolversOf(modules: readonly ModuleRef[]): Type[] {
  const resolvers = new Set<Type>();
  const seen = new Set<ModuleRef>();
  const visit = (module: ModuleRef): void => {
    if (seen.has(module)) {
      return;
    }
    seen.add(module);
    const type = 'module' in module ? module.module : module;
    const dynamic = 'module' in module ? module : undefined;
    const providers = [
      ...metadata<Provider>(type, MODULE_METADATA.PROVIDERS),
      ...(dynamic?.providers ?? []),
    ];
    for (const provider of providers) {
      const target = typeof provider === 'function' ? provider : classOf(provider);
      if (target && Reflect.hasMetadata(RESOLVER_NAME_METADATA, target)) {
        resolvers.add(target);
      }
    }
    for (const imported of [
      ...metadata<unknown>(type, MODULE_METADATA.IMPORTS),
      ...(dynamic?.imports ?? []),
    ]) {
      if (isModuleRef(imported)) {
        visit(imported);
      }
    }
  };
  modules.forEach(visit);
  return [...resolvers];
}

/** The GraphQL schema in SDL of an app importing these modules, sorted like the one it serves. */
export async function printGraphqlSchema(modules: readonly ModuleRef[]): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const schema = await app
      .get(GraphQLSchemaFactory)
      .create(resolversOf(modules), GRAPHQL_BUILD_OPTIONS);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

function metadata<T>(type: Type, key: string): T[] {
  return (Reflect.getMetadata(key, type) as T[] | undefined) ?? [];
}

function classOf(provider: Provider): Type | undefined {
  return 'useClass' in provider ? provider.useClass : undefined;
}

/** A module class or dynamic module; a forward reference or a promised module is not followed. */
function isModuleRef(value: unknown): value is ModuleRef {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' && value !== null && 'module' in value)
  );
}
