import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app';
import { createEmptyTestDatabaseUrl, testDialects } from '../../../test/support/test-db';
import { isoInstant, newId } from '../deps';
import { DEMO_PASSWORD } from '../features/demo/demo.data';
import { ensureShippedModels } from '../features/selfscan/selfscan.service';
import { loadDemo } from '../features/setup/setup.service';
import { backupDatabase, restoreDatabase } from './backup';
import { createDb } from './create-db';
import type { Db } from './database';
import { migrateToBottom, migrateToLatest } from './migrate';
import { pinLinkOrigin } from '../installation/link-base';

/** Every table of the database (Kysely's migration tables included) with all its rows in a fixed order. */
async function readAllTables(db: Db): Promise<Record<string, unknown[]>> {
  const tables =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db.kysely)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(
          db.kysely,
        );
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db.kysely);
    // Every table has a primary key, so sorting on the whole row gives the primary-key order's set of rows.
    result[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/** One row in every self-scan table, on a round of its own (the demo's school year may fill them too). */
async function fillSelfscanTables(db: Db['kysely'], userId: string, now: string): Promise<void> {
  await ensureShippedModels(db);
  const model = await db.selectFrom('development_models').select('id').executeTakeFirstOrThrow();
  const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
  const roundId = newId();
  const responseId = newId();
  const audience = JSON.stringify({ roles: [], locationIds: [] });
  await db
    .insertInto('selfscan_rounds')
    .values({ id: roundId, school_id: school.id, model_id: model.id, name: 'Zelfscan', opens_on: '2026-11-21', closes_on: '2026-11-30', audience, results_shared_at: null, created_by: userId, created_at: now })
    .execute();
  await db.insertInto('selfscan_invitations').values({ round_id: roundId, user_id: userId }).execute();
  await db.insertInto('selfscan_responses').values({ id: responseId, round_id: roundId, user_id: userId, role: 'school_admin', created_at: now, updated_at: now }).execute();
  await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: 'layer-1.motivation', phase: null, note: 'Weet ik niet', updated_at: now }).execute();
  await db.insertInto('selfscan_consensus').values({ round_id: roundId, aspect_id: 'layer-1.motivation', phase: 2, rationale: 'Samen besproken', recorded_by: userId, recorded_at: now }).execute();
  await db.insertInto('selfscan_goals').values({ round_id: roundId, aspect_id: 'layer-1.motivation', target_phase: 3, created_by: userId, created_at: now }).execute();
  await db.insertInto('school_settings').values({ school_id: school.id, shares_selfscan_with_board: 1, shares_checkin_with_board: 1, shares_plan_with_team: 1, shares_plan_with_board: 1, shares_effect_with_board: 1, untrained_after_months: 12, updated_by: userId, updated_at: now }).onConflict((c) => c.doNothing()).execute();
}

/** One row in every check-in table, on a class and pupil of their own (the demo may hold check-ins of its own). */
async function fillCheckinTables(db: Db['kysely'], userId: string, now: string): Promise<void> {
  const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
  const [classId, pupilId, checkinId] = [newId(), newId(), newId()];
  await db.insertInto('classes').values({ id: classId, school_id: school.id, location_id: null, school_year: '2026-2027', name: 'Back-upgroep', created_at: now }).execute();
  await db.insertInto('pupils').values({ id: pupilId, school_id: school.id, pupil_number: `bk-${pupilId}`, first_name: 'Bo', last_name: 'Back', birth_date: null, created_at: now, updated_at: now }).execute();
  await db.insertInto('class_pupils').values({ class_id: classId, pupil_id: pupilId, created_at: now }).execute();
  await db.insertInto('checkin_class_settings').values({ class_id: classId, age_group: 'young', updated_by: userId, updated_at: now }).execute();
  await db.insertInto('checkin_wording').values({ school_id: school.id, age_group: 'older', state: 'low', locale: 'nl', label: 'Back-upwoord', updated_at: now }).onConflict((c) => c.doNothing()).execute();
  await db.insertInto('school_closed_days').values({ id: newId(), school_id: school.id, start_date: '2026-12-21', end_date: '2027-01-01', name: 'Kerstvakantie', created_at: now }).execute();
  await db.insertInto('pupil_codes').values({ pupil_id: pupilId, code_hash: `hash-${pupilId}`, issued_by: userId, issued_at: now }).execute();
  await db.insertInto('checkin_pupil_symbols').values({ pupil_id: pupilId, symbol: 'owl', set_by: userId, updated_at: now }).execute();
  await db.insertInto('class_codes').values({ code_hash: `hash-${classId}`, class_id: classId, created_by: userId, created_at: now, expires_at: now }).execute();
  await db.insertInto('kiosk_devices').values({ id: newId(), id_hash: `kiosk-${classId}`, class_id: classId, csrf_token: 'csrf', opened_by: userId, created_at: now, expires_at: now }).execute();
  await db.insertInto('pupil_sessions').values({ id_hash: `pupil-${pupilId}`, pupil_id: pupilId, class_id: classId, csrf_token: 'csrf', created_at: now, expires_at: now }).execute();
  await db
    .insertInto('checkins')
    .values({ id: checkinId, idempotency_key: newId(), pupil_id: pupilId, class_id: classId, school_id: school.id, school_date: '2026-11-21', state: 'in_window', wants_talk: 0, word_encrypted: null, channel: 'kiosk', created_at: now })
    .execute();
  await db
    .insertInto('checkin_notes')
    .values({ id: newId(), pupil_id: pupilId, school_id: school.id, author_user_id: userId, signal_kind: null, school_date: '2026-11-21', note_encrypted: 'encrypted', created_at: now })
    .execute();
  await db.insertInto('checkin_class_days').values({ class_id: classId, school_date: '2026-11-20', pupils_checked_in: 1, in_window: 1, bit_high: 0, far_high: 0, low: 0, wants_talk: 0 }).execute();
  // The class's Groep page: a climate rating and a group phase.
  await db.insertInto('class_climate_ratings').values({ id: newId(), school_id: school.id, class_id: classId, rated_on: '2026-11-20', rating: 3, note_encrypted: 'encrypted', rated_by: userId, created_at: now }).execute();
  await db.insertInto('class_group_phases').values({ id: newId(), school_id: school.id, class_id: classId, phase: 'norming', from_on: '2026-11-16', set_by: userId, created_at: now }).execute();
  // A sociogram with its question, one answer and one choice; the school's settings and one question of its own.
  const sociogramId = newId();
  await db.insertInto('sociogram_settings').values({ school_id: school.id, negative_questions_allowed: 1, updated_by: userId, updated_at: now }).onConflict((c) => c.doNothing()).execute();
  await db.insertInto('sociogram_school_questions').values({ id: newId(), school_id: school.id, text: 'Met wie lees je graag?', valence: 'positive', created_by: userId, created_at: now, archived_at: null }).execute();
  await db.insertInto('sociograms').values({ id: sociogramId, school_id: school.id, class_id: classId, opened_on: '2026-11-16', closed_on: '2026-11-20', created_by: userId, created_at: now, purged_on: null, class_counts: null }).execute();
  await db.insertInto('sociogram_questions').values({ sociogram_id: sociogramId, position: 1, question_key: 'play', text_nl: 'Speel', text_en: 'Play', valence: 'positive', max_choices: 3 }).execute();
  await db.insertInto('sociogram_answers').values({ sociogram_id: sociogramId, pupil_id: pupilId, answered_at: now, entered_by: userId }).execute();
  await db.insertInto('sociogram_choices').values({ sociogram_id: sociogramId, chooser_id: pupilId, position: 1, chosen_id: pupilId }).execute();
  // Regulation: an own activity, a hidden one, a favourite, a routine moment and a plan link.
  await db.insertInto('regulation_school_activities').values({ id: newId(), school_id: school.id, activity_id: 'eigen-adem', definition: '{}', created_by: userId, created_at: now }).execute();
  await db.insertInto('regulation_hidden_activities').values({ school_id: school.id, activity_id: 'breathing-square', hidden_by: userId, hidden_at: now }).execute();
  await db.insertInto('regulation_favourites').values({ class_id: classId, activity_id: 'breathing-calm-wave', added_by: userId, added_at: now }).execute();
  await db.insertInto('regulation_routines').values({ id: newId(), school_id: school.id, class_id: classId, time_of_day: '10:30', label: 'Na de pauze', activity_id: 'breathing-calm-wave', created_by: userId, created_at: now }).execute();
  await db.insertInto('regulation_plan_activities').values({ school_id: school.id, pupil_id: pupilId, activity_id: 'breathing-calm-wave', added_by: userId, added_at: now }).execute();
  // A regulation moment after a check-in outside the window (the pupil page).
  await db
    .insertInto('regulation_moments')
    .values({ id: newId(), school_id: school.id, class_id: classId, pupil_id: pupilId, school_date: '2026-11-21', state: 'too_high', activity_id: 'breathing-calm-wave', helped: 1, channel: 'device', created_at: now })
    .execute();
  // A "know your window" lesson the class was given.
  await db
    .insertInto('regulation_lessons_given')
    .values({ id: newId(), school_id: school.id, class_id: classId, lesson_id: 'the-window', age_group: 'young', given_on: '2026-11-20', recorded_by: userId, created_at: now })
    .execute();
}

/** One row in every implementation-plan table (rows the demo may also hold are skipped when already there). */
async function fillPlanTables(db: Db['kysely'], userId: string, now: string): Promise<void> {
  const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
  const [goalId, trainingId] = [newId(), newId()];
  await db.insertInto('plan_phases').values({ school_id: school.id, phase: 'prepare', starts_on: '2026-08-01', ends_on: null, updated_by: userId, updated_at: now }).onConflict((c) => c.doNothing()).execute();
  await db.insertInto('plan_moments').values({ id: newId(), school_id: school.id, on_date: '2027-03-01', title: 'Evaluatie', created_by: userId, created_at: now }).execute();
  await db.insertInto('plan_working_group').values({ school_id: school.id, user_id: userId, role: 'member', added_by: userId, created_at: now }).onConflict((c) => c.doNothing()).execute();
  await db
    .insertInto('plan_goals')
    .values({ id: goalId, school_id: school.id, school_year: '2026-2027', aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: 'Back-updoel', owner_user_id: userId, status: 'planned', evidence: '', created_by: userId, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('plan_actions')
    .values({ id: newId(), goal_id: goalId, school_id: school.id, title: 'Back-upactie', owner_user_id: userId, due_on: '2026-12-01', status: 'open', kotter_step: 'urgency', created_by: userId, created_at: now, updated_at: now, completed_at: null })
    .execute();
  await db.insertInto('trainings').values({ id: trainingId, school_id: school.id, kind: 'full_team', title: null, held_on: '2026-10-01', created_by: userId, created_at: now, updated_at: now }).execute();
  await db.insertInto('training_participants').values({ training_id: trainingId, user_id: userId }).execute();
  await db.insertInto('training_partners').values({ id: newId(), training_id: trainingId, organisation: 'Naschoolse opvang' }).execute();
  await db.insertInto('plan_user_preferences').values({ user_id: userId, digest_opt_out: 1, calendar_token_hash: `hash-${userId}`, calendar_token_created_at: now, updated_at: now }).onConflict((c) => c.doNothing()).execute();
  await db.insertInto('plan_digest_sent').values({ user_id: userId, week: '2026-W47', sent_at: now }).onConflict((c) => c.doNothing()).execute();
}

/** A staged pupil import with one valid row and one problem. */
async function fillPupilImportTables(db: Db['kysely'], userId: string, now: string): Promise<void> {
  const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
  const importId = newId();
  await db
    .insertInto('pupil_imports')
    .values({ id: importId, school_id: school.id, created_by: userId, status: 'ready', headers: '["nr","naam"]', mapping: '{}', total_rows: 2, valid_count: 1, error_row_count: 1, created_at: now, expires_at: now })
    .execute();
  await db.insertInto('pupil_import_records').values({ import_id: importId, position: 0, line: 2, pupil_number: '1', first_name: 'Bo', last_name: 'Back', birth_date: null, class_name: null }).execute();
  await db.insertInto('pupil_import_errors').values({ import_id: importId, position: 0, line: 3, field: 'pupilNumber', code: 'missing' }).execute();
}

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe.each(testDialects())('backup and restore on %s', (dialect) => {
  let test: TestApp;
  let dir: string;
  let backupFile: string;
  const drops: (() => Promise<void>)[] = [];

  const emptyTarget = async () => {
    const target = await createEmptyTestDatabaseUrl(dialect);
    drops.push(target.drop);
    return target.url;
  };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    await loadDemo(test.deps, { isFromThisMachine: true });
    // Fill the tables the demo leaves empty, so the comparison covers every table.
    await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
    const db = test.deps.db.kysely;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'beheer@voorbeeld.test').executeTakeFirstOrThrow();
    const now = isoInstant(test.clock.now());
    await db.insertInto('user_tokens').values({ token_hash: newId(), user_id: user.id, purpose: 'reset', expires_at: now, used_at: null, created_at: now }).execute();
    await db.insertInto('outbox_messages').values({ id: newId(), board_id: null, school_id: null, to_address: 'beheer@voorbeeld.test', subject: 'Test', body_text: 'Hallo', created_at: now }).execute();
    await pinLinkOrigin(db, test.clock, 'https://groeiwijzer.school.test');
    await fillSelfscanTables(db, user.id, now);
    await fillCheckinTables(db, user.id, now);
    await fillPlanTables(db, user.id, now);
    await fillPupilImportTables(db, user.id, now);
    await fillAccountTables(db, user.id, now);
    await db.insertInto('user_mfa').values({ user_id: user.id, secret_encrypted: 'encrypted', confirmed_at: now, last_used_step: 1, failed_attempts: 0, last_failed_at: null, created_at: now }).execute();
    await db.insertInto('mfa_recovery_codes').values({ id: newId(), user_id: user.id, code_hash: 'hash', used_at: null, created_at: now }).execute();
    // School sign-in: the board's provider with a domain, a linked identity and an attempt on its way.
    const ssoBoard = await db.selectFrom('boards').select('id').executeTakeFirstOrThrow();
    await db.insertInto('board_sso_providers').values({ board_id: ssoBoard.id, issuer: 'https://login.school.test', client_id: 'gw', client_secret_encrypted: 'encrypted', sso_only: 0, enabled: 1, updated_by: user.id, updated_at: now }).execute();
    await db.insertInto('board_sso_domains').values({ domain: 'voorbeeld.test', board_id: ssoBoard.id }).execute();
    await db.insertInto('sso_identities').values({ issuer: 'https://login.school.test', subject: 'back-up', user_id: user.id, board_id: ssoBoard.id, linked_at: now }).execute();
    await db.insertInto('sso_login_attempts').values({ state_hash: 'state-hash', browser_hash: 'browser-hash', board_id: ssoBoard.id, created_at: now, expires_at: now }).execute();
    await db.insertInto('rate_limits').values({ key_hash: 'backup-test-hash', hits: 2, window_ends_at: now }).execute();
    await db.insertInto('job_leases').values({ name: 'backup-test-job', holder: 'backup-test', claimed_at: now, lease_until: now }).execute();
    dir = mkdtempSync(join(tmpdir(), 'gw-backup-'));
    backupFile = join(dir, `groeiwijzer.${dialect}.backup`);
    await backupDatabase(test.deps.db, backupFile);
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    await test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a new, empty database with identical rows in every table', async () => {
    const source = await readAllTables(test.deps.db);
    expect(Object.keys(source)).toEqual(expect.arrayContaining(['boards', 'pupils', 'class_pupils', 'sessions', 'audit_events', 'kysely_migration']));
    for (const [table, rows] of Object.entries(source)) expect(rows.length, `${table} has rows to compare`).toBeGreaterThan(0);
    const target = await emptyTarget();
    await restoreDatabase(target, backupFile);
    expect(await withDb(target, readAllTables)).toEqual(source);
  });

  it('restores into a database that was migrated but never used', async () => {
    const target = await emptyTarget();
    await withDb(target, async (db) => void (await migrateToLatest(db.kysely)));
    await restoreDatabase(target, backupFile);
    expect(await withDb(target, readAllTables)).toEqual(await readAllTables(test.deps.db));
  });

  it('brings a backup from an older version up to date', async () => {
    // The oldest possible backup: a database from before the first migration.
    const old = await emptyTarget();
    const oldFile = join(dir, `old.${dialect}.backup`);
    await withDb(old, async (db) => {
      await migrateToLatest(db.kysely);
      await migrateToBottom(db.kysely);
      await backupDatabase(db, oldFile);
    });
    const target = await emptyTarget();
    await restoreDatabase(target, oldFile);
    const restored = await withDb(target, readAllTables);
    expect(restored.kysely_migration).toHaveLength((await readAllTables(test.deps.db)).kysely_migration?.length ?? -1);
    expect(restored.boards).toEqual([]);
  });

  it('refuses to restore into a database that holds data, and leaves it alone', async () => {
    const before = await readAllTables(test.deps.db);
    await expect(restoreDatabase(test.database.url, backupFile)).rejects.toThrow(/already holds data/);
    expect(await readAllTables(test.deps.db)).toEqual(before);
  });

  it('refuses to overwrite an existing file', async () => {
    await expect(backupDatabase(test.deps.db, backupFile)).rejects.toThrow(/Refusing to overwrite/);
  });

  it('refuses a file that is not a backup and leaves nothing behind', async () => {
    const bogus = join(dir, `bogus.${dialect}`);
    writeFileSync(bogus, 'this is not a database');
    const target = await emptyTarget();
    await expect(restoreDatabase(target, bogus)).rejects.toThrow(dialect === 'sqlite' ? /not a Groeiwijzer SQLite backup/ : /pg_restore failed/);
    if (dialect === 'sqlite') expect(existsSync(target.slice('sqlite:'.length))).toBe(false);
    else expect(await withDb(target, async (db) => (await sql`select 1 from information_schema.tables where table_schema = 'public'`.execute(db.kysely)).rows)).toEqual([]);
  });
});

// The account model's tables: a school's hold on a membership, an invitation, a role waiting for a second person, a start date.
async function fillAccountTables(db: Db['kysely'], userId: string, now: string): Promise<void> {
  const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
  await db.insertInto('school_staff_status').values({ school_id: school.id, user_id: userId, blocked_at: null, sessions_ended_at: now, updated_at: now }).execute();
  await db
    .insertInto('staff_invitations')
    .values({ id: newId(), school_id: school.id, user_id: userId, name: 'Beheer', email: 'beheer@voorbeeld.test', roles: '["teacher"]', class_ids: '[]', invited_by: null, created_at: now, expires_at: now, token_hash: null, answered_at: null, answer: null })
    .execute();
  await db
    .insertInto('role_grants')
    .values({ id: newId(), school_id: school.id, user_id: userId, role: 'care_team', requested_by: null, requested_at: now, decided_by: null, decided_at: null, decision: null, applied_at: null })
    .execute();
  // A start date the school entered, and a getting-started checklist it hid.
  await db.insertInto('staff_start_dates').values({ school_id: school.id, user_id: userId, started_on: '2015-08-17', updated_at: now }).onConflict((c) => c.doNothing()).execute();
  await db.insertInto('getting_started_hidden').values({ school_id: school.id, hidden_by: userId, hidden_at: now }).execute();
  // A prepared next school year (nothing in it: only the record of the preparation).
  await db
    .insertInto('school_year_preparations')
    .values({
      id: newId(),
      school_id: school.id,
      school_year: '2099-2100',
      from_school_year: '2098-2099',
      prepared_by: userId,
      prepared_at: now,
      left_on: '2099-07-31',
      created_class_ids: '[]',
      added_placements: '[]',
      added_teacher_links: '[]',
      created_pupil_ids: '[]',
      left_pupil_ids: '[]',
      departures_applied_at: now,
    })
    .execute();
  // A privacy statement the school adapted.
  await db.insertInto('privacy_statements').values({ school_id: school.id, text: 'Onze eigen privacyverklaring.', updated_by: userId, updated_at: now }).onConflict((c) => c.doNothing()).execute();
  // A pupil measurement wave with its instrument and one class.
  const waveId = newId();
  const schoolClass = await db.selectFrom('classes').select('id').where('school_id', '=', school.id).executeTakeFirstOrThrow();
  await db
    .insertInto('questionnaire_waves')
    .values({ id: waveId, school_id: school.id, name: 'Meting 1', audience: 'pupils', opens_on: '2099-10-01', closes_on: '2099-10-14', created_by: userId, created_at: now, updated_at: now })
    .execute();
  await db.insertInto('questionnaire_wave_instruments').values({ wave_id: waveId, instrument_id: 'class-climate-pupil', instrument_version: '1.0.0', position: 0 }).execute();
  await db.insertInto('questionnaire_wave_classes').values({ wave_id: waveId, class_id: schoolClass.id }).execute();
  await db
    .insertInto('questionnaire_responses')
    .values({ id: newId(), wave_id: waveId, instrument_id: 'class-climate-pupil', respondent_kind: 'staff', respondent_id: userId, class_id: null, answers: '{"atmosphere.1":3}', is_complete: 0, created_at: now, updated_at: now })
    .execute();
  // An instrument the school imported.
  await db.insertInto('school_instruments').values({ school_id: school.id, instrument_id: 'eigen-lijst', version: '1.0.0', definition: '{}', created_by: userId, created_at: now }).execute();
  // A research study and a pupil who objected to research.
  await db.insertInto('research_studies').values({ id: newId(), school_id: school.id, name: 'Studie', key_encrypted: 'encrypted', created_by: userId, created_at: now }).execute();
  const pupil = await db.selectFrom('pupils').select('id').where('school_id', '=', school.id).executeTakeFirstOrThrow();
  await db.insertInto('research_objections').values({ pupil_id: pupil.id, school_id: school.id, recorded_by: userId, created_at: now }).execute();
  // A pupil's care: a trusted adult, a plan version, an ACE answer, a screening and a break-glass opening.
  const care = { school_id: school.id, pupil_id: pupil.id };
  await db.insertInto('care_trusted_adults').values({ id: newId(), ...care, user_id: userId, why_encrypted: 'encrypted', created_by: userId, created_at: now }).execute();
  await db.insertInto('care_support_plans').values({ id: newId(), ...care, version: 1, content_encrypted: 'encrypted', review_on: '2099-01-15', created_by: userId, created_at: now }).execute();
  await db.insertInto('care_ace_answers').values({ id: newId(), ...care, informant: 'file', category: 'poverty', answer_encrypted: 'encrypted', recorded_on: '2099-01-01', recorded_by: userId, created_at: now }).execute();
  await db
    .insertInto('care_screenings')
    .values({ id: newId(), ...care, instrument_id: 'cries-8', instrument_version: '1.0.0', informant: 'pupil', taken_on: '2099-01-01', answers_encrypted: 'encrypted', recorded_by: userId, created_at: now })
    .execute();
  await db.insertInto('care_break_glass').values({ id: newId(), ...care, user_id: userId, reason_encrypted: 'encrypted', opened_at: now, expires_at: now }).execute();
  await db.insertInto('care_reminders_sent').values({ school_id: school.id, kind: 'plan_review', record_id: pupil.id, due_on: '2099-01-15', sent_at: now }).execute();
  await db.insertInto('care_ace_categories').values({ school_id: school.id, id: 'eigen-pesten-online', name_nl: 'Online gepest', name_en: 'Bullied online', created_by: userId, created_at: now }).execute();
  await db.insertInto('care_ace_first_ages').values({ pupil_id: pupil.id, school_id: school.id, years_encrypted: 'encrypted', recorded_by: userId, recorded_at: now }).execute();
  await db.insertInto('care_screening_wordings').values({ school_id: school.id, instrument_id: 'cats', items: '{"1":"Vraag"}', updated_by: userId, updated_at: now }).execute();
  await db.insertInto('care_retention_terms').values({ school_id: school.id, category: 'aces', months: 12, updated_by: userId, updated_at: now }).execute();
  // A conversation, a referral, a meldcode case with a step, and the school's attention officer.
  await db
    .insertInto('care_conversations')
    .values({ id: newId(), ...care, planned_on: '2099-10-01', held_on: null, note_encrypted: 'encrypted', shared_with_care_team: 0, for_care_team_encrypted: 'encrypted', created_by: userId, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('care_referrals')
    .values({ id: newId(), ...care, referred_on: '2099-01-01', to_whom_encrypted: 'encrypted', reason_encrypted: 'encrypted', status: 'sent', follow_up_on: null, screening_id: null, created_by: userId, created_at: now, updated_at: now })
    .execute();
  const caseId = newId();
  await db.insertInto('care_meldcode_cases').values({ id: caseId, ...care, opened_on: '2099-01-01', created_by: userId, created_at: now, closed_on: null, outcome: null, closed_by: null }).execute();
  await db.insertInto('care_meldcode_steps').values({ id: newId(), school_id: school.id, case_id: caseId, step: 1, recording: 1, done_on: null, notes_encrypted: 'encrypted', recorded_by: userId, recorded_at: now }).execute();
  await db.insertInto('care_attention_officers').values({ school_id: school.id, user_id: userId, set_by: userId, set_at: now }).execute();
  // The partners register: an organisation with a contact person and an agreement (the demo may hold some too).
  const organisationId = newId();
  await db
    .insertInto('partner_organisations')
    .values({ id: organisationId, school_id: school.id, name: 'Back-upwijkteam', kind: 'neighbourhood_team', is_key_partner: 1, notes_encrypted: 'encrypted', created_by: userId, created_at: now, updated_by: userId, updated_at: now, archived_at: null })
    .execute();
  await db.insertInto('partner_contacts').values({ id: newId(), school_id: school.id, organisation_id: organisationId, name: 'Bo Back', role: '', email: null, phone: '0800-2000', is_fixed_contact: 1, created_by: userId, created_at: now, updated_at: now }).execute();
  await db
    .insertInto('partner_agreements')
    .values({ id: newId(), school_id: school.id, organisation_id: organisationId, title: 'Back-upafspraak', agreed_on: '2099-01-01', review_on: null, text_encrypted: 'encrypted', created_by: userId, created_at: now, updated_at: now })
    .execute();
  // Onboarding: a location's chef-buddy, a published guide with a confirmed section, a pair with a tick, a conversation
  // and an evaluation, the role texts.
  const onboardingLocationId = newId();
  await db.insertInto('locations').values({ id: onboardingLocationId, school_id: school.id, name: 'Back-uplocatie', created_at: now }).execute();
  // The demo may have set this school's onboarding up already.
  await db
    .insertInto('team_onboarding_setups')
    .values({ school_id: school.id, created_at: now })
    .onConflict((conflict) => conflict.column('school_id').doNothing())
    .execute();
  const guideVersionId = newId();
  await db.insertInto('team_guide_versions').values({ id: guideVersionId, school_id: school.id, number: 99, published_by: userId, published_at: now }).execute();
  await db
    .insertInto('team_guide_sections')
    .values({ id: newId(), school_id: school.id, version_id: guideVersionId, section_key: 'back-up', location_id: onboardingLocationId, kind: 'rules', title: 'Back-up', body: 'Afspraken.', position: 1, changed_in: 99, updated_at: now })
    .execute();
  await db.insertInto('team_guide_confirmations').values({ school_id: school.id, user_id: userId, section_key: 'back-up', changed_in: 99, confirmed_at: now }).execute();
  await db.insertInto('team_chef_buddies').values({ location_id: onboardingLocationId, school_id: school.id, user_id: userId, appointed_by: userId, appointed_at: now }).execute();
  const onboardingPairId = newId();
  await db
    .insertInto('team_onboarding_pairs')
    .values({ id: onboardingPairId, school_id: school.id, location_id: onboardingLocationId, newcomer_user_id: userId, buddy_user_id: userId, started_on: '2099-01-01', created_by: userId, created_at: now, updated_at: now })
    .execute();
  const rampItemId = newId();
  await db.insertInto('team_ramp_template_items').values({ id: rampItemId, school_id: school.id, week: 1, position: 1, text: 'Kennismaken', updated_at: now }).execute();
  await db.insertInto('team_ramp_ticks').values({ pair_id: onboardingPairId, item_id: rampItemId, ticked_by: userId, ticked_at: now }).execute();
  await db
    .insertInto('team_buddy_conversations')
    .values({ id: newId(), school_id: school.id, pair_id: onboardingPairId, planned_on: '2099-01-05', held_on: null, stage: 'discover', note_encrypted: 'encrypted', created_by: userId, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('team_onboarding_evaluations')
    .values({ pair_id: onboardingPairId, school_id: school.id, instrument_id: 'onboarding-evaluation', instrument_version: '1.0.0', answers_json: '{}', submitted_at: null, updated_at: now })
    .execute();
  await db.insertInto('team_onboarding_texts').values({ school_id: school.id, key: 'buddy_role', body: 'Back-uptekst', updated_by: userId, updated_at: now }).execute();
  // The team's wellbeing pulse (a vote and a counter that share nothing but the pulse), its help texts, a journal entry.
  const pulseId = newId();
  await db
    .insertInto('team_pulses')
    .values({ id: pulseId, school_id: school.id, instrument_id: 'staff-pulse', instrument_version: '1.0.0', opens_on: '2099-01-01', closes_on: '2099-01-14', closed_on: null, created_by: userId, created_at: now })
    .execute();
  await db.insertInto('team_pulse_votes').values({ pulse_id: pulseId, user_id: userId }).execute();
  await db.insertInto('team_pulse_counts').values({ pulse_id: pulseId, item_id: 'energy.1', value: 4, count: 1 }).execute();
  await db.insertInto('team_pulse_settings').values({ school_id: school.id, help_contacts: 'Back-uphulp', help_company_doctor: null, help_confidant: null, updated_by: userId, updated_at: now }).execute();
  await db.insertInto('team_journal_entries').values({ id: newId(), school_id: school.id, user_id: userId, prompt_id: null, body_encrypted: 'encrypted', created_at: now, updated_at: now }).execute();
  // The competence profile: a school's own profile version, a completed self-assessment with a rating, a share; an
  // intervision session with its participant.
  const competenceProfileId = newId();
  await db.insertInto('team_competence_profiles').values({ id: competenceProfileId, school_id: school.id, profile_key: 'back-up-profile', version: '1.0.0', definition: '{}', created_by: userId, created_at: now }).execute();
  const assessmentId = newId();
  await db
    .insertInto('team_competence_assessments')
    .values({ id: assessmentId, school_id: school.id, user_id: userId, profile_id: competenceProfileId, goals_encrypted: 'encrypted', started_at: now, updated_at: now, completed_at: now, completed_on: '2099-01-01' })
    .execute();
  await db.insertInto('team_competence_ratings').values({ assessment_id: assessmentId, indicator_id: 'back-up.one', step: 3, evidence_encrypted: 'encrypted' }).execute();
  await db.insertInto('team_competence_shares').values({ id: newId(), school_id: school.id, owner_user_id: userId, audience: 'leadership', grantee_user_id: null, created_at: now }).execute();
  const intervisionId = newId();
  await db
    .insertInto('team_intervision_sessions')
    .values({ id: intervisionId, school_id: school.id, held_on: '2099-01-01', kind: 'intervision', core_concept: 'stress', theme_encrypted: 'encrypted', note_encrypted: '', is_care_team_run: 0, recorded_by: userId, created_at: now, updated_at: now })
    .execute();
  await db.insertInto('team_intervision_participants').values({ session_id: intervisionId, user_id: userId, school_id: school.id }).execute();
  // A parent of the pupil with a link, a session, a request, a questionnaire; the school's parent page and a language.
  const parentId = newId();
  await db.insertInto('parents').values({ id: parentId, school_id: school.id, name: 'Pim Back', relation: 'vader', email: 'pim@back.test', phone: null, language: 'nl', details_corrected_at: null, created_by: userId, created_at: now, updated_at: now }).execute();
  await db.insertInto('parent_children').values({ parent_id: parentId, pupil_id: care.pupil_id, school_id: school.id, excluded_at: null, exclusion_reason_encrypted: '', excluded_by: null, created_at: now }).execute();
  await db.insertInto('parent_links').values({ id: newId(), parent_id: parentId, school_id: school.id, token_hash: 'back-up-link', channel: 'letter', created_by: userId, created_at: now, expires_at: '2099-01-15T00:00:00.000Z', used_at: null, revoked_at: null, new_link_requested_at: null }).execute();
  await db.insertInto('parent_sessions').values({ id_hash: 'back-up-parent-session', parent_id: parentId, school_id: school.id, csrf_token: 'csrf', created_at: now, expires_at: '2099-01-01T04:00:00.000Z' }).execute();
  await db.insertInto('parent_conversation_requests').values({ id: newId(), school_id: school.id, parent_id: parentId, pupil_id: care.pupil_id, message_encrypted: 'encrypted', created_at: now, handled_at: null, handled_by: null }).execute();
  await db
    .insertInto('parent_questionnaires')
    .values({ id: newId(), school_id: school.id, parent_id: parentId, pupil_id: care.pupil_id, instrument_id: 'parent-strengths', instrument_version: '1.0.0', sent_by: userId, sent_at: now, consent_at: null, answers_encrypted: 'encrypted', note_encrypted: '', answered: 0, is_complete: 0, updated_at: now })
    .execute();
  await db.insertInto('parent_school_pages').values({ school_id: school.id, text_nl: 'Zo werken wij.', text_en: 'How we work.', updated_by: userId, updated_at: now }).execute();
  await db.insertInto('parent_languages').values({ school_id: school.id, code: 'ar', name: 'العربية', direction: 'rtl', texts: '{"texts":{},"tsoPage":null}', updated_by: userId, updated_at: now }).execute();
  // A contact with the pupil's parents (the contact log).
  await db
    .insertInto('parent_contacts')
    .values({ id: newId(), ...care, held_on: '2099-01-01', kind: 'phone', with_whom: 'moeder', topic: 'Kennismaking', is_enrolment: 1, note_encrypted: 'encrypted', care_notes_encrypted: 'encrypted', follow_up_on: null, follow_up_done_at: null, created_by: userId, created_at: now, updated_at: now })
    .execute();
}
