// RequestSigner throughput: signed create_order bodies per CPU-second, next to ed25519 alone (the
// floor that canonical JSON and the body add to). The two are measured in alternating rounds, so
// load from other processes hits both alike; the ratio between them is the steadier figure.
import { buildSigningMessage, RequestSigner, SolanaKeypair } from '@nexwave/pacifica';

import { printFigure } from '../goal';

const ROUNDS = 7;
const PER_ROUND = 10_000;

const keypair = SolanaKeypair.generate();
const signer = new RequestSigner(keypair);
const payload = {
  symbol: 'BTC',
  price: '67123',
  reduce_only: false,
  amount: '0.01234',
  side: 'bid',
  tif: 'GTC',
  client_order_id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
};
const message = buildSigningMessage(
  { type: 'create_order', timestamp: Date.now(), expiryWindow: 5_000 },
  payload,
);

const fullSign = () => signer.sign('create_order', payload);
const ed25519 = () => keypair.sign(message);
const canonicalJson = () =>
  buildSigningMessage({ type: 'create_order', timestamp: 1, expiryWindow: 5_000 }, payload);

/** Operations per CPU-second of this process (one core: signing is synchronous). */
function run(count: number, operation: () => unknown): number {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    operation();
  }
  const cpu = process.cpuUsage(start);
  return count / ((cpu.user + cpu.system) / 1e6);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

[fullSign, ed25519, canonicalJson].forEach((operation) => run(2_000, operation));
const rates = { full: [] as number[], ed25519: [] as number[], json: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  rates.full.push(run(PER_ROUND, fullSign));
  rates.ed25519.push(run(PER_ROUND, ed25519));
  rates.json.push(run(PER_ROUND * 10, canonicalJson));
}
const full = median(rates.full);
const alone = median(rates.ed25519);
printFigure('SolanaKeypair.sign (ed25519 + base58 only)', alone, '/s');
printFigure('buildSigningMessage (canonical JSON only)', median(rates.json), '/s');
printFigure('RequestSigner.sign (message + ed25519 + body)', full, '/s', { atLeast: 15_000 });
printFigure('full sign / ed25519 alone', full / alone, 'x');
printFigure('canonical JSON + body per order', 1e6 / full - 1e6 / alone, 'µs');
