import { type BackgroundJob, startBackgroundJob } from '../background-job';
import { encryptedFieldRef } from '../crypto/encrypted-columns';
import type { Deps } from '../deps';
import { isoInstant } from '../deps';
import type { OutboxMessageRow } from './mail.tables';
import { listOutboxMessages, purgeExpiredSecretLinks } from './outbox.repository';
import type { OutboxMessage, OutboxSecretLink } from './outbox.schemas';

/**
 * The mails of a board or school as the outbox page shows them. A secret link is opened only while it
 * is valid; an expired one is never opened again, even before the hourly purge has deleted it.
 */
export async function listOutbox(deps: Pick<Deps, 'db' | 'clock' | 'fieldCrypto'>, scope: { boardId: string } | { schoolId: string }): Promise<OutboxMessage[]> {
  const now = deps.clock.now().getTime();
  const rows = await listOutboxMessages(deps.db.kysely, scope);
  const messages: OutboxMessage[] = [];
  for (const row of rows) {
    messages.push({ id: row.id, to: row.to_address, subject: row.subject, text: row.body_text, secretLink: await secretLinkOf(deps, row, now), createdAt: row.created_at });
  }
  return messages;
}

async function secretLinkOf(deps: Pick<Deps, 'fieldCrypto'>, row: OutboxMessageRow, now: number): Promise<OutboxSecretLink | null> {
  if (row.secret_link_offset === null || row.secret_link_expires_at === null) return null;
  const base = { at: row.secret_link_offset, expiresAt: row.secret_link_expires_at };
  if (Date.parse(row.secret_link_expires_at) <= now) return { status: 'expired', ...base };
  if (row.secret_link_encrypted === null || !deps.fieldCrypto.available) return { status: 'unavailable', ...base };
  const url = await deps.fieldCrypto.decrypt(encryptedFieldRef('outbox_messages', 'secret_link_encrypted', [row.id]), row.secret_link_encrypted);
  return { status: 'valid', url, ...base };
}

/** Deletes the sealed links that have expired; returns how many. */
export async function purgeExpiredOutboxLinks(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  return purgeExpiredSecretLinks(deps.db.kysely, isoInstant(deps.clock.now()));
}

// Hourly: an expired link is gone from the database within the hour (the outbox stops showing it at once).
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
const FIRST_PURGE_DELAY_MS = 60 * 1000;

/** Starts the hourly purge of expired outbox links in the server (main.ts `serve`; tests call purgeExpiredOutboxLinks). */
export function startOutboxPurgeJob(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'outbox-link-purge',
    deps,
    firstDelayMs: FIRST_PURGE_DELAY_MS,
    intervalMs: PURGE_INTERVAL_MS,
    run: async () => {
      const purged = await purgeExpiredOutboxLinks(deps);
      if (purged > 0) deps.logger?.info({ purged }, 'outbox: expired reset and invitation links deleted');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'outbox purge failed; it runs again within the hour'),
  });
}
