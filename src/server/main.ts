import { pino } from 'pino';
import { buildApp } from './app';
import type { Config } from './config';
import { createDb } from './db/create-db';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { type Deps, systemClock } from './deps';
import { createOutboxMailer, createSmtpMailer } from './mail/mailer';

/** Opens the database (or takes one already open, as the demo does), migrates it, and serves Groeiwijzer until SIGINT/SIGTERM. */
export async function serve(config: Config, openDb?: Db): Promise<void> {
  const db = openDb ?? (await createDb(config.databaseUrl));
  await migrateToLatest(db.kysely);
  const logger = pino({ level: config.logLevel });
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createOutboxMailer(db.kysely, systemClock, logger);
  const deps: Deps = { config, db, clock: systemClock, mailer, logger };
  const app = await buildApp(deps, { loggerInstance: logger });
  if (!config.smtpUrl) app.log.warn('No SMTP_URL set: e-mail is kept in the outbox page for administrators');
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Groeiwijzer runs on ${db.dialect} at http://localhost:${config.port}`);
}
