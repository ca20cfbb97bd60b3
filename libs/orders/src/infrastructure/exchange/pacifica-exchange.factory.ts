import {
  PacificaRestClient,
  PacificaWsClient,
  RequestSigner,
  SolanaKeypair,
  type PacificaEndpoints,
} from '@nexwave/pacifica';

import { PacificaExchangeAdapter } from './pacifica-exchange.adapter';

/** What live trading needs of the pacifica config (see libs/config pacifica.schema.ts). */
export interface PacificaTradingConfig {
  readonly agentWalletPrivateKey?: string;
  /** The main account when the key is an agent wallet bound to it; the key's own account otherwise. */
  readonly account?: string;
  readonly apiKey?: string;
}

/**
 * The live adapter for an app: a signer over the agent wallet key, a REST client with the SDK's
 * default retries and credit limiter (300 credits with an API key), and a WS client for the
 * account streams. The key is read here and kept inside the signer; it is never logged.
 */
export function createPacificaExchange(
  endpoints: Pick<PacificaEndpoints, 'restUrl' | 'wsUrl'>,
  config: PacificaTradingConfig,
): PacificaExchangeAdapter {
  if (!config.agentWalletPrivateKey) {
    throw new Error('live trading needs PACIFICA_AGENT_WALLET_PRIVKEY');
  }
  const signer = new RequestSigner(SolanaKeypair.fromBase58(config.agentWalletPrivateKey), {
    account: config.account,
  });
  return new PacificaExchangeAdapter(
    new PacificaRestClient({ baseUrl: endpoints.restUrl, signer, apiKey: config.apiKey }),
    new PacificaWsClient({ url: endpoints.wsUrl, apiKey: config.apiKey }),
    signer.account,
  );
}
