import { ConfigError, loadConfig } from '@nexwave/config';

import { startPacificaSim } from './server/pacifica-sim';

/** `npm run sim`: the simulator as a standalone process on PACIFICA_SIM_PORT (default 8081). */
async function main(): Promise<void> {
  const { pacifica } = loadConfig('pacifica-sim');
  const sim = await startPacificaSim({
    host: pacifica.simHost,
    port: pacifica.simPort,
    initialBalance: String(pacifica.simInitialBalance),
    seed: pacifica.simSeed,
    volatility: pacifica.simVolatility,
    whaleEveryMs: pacifica.simWhaleIntervalSeconds * 1_000,
  });
  console.log(`Pacifica simulator: REST ${sim.url}  WS ${sim.wsUrl}`);
  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping the simulator`);
    sim.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `pacifica-sim: ${error.message}` : error);
  process.exit(1);
});
