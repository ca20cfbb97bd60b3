import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * kafkajs requires each protocol version's encoder on first use. Jest 30 refuses a first require
 * between two tests and kafkajs then crashes its consumer, so load them all while a hook runs.
 */
export function preloadKafkaProtocol(): void {
  const requests = join(dirname(require.resolve('kafkajs')), 'src', 'protocol', 'requests');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith('.js')) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- must go through Jest's registry
        require(path);
      }
    }
  };
  walk(requests);
}
