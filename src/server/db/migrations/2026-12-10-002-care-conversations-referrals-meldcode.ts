import type { Kysely } from 'kysely';

// The rest of the care team (issue 14): pupil conversations, referrals, meldcode cases with their steps, and who
// the school's attention officer (aandachtsfunctionaris) is. Texts are field-encrypted by the services.

/** Adds the tables of pupil conversations, referrals and the meldcode. */
export async function up(db: Kysely<any>): Promise<void> {
  const pupilRecord = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
      .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'));

  await pupilRecord('care_conversations')
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('note_encrypted', 'text', (c) => c.notNull())
    .addColumn('shared_with_care_team', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('for_care_team_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_conversations_pupil').on('care_conversations').columns(['school_id', 'pupil_id', 'planned_on']).execute();
  await db.schema.createIndex('care_conversations_held').on('care_conversations').columns(['school_id', 'held_on']).execute();

  await pupilRecord('care_referrals')
    .addColumn('referred_on', 'text', (c) => c.notNull())
    .addColumn('to_whom_encrypted', 'text', (c) => c.notNull())
    .addColumn('reason_encrypted', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('follow_up_on', 'text')
    .addColumn('screening_id', 'text', (c) => c.references('care_screenings.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_referrals_pupil').on('care_referrals').columns(['school_id', 'pupil_id']).execute();
  await db.schema.createIndex('care_referrals_follow_up').on('care_referrals').columns(['school_id', 'follow_up_on']).execute();

  await pupilRecord('care_meldcode_cases')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('care_meldcode_cases_pupil').on('care_meldcode_cases').columns(['school_id', 'pupil_id']).execute();
  await db.schema.createIndex('care_meldcode_cases_open').on('care_meldcode_cases').columns(['school_id', 'closed_on']).execute();

  // Every recording of a step is a row of its own: the newest per step holds, the earlier ones stay as the case's history.
  await db.schema
    .createTable('care_meldcode_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('care_meldcode_cases.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('recording', 'integer', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('notes_encrypted', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('care_meldcode_steps_case_recording', ['case_id', 'recording'])
    .execute();
  await db.schema.createIndex('care_meldcode_steps_recorder').on('care_meldcode_steps').columns(['school_id', 'recorded_by']).execute();

  await db.schema
    .createTable('care_attention_officers')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('set_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['care_attention_officers', 'care_meldcode_steps', 'care_meldcode_cases', 'care_referrals', 'care_conversations']) {
    await db.schema.dropTable(table).execute();
  }
}
