import type { Kysely } from 'kysely';

// Onboarding per location (issue 17, features/team/onboarding.*): the collected guide with its versions and the
// newcomers' confirmations, a chef-buddy per location, pairs of a newcomer and a buddy, the ramp template and its
// ticks, planned buddy conversations (the note encrypted), the newcomer's evaluation, the role texts.

/** Adds the team_ onboarding tables. */
export async function up(db: Kysely<any>): Promise<void> {
  // The moment a school's onboarding got its default guide and ramp: written once, so defaults are never added twice.
  await db.schema
    .createTable('team_onboarding_setups')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_guide_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('team_guide_versions_school_number', ['school_id', 'number'])
    .execute();

  // Sections of the draft (version_id null) and of every published version (a copy each time).
  await db.schema
    .createTable('team_guide_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.references('team_guide_versions.id').onDelete('cascade'))
    // The same section across versions (a confirmation is about a section_key as changed in one version).
    .addColumn('section_key', 'text', (c) => c.notNull())
    // null: the whole school.
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // The version number in which this text last changed (null in the draft).
    .addColumn('changed_in', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_guide_sections_school_version').on('team_guide_sections').columns(['school_id', 'version_id']).execute();

  await db.schema
    .createTable('team_guide_confirmations')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('changed_in', 'integer', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_guide_confirmations_pk', ['school_id', 'user_id', 'section_key', 'changed_in'])
    .execute();

  await db.schema
    .createTable('team_chef_buddies')
    .addColumn('location_id', 'text', (c) => c.primaryKey().references('locations.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('appointed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('appointed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_chef_buddies_school').on('team_chef_buddies').columns(['school_id', 'user_id']).execute();

  await db.schema
    .createTable('team_onboarding_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('set null'))
    .addColumn('newcomer_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('buddy_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('team_onboarding_pairs_newcomer', ['school_id', 'newcomer_user_id'])
    .execute();

  await db.schema
    .createTable('team_ramp_template_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_ramp_template_items_school').on('team_ramp_template_items').columns(['school_id']).execute();

  await db.schema
    .createTable('team_ramp_ticks')
    .addColumn('pair_id', 'text', (c) => c.notNull().references('team_onboarding_pairs.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('team_ramp_template_items.id').onDelete('cascade'))
    .addColumn('ticked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ticked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_ramp_ticks_pk', ['pair_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('team_buddy_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pair_id', 'text', (c) => c.notNull().references('team_onboarding_pairs.id').onDelete('cascade'))
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    // One of CONVERSATION_STAGES (shared/onboarding.ts): the 4D step the conversation starts from.
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('note_encrypted', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_buddy_conversations_pair').on('team_buddy_conversations').columns(['pair_id']).execute();

  await db.schema
    .createTable('team_onboarding_evaluations')
    .addColumn('pair_id', 'text', (c) => c.primaryKey().references('team_onboarding_pairs.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_onboarding_texts')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_onboarding_texts_pk', ['school_id', 'key'])
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'team_onboarding_texts',
    'team_onboarding_evaluations',
    'team_buddy_conversations',
    'team_ramp_ticks',
    'team_ramp_template_items',
    'team_onboarding_pairs',
    'team_chef_buddies',
    'team_guide_confirmations',
    'team_guide_sections',
    'team_guide_versions',
    'team_onboarding_setups',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
