import { Injectable, Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';

import { printGraphqlSchema, resolversOf } from './graphql-schema';

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

@Resolver()
class EchoResolver {
  @Query(() => String)
  echo(): string {
    return 'echo';
  }
}

@Injectable()
class PlainService {}

@Module({ providers: [PingResolver, PlainService] })
class PingModule {}

@Module({ imports: [PingModule], providers: [{ provide: 'ECHO', useClass: EchoResolver }] })
class ContextModule {}

@Module({})
class EmptyModule {}

describe('resolversOf', () => {
  it('finds the resolvers a module provides and those of the modules it imports', () => {
    expect(resolversOf([ContextModule])).toEqual([EchoResolver, PingResolver]);
  });

  it('follows dynamic modules, once each', () => {
    const dynamic = { module: EmptyModule, imports: [PingModule], providers: [PlainService] };
    expect(resolversOf([dynamic, PingModule])).toEqual([PingResolver]);
  });

  it('prints the schema of those resolvers only', async () => {
    const schema = await printGraphqlSchema([PingModule]);
    expect(schema).toContain('ping: String!');
    expect(schema).not.toContain('echo');
  });
});
