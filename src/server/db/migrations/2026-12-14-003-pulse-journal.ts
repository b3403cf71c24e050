import type { Kysely } from 'kysely';

// The staff wellbeing pulse and the private reflection journal (issue 17, features/team). The pulse's answers are
// stored without any link to the person: who voted (team_pulse_votes) and what was answered (team_pulse_counts) are
// two tables with nothing in common but the pulse, neither has a time or an id of its own, and the counters exist
// from the moment the pulse is planned, so no row's existence or order tells which vote came first. SECURITY.md.

/** Adds team_pulses, team_pulse_votes, team_pulse_counts, team_pulse_settings and team_journal_entries. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_pulses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // The questionnaire engine's instrument (staff-pulse) and the version asked: the counters follow its items.
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    // Set when leadership closes the pulse before its last day.
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_pulses_school').on('team_pulses').columns(['school_id', 'opens_on']).execute();

  // One row per person who answered a pulse: the primary key is the whole guarantee of one vote per person.
  // Deliberately no time, no id and no reference to what was answered.
  await db.schema
    .createTable('team_pulse_votes')
    .addColumn('pulse_id', 'text', (c) => c.notNull().references('team_pulses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_pulse_votes_pk', ['pulse_id', 'user_id'])
    .execute();

  // How often each answer value was given to each item: one row per pulse, item and value, made (at 0) when the
  // pulse is planned and only ever counted up. Deliberately no user, no time, no id.
  await db.schema
    .createTable('team_pulse_counts')
    .addColumn('pulse_id', 'text', (c) => c.notNull().references('team_pulses.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('team_pulse_counts_pk', ['pulse_id', 'item_id', 'value'])
    .execute();

  // Where a staff member finds help: the school's own texts (null = the default text in the app).
  await db.schema
    .createTable('team_pulse_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('help_contacts', 'text')
    .addColumn('help_company_doctor', 'text')
    .addColumn('help_confidant', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A staff member's private reflection: readable by its author only; the body is field-encrypted.
  await db.schema
    .createTable('team_journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // A prompt of shared/reflection-prompts.ts, or null for a free entry.
    .addColumn('prompt_id', 'text')
    .addColumn('body_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_journal_entries_author').on('team_journal_entries').columns(['school_id', 'user_id']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('team_journal_entries').execute();
  await db.schema.dropTable('team_pulse_settings').execute();
  await db.schema.dropTable('team_pulse_counts').execute();
  await db.schema.dropTable('team_pulse_votes').execute();
  await db.schema.dropTable('team_pulses').execute();
}
