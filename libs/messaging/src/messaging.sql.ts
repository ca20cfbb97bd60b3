/**
 * The messaging lib's raw SQL: the outbox insert, run on whatever EntityManager the producer's
 * transaction holds (that DataSource need not register MESSAGING_ENTITIES). The relay and the
 * inbox go through their entities. Tables: migrations/*-create-outbox-inbox.ts.
 */

export const INSERT_OUTBOX_MESSAGE = `
  INSERT INTO outbox_messages (id, topic, key, envelope) VALUES ($1, $2, $3, $4::jsonb)`;
