import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../server/audit/audit.service';

import { isWeakPassword } from '../server/auth/password-policy';
import { hashPassword, newPasswordSchema } from '../server/auth/passwords';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db/create-db';
import type { Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { type Clock, isoInstant, newId, systemClock } from '../server/deps';
import { findUserByEmail, insertUser } from '../server/auth/users.repository';

import { insertBoard } from '../server/features/tenancy/tenancy.repository';
import { hasBoardRole, insertBoardMembership, listBoards } from './board-admin.repository';
import { CliError, describeDatabaseUrl, parseCommandArguments } from './cli-arguments';
import { emailSchema, nameSchema } from '../server/http/common.schemas';

/** The environment variable that can hold the new administrator's password (keeps it out of shell history). */
export const ADMIN_PASSWORD_ENV = 'GROEIWIJZER_ADMIN_PASSWORD';

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  'board-name': { type: 'string' },
  'board-id': { type: 'string' },
} as const;

const argumentsSchema = z
  .strictObject({
    email: emailSchema,
    name: nameSchema.optional(),
    password: z.string().optional(),
    'board-name': nameSchema.optional(),
    'board-id': z.uuid().optional(),
    positionals: z.tuple([]),
  })
  .refine((value) => !(value['board-name'] && value['board-id']), { message: 'give --board-name or --board-id, not both' });

/** What `create-admin` is asked to do, after validation. */
export interface BoardAdminRequest {
  email: string;
  /** Needed only when the address has no account yet. */
  name?: string | undefined;
  /** An argon2id hash; needed only when the address has no account yet. */
  passwordHash?: string | undefined;
  boardName?: string | undefined;
  boardId?: string | undefined;
}

/** What `create-admin` did. */
export interface BoardAdminOutcome {
  userId: string;
  boardId: string;
  boardName: string;
  isNewBoard: boolean;
  isNewAccount: boolean;
  /** The account was board admin of this board already: nothing changed. */
  wasAdminAlready: boolean;
}

/**
 * Makes someone board admin, in one transaction: on an empty installation it creates the board too; an
 * existing account gets the role added, a new address gets a new account.
 */
export async function createBoardAdmin(db: Kysely<Database>, clock: Clock, request: BoardAdminRequest): Promise<BoardAdminOutcome> {
  return db.transaction().execute(async (trx) => {
    const now = isoInstant(clock.now());
    const { board, isNewBoard } = await chooseBoard(trx, request, now);
    if (isNewBoard) {
      await recordAudit(trx, clock, { actorUserId: null, action: 'setup.completed', targetType: 'board', targetId: board.id, boardId: board.id, detail: { via: 'cli' } });
    }

    const existing = await findUserByEmail(trx, request.email);
    let userId = existing?.id;
    if (userId === undefined) {
      if (!request.name) throw new CliError(`create-admin: ${request.email} has no account yet: give --name`);
      if (!request.passwordHash) throw new CliError(`create-admin: ${request.email} has no account yet: give --password or set ${ADMIN_PASSWORD_ENV}`);
      userId = newId();
      await insertUser(trx, { id: userId, email: request.email, name: request.name, password_hash: request.passwordHash, locale: 'nl', disabled_at: null, created_at: now, home_board_id: board.id });
    } else if (await hasBoardRole(trx, board.id, userId, 'board_admin')) {
      return { userId, boardId: board.id, boardName: board.name, isNewBoard, isNewAccount: false, wasAdminAlready: true };
    }

    await insertBoardMembership(trx, { board_id: board.id, user_id: userId, role: 'board_admin', created_at: now });
    await recordAudit(trx, clock, {
      actorUserId: null,
      action: 'staff.roles_changed',
      targetType: 'user',
      targetId: userId,
      boardId: board.id,
      detail: { added: ['board_admin'], via: 'cli' },
    });
    return { userId, boardId: board.id, boardName: board.name, isNewBoard, isNewAccount: existing === undefined, wasAdminAlready: false };
  });
}

async function chooseBoard(
  db: Kysely<Database>,
  request: BoardAdminRequest,
  now: string,
): Promise<{ board: { id: string; name: string }; isNewBoard: boolean }> {
  const boards = await listBoards(db);
  if (boards.length === 0) {
    if (request.boardId) throw new CliError('create-admin: the database has no boards yet, so --board-id cannot match: give --board-name to create the first board');
    if (!request.boardName) throw new CliError('create-admin: the database has no board yet: give --board-name to create it');
    const board = { id: newId(), name: request.boardName };
    await insertBoard(db, { ...board, min_group_size: 5, created_at: now });
    return { board, isNewBoard: true };
  }
  const list = boards.map((board) => `  ${board.id}  ${board.name}`).join('\n');
  if (request.boardId) {
    const board = boards.find((candidate) => candidate.id === request.boardId);
    if (!board) throw new CliError(`create-admin: no board with id ${request.boardId}. Boards:\n${list}`);
    return { board, isNewBoard: false };
  }
  if (request.boardName) {
    // Accepting the existing board's own name lets a setup script run the same command twice.
    const named = boards.filter((board) => board.name === request.boardName);
    if (named.length === 1 && named[0]) return { board: named[0], isNewBoard: false };
    throw new CliError(`create-admin: --board-name creates the first board only, and this database has boards already. Pick one with --board-id:\n${list}`);
  }
  if (boards.length === 1 && boards[0]) return { board: boards[0], isNewBoard: false };
  throw new CliError(`create-admin: this database has ${boards.length} boards: pick one with --board-id:\n${list}`);
}

/** `groeiwijzer create-admin`: validates the arguments, migrates the database and makes the board admin. */
export async function runCreateAdmin(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
): Promise<BoardAdminOutcome> {
  const options = parseCommandArguments('create-admin', args, OPTIONS, argumentsSchema);
  const password = options.password ?? (env[ADMIN_PASSWORD_ENV] || undefined);
  if (password !== undefined && !newPasswordSchema.safeParse(password).success) {
    throw new CliError(`create-admin: the password must be ${newPasswordSchema.minLength}–${newPasswordSchema.maxLength} characters long`);
  }
  if (password !== undefined && isWeakPassword(password, { email: options.email, name: options.name })) {
    throw new CliError('create-admin: this password is on the list of common or leaked passwords, or is the name or address itself: choose another');
  }
  const config = loadConfig(env);
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const outcome = await createBoardAdmin(db.kysely, systemClock, {
      email: options.email,
      name: options.name,
      passwordHash: password === undefined ? undefined : await hashPassword(password),
      boardName: options['board-name'],
      boardId: options['board-id'],
    });
    const where = `board "${outcome.boardName}" (${outcome.boardId}) in ${describeDatabaseUrl(config.databaseUrl)}`;
    if (outcome.isNewBoard) print(`Created ${where}.`);
    if (outcome.wasAdminAlready) print(`${options.email} is board admin of ${where} already: nothing changed.`);
    else if (outcome.isNewAccount) print(`Created the account ${options.email}, board admin of ${where}.`);
    else print(`Added the board admin role to the existing account ${options.email} for ${where}; its password stays as it was.`);
    return outcome;
  } finally {
    await db.close();
  }
}
