import { z } from 'zod';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db/create-db';
import { migrateToLatest } from '../server/db/migrate';
import { type Clock, systemClock } from '../server/deps';
import { sendWeeklyDigests } from '../server/features/plan/plan-digest';
import { unavailableFieldCrypto } from '../server/crypto/field-encryption';
import { createOutboxMailer, createSmtpMailer } from '../server/mail/mailer';
import { describeDatabaseUrl, parseCommandArguments } from './cli-arguments';

/** Usage lines of `groeiwijzer plan`, shown in the main help. */
export const PLAN_USAGE = `  plan digest           send this week's plan digest now to every action owner who has not had it
                        (the server sends it itself on Mondays from 07:00, Europe/Amsterdam)`;

const digestArgumentsSchema = z.strictObject({ positionals: z.tuple([z.literal('digest')], { error: 'give one subcommand: digest' }) });

/** `groeiwijzer plan digest`: sends this week's digests now (each person still gets at most one per week). */
export async function runPlan(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
  clock: Clock = systemClock,
): Promise<void> {
  parseCommandArguments('plan digest', args, {}, digestArgumentsSchema);
  const config = loadConfig(env);
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    // Digest mails carry no secret link, so the outbox needs no encryption key here.
    const fieldCrypto = unavailableFieldCrypto('not needed for the plan digest');
    const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createOutboxMailer({ db: db.kysely, clock, fieldCrypto });
    const result = await sendWeeklyDigests({ config, db, mailer }, clock.now());
    const where = config.smtpUrl ? 'over SMTP' : 'into the outbox (no SMTP_URL set)';
    print(
      `Plan digest ${result.week} on ${describeDatabaseUrl(config.databaseUrl)}: sent ${result.sent} mail(s) ${where}; ` +
        `${result.alreadySent} person(s) already had this week's digest; ${result.failed} failed.`,
    );
    if (result.failed > 0) throw new Error(`${result.failed} digest mail(s) could not be sent; run the command again later`);
  } finally {
    await db.close();
  }
}
