import { z } from 'zod';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db/create-db';
import { migrateToLatest } from '../server/db/migrate';
import { type Clock, systemClock } from '../server/deps';
import { checkpointWal } from '../server/db/optimize';
import { purgeOldCheckins } from '../server/features/checkin/checkin-retention';
import { purgeOldSociograms } from '../server/features/sociogram/sociogram-retention';
import { describeDatabaseUrl, parseCommandArguments } from './cli-arguments';

/** Usage lines of `groeiwijzer checkin`, shown in the main help. */
export const CHECKIN_USAGE = `  checkin purge         keep raw check-ins for the current school year plus CHECKIN_RETENTION_EXTRA_YEARS
                        (default 1): older days become anonymous counts per class; their check-ins
                        and notes are deleted; sociograms of those years keep only their class counts
                        (the server also does this daily)`;

const purgeArgumentsSchema = z.strictObject({ positionals: z.tuple([z.literal('purge')], { error: 'give one subcommand: purge' }) });

/** `groeiwijzer checkin purge`: applies the check-in retention once and prints what it did. */
export async function runCheckin(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
  clock: Clock = systemClock,
): Promise<void> {
  parseCommandArguments('checkin purge', args, {}, purgeArgumentsSchema);
  const config = loadConfig(env);
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const result = await purgeOldCheckins(db.kysely, clock, config.checkinRetentionExtraYears, { betweenBatches: () => checkpointWal(db) });
    print(
      `Check-in retention on ${describeDatabaseUrl(config.databaseUrl)}: raw check-ins are kept from ${result.keptFrom}. ` +
        `Counted ${result.classDays} class-day(s) anonymously, deleted ${result.deletedCheckins} check-in(s) and ${result.deletedNotes} note(s).`,
    );
    const sociograms = await purgeOldSociograms(db.kysely, clock, config.checkinRetentionExtraYears);
    print(`Sociogram retention: deleted the answers of ${sociograms.purgedSociograms} sociogram(s) opened before ${sociograms.keptFrom}; their class counts are kept.`);
  } finally {
    await db.close();
  }
}
