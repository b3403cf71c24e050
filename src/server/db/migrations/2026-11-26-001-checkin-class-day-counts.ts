import { type Kysely, sql } from 'kysely';

// From this migration on, checkin_class_days holds the counts of EVERY class-day (each committed batch of
// check-ins adds to the counts of the class-days it touched) and is the only source of the anonymous figures.
// Before, it held only the days retention had purged. `up` counts every class-day that still has raw
// check-ins into it, once; a class-day counted before is counted again from the same rows, so running it
// twice changes nothing. No schema changes: the table keeps its shape. The counting is a frozen copy of
// the one in features/checkin/checkin-class-days.repository.ts (a migration never imports app code).

/** Counts every class-day that still has raw check-ins into checkin_class_days (each pupil once, their latest check-in of the day). */
export async function up(db: Kysely<any>): Promise<void> {
  const countOf = (state: string) => sql<number>`sum(case when state = ${state} then 1 else 0 end)`;
  const latestPerPupil = db
    .selectFrom('checkins')
    .select([
      'class_id',
      'school_date',
      'state',
      'wants_talk',
      sql<number>`row_number() over (partition by class_id, pupil_id, school_date order by created_at desc, id desc)`.as('latest_first'),
    ]);
  const counts = db
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
  await db
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
    .execute();
}

/** Back to counts of purged days only: removes the counts of class-days that still have raw check-ins. */
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('checkin_class_days')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('checkins')
          .select('checkins.id')
          .whereRef('checkins.class_id', '=', 'checkin_class_days.class_id')
          .whereRef('checkins.school_date', '=', 'checkin_class_days.school_date'),
      ),
    )
    .execute();
}
