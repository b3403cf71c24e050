import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db';
import { addDays } from '../../shared/school-time';
import { newId } from '../deps';
import type { Database } from './database';
import { checkpointWal, optimizeDatabase } from './optimize';

const AT = '2025-08-01T00:00:00.000Z';

// Two schools of 2 classes × 10 pupils, each pupil checked in on 40 school days: per school 800 check-ins,
// per pupil 40. Small, but the statistics already say which index narrows a pupil's history down.
async function addTwoSchoolsOfCheckins(db: Kysely<Database>): Promise<{ schoolId: string; pupilId: string }> {
  const boardId = newId();
  await db.insertInto('boards').values({ id: boardId, name: 'Bestuur', min_group_size: 5, created_at: AT }).execute();
  const pupils: { id: string; classId: string; schoolId: string }[] = [];
  for (let school = 0; school < 2; school += 1) {
    const schoolId = newId();
    await db.insertInto('schools').values({ id: schoolId, board_id: boardId, name: `School ${school}`, kind: 'primary', created_at: AT }).execute();
    for (let group = 0; group < 2; group += 1) {
      const classId = newId();
      await db.insertInto('classes').values({ id: classId, school_id: schoolId, location_id: null, school_year: '2025-2026', name: `Groep ${group}`, created_at: AT }).execute();
      const ids = Array.from({ length: 10 }, () => newId());
      await db
        .insertInto('pupils')
        .values(ids.map((id, place) => ({ id, school_id: schoolId, pupil_number: `${group}-${place}`, first_name: 'Kim', last_name: `Klas ${group}`, birth_date: null, created_at: AT, updated_at: AT })))
        .execute();
      pupils.push(...ids.map((id) => ({ id, classId, schoolId })));
    }
  }
  for (let day = 0; day < 40; day += 1) {
    const date = addDays('2025-09-01', day);
    await db
      .insertInto('checkins')
      .values(
        pupils.map((pupil) => ({
          id: newId(),
          idempotency_key: newId(),
          pupil_id: pupil.id,
          class_id: pupil.classId,
          school_id: pupil.schoolId,
          school_date: date,
          state: 'in_window',
          wants_talk: 0,
          word_encrypted: null,
          channel: 'kiosk',
          created_at: `${date}T08:00:00.000Z`,
        })),
      )
      .execute();
  }
  return { schoolId: pupils[0]!.schoolId, pupilId: pupils[0]!.id };
}

// The query of a pupil's history (checkin-teacher.repository.ts listCheckinsOfPupils), as SQLite would run it.
async function planOfPupilHistory(db: Kysely<Database>, schoolId: string, pupilId: string): Promise<string> {
  const query = db
    .selectFrom('checkins')
    .select(['id', 'pupil_id', 'school_date', 'state'])
    .where('school_id', '=', schoolId)
    .where('pupil_id', 'in', [pupilId])
    .where('school_date', '>=', '2025-09-01')
    .where('school_date', '<=', '2026-02-28')
    .compile();
  const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
  return plan.rows.map((row) => row.detail).join('\n');
}

describe('the database statistics on sqlite', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => test?.drop());

  it('make a pupil’s history use the pupil index, where without statistics SQLite took the school’s', async () => {
    test = await createTestDatabase('sqlite');
    const db = test.db.kysely;
    const { schoolId, pupilId } = await addTwoSchoolsOfCheckins(db);
    expect(await planOfPupilHistory(db, schoolId, pupilId)).toMatch(/USING INDEX checkins_school_date_idx/);

    await optimizeDatabase(test.db, 'start');

    const statistics = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'checkins'`.execute(db);
    expect(statistics.rows.map((row) => row.idx)).toEqual(expect.arrayContaining(['checkins_pupil_date_idx', 'checkins_school_date_idx']));
    expect(await planOfPupilHistory(db, schoolId, pupilId)).toMatch(/USING INDEX checkins_pupil_date_idx/);
  });

  it('are taken again on the daily run when a table analysed small has grown', async () => {
    test = await createTestDatabase('sqlite');
    const db = test.db.kysely;
    // A new installation: start-up optimises empty tables.
    await optimizeDatabase(test.db, 'start');
    const { schoolId, pupilId } = await addTwoSchoolsOfCheckins(db);
    // The server's connection queries the table during the day; the daily run looks at the tables it used.
    await planOfPupilHistory(db, schoolId, pupilId);
    await db.selectFrom('checkins').select('id').where('pupil_id', '=', pupilId).execute();

    await optimizeDatabase(test.db, 'daily');

    expect(await planOfPupilHistory(db, schoolId, pupilId)).toMatch(/USING INDEX checkins_pupil_date_idx/);
  });
});

describe('the WAL checkpoint between batches on sqlite', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => test?.drop());

  it('copies every frame the WAL holds into the database file', async () => {
    test = await createTestDatabase('sqlite');
    await test.db.kysely.insertInto('boards').values({ id: newId(), name: 'Bestuur', min_group_size: 5, created_at: AT }).execute();

    const result = await checkpointWal(test.db);

    expect(result?.walFrames).toBeGreaterThan(0);
    expect(result?.copied).toBe(result?.walFrames);
  });
});

describe.skipIf(!testDialects().includes('postgres'))('the database statistics on postgres', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => test?.drop());

  it('are taken by ANALYZE of every table', async () => {
    test = await createTestDatabase('postgres');
    const db = test.db.kysely;
    await addTwoSchoolsOfCheckins(db);
    const lastAnalyzed = async () =>
      (await sql<{ last_analyze: Date | null }>`select last_analyze from pg_stat_user_tables where relname = 'checkins'`.execute(db)).rows[0]?.last_analyze ?? null;
    expect(await lastAnalyzed()).toBeNull();

    await optimizeDatabase(test.db, 'start');

    expect(await lastAnalyzed()).not.toBeNull();
  });
});
