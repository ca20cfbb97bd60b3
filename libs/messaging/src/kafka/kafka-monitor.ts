import { OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';

/**
 * Reads the cluster through one lazily connected kafkajs admin: is it reachable (readiness), how
 * far a consumer group is behind (committed offsets against the partitions' ends), how many
 * messages a topic holds. Called at scrape or probe time, never per message.
 */
export class KafkaMonitor implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  /** `kafka`: a client of its own without retries (a probe or scrape is repeated anyway). */
  constructor(private readonly kafka: Kafka) {}

  /** Resolves when a broker answers a metadata request. */
  async ping(): Promise<void> {
    await (await this.connected()).describeCluster();
  }

  /**
   * Per topic, the messages the group has not committed yet: the partitions' high watermark minus
   * the committed offset (minus the low watermark where the group has committed nothing).
   */
  async consumerLag(group: string, topics: readonly string[]): Promise<Map<string, number>> {
    if (topics.length === 0) {
      return new Map();
    }
    const admin = await this.connected();
    const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
    const lag = new Map<string, number>();
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      let behind = 0;
      for (const { partition, high, low } of ends) {
        const offset = Number(partitions.find((p) => p.partition === partition)?.offset ?? -1);
        behind += Math.max(0, Number(high) - (offset >= 0 ? offset : Number(low)));
      }
      lag.set(topic, behind);
    }
    return lag;
  }

  /** Per topic, the messages it retains (high minus low watermark over its partitions). */
  async retained(topics: readonly string[]): Promise<Map<string, number>> {
    const admin = await this.connected();
    const counts = new Map<string, number>();
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      counts.set(
        topic,
        ends.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0),
      );
    }
    return counts;
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    this.admin = undefined;
    await admin?.disconnect();
  }

  /** The admin, connected once; a failed connection is retried on the next call. */
  private connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      const connecting = admin.connect().then(() => admin);
      connecting.catch(() => {
        if (this.admin === connecting) {
          this.admin = undefined;
        }
      });
      this.admin = connecting;
    }
    return this.admin;
  }
}
