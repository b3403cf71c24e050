import type { Kysely } from 'kysely';

/** Creates the implementation plan: phases, moments, working group, goals, actions, training register, digest. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_phases')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_phases_pk', ['school_id', 'phase'])
    .execute();

  await db.schema
    .createTable('plan_moments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_moments_school_idx').on('plan_moments').column('school_id').execute();

  await db.schema
    .createTable('plan_working_group')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_working_group_pk', ['school_id', 'user_id'])
    .execute();
  await db.schema.createIndex('plan_working_group_user_idx').on('plan_working_group').column('user_id').execute();

  await db.schema
    .createTable('plan_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('aspect_id', 'text')
    .addColumn('model_id', 'text', (c) => c.references('development_models.id').onDelete('set null'))
    .addColumn('target_phase', 'integer')
    .addColumn('source_round_id', 'text', (c) => c.references('selfscan_rounds.id').onDelete('set null'))
    .addColumn('title', 'text')
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_goals_school_year_idx').on('plan_goals').columns(['school_id', 'school_year']).execute();

  await db.schema
    .createTable('plan_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('plan_goals.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kotter_step', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('plan_actions_goal_idx').on('plan_actions').column('goal_id').execute();
  await db.schema.createIndex('plan_actions_owner_idx').on('plan_actions').columns(['owner_user_id', 'due_on']).execute();

  await db.schema
    .createTable('trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trainings_school_idx').on('trainings').column('school_id').execute();

  await db.schema
    .createTable('training_participants')
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('training_participants_pk', ['training_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('training_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_partners_training_idx').on('training_partners').column('training_id').execute();

  await db.schema
    .createTable('plan_user_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('digest_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('calendar_token_hash', 'text', (c) => c.unique())
    .addColumn('calendar_token_created_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_digest_sent')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_digest_sent_pk', ['user_id', 'week'])
    .execute();

  await db.schema.alterTable('school_settings').addColumn('shares_plan_with_team', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('school_settings').addColumn('shares_plan_with_board', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('school_settings').addColumn('untrained_after_months', 'integer', (c) => c.notNull().defaultTo(12)).execute();
}

/** Drops the implementation plan. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('school_settings').dropColumn('untrained_after_months').execute();
  await db.schema.alterTable('school_settings').dropColumn('shares_plan_with_board').execute();
  await db.schema.alterTable('school_settings').dropColumn('shares_plan_with_team').execute();
  for (const table of [
    'plan_digest_sent',
    'plan_user_preferences',
    'training_partners',
    'training_participants',
    'trainings',
    'plan_actions',
    'plan_goals',
    'plan_working_group',
    'plan_moments',
    'plan_phases',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
