import { randomUUID } from 'node:crypto';

import { ErrorCode } from '../protocol/error-codes';
import { ConsumerGroup } from './consumer-group';
import { PartitionLog } from './partition-log';

export interface Topic {
  name: string;
  partitions: PartitionLog[];
}

export interface CommittedOffset {
  offset: number;
  metadata: string | null;
}

export interface BrokerSettings {
  nodeId: number;
  host: string;
  port: number;
  autoCreateTopics: boolean;
  defaultPartitions: number;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Everything the broker keeps: topics with their logs, consumer groups, committed offsets. */
export class BrokerState {
  private readonly topics = new Map<string, Topic>();
  private readonly groups = new Map<string, ConsumerGroup>();
  /** groupId -> "topic:partition" -> committed offset */
  private readonly offsets = new Map<
    string,
    Map<string, CommittedOffset & { topic: string; partition: number }>
  >();

  constructor(readonly settings: BrokerSettings) {}

  topic(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  allTopics(): Topic[] {
    return [...this.topics.values()];
  }

  partition(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.partitions[partition];
  }

  /** Validates and (unless `validateOnly`) creates a topic; -1 partitions means the default. */
  createTopic(name: string, partitions: number, validateOnly = false): ErrorCode {
    if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
      return ErrorCode.InvalidTopic;
    }
    if (this.topics.has(name)) {
      return ErrorCode.TopicAlreadyExists;
    }
    const count = partitions === -1 ? this.settings.defaultPartitions : partitions;
    if (!Number.isInteger(count) || count < 1) {
      return ErrorCode.InvalidPartitions;
    }
    if (!validateOnly) {
      this.topics.set(name, {
        name,
        partitions: Array.from({ length: count }, () => new PartitionLog()),
      });
    }
    return ErrorCode.None;
  }

  /** The topic, auto-created with the default partition count when allowed. */
  topicOrAutoCreate(name: string, allowAutoCreate: boolean): Topic | ErrorCode {
    const existing = this.topics.get(name);
    if (existing) {
      return existing;
    }
    if (!allowAutoCreate || !this.settings.autoCreateTopics) {
      return ErrorCode.UnknownTopicOrPartition;
    }
    const created = this.createTopic(name, -1);
    return created === ErrorCode.None ? (this.topics.get(name) as Topic) : created;
  }

  deleteTopic(name: string): ErrorCode {
    if (!this.topics.delete(name)) {
      return ErrorCode.UnknownTopicOrPartition;
    }
    for (const committed of this.offsets.values()) {
      for (const [key, value] of committed) {
        if (value.topic === name) {
          committed.delete(key);
        }
      }
    }
    return ErrorCode.None;
  }

  group(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ConsumerGroup(groupId, (clientId) => `${clientId}-${randomUUID()}`);
      this.groups.set(groupId, group);
    }
    return group;
  }

  existingGroup(groupId: string): ConsumerGroup | undefined {
    return this.groups.get(groupId);
  }

  commitOffset(
    groupId: string,
    topic: string,
    partition: number,
    committed: CommittedOffset,
  ): void {
    let group = this.offsets.get(groupId);
    if (!group) {
      group = new Map();
      this.offsets.set(groupId, group);
    }
    group.set(`${topic}:${partition}`, { topic, partition, ...committed });
  }

  committedOffset(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsets.get(groupId)?.get(`${topic}:${partition}`);
  }

  committedOffsets(
    groupId: string,
  ): { topic: string; partition: number; committed: CommittedOffset }[] {
    return [...(this.offsets.get(groupId)?.values() ?? [])].map(
      ({ topic, partition, ...committed }) => ({
        topic,
        partition,
        committed,
      }),
    );
  }

  close(): void {
    for (const group of this.groups.values()) {
      group.close();
    }
  }
}
