import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckin } from '../../../cli/checkin.command';
import { createTestApp, FakeClock, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World } from '../../../../test/support/world';
import { newId } from '../../deps';
import { addDays } from '../../../shared/school-time';
import { purgeOldCheckins, retentionStartOf } from './checkin-retention';

describe('the start of check-in retention', () => {
  it('is 1 August of the school year the given number of years before the current one', () => {
    expect(retentionStartOf('2026-11-21', 1)).toBe('2025-08-01');
    expect(retentionStartOf('2026-07-31', 1)).toBe('2024-08-01');
    expect(retentionStartOf('2026-08-01', 1)).toBe('2025-08-01');
    expect(retentionStartOf('2026-08-01', 0)).toBe('2026-08-01');
    expect(retentionStartOf('2027-01-05', 3)).toBe('2023-08-01');
  });
});

describe.each(testDialects())('check-in retention on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const db = () => test.deps.db.kysely;

  // The clock of the test app reads 2026-11-21: the school year 2026-2027, so with one extra year
  // everything from 2025-08-01 on is kept raw.
  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  async function addCheckin(pupilId: string, classId: string, schoolDate: string, state: string, at: string, wantsTalk = false) {
    await db()
      .insertInto('checkins')
      .values({
        id: newId(),
        idempotency_key: newId(),
        pupil_id: pupilId,
        class_id: classId,
        school_id: world.schoolA1,
        school_date: schoolDate,
        state,
        wants_talk: wantsTalk ? 1 : 0,
        word_encrypted: null,
        channel: 'device',
        created_at: `${schoolDate}T${at}:00.000Z`,
      })
      .execute();
  }

  async function addNote(schoolDate: string) {
    await db()
      .insertInto('checkin_notes')
      .values({ id: newId(), pupil_id: world.pupilInClassA1, school_id: world.schoolA1, author_user_id: null, signal_kind: null, school_date: schoolDate, note_encrypted: 'gw1:test', created_at: `${schoolDate}T10:00:00.000Z` })
      .execute();
  }

  const storedDates = async () => (await db().selectFrom('checkins').select('school_date').orderBy('school_date').execute()).map((row) => row.school_date);
  const retentionEvents = () =>
    db().selectFrom('audit_events').select(['actor_user_id', 'school_id', 'detail']).where('action', '=', 'checkin.retention_applied').orderBy('occurred_at').execute();
  const classDays = () => db().selectFrom('checkin_class_days').selectAll().orderBy('class_id').orderBy('school_date').execute();

  it('keeps the current and the previous school year raw; older days become anonymous class counts, their check-ins and notes go', async () => {
    // 2025-07-31 (school year 2024-2025): two check-ins of one pupil — only the latest counts — and one of a pupil in another class.
    await addCheckin(world.pupilInClassA1, world.classA1, '2025-07-31', 'far_high', '08:00', true);
    await addCheckin(world.pupilInClassA1, world.classA1, '2025-07-31', 'in_window', '09:00');
    await addCheckin(world.pupilInClassA1Other, world.classA1Other, '2025-07-31', 'low', '08:30', true);
    await addCheckin(world.pupilInClassA1, world.classA1, '2024-03-12', 'bit_high', '08:15');
    // Kept: the first day of the previous school year, and this year.
    await addCheckin(world.pupilInClassA1, world.classA1, '2025-08-01', 'low', '08:00');
    await addCheckin(world.pupilInClassA1, world.classA1, '2026-11-20', 'in_window', '08:00');
    await addNote('2025-07-31');
    await addNote('2025-08-01');
    // A day counted before with other numbers is counted again from its raw check-ins.
    await db()
      .insertInto('checkin_class_days')
      .values({ class_id: world.classA1, school_date: '2024-03-12', pupils_checked_in: 9, in_window: 9, bit_high: 0, far_high: 0, low: 0, wants_talk: 0 })
      .execute();

    const result = await purgeOldCheckins(db(), test.clock, 1);

    expect(result).toEqual({ keptFrom: '2025-08-01', classDays: 3, deletedCheckins: 4, deletedNotes: 1 });
    expect(await retentionEvents()).toEqual([{ actor_user_id: null, school_id: null, detail: JSON.stringify(result) }]);
    expect(await storedDates()).toEqual(['2025-08-01', '2026-11-20']);
    expect((await db().selectFrom('checkin_notes').select('school_date').execute()).map((row) => row.school_date)).toEqual(['2025-08-01']);
    const zero = { in_window: 0, bit_high: 0, far_high: 0, low: 0, wants_talk: 0 };
    expect(await classDays()).toEqual(
      [
        { class_id: world.classA1, school_date: '2024-03-12', pupils_checked_in: 1, ...zero, bit_high: 1 },
        { class_id: world.classA1, school_date: '2025-07-31', pupils_checked_in: 1, ...zero, in_window: 1 },
        { class_id: world.classA1Other, school_date: '2025-07-31', pupils_checked_in: 1, ...zero, low: 1, wants_talk: 1 },
      ].sort((a, b) => (a.class_id + a.school_date).localeCompare(b.class_id + b.school_date)),
    );
  });

  it('changes nothing when run again the same day', async () => {
    const before = await classDays();
    expect(await purgeOldCheckins(db(), test.clock, 1)).toEqual({ keptFrom: '2025-08-01', classDays: 0, deletedCheckins: 0, deletedNotes: 0 });
    // Nothing deleted, nothing to account for: still the one event of the first run.
    expect(await retentionEvents()).toHaveLength(1);
    expect(await classDays()).toEqual(before);
    expect(await storedDates()).toEqual(['2025-08-01', '2026-11-20']);
  });

  it('lets the previous school year go on 1 August (in the Netherlands), or at once with no extra year', async () => {
    const dayBefore = new FakeClock(new Date('2027-07-31T21:59:00Z'));
    expect((await purgeOldCheckins(db(), dayBefore, 1)).deletedCheckins).toBe(0);
    const firstOfAugust = new FakeClock(new Date('2027-07-31T22:00:00Z'));
    expect(await purgeOldCheckins(db(), firstOfAugust, 1)).toMatchObject({ keptFrom: '2026-08-01', deletedCheckins: 1, deletedNotes: 1 });
    expect(await storedDates()).toEqual(['2026-11-20']);
    expect(await purgeOldCheckins(db(), new FakeClock(new Date('2027-08-02T10:00:00Z')), 0)).toMatchObject({ keptFrom: '2027-08-01', deletedCheckins: 1 });
    expect(await storedDates()).toEqual([]);
    expect((await classDays()).map((day) => day.school_date)).toEqual(expect.arrayContaining(['2025-08-01', '2026-11-20']));
  });

  it('runs as `groeiwijzer checkin purge` with the retention from the environment', async () => {
    await addCheckin(world.pupilInClassA1, world.classA1, '2026-09-01', 'in_window', '08:00');
    await addCheckin(world.pupilInClassA1, world.classA1, '2026-11-20', 'in_window', '08:00');
    const lines: string[] = [];
    await runCheckin(['purge'], { DATABASE_URL: test.database.url, CHECKIN_RETENTION_EXTRA_YEARS: '0' }, (line) => lines.push(line), new FakeClock(new Date('2027-08-02T10:00:00Z')));
    expect(lines.join('\n')).toMatch(/kept from 2027-08-01.*Counted 2 class-day\(s\).*deleted 2 check-in\(s\) and 0 note\(s\)/s);
    expect(await storedDates()).toEqual([]);
    await expect(runCheckin(['wipe'], { DATABASE_URL: test.database.url }, () => undefined)).rejects.toThrow(/purge/);
  });

  // Two pupils in two classes, `checkinsPerDay` check-ins each school day from `firstDate` on; the last one
  // of a day counts. Inserted raw (no counts yet), and the counts a purge must leave, per class-day.
  async function addOldDays(firstDate: string, days: number, checkinsPerDay: number) {
    const states = ['in_window', 'bit_high', 'far_high', 'low'];
    const rows = [];
    const expected = [];
    for (let day = 0; day < days; day += 1) {
      const date = addDays(firstDate, day);
      for (const [place, pupil] of [
        { pupilId: world.pupilInClassA1, classId: world.classA1 },
        { pupilId: world.pupilInClassA1Other, classId: world.classA1Other },
      ].entries()) {
        for (let time = 0; time < checkinsPerDay; time += 1) {
          rows.push({
            id: newId(),
            idempotency_key: newId(),
            pupil_id: pupil.pupilId,
            class_id: pupil.classId,
            school_id: world.schoolA1,
            school_date: date,
            state: states[(day + place + time) % states.length]!,
            wants_talk: (day + time) % 5 === 0 ? 1 : 0,
            word_encrypted: null,
            channel: 'device',
            created_at: `${date}T08:0${time}:00.000Z`,
          });
        }
        const latest = rows.at(-1)!;
        const counts = { in_window: 0, bit_high: 0, far_high: 0, low: 0 } as Record<string, number>;
        counts[latest.state] = 1;
        expected.push({ class_id: pupil.classId, school_date: date, pupils_checked_in: 1, ...counts, wants_talk: latest.wants_talk });
      }
    }
    for (let start = 0; start < rows.length; start += 500) await db().insertInto('checkins').values(rows.slice(start, start + 500)).execute();
    const byClassDay = (left: { class_id: string; school_date: string }, right: { class_id: string; school_date: string }) =>
      left.class_id < right.class_id ? -1 : left.class_id > right.class_id ? 1 : left.school_date < right.school_date ? -1 : left.school_date > right.school_date ? 1 : 0;
    return { rows: rows.length, lastDate: addDays(firstDate, days - 1), expected: expected.sort(byClassDay), byClassDay };
  }
  const countOf = async (from: string, to: string) =>
    Number((await db().selectFrom('checkins').select((eb) => eb.fn.countAll<number>().as('count')).where('school_date', '>=', from).where('school_date', '<=', to).executeTakeFirstOrThrow()).count);
  const classDaysBetween = async (from: string, to: string, order: (left: { class_id: string; school_date: string }, right: { class_id: string; school_date: string }) => number) =>
    (await classDays()).filter((day) => day.school_date >= from && day.school_date <= to).sort(order);

  it('deletes years larger than one batch, in batches, and keeps the count of every class-day', async () => {
    await addCheckin(world.pupilInClassA1, world.classA1, '2026-11-20', 'in_window', '08:00');
    const old = await addOldDays('2019-01-07', 1_050, 1);
    for (let start = 0; start < 2_100; start += 500) {
      await db()
        .insertInto('checkin_notes')
        .values(Array.from({ length: Math.min(500, 2_100 - start) }, (_, index) => ({ id: newId(), pupil_id: world.pupilInClassA1, school_id: world.schoolA1, author_user_id: null, signal_kind: null, school_date: addDays('2019-01-07', (start + index) % 1_050), note_encrypted: 'gw1:test', created_at: '2019-01-07T10:00:00.000Z' })))
        .execute();
    }
    expect(old.rows).toBeGreaterThan(2_000);

    // The server's upkeep between batches (the WAL checkpoint) runs once after each batch of check-ins.
    let betweenBatches = 0;
    const result = await purgeOldCheckins(db(), test.clock, 1, {
      betweenBatches: async () => {
        betweenBatches += 1;
      },
    });

    expect(result).toEqual({ keptFrom: '2025-08-01', classDays: 2_100, deletedCheckins: 2_100, deletedNotes: 2_100 });
    expect(betweenBatches).toBe(Math.ceil(2_100 / 100));
    expect(await countOf('0000-01-01', '2025-07-31')).toBe(0);
    expect(await storedDates()).toEqual(['2026-11-20']);
    expect(await classDaysBetween('2019-01-07', old.lastDate, old.byClassDay)).toEqual(old.expected);
  });

  it('stopped after a batch (or crashed), loses no count: the next run deletes the rest, every class-day counted whole', async () => {
    // Two check-ins per pupil and day and an odd batch size: batches end in the middle of a class-day, which
    // must be counted and deleted whole (a class-day counted again from half its rows would lose the other half).
    const old = await addOldDays('2016-01-04', 300, 2);
    const stop = new AbortController();
    setImmediate(() => stop.abort());

    await expect(purgeOldCheckins(db(), test.clock, 1, { rowsPerBatch: 101, signal: stop.signal })).rejects.toThrow();

    const left = await countOf('2016-01-04', old.lastDate);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(old.rows);
    expect(left % 2).toBe(0);
    const counted = await classDaysBetween('2016-01-04', old.lastDate, old.byClassDay);
    // What is gone is counted, what is left is not yet, and what is counted is right.
    expect(counted.length).toBe((old.rows - left) / 2);
    expect(counted).toEqual(old.expected.filter((day) => counted.some((each) => old.byClassDay(each, day) === 0)));

    const rest = await purgeOldCheckins(db(), test.clock, 1, { rowsPerBatch: 101 });

    expect(rest.deletedCheckins).toBe(left);
    expect(await countOf('2016-01-04', old.lastDate)).toBe(0);
    expect(await classDaysBetween('2016-01-04', old.lastDate, old.byClassDay)).toEqual(old.expected);
  });
});
