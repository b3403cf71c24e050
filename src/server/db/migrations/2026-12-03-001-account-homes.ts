import type { Kysely } from 'kysely';

// The account model of the hardening issue: every account has a home board (the one whose admins may switch
// the whole account off, and under which mail about the account is filed); another school only ASKS an
// existing account to join (an invitation the person answers in their own session); a school blocks or
// signs out its own membership, not the account; and a role that reads special-category data (the care
// team) only counts once a second person approved it.

/** Adds home boards, invitations, per-school membership state and role grants awaiting a second person. */
export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key: SQLite cannot drop a column that has one (down), and boards are never deleted.
  await db.schema.alterTable('users').addColumn('home_board_id', 'text').execute();
  await db.schema.createIndex('users_home_board_idx').on('users').column('home_board_id').execute();
  await fillHomeBoards(db);

  // One row per person per school, only once the school blocked them or ended their sessions there.
  await db.schema
    .createTable('school_staff_status')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Set: the person's roles in this school do not count (the account itself may still work elsewhere).
    .addColumn('blocked_at', 'text')
    // Sessions started before this moment carry no roles in this school.
    .addColumn('sessions_ended_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_staff_status_pk', ['school_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('staff_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The name the inviter typed: the inviter never sees the account's own name before it is accepted.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    // JSON arrays of the roles (without the ones that wait for a second person) and classes offered.
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('class_ids', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // Only for an account this invitation created: the SHA-256 of the link's secret that lets its owner choose a password.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('answered_at', 'text')
    // accepted | declined | withdrawn
    .addColumn('answer', 'text')
    .execute();
  await db.schema.createIndex('staff_invitations_user_idx').on('staff_invitations').column('user_id').execute();
  await db.schema.createIndex('staff_invitations_school_idx').on('staff_invitations').column('school_id').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    // approved | rejected | withdrawn
    .addColumn('decision', 'text')
    // When an approved role became a role row (at once for a member; for an invitee when they accept).
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema.createIndex('role_grants_school_idx').on('role_grants').column('school_id').execute();
}

/** Removes them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('role_grants').execute();
  await db.schema.dropTable('staff_invitations').execute();
  await db.schema.dropTable('school_staff_status').execute();
  await db.schema.dropIndex('users_home_board_idx').execute();
  await db.schema.alterTable('users').dropColumn('home_board_id').execute();
}

// Existing accounts get the board they joined first (board role before school role at equal moments, then by
// id), so the choice is the same on every database and every run.
async function fillHomeBoards(db: Kysely<any>): Promise<void> {
  const viaBoard: { user_id: string; board_id: string; created_at: string }[] = await db
    .selectFrom('board_memberships')
    .select(['user_id', 'board_id', 'created_at'])
    .execute();
  const viaSchool: { user_id: string; board_id: string; created_at: string }[] = await db
    .selectFrom('school_memberships')
    .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
    .select(['school_memberships.user_id', 'schools.board_id', 'school_memberships.created_at'])
    .execute();
  const first = new Map<string, { boardId: string; at: string; rank: number }>();
  const consider = (userId: string, boardId: string, at: string, rank: number) => {
    const seen = first.get(userId);
    const isEarlier = !seen || at < seen.at || (at === seen.at && (rank < seen.rank || (rank === seen.rank && boardId < seen.boardId)));
    if (isEarlier) first.set(userId, { boardId, at, rank });
  };
  for (const row of viaBoard) consider(row.user_id, row.board_id, row.created_at, 0);
  for (const row of viaSchool) consider(row.user_id, row.board_id, row.created_at, 1);
  for (const [userId, home] of first) {
    await db.updateTable('users').set({ home_board_id: home.boardId }).where('id', '=', userId).execute();
  }
}
