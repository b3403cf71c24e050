import type { Kysely } from 'kysely';

// Same portable types as the foundation: text ids (UUID), ISO-8601 instants, YYYY-MM-DD dates,
// JSON as text. Integers only for growth phases.

/** Creates the self-scan tables: development models, rounds, invitations, responses, ratings, consensus and goals. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('development_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null for the models Groeiwijzer ships; a school id for a model that school imported.
    .addColumn('school_id', 'text', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('model_key', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('development_models_school_key_version_unique', ['school_id', 'model_key', 'version'])
    .execute();

  await db.schema
    .createTable('selfscan_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // No cascade: a model version used in a round must outlive it.
    .addColumn('model_id', 'text', (c) => c.notNull().references('development_models.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('results_shared_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('selfscan_rounds_school_idx').on('selfscan_rounds').columns(['school_id', 'opens_on']).execute();
  await db.schema.createIndex('selfscan_rounds_model_idx').on('selfscan_rounds').column('model_id').execute();

  await db.schema
    .createTable('selfscan_invitations')
    .addColumn('round_id', 'text', (c) => c.notNull().references('selfscan_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('selfscan_invitations_pk', ['round_id', 'user_id'])
    .execute();
  await db.schema.createIndex('selfscan_invitations_user_idx').on('selfscan_invitations').column('user_id').execute();

  await db.schema
    .createTable('selfscan_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('selfscan_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('selfscan_responses_round_user_unique', ['round_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('selfscan_ratings')
    .addColumn('response_id', 'text', (c) => c.notNull().references('selfscan_responses.id').onDelete('cascade'))
    .addColumn('aspect_id', 'text', (c) => c.notNull())
    // Null means "weet ik niet" (don't know).
    .addColumn('phase', 'integer')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selfscan_ratings_pk', ['response_id', 'aspect_id'])
    .execute();

  await db.schema
    .createTable('selfscan_consensus')
    .addColumn('round_id', 'text', (c) => c.notNull().references('selfscan_rounds.id').onDelete('cascade'))
    .addColumn('aspect_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'integer', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selfscan_consensus_pk', ['round_id', 'aspect_id'])
    .execute();

  await db.schema
    .createTable('selfscan_goals')
    .addColumn('round_id', 'text', (c) => c.notNull().references('selfscan_rounds.id').onDelete('cascade'))
    .addColumn('aspect_id', 'text', (c) => c.notNull())
    .addColumn('target_phase', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selfscan_goals_pk', ['round_id', 'aspect_id'])
    .execute();
}

/** Drops the self-scan tables, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'selfscan_goals',
    'selfscan_consensus',
    'selfscan_ratings',
    'selfscan_responses',
    'selfscan_invitations',
    'selfscan_rounds',
    'development_models',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
