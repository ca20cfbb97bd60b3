/**
 * The messaging lib's raw SQL: the outbox insert, run on whatever EntityManager the producer's
 * transaction holds (that DataSource need not register MESSAGING_ENTITIES), and the relay's
 * claim, mark and release, each one short statement of its own (never around a publish). The
 * inbox goes through its entity. Tables: migrations/*-create-outbox-inbox.ts, *-outbox-claim-lease.ts.
 */

export const INSERT_OUTBOX_MESSAGE = `
  INSERT INTO outbox_messages (id, topic, key, envelope) VALUES ($1, $2, $3, $4::jsonb)`;

/**
 * Claims up to $3 of the oldest unpublished rows nobody holds a live lease on, for claimer $1,
 * for $2 milliseconds. Rows another relay is claiming right now are skipped, not waited for.
 */
export const CLAIM_OUTBOX_MESSAGES = `
  UPDATE outbox_messages AS message
     SET claimed_by = $1, claimed_until = now() + $2 * interval '1 millisecond'
    FROM (
      SELECT id FROM outbox_messages
       WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY position
       LIMIT $3
         FOR UPDATE SKIP LOCKED
    ) AS free
   WHERE message.id = free.id
  RETURNING message.id, message.position::text AS position, message.topic, message.envelope`;

/** Marks the rows $1 (uuid[]) published, whoever holds their lease now. */
export const MARK_OUTBOX_MESSAGES_PUBLISHED = `
  UPDATE outbox_messages
     SET published_at = now(), attempts = attempts + 1, last_error = NULL,
         claimed_by = NULL, claimed_until = NULL
   WHERE id = ANY($1::uuid[]) AND published_at IS NULL`;

/** Records claimer $1's failed send of row $2 (reason $3) and gives the row up. */
export const RECORD_OUTBOX_SEND_FAILURE = `
  UPDATE outbox_messages
     SET attempts = attempts + 1, last_error = $3, claimed_by = NULL, claimed_until = NULL
   WHERE id = $2 AND claimed_by = $1 AND published_at IS NULL`;

/** Gives up claimer $1's lease on the rows $2 (uuid[]) it did not get to send. */
export const RELEASE_OUTBOX_MESSAGES = `
  UPDATE outbox_messages SET claimed_by = NULL, claimed_until = NULL
   WHERE id = ANY($2::uuid[]) AND claimed_by = $1 AND published_at IS NULL`;

/** Messages written but not yet published: the outbox backlog gauge. */
export const COUNT_OUTBOX_BACKLOG = `
  SELECT count(*)::int AS backlog FROM outbox_messages WHERE published_at IS NULL
`;
