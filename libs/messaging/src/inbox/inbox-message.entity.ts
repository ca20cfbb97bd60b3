import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `inbox_messages`: (consumer, message id) handled once. */
@Entity({ name: 'inbox_messages' })
export class InboxMessageEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
