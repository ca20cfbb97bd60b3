import { randomUUID } from 'node:crypto';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { ConfigModule, loadConfig } from '@nexwave/config';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  connectMessaging,
  createEnvelope,
  deadLetterTopic,
  MessageBusPort,
  MESSAGING_ENTITIES,
  MessagingModule,
  Topics,
  type DeadLetterV1,
  type Envelope,
  type RiskCheckV1,
} from '@nexwave/messaging';
import { InMemoryBroker, readGoldenFixture } from '@nexwave/messaging/testing';
import { RiskCheckSender, RiskModule } from '@nexwave/risk';
import { RISK_ENTITIES } from '@nexwave/risk/testing';

const fixture = readGoldenFixture('risk/fixtures/risk-check.v1.json') as Envelope<RiskCheckV1>;
const riskCheck = (overrides: Partial<RiskCheckV1> = {}): RiskCheckV1 => ({
  ...fixture.payload,
  strategyId: `s-${randomUUID().slice(0, 8)}`,
  clientOrderId: randomUUID(),
  ...overrides,
});

interface DecisionRow {
  approved: boolean;
  failed_rule: string | null;
  reason: string;
  rules: { rule: string; approved: boolean; limit: string; actual: string }[];
  limits: Record<string, number>;
}

// RiskModule as the apps wire it (its TypeORM repository on the one embedded connection) behind
// risk.checks.v1 on the memory transport; requests go through the sender another context uses.
describe('risk checks over risk.checks.v1 on the embedded TimescaleDB', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let app: INestApplication;
  let broker: InMemoryBroker;
  let sender: RiskCheckSender;
  const deadLetters: Envelope<DeadLetterV1>[] = [];

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...RISK_ENTITIES],
    });

    @Global()
    @Module({
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    })
    class TestDataSourceModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig('trading-engine', {})),
        TestDataSourceModule,
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'trading-engine',
          inbox: 'database',
          requestTimeoutMs: 20_000,
        }),
        RiskModule,
      ],
      providers: [RiskCheckSender],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    broker = app.get(InMemoryBroker);
    sender = new RiskCheckSender(app.get(MessageBusPort));
    broker.subscribe(deadLetterTopic(Topics.RiskChecks), (record) => {
      deadLetters.push(JSON.parse(record.value) as Envelope<DeadLetterV1>);
      return Promise.resolve();
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.stop();
  });

  const rowsOf = (clientOrderId: string) =>
    dataSource.query<DecisionRow[]>(
      `SELECT approved, failed_rule, reason, rules, limits FROM risk_decisions WHERE client_order_id = $1`,
      [clientOrderId],
    );

  it('approves an order within the limits, replies with each rule and stores the decision', async () => {
    const request = riskCheck();

    const reply = await sender.check(request);

    expect(reply).toMatchObject({
      clientOrderId: request.clientOrderId,
      approved: true,
      failedRule: null,
      checkedAs: 'entry',
    });
    expect(reply.rules.map((rule) => [rule.rule, rule.limit, rule.actual])).toEqual([
      ['daily_loss', '-5000', '0'],
      ['order_size', '100000', '6000'],
      ['position_limit', '1000000', '6000'],
      // $6,000 of BTC and $7,876.25 of ETH short on $100,000.
      ['leverage', '5', '0.1387625'],
    ]);
    expect(reply.rules[0].numbers).toMatchObject({ startEquityUsd: '100000', stoppedAt: null });
    const [row] = await rowsOf(request.clientOrderId);
    expect(row).toMatchObject({ approved: true, failed_rule: null, reason: reply.reason });
    expect(row.rules.map((rule) => [rule.rule, rule.approved, rule.limit, rule.actual])).toEqual(
      reply.rules.map((rule) => [rule.rule, rule.approved, rule.limit, rule.actual]),
    );
    expect(row.limits).toEqual({
      maxPositionUsd: 1_000_000,
      maxLeverage: 5,
      dailyLossLimitPct: 5,
      minOrderUsd: 10,
      maxOrderUsd: 100_000,
    });
  });

  it('rejects an order over the size limit, stores the rule with its numbers and limit, and answers a replay the same', async () => {
    const request = riskCheck({ amount: '2', price: '60000' });

    const reply = await sender.check(request);
    const replay = await sender.check(request);

    expect(reply).toMatchObject({
      approved: false,
      failedRule: 'order_size',
      reason: 'order notional $120000 is above the maximum $100000',
    });
    expect(replay).toEqual(reply);
    const rows = await rowsOf(request.clientOrderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ approved: false, failed_rule: 'order_size' });
    expect(rows[0].rules.find((rule) => rule.rule === 'order_size')).toMatchObject({
      approved: false,
      limit: '100000',
      actual: '120000',
      maxOrderUsd: '100000',
      amount: '2',
      priceUsd: '60000',
    });
  });

  it("stores the strategy's stopped day, so its entries stay rejected", async () => {
    const strategyId = `s-${randomUUID().slice(0, 8)}`;
    const equity = (equityUsd: string) => ({ equityUsd, positions: [] });
    await sender.check(riskCheck({ strategyId, portfolio: equity('100000') }));
    await sender.check(riskCheck({ strategyId, portfolio: equity('94000') }));

    const later = await sender.check(riskCheck({ strategyId, portfolio: equity('99000') }));

    expect(later).toMatchObject({ approved: false, failedRule: 'daily_loss' });
    const days = await dataSource.query<{ start_equity_usd: string; stopped: boolean }[]>(
      `SELECT start_equity_usd, stopped_at IS NOT NULL AS stopped FROM risk_daily_loss WHERE strategy_id = $1`,
      [strategyId],
    );
    expect(days).toEqual([{ start_equity_usd: '100000', stopped: true }]);
  });

  it('dead-letters a malformed request with the reason, stores nothing, and answers the next one', async () => {
    const bad = { ...riskCheck(), price: 60000 };
    const envelope = createEnvelope({
      type: 'risk.checks',
      v: 1,
      key: bad.clientOrderId,
      payload: bad,
    });

    await expect(
      broker.request(Topics.RiskChecks, {
        key: bad.clientOrderId,
        value: JSON.stringify(envelope),
      }),
    ).rejects.toThrow(/invalid request/);
    const next = riskCheck();
    const reply = await sender.check(next);

    const letters = deadLetters.filter((l) => l.payload.raw.includes(bad.clientOrderId));
    expect(letters.map((l) => l.payload.stage)).toEqual(['payload']);
    expect(letters[0].payload.reason).toMatch(/price/);
    expect(await rowsOf(bad.clientOrderId)).toEqual([]);
    expect(reply.approved).toBe(true);
  });
});
