import { ApiKey, SUPPORTED_VERSIONS } from '../protocol/api-keys';
import { ErrorCode } from '../protocol/error-codes';
import { ByteReader, ByteWriter } from '../protocol/wire';
import { BrokerState, Topic } from '../state/broker-state';
import { ApiHandler } from './api-handler';

const CLUSTER_ID = 'kafka-test-broker';

/** ApiVersions v0-v2; any other version gets UNSUPPORTED_VERSION in the v0 layout (as Kafka does). */
export const handleApiVersions: ApiHandler = (_body, { apiVersion }) => {
  const supported = apiVersion <= SUPPORTED_VERSIONS[ApiKey.ApiVersions].max;
  const writer = new ByteWriter()
    .int16(supported ? ErrorCode.None : ErrorCode.UnsupportedVersion)
    .array(Object.entries(SUPPORTED_VERSIONS), (w, [apiKey, { min, max }]) =>
      w.int16(Number(apiKey)).int16(min).int16(max),
    );
  return supported && apiVersion >= 1 ? writer.int32(0) : writer;
};

/** Metadata v6. A null topic list means every topic; every partition is led by this broker. */
export const handleMetadata: ApiHandler = (body, _context, state) => {
  const requested = body.nullableArray((r) => r.string());
  const allowAutoCreate = body.boolean();
  const { nodeId, host, port } = state.settings;
  const topics: { name: string; topic: Topic | ErrorCode }[] =
    requested === null
      ? state.allTopics().map((topic) => ({ name: topic.name, topic }))
      : requested.map((name) => ({ name, topic: state.topicOrAutoCreate(name, allowAutoCreate) }));
  return new ByteWriter()
    .int32(0)
    .array([nodeId], (w, id) => w.int32(id).string(host).int32(port).string(null))
    .string(CLUSTER_ID)
    .int32(nodeId)
    .array(topics, (w, { name, topic }) => {
      const failed = typeof topic === 'number';
      w.int16(failed ? topic : ErrorCode.None)
        .string(name)
        .boolean(false);
      const partitionIds = failed ? [] : topic.partitions.map((_, partition) => partition);
      w.array(partitionIds, (pw, partition) =>
        pw
          .int16(ErrorCode.None)
          .int32(partition)
          .int32(nodeId)
          .array([nodeId], (rw, id) => rw.int32(id))
          .array([nodeId], (iw, id) => iw.int32(id))
          .array([], () => undefined),
      );
    });
};

interface CreateTopicRequest {
  name: string;
  partitions: number;
  replicationFactor: number;
  assignments: { partition: number; replicas: number[] }[];
}

function readCreateTopic(r: ByteReader): CreateTopicRequest {
  const request = {
    name: r.string(),
    partitions: r.int32(),
    replicationFactor: r.int16(),
    assignments: r.array((a) => ({ partition: a.int32(), replicas: a.array((x) => x.int32()) })),
  };
  r.array((c) => [c.string(), c.nullableString()]); // topic configs are accepted and ignored
  return request;
}

/** CreateTopics v3. Configs are ignored; replication factor and replica lists must name broker 0 only. */
export const handleCreateTopics: ApiHandler = (body, _context, state) => {
  const requests = body.array(readCreateTopic);
  body.int32(); // timeout
  const validateOnly = body.boolean();
  const results = requests.map((request) => ({
    name: request.name,
    ...createTopic(request, validateOnly, state),
  }));
  return new ByteWriter()
    .int32(0)
    .array(results, (w, { name, errorCode, message }) =>
      w.string(name).int16(errorCode).string(message),
    );
};

function createTopic(
  request: CreateTopicRequest,
  validateOnly: boolean,
  state: BrokerState,
): { errorCode: ErrorCode; message: string | null } {
  const { nodeId } = state.settings;
  if (request.replicationFactor !== -1 && request.replicationFactor !== 1) {
    return {
      errorCode: ErrorCode.InvalidReplicationFactor,
      message: 'single-broker test cluster: replication factor must be 1',
    };
  }
  let partitions = request.partitions;
  if (request.assignments.length > 0) {
    const valid = request.assignments.every(
      (a) => a.replicas.length === 1 && a.replicas[0] === nodeId,
    );
    if (partitions !== -1 || !valid) {
      return {
        errorCode: ErrorCode.InvalidReplicaAssignment,
        message: `replica assignments must list broker ${nodeId} only and exclude a partition count`,
      };
    }
    partitions = request.assignments.length;
  }
  const errorCode = state.createTopic(request.name, partitions, validateOnly);
  return { errorCode, message: errorCode === ErrorCode.None ? null : ErrorCode[errorCode] };
}

/** DeleteTopics v1. */
export const handleDeleteTopics: ApiHandler = (body, _context, state) => {
  const names = body.array((r) => r.string());
  body.int32(); // timeout
  return new ByteWriter()
    .int32(0)
    .array(names, (w, name) => w.string(name).int16(state.deleteTopic(name)));
};
