import { ErrorCode } from '../protocol/error-codes';
import { ByteWriter } from '../protocol/wire';
import { ApiHandler } from './api-handler';

/** FindCoordinator v2: this single broker coordinates every group. */
export const handleFindCoordinator: ApiHandler = (body, _context, state) => {
  body.string(); // coordinator key
  body.int8(); // key type
  const { nodeId, host, port } = state.settings;
  return new ByteWriter()
    .int32(0)
    .int16(ErrorCode.None)
    .string(null)
    .int32(nodeId)
    .string(host)
    .int32(port);
};

/** JoinGroup v5. Static membership (group instance id) is ignored: every member is dynamic. */
export const handleJoinGroup: ApiHandler = async (body, { clientId }, state) => {
  const groupId = body.string();
  const sessionTimeoutMs = body.int32();
  const rebalanceTimeoutMs = body.int32();
  const memberId = body.string();
  body.nullableString(); // group instance id
  const protocolType = body.string();
  const protocols = body.array((r) => ({ name: r.string(), metadata: r.bytes() }));
  const result = await state.group(groupId).join({
    memberId,
    clientId,
    sessionTimeoutMs,
    rebalanceTimeoutMs,
    protocolType,
    protocols,
  });
  return new ByteWriter()
    .int32(0)
    .int16(result.errorCode)
    .int32(result.generationId)
    .string(result.protocolName)
    .string(result.leaderId)
    .string(result.memberId)
    .array(result.members, (w, m) => w.string(m.memberId).string(null).bytes(m.metadata));
};

/** SyncGroup v3: the leader's assignments are handed to every member. */
export const handleSyncGroup: ApiHandler = async (body, _context, state) => {
  const groupId = body.string();
  const generationId = body.int32();
  const memberId = body.string();
  body.nullableString(); // group instance id
  const assignments = new Map(body.array((r) => [r.string(), r.bytes()] as const));
  const group = state.existingGroup(groupId);
  const result = group
    ? await group.sync(generationId, memberId, assignments)
    : { errorCode: ErrorCode.UnknownMemberId, assignment: Buffer.alloc(0) };
  return new ByteWriter().int32(0).int16(result.errorCode).bytes(result.assignment);
};

/** Heartbeat v3: REBALANCE_IN_PROGRESS tells a member to join again. */
export const handleHeartbeat: ApiHandler = (body, _context, state) => {
  const groupId = body.string();
  const generationId = body.int32();
  const memberId = body.string();
  const errorCode =
    state.existingGroup(groupId)?.heartbeat(generationId, memberId) ?? ErrorCode.UnknownMemberId;
  return new ByteWriter().int32(0).int16(errorCode);
};

/** LeaveGroup v3 (a batch of members). */
export const handleLeaveGroup: ApiHandler = (body, _context, state) => {
  const groupId = body.string();
  const members = body.array((r) => ({
    memberId: r.string(),
    groupInstanceId: r.nullableString(),
  }));
  const group = state.existingGroup(groupId);
  return new ByteWriter()
    .int32(0)
    .int16(ErrorCode.None)
    .array(members, (w, { memberId, groupInstanceId }) =>
      w
        .string(memberId)
        .string(groupInstanceId)
        .int16(group?.leave(memberId) ?? ErrorCode.UnknownMemberId),
    );
};
