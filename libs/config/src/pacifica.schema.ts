import { z } from 'zod';

import { SolanaKeypair } from '@nexwave/pacifica';

import { concern, port, positiveNumber, url, variable } from './variable';

const NETWORK_URLS = {
  mainnet: { api: 'https://api.pacifica.fi/api/v1', ws: 'wss://ws.pacifica.fi/ws' },
  testnet: { api: 'https://test-api.pacifica.fi/api/v1', ws: 'wss://test-ws.pacifica.fi/ws' },
} as const;

export const pacificaConcern = concern({
  variables: {
    PACIFICA_NETWORK: variable(z.enum(['sim', 'mainnet', 'testnet']), {
      doc: 'Exchange: the local simulator (started in-process) or Pacifica mainnet/testnet.',
      default: 'sim',
    }),
    PACIFICA_API_URL: variable(url.optional(), {
      doc: 'REST base URL; overrides the network default (set it to use a real exchange).',
    }),
    PACIFICA_WS_URL: variable(url.optional(), {
      doc: 'WebSocket URL; overrides the network default.',
    }),
    PACIFICA_API_KEY: variable(z.string().min(1).optional(), {
      doc: 'Rate-limit key sent as PF-API-KEY (raises the credit quota).',
      secret: true,
    }),
    PACIFICA_AGENT_WALLET_PRIVKEY: variable(z.string().min(32).optional(), {
      doc: 'Base58 secret key (64 bytes, or a 32-byte seed) that signs orders.',
      secret: true,
    }),
    PACIFICA_AGENT_WALLET_PUBKEY: variable(z.string().min(32).max(44).optional(), {
      doc: 'Expected address of the signing key; start-up fails if it does not match.',
    }),
    PACIFICA_ACCOUNT: variable(z.string().min(32).max(44).optional(), {
      doc: 'Main account when the signing key is an agent wallet bound to it.',
    }),
    PACIFICA_SIM_HOST: variable(z.string().min(1), {
      doc: 'Interface the standalone simulator listens on (0.0.0.0 in a container).',
      default: '127.0.0.1',
    }),
    PACIFICA_SIM_PORT: variable(port, {
      doc: 'Port of the local Pacifica simulator (0 picks a free one).',
      default: '8081',
    }),
    SIM_INITIAL_BALANCE: variable(positiveNumber, {
      doc: 'USDC balance the simulator gives every new account.',
      default: '100000',
    }),
    SIM_SEED: variable(z.coerce.number().int(), {
      doc: "Seed of the simulator's price walk (same seed, same market).",
      default: '1',
    }),
    SIM_VOLATILITY: variable(z.coerce.number().min(0).max(0.01), {
      doc: "Standard deviation of one 100 ms step of the simulator's mid prices, as a fraction: the default moves about 3 % a day; 0.0005 (about 1 % a minute) makes a volatile walk for a demo.",
      default: '0.00003',
    }),
    SIM_WHALE_INTERVAL_SECONDS: variable(z.coerce.number().min(0), {
      doc: 'The simulator places a whale or a ladder this often (0: never).',
      default: '90',
    }),
  },
  check: (v) => [
    ...((v.PACIFICA_API_URL === undefined) !== (v.PACIFICA_WS_URL === undefined)
      ? ['PACIFICA_API_URL and PACIFICA_WS_URL must be set together']
      : []),
    ...signingKeyProblems(v.PACIFICA_AGENT_WALLET_PRIVKEY, v.PACIFICA_AGENT_WALLET_PUBKEY),
  ],
  build: (v) => {
    const network = v.PACIFICA_NETWORK;
    const defaults = network === 'sim' ? undefined : NETWORK_URLS[network];
    return {
      network,
      apiUrl: v.PACIFICA_API_URL ?? defaults?.api,
      wsUrl: v.PACIFICA_WS_URL ?? defaults?.ws,
      apiKey: v.PACIFICA_API_KEY,
      agentWalletPrivateKey: v.PACIFICA_AGENT_WALLET_PRIVKEY,
      agentWalletPublicKey: v.PACIFICA_AGENT_WALLET_PUBKEY,
      account: v.PACIFICA_ACCOUNT,
      simHost: v.PACIFICA_SIM_HOST,
      simPort: v.PACIFICA_SIM_PORT,
      simInitialBalance: v.SIM_INITIAL_BALANCE,
      simSeed: v.SIM_SEED,
      simVolatility: v.SIM_VOLATILITY,
      simWhaleIntervalSeconds: v.SIM_WHALE_INTERVAL_SECONDS,
    };
  },
});

/** A key that does not parse, or whose address is not the expected one, stops the app at start. */
function signingKeyProblems(
  secret: string | undefined,
  expectedAddress: string | undefined,
): string[] {
  if (secret === undefined) {
    return [];
  }
  let address: string;
  try {
    address = SolanaKeypair.fromBase58(secret).publicKey;
  } catch (error) {
    return [`PACIFICA_AGENT_WALLET_PRIVKEY is invalid: ${(error as Error).message}`];
  }
  return expectedAddress !== undefined && expectedAddress !== address
    ? [`PACIFICA_AGENT_WALLET_PUBKEY does not match the key (its address is ${address})`]
    : [];
}
