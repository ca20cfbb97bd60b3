import { loadConfig } from '@nexwave/config';
import { PacificaEndpointsModule } from '@nexwave/pacifica';
import { PacificaSimModule } from '@nexwave/pacifica-sim';

import { nexwaveExchangeModule, simulatorPorts } from './nexwave-exchange';

function pacifica(env: Record<string, string>) {
  return loadConfig('pacifica-sim', env).pacifica;
}

describe('the all-in-one exchange', () => {
  it('starts the simulator on PACIFICA_SIM_PORT when no exchange is configured', () => {
    const config = pacifica({ PACIFICA_SIM_PORT: '4123' });
    expect(nexwaveExchangeModule(config).module).toBe(PacificaSimModule);
    expect(simulatorPorts(config)).toEqual([
      { variable: 'PACIFICA_SIM_PORT', host: '127.0.0.1', port: 4123 },
    ]);
  });

  it('points at Pacifica, starting no simulator, when a network is configured', () => {
    const config = pacifica({ PACIFICA_NETWORK: 'testnet' });
    const module = nexwaveExchangeModule(config);
    expect(module.module).toBe(PacificaEndpointsModule);
    expect(module.providers).toEqual([
      expect.objectContaining({
        useValue: { restUrl: config.apiUrl, wsUrl: config.wsUrl, simulated: false },
      }),
    ]);
    expect(simulatorPorts(config)).toEqual([]);
  });
});
