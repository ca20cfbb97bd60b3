import type { AppConfig } from '@nexwave/config';

type StartupConfig = Pick<AppConfig, 'database' | 'messaging'> &
  Partial<Pick<AppConfig, 'pacifica' | 'trading'>>;

/** What the app is about to run on, for its first log line: "embedded mode, simulator, paper trading". */
export function describeStartup(config: StartupConfig): string {
  const parts = [
    config.database.url === undefined ? 'embedded mode' : 'database at DATABASE_URL',
    config.messaging.transport === 'kafka' ? 'Kafka messages' : 'in-memory messages',
  ];
  if (config.pacifica) {
    parts.push(config.pacifica.apiUrl ? `Pacifica ${config.pacifica.network}` : 'simulator');
  }
  if (config.trading) {
    parts.push(config.trading.paperTrading ? 'paper trading' : 'LIVE trading');
  }
  return parts.join(', ');
}
