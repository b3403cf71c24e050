import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database';

// The anonymous counts per class and school day (checkin_class_days): THE source of every anonymous
// check-in figure. Per class-day each pupil counts once, with their latest check-in of that day (by time,
// then id), so a pupil's second check-in moves them between states. Each committed batch of the write
// queue adds its check-ins to the counts in its own transaction (`countInsertedCheckins`: increments —
// measured cheaper than counting the touched class-days again, and not slower on a class-day with many
// rows; bench/checkin-figures.ts). Everything else (retention before it purges, the migration, demo
// seeding, tests) counts whole class-days from their raw rows (`recountClassDays`), which changes nothing
// when the counts are right.

/** A class and school day (YYYY-MM-DD) whose counts are to be taken again. */
export interface ClassDayKey {
  classId: string;
  date: string;
}

// Keys per statement: two bound values each stays far below the bound-parameter limits of both databases.
const KEYS_PER_STATEMENT = 500;

/** A stored check-in as counting needs it. */
export interface CountedCheckin {
  id: string;
  pupil_id: string;
  class_id: string;
  school_date: string;
  state: string;
  wants_talk: number;
  created_at: string;
}

type Counts = { pupils_checked_in: number; in_window: number; bit_high: number; far_high: number; low: number; wants_talk: number };

/**
 * Adds check-ins just inserted in this transaction to the counts of their class-days: a pupil new on the
 * class-day adds one; a check-in later than the pupil's latest moves the pupil from that one's state to its
 * own; an earlier one changes nothing. Call it in the transaction that inserted them, after the insert.
 */
export async function countInsertedCheckins(trx: Kysely<Database>, inserted: readonly CountedCheckin[]): Promise<void> {
  if (inserted.length === 0) return;
  await lockClassDays(trx, uniqueSorted(inserted.map((row) => ({ classId: row.class_id, date: row.school_date }))));
  // Each pupil's latest check-in of the class-day before this batch: read after the lock, so on PostgreSQL
  // a concurrent batch on the same class-day has committed and is seen.
  const before = new Map<string, CountedCheckin>();
  const pupilIds = [...new Set(inserted.map((row) => row.pupil_id))];
  const dates = [...new Set(inserted.map((row) => row.school_date))];
  const insertedIds = inserted.map((row) => row.id);
  for (let start = 0; start < pupilIds.length; start += KEYS_PER_STATEMENT) {
    const latest = trx
      .selectFrom('checkins')
      .select([
        'id',
        'pupil_id',
        'class_id',
        'school_date',
        'state',
        'wants_talk',
        'created_at',
        sql<number>`row_number() over (partition by pupil_id, class_id, school_date order by created_at desc, id desc)`.as('latest_first'),
      ])
      .where('pupil_id', 'in', pupilIds.slice(start, start + KEYS_PER_STATEMENT))
      .where('school_date', 'in', dates)
      .where('id', 'not in', insertedIds);
    for (const row of await trx.selectFrom(latest.as('latest')).selectAll().where('latest_first', '=', 1).execute()) before.set(pupilDayOf(row), row);
  }
  const after = new Map(before);
  for (const row of inserted) {
    const seen = after.get(pupilDayOf(row));
    if (!seen || isLater(row, seen)) after.set(pupilDayOf(row), row);
  }
  const changes = new Map<string, { class_id: string; school_date: string } & Counts>();
  for (const [pupilDay, latest] of after) {
    const earlier = before.get(pupilDay);
    if (earlier === latest) continue;
    const key = `${latest.class_id}|${latest.school_date}`;
    const change = changes.get(key) ?? { class_id: latest.class_id, school_date: latest.school_date, ...zeroCounts() };
    if (earlier) addCheckin(change, earlier, -1);
    else change.pupils_checked_in += 1;
    addCheckin(change, latest, 1);
    changes.set(key, change);
  }
  const rows = [...changes.entries()].sort(([left], [right]) => (left < right ? -1 : 1)).map(([, change]) => change);
  for (let start = 0; start < rows.length; start += KEYS_PER_STATEMENT) {
    await trx
      .insertInto('checkin_class_days')
      .values(rows.slice(start, start + KEYS_PER_STATEMENT))
      .onConflict((conflict) =>
        conflict.columns(['class_id', 'school_date']).doUpdateSet((eb) => ({
          pupils_checked_in: sql<number>`${eb.ref('checkin_class_days.pupils_checked_in')} + ${eb.ref('excluded.pupils_checked_in')}`,
          in_window: sql<number>`${eb.ref('checkin_class_days.in_window')} + ${eb.ref('excluded.in_window')}`,
          bit_high: sql<number>`${eb.ref('checkin_class_days.bit_high')} + ${eb.ref('excluded.bit_high')}`,
          far_high: sql<number>`${eb.ref('checkin_class_days.far_high')} + ${eb.ref('excluded.far_high')}`,
          low: sql<number>`${eb.ref('checkin_class_days.low')} + ${eb.ref('excluded.low')}`,
          wants_talk: sql<number>`${eb.ref('checkin_class_days.wants_talk')} + ${eb.ref('excluded.wants_talk')}`,
        })),
      )
      .execute();
  }
}

function pupilDayOf(row: Pick<CountedCheckin, 'class_id' | 'school_date' | 'pupil_id'>): string {
  return `${row.class_id}|${row.school_date}|${row.pupil_id}`;
}

// The latest check-in counts: the later time, on the same time the larger id (as in the recount's order).
function isLater(row: CountedCheckin, other: CountedCheckin): boolean {
  return row.created_at > other.created_at || (row.created_at === other.created_at && row.id > other.id);
}

function zeroCounts(): Counts {
  return { pupils_checked_in: 0, in_window: 0, bit_high: 0, far_high: 0, low: 0, wants_talk: 0 };
}

function addCheckin(counts: Counts, checkin: Pick<CountedCheckin, 'state' | 'wants_talk'>, sign: 1 | -1): void {
  if (checkin.state === 'in_window' || checkin.state === 'bit_high' || checkin.state === 'far_high' || checkin.state === 'low') counts[checkin.state] += sign;
  counts.wants_talk += sign * checkin.wants_talk;
}

// PostgreSQL runs each statement on a fresh snapshot (read committed). Touching the class-days' rows first,
// in one fixed order, makes a second server's batch on the same class-days wait until this one commits, so
// what it reads next includes our rows and no check-in is lost or counted twice. (SQLite has one writer.)
async function lockClassDays(trx: Kysely<Database>, keys: readonly ClassDayKey[]): Promise<void> {
  for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT) {
    await trx
      .insertInto('checkin_class_days')
      .values(keys.slice(start, start + KEYS_PER_STATEMENT).map((key) => ({ class_id: key.classId, school_date: key.date, ...zeroCounts() })))
      .onConflict((conflict) => conflict.columns(['class_id', 'school_date']).doUpdateSet((eb) => ({ pupils_checked_in: eb.ref('checkin_class_days.pupils_checked_in') })))
      .execute();
  }
}

/**
 * Counts the given class-days again from their raw check-ins and stores the counts, overwriting earlier
 * ones (rows written outside the write queue: demo seeding, tests). Call it in the transaction that wrote them.
 */
export async function recountClassDays(trx: Kysely<Database>, keys: readonly ClassDayKey[]): Promise<void> {
  const sorted = uniqueSorted(keys);
  for (let start = 0; start < sorted.length; start += KEYS_PER_STATEMENT) {
    const part = sorted.slice(start, start + KEYS_PER_STATEMENT);
    await lockClassDays(trx, part);
    const byDate = new Map<string, string[]>();
    for (const key of part) byDate.set(key.date, [...(byDate.get(key.date) ?? []), key.classId]);
    await writeCounts(trx, (eb) => eb.or([...byDate].map(([date, classIds]) => eb.and([eb('school_date', '=', date), eb('class_id', 'in', classIds)]))));
  }
}

// Per class and day, each pupil counts once, with their latest check-in of that day (by time, then id).
async function writeCounts(trx: Kysely<Database>, filter: (eb: ExpressionBuilder<Database, 'checkins'>) => Expression<SqlBool>): Promise<number> {
  const countOf = (state: string) => sql<number>`sum(case when state = ${state} then 1 else 0 end)`;
  const latestPerPupil = trx
    .selectFrom('checkins')
    .select([
      'class_id',
      'school_date',
      'state',
      'wants_talk',
      sql<number>`row_number() over (partition by class_id, pupil_id, school_date order by created_at desc, id desc)`.as('latest_first'),
    ])
    .where(filter);
  const counts = trx
    .selectFrom(latestPerPupil.as('latest'))
    .select([
      'class_id',
      'school_date',
      sql<number>`count(*)`.as('pupils_checked_in'),
      countOf('in_window').as('in_window'),
      countOf('bit_high').as('bit_high'),
      countOf('far_high').as('far_high'),
      countOf('low').as('low'),
      sql<number>`sum(wants_talk)`.as('wants_talk'),
    ])
    .where('latest_first', '=', 1)
    .groupBy(['class_id', 'school_date']);
  const result = await trx
    .insertInto('checkin_class_days')
    .columns(['class_id', 'school_date', 'pupils_checked_in', 'in_window', 'bit_high', 'far_high', 'low', 'wants_talk'])
    .expression(counts)
    .onConflict((conflict) =>
      conflict.columns(['class_id', 'school_date']).doUpdateSet((eb) => ({
        pupils_checked_in: eb.ref('excluded.pupils_checked_in'),
        in_window: eb.ref('excluded.in_window'),
        bit_high: eb.ref('excluded.bit_high'),
        far_high: eb.ref('excluded.far_high'),
        low: eb.ref('excluded.low'),
        wants_talk: eb.ref('excluded.wants_talk'),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

function uniqueSorted(keys: readonly ClassDayKey[]): ClassDayKey[] {
  const byText = new Map(keys.map((key) => [`${key.classId}|${key.date}`, key]));
  return [...byText.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([, key]) => key);
}
