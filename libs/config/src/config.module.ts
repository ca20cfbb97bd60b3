import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injects the validated config: `constructor(@InjectConfig() config: ConfigOf<'nexwave'>)`. */
export const InjectConfig = (): PropertyDecorator & ParameterDecorator => Inject(APP_CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: object): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
