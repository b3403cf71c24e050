import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { encryptedFieldRef } from '../crypto/encrypted-columns';
import type { FieldCrypto } from '../crypto/field-crypto';
import type { Database } from '../db/database';
import { type Clock, isoInstant, newId } from '../deps';
import { insertOutboxMessage, purgeExpiredSecretLinks } from './outbox.repository';

/** A link that works like a password (reset, invitation): its address, and when it stops working (ISO instant). */
export interface SecretLink {
  url: string;
  expiresAt: string;
}

/** One outgoing e-mail, with the board/school it concerns (decides who may see it in the outbox). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  boardId?: string | null;
  schoolId?: string | null;
  /** The secret link `text` contains, if any: the outbox keeps it sealed and only until it expires. */
  secretLink?: SecretLink;
}

/** Sends e-mail. */
export interface Mailer {
  /** True when mail really leaves the machine (SMTP); false when it lands in the outbox. */
  readonly deliversExternally: boolean;
  send(mail: OutgoingMail): Promise<void>;
}

/** A mailer that delivers over SMTP (nodemailer), e.g. `smtp://user:pass@mail.school.nl:587`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    deliversExternally: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** What the outbox mailer needs: the database, the clock, field encryption for secret links, optionally a logger. */
export interface OutboxMailerDeps {
  db: Kysely<Database>;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  logger?: Pick<FastifyBaseLogger, 'info' | 'error'> | undefined;
}

/**
 * A mailer for installs without SMTP: keeps the mail in the outbox table for administrators, who pass a
 * link on by hand. A secret link (reset, invitation) is cut out of the stored text and kept sealed with
 * field encryption until it expires, so neither the database file nor a backup holds a working token.
 * The log only notes that a mail was kept, never its text.
 */
export function createOutboxMailer(deps: OutboxMailerDeps): Mailer {
  return {
    deliversExternally: false,
    async send(mail) {
      const id = newId();
      const now = isoInstant(deps.clock.now());
      await insertOutboxMessage(deps.db, {
        id,
        board_id: mail.boardId ?? null,
        school_id: mail.schoolId ?? null,
        to_address: mail.to,
        subject: mail.subject,
        ...(await sealedBody(deps, id, mail)),
        created_at: now,
      });
      // Each new mail also clears the links that expired since the last one (the server does so hourly too).
      await purgeExpiredSecretLinks(deps.db, now);
      // Only the id: the address is personal data and a subject may carry text staff typed (a round's name).
      deps.logger?.info({ outboxMessageId: id }, 'mail kept in the outbox (no SMTP_URL set)');
    },
  };
}

async function sealedBody(deps: OutboxMailerDeps, id: string, mail: OutgoingMail) {
  if (!mail.secretLink) return { body_text: mail.text };
  const { url, expiresAt } = mail.secretLink;
  const offset = mail.text.indexOf(url);
  if (offset < 0) throw new Error('the secret link is not in the mail text');
  const body = { body_text: mail.text.slice(0, offset) + mail.text.slice(offset + url.length), secret_link_offset: offset, secret_link_expires_at: expiresAt };
  if (!deps.fieldCrypto.available) {
    // Never in plain text. The mail is kept without its link (the outbox says why), and the answer to the
    // request stays the same as for an unknown address, so a missing key does not reveal accounts.
    deps.logger?.error({ outboxMessageId: id }, 'field encryption is unavailable: the outbox keeps this mail without its link');
    return { ...body, secret_link_encrypted: null };
  }
  return { ...body, secret_link_encrypted: await deps.fieldCrypto.encrypt(encryptedFieldRef('outbox_messages', 'secret_link_encrypted', [id]), url) };
}
