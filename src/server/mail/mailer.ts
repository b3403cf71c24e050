import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/database';
import { type Clock, isoInstant, newId } from '../deps';

/** One outgoing e-mail, with the board/school it concerns (decides who may see it in the outbox). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  boardId?: string | null;
  schoolId?: string | null;
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

/** A mailer for installs without SMTP: writes a line to the log and keeps the mail in the outbox table. */
export function createOutboxMailer(db: Kysely<Database>, clock: Clock, logger?: FastifyBaseLogger): Mailer {
  return {
    deliversExternally: false,
    async send(mail) {
      await db
        .insertInto('outbox_messages')
        .values({
          id: newId(),
          board_id: mail.boardId ?? null,
          school_id: mail.schoolId ?? null,
          to_address: mail.to,
          subject: mail.subject,
          body_text: mail.text,
          created_at: isoInstant(clock.now()),
        })
        .execute();
      // Without SMTP the operator needs the text (it may hold a one-time link) to help someone in;
      // whoever reads this log can read the database too, so it widens nothing.
      logger?.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail kept in the outbox (no SMTP_URL set)');
    },
  };
}
