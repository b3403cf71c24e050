import { rmSync } from 'node:fs';
import { z } from 'zod';
import { type Config, loadConfig } from '../server/config';
import { createDb, sqlitePathOf } from '../server/db/create-db';
import type { Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { openFieldCrypto } from '../server/crypto/field-encryption';
import { systemClock } from '../server/deps';
import { DEMO_EMAILS } from '../shared/demo-accounts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../server/features/demo/demo.data';
import { seedDemo } from '../server/features/demo/demo.seed';
import { isEmptyInstallation } from '../server/features/tenancy/tenancy.repository';
import { pinLinkOrigin } from '../server/installation/link-base';
import { serve } from '../server/main';
import { CliError, describeDatabaseUrl, parseCommandArguments } from './cli-arguments';

/** Where the demo lives when DATABASE_URL is not set; it is thrown away and rebuilt at every start. */
export const DEMO_DATABASE_URL = 'sqlite:./data/demo.db';

/**
 * Opens a database filled with the demo: a fresh `fallbackUrl` file when DATABASE_URL is unset, otherwise
 * the configured database, which must be empty (never wiped: it may be someone's real data).
 */
export async function prepareDemo(env: NodeJS.ProcessEnv, fallbackUrl = DEMO_DATABASE_URL): Promise<{ config: Config; db: Db }> {
  const isThrowaway = !env.DATABASE_URL;
  // Visitors should be able to try every demo account, so two-step verification is off unless
  // MFA_REQUIRED says otherwise; the home page tells every signed-in person that it is off.
  const demoEnv = env.MFA_REQUIRED ? env : { ...env, MFA_REQUIRED: 'false' };
  const config = { ...loadConfig(isThrowaway ? { ...demoEnv, DATABASE_URL: fallbackUrl } : demoEnv), isDemo: true };
  if (isThrowaway) {
    const path = sqlitePathOf(fallbackUrl);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    // The demo's consensus reasons are stored encrypted, as a school's are: the key is opened (or made) first.
    const fieldCrypto = await openFieldCrypto({ db, config, clock: systemClock });
    await db.kysely.transaction().execute(async (trx) => {
      if (!(await isEmptyInstallation(trx))) {
        throw new CliError(
          `demo: ${describeDatabaseUrl(config.databaseUrl)} has data already. The demo only loads into an empty database: ` +
            'unset DATABASE_URL to use a throwaway demo file, or point it at a new, empty database.',
        );
      }
      await seedDemo(trx, { config, db, clock: systemClock, fieldCrypto });
      // The demo is served on this machine's port; links (invitations, resets) point there, never to
      // whatever Host a visitor sends. PUBLIC_URL, when set, wins anyway.
      if (!config.publicUrl) await pinLinkOrigin(trx, systemClock, `http://localhost:${config.port}`);
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return { config, db };
}

/** The demo accounts as lines of text for the terminal. */
export function formatDemoLogins(): string {
  const width = Math.max(...DEMO_LOGINS.map((login) => login.email.length));
  const lines = DEMO_LOGINS.map((login) => `  ${login.email.padEnd(width)}  ${login.role.en}`);
  const ready = `De demo staat klaar: log in met een van deze accounts en het wachtwoord ${DEMO_PASSWORD}, bijvoorbeeld als ${DEMO_EMAILS.tsoLead} voor de zelfscan, het plan en de scholing.`;
  return `${ready}\nDemo accounts (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}`;
}

/** `groeiwijzer demo`: loads the demo and serves it. */
export async function runDemo(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  parseCommandArguments('demo', args, {}, z.strictObject({ positionals: z.tuple([]) }));
  const { config, db } = await prepareDemo(env);
  await serve(config, db);
  const mfaNote = config.mfaRequired ? '' : 'Two-step verification is not required in this demo (MFA_REQUIRED=false).\n';
  console.log(`\nGroeiwijzer demo on ${describeDatabaseUrl(config.databaseUrl)}: http://localhost:${config.port}\n${formatDemoLogins()}\n${mfaNote}`);
}
