import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** A mistake of the person at the keyboard: printed as it is, without a stack trace, exit code 1 unless a command's contract says otherwise. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Parses a command's arguments with node:util parseArgs (unknown options are refused), then validates
 * the options and positionals with a zod schema of shape `{ ...options, positionals }`.
 */
export function parseCommandArguments<Schema extends z.ZodType>(
  command: string,
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: Schema,
): z.infer<Schema> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = schema.safeParse(
    { ...parsed.values, positionals: parsed.positionals },
    { error: (issue) => (issue.input === undefined ? 'is required' : undefined) },
  );
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const [first] = issue.path;
      const where = first === undefined ? '' : first === 'positionals' ? 'arguments: ' : `--${String(first)}: `;
      return `  ${where}${issue.message}`;
    });
    throw new CliError(`${command}: invalid arguments\n${problems.join('\n')}`);
  }
  return result.data;
}

/** A database URL fit for printing (the PostgreSQL password masked); the server's start banner uses it too. */
export { describeDatabaseUrl } from '../server/config';
