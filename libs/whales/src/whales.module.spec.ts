import 'reflect-metadata';

import { MODULE_METADATA } from '@nestjs/common/constants';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

import { Topics } from '@nexwave/messaging';

import { WhalesSubscriptionsModule } from './whales-subscriptions.module';
import { WhalesModule } from './whales.module';

interface DynamicModuleLike {
  module: object;
  imports?: unknown[];
  controllers?: unknown[];
}

/** The message patterns of every controller in the module and what it imports, statically. */
function patternsOf(root: unknown, seen = new Set<unknown>()): string[] {
  if (!root || seen.has(root)) {
    return [];
  }
  seen.add(root);
  const dynamic = typeof root === 'object' ? (root as DynamicModuleLike) : undefined;
  const type = dynamic?.module ?? root;
  const read = (key: string): unknown[] => [
    ...((Reflect.getMetadata(key, type) as unknown[] | undefined) ?? []),
    ...(dynamic?.[key as 'imports'] ?? []),
  ];
  const own = read(MODULE_METADATA.CONTROLLERS).flatMap((controller) => {
    const prototype = (controller as { prototype: Record<string, object> }).prototype;
    return Object.getOwnPropertyNames(prototype).flatMap(
      (name) =>
        (Reflect.getMetadata(PATTERN_METADATA, prototype[name]) as string[] | undefined) ?? [],
    );
  });
  return [...own, ...read(MODULE_METADATA.IMPORTS).flatMap((each) => patternsOf(each, seen))];
}

describe('whales modules', () => {
  it('the whale tracker (WhalesModule) does not consume its own whales.detected.v1', () => {
    expect(patternsOf(WhalesModule)).not.toContain(Topics.WhalesDetected);
  });

  it('the subscriptions module, imported by the apps serving GraphQL, does', () => {
    expect(patternsOf(WhalesSubscriptionsModule)).toContain(Topics.WhalesDetected);
  });
});
