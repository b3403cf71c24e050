import { existsSync } from 'node:fs';
import { z } from 'zod';
import { type ChainReport, verifyAuditChain } from '../server/audit/audit-verify';
import { loadConfig } from '../server/config';
import { createDb, sqlitePathOf } from '../server/db/create-db';
import { CliError, describeDatabaseUrl, parseCommandArguments } from './cli-arguments';

const auditArgumentsSchema = z.strictObject({
  positionals: z.tuple([z.literal('verify', { error: 'the only audit subcommand is "verify"' })], { error: 'give one subcommand: verify' }),
});

/**
 * `groeiwijzer audit verify`: walks the audit log's hash chain and prints OK with the number of
 * events and the head hash, or the first broken place. Returns the exit code: 0 intact, 1 broken.
 */
export async function runAudit(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
): Promise<number> {
  parseCommandArguments('audit verify', args, {}, auditArgumentsSchema);
  const { databaseUrl } = loadConfig(env);
  // Opening a missing SQLite file would create an empty database and call that intact.
  if (databaseUrl.startsWith('sqlite:') && !existsSync(sqlitePathOf(databaseUrl))) {
    throw new CliError(`audit verify: there is no database at ${sqlitePathOf(databaseUrl)}`);
  }
  const db = await createDb(databaseUrl);
  try {
    const report = await verifyAuditChain(db.kysely);
    print(formatChainReport(report, describeDatabaseUrl(databaseUrl)));
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

/** One human-readable paragraph about the chain's state. */
export function formatChainReport(report: ChainReport, where: string): string {
  if (report.ok) {
    return `OK: the audit log of ${where} is intact: ${report.count} events, head seq ${report.headSeq}, head hash ${report.headHash}`;
  }
  return (
    `BROKEN: the audit log of ${where} fails at seq ${report.seq} (${report.kind}): ${report.message}.\n` +
    `${report.checked} events before that point are intact.`
  );
}
