// RequestSigner throughput: signed create_order bodies per second, and raw ed25519 signing.
import { buildSigningMessage, RequestSigner, SolanaKeypair } from '@nexwave/pacifica';

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

function run(count: number, operation: () => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    operation();
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

function report(name: string, operation: () => unknown): void {
  run(2_000, operation);
  const rates = [1, 2, 3, 4, 5].map(() => run(10_000, operation)).sort((a, b) => a - b);
  console.log(
    `${name}: median ${Math.round(rates[2])}/s (runs: ${rates.map(Math.round).join(', ')})`,
  );
}

report('RequestSigner.sign (message + ed25519 + body)', () => signer.sign('create_order', payload));
report('SolanaKeypair.sign (ed25519 only)', () => keypair.sign(message));
