import { loadConfig } from '../server/config';
import { createDb } from '../server/db/create-db';
import { migrateToLatest } from '../server/db/migrate';
import { OWNER_ONLY_UMASK } from '../server/db/owner-only-files';
import { serve } from '../server/main';
import { ANALYSE_ACES_USAGE } from './analyse-aces.command';
import { ANALYSE_SOCIOGRAM_USAGE } from './analyse-sociogram.command';
import { ANALYSE_GROWTH_USAGE } from './analyse-growth.command';
import { runAnalysis } from './analyse.command';
import { runAudit } from './audit.command';
import { runBackup, runRestore } from './backup.command';
import { CARE_USAGE, runCare } from './care.command';
import { CHECKIN_USAGE, runCheckin } from './checkin.command';
import { CliError } from './cli-arguments';
import { ADMIN_PASSWORD_ENV, runCreateAdmin } from './create-admin.command';
import { runDemo } from './demo.command';
import { KEYS_USAGE, runKeys } from './keys.command';
import { PLAN_USAGE, runPlan } from './plan.command';
import { runScore, SCORE_USAGE } from './score.command';

const USAGE = `groeiwijzer <command>

  serve                 start the web server (migrates first)
  migrate               apply pending database migrations
  demo                  start on a fresh demo database (./data/demo.db unless DATABASE_URL is set)
  create-admin          create a board administrator:
                          --email <address> --name <full name> [--password <password>]
                          [--board-name <name>]  creates the board on an empty database
                          [--board-id <id>]      picks the board when there are several
                        the password can also come from ${ADMIN_PASSWORD_ENV}
  backup <file>         write a consistent backup of the database to a new <file>
  restore <file>        load a backup into an empty database (stop the server first)
${KEYS_USAGE}
${CHECKIN_USAGE}
${CARE_USAGE}
${PLAN_USAGE}
  analyse selfscan      aggregate self-scan ratings from a CSV file and print JSON:
                          --input <ratings.csv>  header respondent,role,aspect,phase (phase 1-4, empty or ? = don't know)
                          [--min-group <k>]      smallest role group shown (default 5, at least 3)
                          [--model <model.json>] check aspects against a model and list them in its order
${ANALYSE_GROWTH_USAGE}
${ANALYSE_ACES_USAGE}
${ANALYSE_SOCIOGRAM_USAGE}
${SCORE_USAGE}
  audit verify          check the audit log's hash chain; exit code 1 at a changed, deleted,
                        reordered or missing event

Configuration comes from the environment: see README.md.`;

/** Runs the `groeiwijzer` command line. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(loadConfig());
      return 0;
    case 'migrate': {
      const db = await createDb(loadConfig().databaseUrl);
      try {
        const applied = await migrateToLatest(db.kysely);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'demo':
      await runDemo(rest);
      return 0;
    case 'create-admin':
      await runCreateAdmin(rest);
      return 0;
    case 'backup':
      await runBackup(rest);
      return 0;
    case 'restore':
      await runRestore(rest);
      return 0;
    case 'keys':
      await runKeys(rest);
      return 0;
    case 'checkin':
      await runCheckin(rest);
      return 0;
    case 'care':
      await runCare(rest);
      return 0;
    case 'plan':
      await runPlan(rest);
      return 0;
    case 'analyse':
      runAnalysis(rest);
      return 0;
    case 'score':
      runScore(rest);
      return 0;
    case 'audit':
      return runAudit(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 1;
  }
}

// Everything the command writes — database, WAL, backups, key files, pg_dump output — holds pupil data
// or keys: no group or other permissions for any file or folder it creates, whatever the shell's umask.
process.umask(OWNER_ONLY_UMASK);

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof CliError && error.exitCode === 1) console.error('\nRun `groeiwijzer help` for the commands and their options.');
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
