import { AddressInfo, createServer, Socket } from 'node:net';

import { ApiHandler } from './apis/api-handler';
import {
  handleFindCoordinator,
  handleHeartbeat,
  handleJoinGroup,
  handleLeaveGroup,
  handleSyncGroup,
} from './apis/groups.api';
import {
  handleApiVersions,
  handleCreateTopics,
  handleDeleteTopics,
  handleMetadata,
} from './apis/metadata.api';
import { handleListOffsets, handleOffsetCommit, handleOffsetFetch } from './apis/offsets.api';
import { handleFetch, handleProduce } from './apis/produce-fetch.api';
import { ApiKey, SUPPORTED_VERSIONS } from './protocol/api-keys';
import { ByteReader, FrameSplitter } from './protocol/wire';
import { BrokerState } from './state/broker-state';

export interface KafkaTestBrokerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Create unknown topics on Metadata requests that allow it, like Kafka's auto.create.topics.enable. */
  autoCreateTopics?: boolean;
  /** Partitions of auto-created topics and of CreateTopics with -1; 1 like Kafka's num.partitions. */
  defaultPartitions?: number;
  /** Receives protocol problems (unsupported API, malformed frame) before the connection is closed. */
  log?: (message: string) => void;
}

export interface KafkaTestBroker {
  brokers: string[];
  port: number;
  stop(): Promise<void>;
}

const NODE_ID = 0;
const MAX_FRAME_BYTES = 100 * 1024 * 1024;

const HANDLERS: Record<ApiKey, ApiHandler> = {
  [ApiKey.Produce]: handleProduce,
  [ApiKey.Fetch]: handleFetch,
  [ApiKey.ListOffsets]: handleListOffsets,
  [ApiKey.Metadata]: handleMetadata,
  [ApiKey.OffsetCommit]: handleOffsetCommit,
  [ApiKey.OffsetFetch]: handleOffsetFetch,
  [ApiKey.FindCoordinator]: handleFindCoordinator,
  [ApiKey.JoinGroup]: handleJoinGroup,
  [ApiKey.Heartbeat]: handleHeartbeat,
  [ApiKey.LeaveGroup]: handleLeaveGroup,
  [ApiKey.SyncGroup]: handleSyncGroup,
  [ApiKey.ApiVersions]: handleApiVersions,
  [ApiKey.CreateTopics]: handleCreateTopics,
  [ApiKey.DeleteTopics]: handleDeleteTopics,
};

/** Starts an in-memory, single-node Kafka broker (node id 0) on loopback. */
export async function startKafkaTestBroker(
  options: KafkaTestBrokerOptions = {},
): Promise<KafkaTestBroker> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const state = new BrokerState({
    nodeId: NODE_ID,
    host,
    port,
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(socket, state, log);
  });

  return {
    brokers: [`${host}:${port}`],
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
        state.close();
      }),
  };
}

/** Requests on one connection are handled one after the other, so responses keep their order. */
function serveConnection(socket: Socket, state: BrokerState, log: (message: string) => void): void {
  const closed = new AbortController();
  const frames = new FrameSplitter(MAX_FRAME_BYTES);
  let queue = Promise.resolve();
  const fail = (error: unknown) => {
    log(`closing connection from ${socket.remoteAddress}:${socket.remotePort}: ${String(error)}`);
    socket.destroy();
  };
  socket.setNoDelay(true);
  socket.on('error', () => undefined); // a client reset is not a broker problem
  socket.on('close', () => closed.abort());
  socket.on('data', (chunk: Buffer) => {
    let received: Buffer[];
    try {
      received = frames.push(chunk);
    } catch (error) {
      fail(error);
      return;
    }
    for (const frame of received) {
      queue = queue.then(() => handleFrame(frame, socket, state, closed.signal)).catch(fail);
    }
  });
}

async function handleFrame(
  frame: Buffer,
  socket: Socket,
  state: BrokerState,
  signal: AbortSignal,
): Promise<void> {
  const reader = new ByteReader(frame);
  const apiKey = reader.int16() as ApiKey;
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  const clientId = reader.nullableString() ?? '';
  const handler = HANDLERS[apiKey] as ApiHandler | undefined;
  if (!handler) {
    throw new Error(`unsupported API key ${apiKey}`);
  }
  const { min, max } = SUPPORTED_VERSIONS[apiKey];
  // ApiVersions answers any version itself, so that a client can fall back.
  if (apiKey !== ApiKey.ApiVersions && (apiVersion < min || apiVersion > max)) {
    throw new Error(`unsupported version ${apiVersion} of API ${ApiKey[apiKey]}`);
  }
  const body = await handler(reader, { apiVersion, clientId, signal }, state);
  if (body === null || socket.destroyed) {
    return;
  }
  const header = Buffer.allocUnsafe(8);
  header.writeInt32BE(4 + body.size, 0);
  header.writeInt32BE(correlationId, 4);
  socket.write(Buffer.concat([header, body.toBuffer()]));
}
