import { Global, Module, type DynamicModule } from '@nestjs/common';

/** Where the exchange is: Pacifica mainnet/testnet, or the local simulator in the all-in-one app. */
export interface PacificaEndpoints {
  restUrl: string;
  wsUrl: string;
  simulated: boolean;
}

export const PACIFICA_ENDPOINTS = Symbol('PACIFICA_ENDPOINTS');

@Global()
@Module({})
export class PacificaEndpointsModule {
  static forRoot(endpoints: PacificaEndpoints): DynamicModule {
    return {
      module: PacificaEndpointsModule,
      providers: [{ provide: PACIFICA_ENDPOINTS, useValue: endpoints }],
      exports: [PACIFICA_ENDPOINTS],
    };
  }
}
