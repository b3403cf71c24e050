import type { Kysely } from 'kysely';

// The team (issue 17), part two: the competence profile (profiles shipped and imported, a staff member's dated
// self-assessments with their ratings, and with whom they share them) and the intervision / supervision log. Goals,
// evidence, a session's theme and note are field-encrypted.

/** Adds the team_competence_* and team_intervision_* tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_competence_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null for a profile Groeiwijzer ships; a school's own import otherwise.
    .addColumn('school_id', 'text', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_competence_profiles_school').on('team_competence_profiles').columns(['school_id', 'profile_key', 'version']).execute();

  await db.schema
    .createTable('team_competence_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('profile_id', 'text', (c) => c.notNull().references('team_competence_profiles.id'))
    .addColumn('goals_encrypted', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // null while it is a draft; the school date it was completed on decides its school-year half.
    .addColumn('completed_at', 'text')
    .addColumn('completed_on', 'text')
    .execute();
  await db.schema.createIndex('team_competence_assessments_owner').on('team_competence_assessments').columns(['school_id', 'user_id']).execute();

  await db.schema
    .createTable('team_competence_ratings')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('team_competence_assessments.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    // 1–4, or 0 for "not yet applicable".
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('evidence_encrypted', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('team_competence_ratings_pk', ['assessment_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('team_competence_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'colleague' (grantee_user_id is the coach or buddy) or 'leadership' (the school's leadership, no grantee).
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('grantee_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_competence_shares_owner').on('team_competence_shares').columns(['school_id', 'owner_user_id']).execute();

  await db.schema
    .createTable('team_intervision_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    // 'intervision' or 'supervision'.
    .addColumn('kind', 'text', (c) => c.notNull())
    // One of TSO_CORE_CONCEPTS (shared/intervision.ts).
    .addColumn('core_concept', 'text', (c) => c.notNull())
    .addColumn('theme_encrypted', 'text', (c) => c.notNull())
    .addColumn('note_encrypted', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_care_team_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_intervision_sessions_school').on('team_intervision_sessions').columns(['school_id', 'held_on']).execute();

  await db.schema
    .createTable('team_intervision_participants')
    .addColumn('session_id', 'text', (c) => c.notNull().references('team_intervision_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_intervision_participants_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_intervision_participants_user').on('team_intervision_participants').columns(['school_id', 'user_id']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('team_intervision_participants').execute();
  await db.schema.dropTable('team_intervision_sessions').execute();
  await db.schema.dropTable('team_competence_shares').execute();
  await db.schema.dropTable('team_competence_ratings').execute();
  await db.schema.dropTable('team_competence_assessments').execute();
  await db.schema.dropTable('team_competence_profiles').execute();
}
