import type { Kysely } from 'kysely';

// A reset or invitation link works like a password while it is valid, so the outbox no longer keeps it
// in plain text: body_text holds the mail with the link cut out, secret_link_encrypted the link sealed
// with field encryption (src/server/crypto/encrypted-columns.ts), secret_link_offset where it stood and
// secret_link_expires_at when it stops working (after which the sealed link is purged).

// A link with a one-time token in its fragment, as the mails before this migration held it in plain text.
const PLAIN_TOKEN_LINK = /https?:\/\/[^\s#]*#token=[A-Za-z0-9_-]+/g;

/** Adds the sealed-link columns and cuts the plain-text token links out of mails kept before. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').addColumn('secret_link_encrypted', 'text').execute();
  await db.schema.alterTable('outbox_messages').addColumn('secret_link_offset', 'integer').execute();
  await db.schema.alterTable('outbox_messages').addColumn('secret_link_expires_at', 'text').execute();
  // There is no key here to seal them with: an administrator resends an invitation that is still needed.
  const redactedAt = new Date().toISOString();
  const rows: { id: string; body_text: string }[] = await db
    .selectFrom('outbox_messages')
    .select(['id', 'body_text'])
    .where('body_text', 'like', '%#token=%')
    .execute();
  for (const row of rows) {
    const first = row.body_text.search(PLAIN_TOKEN_LINK);
    if (first < 0) continue;
    await db
      .updateTable('outbox_messages')
      .set({ body_text: row.body_text.replace(PLAIN_TOKEN_LINK, ''), secret_link_offset: first, secret_link_expires_at: redactedAt })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Drops the sealed-link columns (links cut out stay cut out). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').dropColumn('secret_link_expires_at').execute();
  await db.schema.alterTable('outbox_messages').dropColumn('secret_link_offset').execute();
  await db.schema.alterTable('outbox_messages').dropColumn('secret_link_encrypted').execute();
}
