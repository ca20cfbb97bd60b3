/** Every SQL statement of the messaging lib; the tables are created by migrations/*-create-outbox-inbox.ts. */

export const INSERT_OUTBOX_MESSAGE = `
  INSERT INTO outbox_messages (id, topic, key, envelope) VALUES ($1, $2, $3, $4::jsonb)`;

/** Oldest unpublished rows first; rows another relay holds are skipped, not waited for. */
export const LOCK_UNPUBLISHED_OUTBOX = `
  SELECT id, topic, envelope FROM outbox_messages
   WHERE published_at IS NULL
   ORDER BY position
   LIMIT $1
     FOR UPDATE SKIP LOCKED`;

export const MARK_OUTBOX_PUBLISHED = `
  UPDATE outbox_messages SET published_at = now(), attempts = attempts + 1, last_error = NULL
   WHERE id = $1`;

export const MARK_OUTBOX_FAILED = `
  UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1`;

/** Returns the row only when (consumer, message id) was not handled before. */
export const CLAIM_INBOX_MESSAGE = `
  INSERT INTO inbox_messages (consumer, message_id) VALUES ($1, $2)
  ON CONFLICT DO NOTHING
  RETURNING message_id`;
