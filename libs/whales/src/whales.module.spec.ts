import 'reflect-metadata';

import { MODULE_METADATA } from '@nestjs/common/constants';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

import { Topics } from '@nexwave/messaging';

import { WhalesSubscriptionsModule } from './whales-subscriptions.module';
import { WhalesModule } from './whales.module';

type ModuleRef = { module?: unknown; imports?: unknown[]; controllers?: unknown[] } | undefined;

/** The message patterns of every controller in the module and what it imports, statically. */
function patternsOf(root: unknown, seen = new Set<unknown>()): string[] {
  const ref = root as ModuleRef & (new () => unknown);
  const type = (ref as ModuleRef)?.module ?? ref;
  if (!ref || seen.has(ref)) {
    return [];
  }
  seen.add(ref);
  const read = (key: string) => [
    ...((Reflect.getMetadata(key, type as object) as unknown[] | undefined) ?? []),
    ...(((ref as ModuleRef)?.[key as 'imports'] as unknown[] | undefined) ?? []),
  ];
  const own = read(MODULE_METADATA.CONTROLLERS).flatMap((controller) => {
    const prototype = (controller as { prototype: Record<string, unknown> }).prototype;
    return Object.getOwnPropertyNames(prototype).flatMap(
      (name) =>
        (Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) as
          string[] | undefined) ?? [],
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
