import { FixedClock } from '@nexwave/core/testing';
import { RequestSigner, SolanaKeypair } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { newTrader, SimTestClient } from './sim-test-client';

describe('pacifica-sim signed requests (real HTTP)', () => {
  let sim: PacificaSim;
  let api: SimTestClient;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 7, bookIntervalMs: 0 });
    api = new SimTestClient(sim.url);
  });

  afterAll(() => sim.stop());

  const leverage = { symbol: 'BTC', leverage: 5 };

  it('accepts a request signed by the account key and funds the new account', async () => {
    const { keypair, signer } = newTrader();
    const response = await api.signed(signer, '/account/leverage', 'update_leverage', leverage);
    expect(response).toEqual({
      status: 200,
      body: { success: true, data: null, error: null, code: null },
    });
    const account = await api.get<{ balance: string }>('/account', { account: keypair.publicKey });
    expect(account.body.data.balance).toBe('100000.000000');
  });

  it('rejects a tampered body with 400 "Verification failed"', async () => {
    const { signer } = newTrader();
    const body = { ...signer.sign('update_leverage', leverage), leverage: 6 };
    const response = await api.post('/account/leverage', body);
    expect(response).toEqual({
      status: 400,
      body: { success: false, data: null, error: 'Verification failed', code: null },
    });
  });

  it('rejects an expired request with "Invalid message"', async () => {
    const keypair = SolanaKeypair.generate();
    const past = new FixedClock(new Date(Date.now() - 60_000));
    const signer = new RequestSigner(keypair, { clock: past, expiryWindowMs: 5_000 });
    const response = await api.signed(signer, '/account/leverage', 'update_leverage', leverage);
    expect([response.status, response.body.error]).toEqual([400, 'Invalid message']);
  });

  it('reports deserialisation errors serde-style before checking the signature', async () => {
    const { signer } = newTrader();
    const body = signer.sign('update_leverage', leverage);
    const cases: [object, string][] = [
      [{ ...body, leverage: '5' }, 'invalid type: string "5", expected u64'],
      [{ ...body, extra: true }, 'unknown field `extra`'],
      [{ ...body, symbol: undefined }, 'missing field `symbol`'],
    ];
    for (const [request, message] of cases) {
      const response = await api.post('/account/leverage', request);
      expect([response.status, response.body.error?.slice(0, message.length)]).toEqual([
        400,
        message,
      ]);
    }
  });

  it('rejects an unbound agent wallet and accepts it once the account binds it', async () => {
    const { keypair: owner, signer: ownerSigner } = newTrader();
    const agent = SolanaKeypair.generate();
    const agentSigner = new RequestSigner(agent, { account: owner.publicKey });

    const before = await api.signed(agentSigner, '/account/leverage', 'update_leverage', leverage);
    expect([before.status, before.body.error]).toEqual([400, 'Verification failed']);

    const bySelf = await api.signed(agentSigner, '/agent/bind', 'bind_agent_wallet', {
      agent_wallet: agent.publicKey,
    });
    expect(bySelf.body.error).toBe('Verification failed');

    const bind = await api.signed(ownerSigner, '/agent/bind', 'bind_agent_wallet', {
      agent_wallet: agent.publicKey,
    });
    expect(bind.status).toBe(200);

    const after = await api.signed(agentSigner, '/account/leverage', 'update_leverage', leverage);
    expect(after.status).toBe(200);
  });

  it('maps business errors to 422 with Pacifica codes', async () => {
    const { signer } = newTrader();
    const response = await api.signed(signer, '/account/leverage', 'update_leverage', {
      symbol: 'BTC',
      leverage: 500,
    });
    expect(response).toEqual({
      status: 422,
      body: { success: false, data: null, error: 'Invalid leverage', code: 7 },
    });
  });
});
