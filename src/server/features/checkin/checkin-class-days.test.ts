import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World } from '../../../../test/support/world';
import type { Database } from '../../db/database';
import * as classDayCountsMigration from '../../db/migrations/2026-11-26-001-checkin-class-day-counts';
import { newId } from '../../deps';
import { countInsertedCheckins, recountClassDays } from './checkin-class-days.repository';

// The class-day counts every anonymous figure is read from: counted once from the raw check-ins already
// stored when the migration runs, and neither losing nor doubling a check-in when two servers write the
// same class-day.

describe.each(testDialects())('the class-day counts on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const db = () => test.deps.db.kysely;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  function checkin(pupilId: string, classId: string, date: string, state: string, time: string) {
    return {
      id: newId(),
      idempotency_key: newId(),
      pupil_id: pupilId,
      class_id: classId,
      school_id: world.schoolA1,
      school_date: date,
      state,
      wants_talk: 0,
      word_encrypted: null,
      channel: 'kiosk',
      created_at: `${date}T${time}:00.000Z`,
    };
  }

  const countsOf = async () =>
    (await db().selectFrom('checkin_class_days').select(['class_id', 'school_date', 'pupils_checked_in', 'in_window', 'low']).execute()).sort((left, right) =>
      `${left.class_id}${left.school_date}`.localeCompare(`${right.class_id}${right.school_date}`),
    );

  it('are counted by the migration from the check-ins stored before it, once, and its down keeps only purged days', async () => {
    // Stored by an earlier version: raw check-ins without counts, and the count of a day retention purged.
    await db()
      .insertInto('checkins')
      .values([
        checkin(world.pupilInClassA1, world.classA1, '2026-11-16', 'low', '07:30'),
        checkin(world.pupilInClassA1, world.classA1, '2026-11-16', 'in_window', '07:50'),
        checkin(world.pupilInClassA1Other, world.classA1Other, '2026-11-16', 'low', '07:40'),
        checkin(world.pupilInClassA1, world.classA1, '2026-11-17', 'low', '07:40'),
      ])
      .execute();
    const purged = { class_id: world.classA1, school_date: '2024-03-12', pupils_checked_in: 7, in_window: 2, low: 5 };
    await db()
      .insertInto('checkin_class_days')
      .values({ ...purged, bit_high: 0, far_high: 0, wants_talk: 0 })
      .execute();

    await classDayCountsMigration.up(db());
    const counted = [
      purged,
      { class_id: world.classA1, school_date: '2026-11-16', pupils_checked_in: 1, in_window: 1, low: 0 },
      { class_id: world.classA1, school_date: '2026-11-17', pupils_checked_in: 1, in_window: 0, low: 1 },
      { class_id: world.classA1Other, school_date: '2026-11-16', pupils_checked_in: 1, in_window: 0, low: 1 },
    ].sort((left, right) => `${left.class_id}${left.school_date}`.localeCompare(`${right.class_id}${right.school_date}`));
    expect(await countsOf()).toEqual(counted);
    await classDayCountsMigration.up(db());
    expect(await countsOf()).toEqual(counted);

    await classDayCountsMigration.down(db());
    expect(await countsOf()).toEqual([purged]);
    await classDayCountsMigration.up(db());
    expect(await countsOf()).toEqual(counted);
  });

  it('lose no check-in and count none twice when two batches add to the same class-day at once (two servers on one database)', async () => {
    const date = '2026-11-18';
    const insertAndCount = async (trx: Kysely<Database>, rows: ReturnType<typeof checkin>[]) => {
      await trx.insertInto('checkins').values(rows).execute();
      await countInsertedCheckins(trx, rows);
    };
    let firstCounted!: () => void;
    const isFirstCounted = new Promise<void>((resolve) => (firstCounted = resolve));
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = db()
      .transaction()
      .execute(async (trx) => {
        await insertAndCount(trx, [checkin(world.pupilInClassA1, world.classA1, date, 'in_window', '07:30')]);
        firstCounted();
        await firstMayCommit;
      });
    await isFirstCounted;
    // The same pupil again, a minute later, and another pupil: on PostgreSQL this batch waits for the first
    // one's class-day, then sees its row, so the pupil moves to "low" instead of being counted twice.
    const second = db()
      .transaction()
      .execute((trx) =>
        insertAndCount(trx, [checkin(world.pupilInClassA1, world.classA1, date, 'low', '07:31'), checkin(world.pupilInClassA1Other, world.classA1, date, 'in_window', '07:31')]),
      );
    setTimeout(releaseFirst, 300);
    await Promise.all([first, second]);
    const counted = await db().selectFrom('checkin_class_days').selectAll().where('class_id', '=', world.classA1).where('school_date', '=', date).executeTakeFirstOrThrow();
    expect(counted).toMatchObject({ pupils_checked_in: 2, in_window: 1, low: 1 });
    // What a recount from the raw rows gives.
    await recountClassDays(db(), [{ classId: world.classA1, date }]);
    expect(await db().selectFrom('checkin_class_days').selectAll().where('class_id', '=', world.classA1).where('school_date', '=', date).executeTakeFirstOrThrow()).toEqual(counted);
  });
});
