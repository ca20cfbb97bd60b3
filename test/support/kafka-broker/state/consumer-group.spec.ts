import { ErrorCode } from '../protocol/error-codes';
import { ConsumerGroup, JoinGroupRequest } from './consumer-group';

const SESSION_MS = 1_000;
const REBALANCE_MS = 3_000;

function request(memberId: string, sessionTimeoutMs = SESSION_MS): JoinGroupRequest {
  return {
    memberId,
    clientId: 'app',
    sessionTimeoutMs,
    rebalanceTimeoutMs: REBALANCE_MS,
    protocolType: 'consumer',
    protocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.from(memberId) }],
  };
}

describe('ConsumerGroup', () => {
  let ids: number;
  let group: ConsumerGroup;

  beforeEach(() => {
    jest.useFakeTimers();
    ids = 0;
    group = new ConsumerGroup('g', (clientId) => `${clientId}-${++ids}`);
  });

  afterEach(() => {
    group.close();
    jest.useRealTimers();
  });

  /** Two-step join of JoinGroup v4+: first call obtains an id, second call joins with it. */
  async function joinNew(): Promise<string> {
    const { errorCode, memberId } = await group.join(request(''));
    expect(errorCode).toBe(ErrorCode.MemberIdRequired);
    return memberId;
  }

  it('completes a lone join at once and makes the member leader of generation 1', async () => {
    const id = await joinNew();
    const joined = await group.join(request(id));

    expect(joined).toMatchObject({
      errorCode: ErrorCode.None,
      generationId: 1,
      leaderId: id,
      memberId: id,
    });
    expect(joined.members).toEqual([{ memberId: id, metadata: Buffer.from(id) }]);
    const synced = await group.sync(1, id, new Map([[id, Buffer.from('all')]]));
    expect(synced).toEqual({ errorCode: ErrorCode.None, assignment: Buffer.from('all') });
    expect(group.state).toBe('Stable');
  });

  it('rejects an unknown member id', async () => {
    await expect(group.join(request('nobody'))).resolves.toMatchObject({
      errorCode: ErrorCode.UnknownMemberId,
    });
  });

  it('rebalances when a second member joins and forwards the leader assignment', async () => {
    const leader = await joinNew();
    await group.join(request(leader));
    await group.sync(1, leader, new Map());
    const follower = await joinNew();

    const followerJoin = group.join(request(follower));
    expect(group.heartbeat(1, leader)).toBe(ErrorCode.RebalanceInProgress);
    const leaderJoin = group.join(request(leader));
    const [l, f] = await Promise.all([leaderJoin, followerJoin]);

    expect(l).toMatchObject({ generationId: 2, leaderId: leader });
    expect(l.members.map((m) => m.memberId)).toEqual([leader, follower]);
    expect(f).toMatchObject({ generationId: 2, leaderId: leader, members: [] });
    const followerSync = group.sync(2, follower, new Map());
    expect(group.state).toBe('CompletingRebalance');
    const assignments = new Map([
      [leader, Buffer.from('p0')],
      [follower, Buffer.from('p1')],
    ]);
    await expect(group.sync(2, leader, assignments)).resolves.toMatchObject({
      assignment: Buffer.from('p0'),
    });
    await expect(followerSync).resolves.toEqual({
      errorCode: ErrorCode.None,
      assignment: Buffer.from('p1'),
    });
    expect(group.heartbeat(1, leader)).toBe(ErrorCode.IllegalGeneration);
  });

  it('removes a member whose session expires and rebalances the others', async () => {
    const a = await joinNew();
    await group.join(request(a));
    await group.sync(1, a, new Map());
    const b = await joinNew();
    const bJoin = group.join(request(b));
    const aJoin = group.join(request(a));
    await Promise.all([aJoin, bJoin]);
    await Promise.all([group.sync(2, b, new Map()), group.sync(2, a, new Map())]);

    jest.advanceTimersByTime(SESSION_MS / 2);
    expect(group.heartbeat(2, a)).toBe(ErrorCode.None);
    jest.advanceTimersByTime(SESSION_MS / 2 + 1); // b sent nothing for a whole session

    expect(group.heartbeat(2, b)).toBe(ErrorCode.UnknownMemberId);
    expect(group.heartbeat(2, a)).toBe(ErrorCode.RebalanceInProgress);
    await expect(group.join(request(a))).resolves.toMatchObject({ generationId: 3, leaderId: a });
  });

  it('drops members that keep heartbeating but do not rejoin within the rebalance timeout', async () => {
    const longSession = 10 * REBALANCE_MS;
    const a = await joinNew();
    await group.join(request(a, longSession));
    await group.sync(1, a, new Map());
    const b = await joinNew();
    const bJoin = group.join(request(b, longSession));
    jest.advanceTimersByTime(REBALANCE_MS - 1);
    expect(group.heartbeat(1, a)).toBe(ErrorCode.RebalanceInProgress);
    jest.advanceTimersByTime(1);

    await expect(bJoin).resolves.toMatchObject({
      generationId: 2,
      leaderId: b,
      members: [expect.anything()],
    });
    expect(group.heartbeat(2, a)).toBe(ErrorCode.UnknownMemberId);
  });

  it('empties the group when the last member leaves and then accepts admin commits', async () => {
    const a = await joinNew();
    await group.join(request(a));
    expect(group.checkCommit(1, a)).toBe(ErrorCode.RebalanceInProgress);
    await group.sync(1, a, new Map());
    expect(group.checkCommit(1, a)).toBe(ErrorCode.None);

    expect(group.leave(a)).toBe(ErrorCode.None);
    expect(group.state).toBe('Empty');
    expect(group.checkCommit(-1, '')).toBe(ErrorCode.None);
    expect(group.checkCommit(1, a)).toBe(ErrorCode.UnknownMemberId);
  });
});
