import { encryptedFieldRef } from '../../src/server/crypto/encrypted-columns';
import type { Deps } from '../../src/server/deps';

/**
 * The secret link (reset, invitation) of the newest outbox mail to `address`, opened with the app's own
 * field encryption as the outbox page opens it: the table holds it only sealed.
 */
export async function lastOutboxSecretLink(deps: Pick<Deps, 'db' | 'fieldCrypto'>, address: string): Promise<string> {
  const mail = await deps.db.kysely
    .selectFrom('outbox_messages')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  if (mail.secret_link_encrypted === null) throw new Error(`the newest mail to ${address} holds no secret link`);
  return deps.fieldCrypto.decrypt(encryptedFieldRef('outbox_messages', 'secret_link_encrypted', [mail.id]), mail.secret_link_encrypted);
}
