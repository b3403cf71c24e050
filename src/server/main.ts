import { buildApp } from './app';
import type { Config } from './config';
import { openFieldCrypto } from './crypto/field-encryption';
import { kekSourceOf } from './crypto/kek';
import { createDb } from './db/create-db';
import type { Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { optimizeDatabase, startDatabaseOptimizeJob } from './db/optimize';
import { type Deps, systemClock } from './deps';
import { startCheckinRetentionTimer } from './features/checkin/checkin-retention';
import { startCareRetentionTimer } from './features/care/care-retention';
import { startCareRemindersTimer } from './features/care/care-reminders';
import { startSociogramRetentionTimer } from './features/sociogram/sociogram-retention';
import { startWeeklyDigestJob } from './features/plan/plan-digest';
import { startStagedImportPurgeJob } from './features/pupils/pupil-import.service';
import { startDepartureJob } from './features/school-year/school-year.service';
import type { App } from './http/fastify-types';
import { createLogger, logDestinationFor } from './http/logging';
import { createOutboxMailer, createSmtpMailer } from './mail/mailer';
import { startOutboxPurgeJob } from './mail/outbox.service';
import { startupBanner } from './startup-banner';

/** Opens the database (or takes one already open, as the demo does), migrates it, and serves Groeiwijzer until SIGINT/SIGTERM. */
export async function serve(config: Config, openDb?: Db): Promise<void> {
  // On a terminal the log is human lines; piped (a service manager, a log shipper, CI) it stays JSON.
  const logger = createLogger(config.logLevel, logDestinationFor(process.stdout));
  const db = openDb ?? (await createDb(config.databaseUrl, { warn: (message) => logger.warn(message) }));
  await migrateToLatest(db.kysely);
  await optimizeDatabase(db, 'start');
  const fieldCrypto = await openFieldCrypto({ db, config, clock: systemClock, logger });
  const mailer = config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config.mailFrom)
    : createOutboxMailer({ db: db.kysely, clock: systemClock, fieldCrypto, logger });
  const deps: Deps = { config, db, clock: systemClock, mailer, fieldCrypto, logger };
  const app = await buildApp(deps, { loggerInstance: logger });
  if (!config.smtpUrl) app.log.warn('No SMTP_URL set: e-mail is kept in the outbox page for administrators');
  // Raw check-ins past their retention become anonymous class counts, daily (not in tests: they call purgeOldCheckins).
  const checkinRetention = startCheckinRetentionTimer(deps);
  app.addHook('onClose', async () => checkinRetention.stop());
  // Sociogram answers past the same retention keep only anonymous class counts, daily.
  const sociogramRetention = startSociogramRetentionTimer(deps);
  app.addHook('onClose', async () => sociogramRetention.stop());
  // Care data of pupils who left longer ago than the school's terms, daily.
  const careRetention = startCareRetentionTimer(deps);
  app.addHook('onClose', async () => careRetention.stop());
  // Plan reviews and referral follow-ups that came due, mailed to the care team once per date.
  const careReminders = startCareRemindersTimer(deps);
  app.addHook('onClose', async () => careReminders.stop());
  // The weekly plan digest: hourly check, sent on Monday from 07:00 school time (off with DIGEST_ENABLED=false).
  const weeklyDigest = startWeeklyDigestJob(deps);
  app.addHook('onClose', async () => weeklyDigest.stop());
  // Reset and invitation links kept in the outbox are deleted within the hour after they expire.
  const outboxPurge = startOutboxPurgeJob(deps);
  app.addHook('onClose', async () => outboxPurge.stop());
  // The query planner's statistics, daily (start-up brought them up to date after the migrations).
  const databaseOptimize = startDatabaseOptimizeJob(deps);
  app.addHook('onClose', async () => databaseOptimize.stop());
  // Staged pupil imports are deleted once expired, hourly (not in tests: they call deleteExpiredImports).
  const stagedImportPurge = startStagedImportPurgeJob(deps);
  app.addHook('onClose', async () => stagedImportPurge.stop());
  // The leavers of a prepared school year are marked as left once 31 July has passed, hourly.
  const departures = startDepartureJob(deps);
  app.addHook('onClose', async () => departures.stop());
  stopGracefullyOnSignals(app, db);
  await app.listen({ host: config.host, port: config.port });
  const address = listeningAddress(app, config);
  app.log.info({ address, database: db.dialect }, 'Groeiwijzer is running');
  if (process.stdout.isTTY) {
    const keySource = kekSourceOf(config, db);
    process.stdout.write(startupBanner({ address, publicUrl: config.publicUrl, dialect: db.dialect, databaseLocation: db.location, keySource, mailsExternally: mailer.deliversExternally }));
  }
}

// The address to open in a browser on this machine: a server listening on every interface answers on localhost.
function listeningAddress(app: App, config: Config): string {
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : config.port;
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

// Docker waits 10 s after SIGTERM before it sends SIGKILL: leave the last requests time to finish within that.
const SHUTDOWN_GRACE_MS = 8_000;

/**
 * On SIGTERM or SIGINT: stop accepting connections, let every request in flight finish, then close
 * the database and exit 0. A repeated signal does not cut the drain short; connections still open
 * after the grace period are closed and the exit code is 1.
 */
function stopGracefullyOnSignals(app: App, db: Db): void {
  let isStopping = false;
  // Node closes only the connections idle at the moment of closing; a kept-alive one (every browser's)
  // that finishes its request later would keep the process up until its keep-alive timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (isStopping) reply.header('connection', 'close');
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) {
      app.log.warn(`${signal} received again: still finishing the requests in flight (SIGKILL stops at once)`);
      return;
    }
    isStopping = true;
    app.log.info(`${signal} received: finishing the requests in flight, then stopping`);
    let exitCode = 0;
    // Answers sent before the signal may have left their connection kept alive: close those once idle.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    const forceClose = setTimeout(() => {
      app.log.error(`Requests still open ${SHUTDOWN_GRACE_MS} ms after ${signal}: closing their connections`);
      exitCode = 1;
      app.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    try {
      await app.close();
    } catch (error) {
      app.log.error({ err: error }, 'Stopping the HTTP server failed');
      exitCode = 1;
    } finally {
      clearInterval(closeIdle);
      clearTimeout(forceClose);
    }
    // Only now, with no request left that could still use it.
    try {
      await db.close();
    } catch (error) {
      app.log.error({ err: error }, 'Closing the database failed');
      exitCode = 1;
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}
