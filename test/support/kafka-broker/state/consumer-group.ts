import { ErrorCode } from '../protocol/error-codes';

/**
 * The classic group membership state machine of a Kafka group coordinator:
 * Empty -> PreparingRebalance (collect JoinGroups) -> CompletingRebalance (wait for the leader's
 * SyncGroup) -> Stable. A join, a leave or an expired session sends the group back to
 * PreparingRebalance; members that do not rejoin within the rebalance timeout are dropped.
 */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';

export interface GroupProtocol {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupRequest {
  memberId: string;
  clientId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: GroupProtocol[];
}

export interface JoinGroupResult {
  errorCode: ErrorCode;
  generationId: number;
  protocolName: string;
  leaderId: string;
  memberId: string;
  /** Filled for the leader only: every member with its metadata for the chosen protocol. */
  members: { memberId: string; metadata: Buffer }[];
}

export interface SyncGroupResult {
  errorCode: ErrorCode;
  assignment: Buffer;
}

interface Member {
  id: string;
  clientId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: GroupProtocol[];
  assignment: Buffer;
  pendingJoin?: (result: JoinGroupResult) => void;
  pendingSync?: (result: SyncGroupResult) => void;
  sessionTimer?: NodeJS.Timeout;
}

const EMPTY = Buffer.alloc(0);

export class ConsumerGroup {
  private groupState: GroupState = 'Empty';
  private generation = 0;
  private protocolName = '';
  private leaderId = '';
  private readonly members = new Map<string, Member>();
  private readonly pendingMemberIds = new Set<string>();
  private rebalanceTimer?: NodeJS.Timeout;

  constructor(
    readonly groupId: string,
    private readonly newMemberId: (clientId: string) => string,
  ) {}

  get state(): GroupState {
    return this.groupState;
  }

  get generationId(): number {
    return this.generation;
  }

  join(request: JoinGroupRequest): Promise<JoinGroupResult> {
    if (!this.acceptsProtocols(request)) {
      return Promise.resolve(this.joinError(ErrorCode.InconsistentGroupProtocol, request.memberId));
    }
    if (request.memberId === '') {
      // JoinGroup v4+: hand out an id and let the client join again with it.
      const memberId = this.newMemberId(request.clientId);
      this.pendingMemberIds.add(memberId);
      return Promise.resolve(this.joinError(ErrorCode.MemberIdRequired, memberId));
    }
    const existing = this.members.get(request.memberId);
    if (!existing && !this.pendingMemberIds.delete(request.memberId)) {
      return Promise.resolve(this.joinError(ErrorCode.UnknownMemberId, request.memberId));
    }
    const member: Member = existing ?? { id: request.memberId, assignment: EMPTY, ...request };
    member.clientId = request.clientId;
    member.sessionTimeoutMs = request.sessionTimeoutMs;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.protocolType = request.protocolType;
    member.protocols = request.protocols;
    this.members.set(member.id, member);
    this.settleJoin(member, this.joinError(ErrorCode.RebalanceInProgress, member.id));
    // While joining, the rebalance timeout (not the session timeout) bounds the member.
    clearTimeout(member.sessionTimer);
    const result = new Promise<JoinGroupResult>((resolve) => (member.pendingJoin = resolve));
    if (this.groupState !== 'PreparingRebalance') {
      this.prepareRebalance();
    }
    this.completeJoinIfAllJoined();
    return result;
  }

  sync(
    generationId: number,
    memberId: string,
    assignments: Map<string, Buffer>,
  ): Promise<SyncGroupResult> {
    const member = this.members.get(memberId);
    if (!member) {
      return Promise.resolve({ errorCode: ErrorCode.UnknownMemberId, assignment: EMPTY });
    }
    if (generationId !== this.generation) {
      return Promise.resolve({ errorCode: ErrorCode.IllegalGeneration, assignment: EMPTY });
    }
    switch (this.groupState) {
      case 'Empty':
      case 'PreparingRebalance':
        return Promise.resolve({ errorCode: ErrorCode.RebalanceInProgress, assignment: EMPTY });
      case 'Stable':
        this.restartSession(member);
        return Promise.resolve({ errorCode: ErrorCode.None, assignment: member.assignment });
      case 'CompletingRebalance': {
        this.restartSession(member);
        this.settleSync(member, { errorCode: ErrorCode.RebalanceInProgress, assignment: EMPTY });
        const result = new Promise<SyncGroupResult>((resolve) => (member.pendingSync = resolve));
        if (memberId === this.leaderId) {
          for (const m of this.members.values()) {
            m.assignment = assignments.get(m.id) ?? EMPTY;
          }
          this.groupState = 'Stable';
          for (const m of this.members.values()) {
            this.settleSync(m, { errorCode: ErrorCode.None, assignment: m.assignment });
          }
        }
        return result;
      }
    }
  }

  heartbeat(generationId: number, memberId: string): ErrorCode {
    const member = this.members.get(memberId);
    if (!member) {
      return ErrorCode.UnknownMemberId;
    }
    if (generationId !== this.generation) {
      return ErrorCode.IllegalGeneration;
    }
    this.restartSession(member);
    return this.groupState === 'PreparingRebalance'
      ? ErrorCode.RebalanceInProgress
      : ErrorCode.None;
  }

  leave(memberId: string): ErrorCode {
    const member = this.members.get(memberId);
    if (!member) {
      return ErrorCode.UnknownMemberId;
    }
    this.removeMember(member);
    return ErrorCode.None;
  }

  /** Offset commit rules of Kafka's coordinator (generation < 0 on an empty group = admin commit). */
  checkCommit(generationId: number, memberId: string): ErrorCode {
    if (generationId < 0 && this.groupState === 'Empty') {
      return ErrorCode.None;
    }
    if (this.groupState === 'CompletingRebalance') {
      return ErrorCode.RebalanceInProgress;
    }
    const member = this.members.get(memberId);
    if (!member) {
      return ErrorCode.UnknownMemberId;
    }
    if (generationId !== this.generation) {
      return ErrorCode.IllegalGeneration;
    }
    this.restartSession(member);
    return ErrorCode.None;
  }

  /** Stops every timer and fails pending requests (broker shutdown). */
  close(): void {
    clearTimeout(this.rebalanceTimer);
    for (const member of this.members.values()) {
      clearTimeout(member.sessionTimer);
      this.settleJoin(member, this.joinError(ErrorCode.CoordinatorNotAvailable, member.id));
      this.settleSync(member, { errorCode: ErrorCode.CoordinatorNotAvailable, assignment: EMPTY });
    }
    this.members.clear();
  }

  private prepareRebalance(): void {
    for (const member of this.members.values()) {
      this.settleSync(member, { errorCode: ErrorCode.RebalanceInProgress, assignment: EMPTY });
    }
    this.groupState = 'PreparingRebalance';
    const timeoutMs = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = setTimeout(() => this.completeJoin(), timeoutMs);
  }

  private completeJoinIfAllJoined(): void {
    if (
      this.groupState === 'PreparingRebalance' &&
      [...this.members.values()].every((m) => m.pendingJoin)
    ) {
      this.completeJoin();
    }
  }

  private completeJoin(): void {
    clearTimeout(this.rebalanceTimer);
    for (const member of [...this.members.values()].filter((m) => !m.pendingJoin)) {
      clearTimeout(member.sessionTimer);
      this.members.delete(member.id);
    }
    this.generation++;
    if (this.members.size === 0) {
      this.groupState = 'Empty';
      this.protocolName = '';
      this.leaderId = '';
      return;
    }
    this.protocolName = this.selectProtocol();
    if (!this.members.has(this.leaderId)) {
      this.leaderId = this.members.keys().next().value ?? '';
    }
    this.groupState = 'CompletingRebalance';
    const everyone = [...this.members.values()].map((m) => ({
      memberId: m.id,
      metadata: m.protocols.find((p) => p.name === this.protocolName)?.metadata ?? EMPTY,
    }));
    for (const member of this.members.values()) {
      member.assignment = EMPTY;
      this.restartSession(member);
      this.settleJoin(member, {
        errorCode: ErrorCode.None,
        generationId: this.generation,
        protocolName: this.protocolName,
        leaderId: this.leaderId,
        memberId: member.id,
        members: member.id === this.leaderId ? everyone : [],
      });
    }
  }

  /** Each member votes for its most preferred protocol that every member supports. */
  private selectProtocol(): string {
    const members = [...this.members.values()];
    const common = members[0].protocols
      .map((p) => p.name)
      .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
    const votes = new Map<string, number>();
    for (const member of members) {
      const choice = member.protocols.find((p) => common.includes(p.name))?.name;
      if (choice !== undefined) {
        votes.set(choice, (votes.get(choice) ?? 0) + 1);
      }
    }
    return [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  }

  private acceptsProtocols(request: JoinGroupRequest): boolean {
    const others = [...this.members.values()].filter((m) => m.id !== request.memberId);
    if (request.protocols.length === 0) {
      return false;
    }
    return others.every(
      (m) =>
        m.protocolType === request.protocolType &&
        request.protocols.some((p) => m.protocols.some((q) => q.name === p.name)),
    );
  }

  private removeMember(member: Member): void {
    clearTimeout(member.sessionTimer);
    this.members.delete(member.id);
    this.settleJoin(member, this.joinError(ErrorCode.UnknownMemberId, member.id));
    this.settleSync(member, { errorCode: ErrorCode.UnknownMemberId, assignment: EMPTY });
    if (this.groupState === 'Stable' || this.groupState === 'CompletingRebalance') {
      this.prepareRebalance();
    }
    this.completeJoinIfAllJoined();
  }

  private restartSession(member: Member): void {
    clearTimeout(member.sessionTimer);
    member.sessionTimer = setTimeout(() => this.removeMember(member), member.sessionTimeoutMs);
  }

  private settleJoin(member: Member, result: JoinGroupResult): void {
    const resolve = member.pendingJoin;
    member.pendingJoin = undefined;
    resolve?.(result);
  }

  private settleSync(member: Member, result: SyncGroupResult): void {
    const resolve = member.pendingSync;
    member.pendingSync = undefined;
    resolve?.(result);
  }

  private joinError(errorCode: ErrorCode, memberId: string): JoinGroupResult {
    return { errorCode, generationId: -1, protocolName: '', leaderId: '', memberId, members: [] };
  }
}
