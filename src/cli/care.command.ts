import { z } from 'zod';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db/create-db';
import { migrateToLatest } from '../server/db/migrate';
import { type Clock, systemClock } from '../server/deps';
import { purgeCareData } from '../server/features/care/care-retention';
import { describeDatabaseUrl, parseCommandArguments } from './cli-arguments';

/** Usage lines of `groeiwijzer care`, shown in the main help. */
export const CARE_USAGE = `  care purge [--dry-run]  delete the care data of pupils who left longer ago than their school's terms
                        (default two years; the server also does this daily); --dry-run only reports`;

const OPTIONS = { 'dry-run': { type: 'boolean' } } as const;
const purgeArgumentsSchema = z.strictObject({
  'dry-run': z.boolean().default(false),
  positionals: z.tuple([z.literal('purge')], { error: 'give one subcommand: purge' }),
});

/** `groeiwijzer care purge [--dry-run]`: applies (or reports) the care retention once and prints per school what went. */
export async function runCare(args: string[], env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log, clock: Clock = systemClock): Promise<void> {
  const options = parseCommandArguments('care purge', args, OPTIONS, purgeArgumentsSchema);
  const config = loadConfig(env);
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const result = await purgeCareData(db.kysely, clock, { dryRun: options['dry-run'] });
    const verb = result.dryRun ? 'would delete' : 'deleted';
    print(`Care retention on ${describeDatabaseUrl(config.databaseUrl)}${result.dryRun ? ' (dry run: nothing deleted)' : ''}:`);
    if (result.schools.length === 0) print('  nothing past its term.');
    for (const school of result.schools) {
      print(`  school ${school.schoolId}: ${verb} ${school.categories.map((entry) => `${entry.category} ${entry.records} record(s) of ${entry.pupils} pupil(s)`).join(', ')}`);
    }
  } finally {
    await db.close();
  }
}
