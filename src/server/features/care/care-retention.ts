import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CARE_RETENTION_CATEGORIES, type CareRetentionCategory, DEFAULT_CARE_RETENTION_MONTHS, MAX_CARE_RETENTION_MONTHS } from '../../../shared/care';
import { addMonths, schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import { type Clock, type Deps, isoInstant } from '../../deps';

// Retention of a pupil's care data (issue 14): each kind is deleted a set number of months (default 24: two years)
// after the pupil left the school; a school sets its own term per kind. The report of what the terms would delete
// today is the dry run; the purge runs daily in the server and as `groeiwijzer care purge [--dry-run]`.

/** The tables that hold each kind of care data (every one has school_id and pupil_id; meldcode steps go with their case). */
const TABLES_OF: Record<CareRetentionCategory, readonly ('care_trusted_adults' | 'care_support_plans' | 'care_ace_answers' | 'care_screenings' | 'care_conversations' | 'care_referrals' | 'care_meldcode_cases' | 'care_break_glass' | 'parent_contacts')[]> = {
  plans: ['care_trusted_adults', 'care_support_plans'],
  aces: ['care_ace_answers'],
  screenings: ['care_screenings'],
  conversations: ['care_conversations'],
  referrals: ['care_referrals'],
  meldcode: ['care_meldcode_cases'],
  break_glass: ['care_break_glass'],
  // The contact log with the pupil's parents (features/parents): pupil data like the care file, with the same default.
  parent_contacts: ['parent_contacts'],
};

const monthsSchema = z.number().int().min(0).max(MAX_CARE_RETENTION_MONTHS);

export const retentionTermsBodySchema = z.strictObject({
  terms: z.partialRecord(z.enum(CARE_RETENTION_CATEGORIES), monthsSchema),
});
export type RetentionTermsBody = z.input<typeof retentionTermsBodySchema>;

export const careRetentionReportSchema = z.object({
  today: z.string(),
  categories: z.array(
    z.object({
      category: z.enum(CARE_RETENTION_CATEGORIES),
      months: z.number(),
      isDefault: z.boolean(),
      /** Data of pupils who left on or before this date goes. */
      leftOnOrBefore: z.string(),
      /** What would go today: how many pupils and records. */
      pupils: z.number(),
      records: z.number(),
    }),
  ),
});
export type CareRetentionReport = z.infer<typeof careRetentionReportSchema>;

/** Each category's term for a school: its own, or the default. */
async function termsOf(db: Kysely<Database>, schoolId: string): Promise<Map<CareRetentionCategory, { months: number; isDefault: boolean }>> {
  const own = new Map((await db.selectFrom('care_retention_terms').select(['category', 'months']).where('school_id', '=', schoolId).execute()).map((row) => [row.category, row.months]));
  return new Map(CARE_RETENTION_CATEGORIES.map((category) => [category, { months: own.get(category) ?? DEFAULT_CARE_RETENTION_MONTHS, isDefault: !own.has(category) }]));
}

// The pupils of the school who left on or before `date`.
function pupilsLeftBy(db: Kysely<Database>, schoolId: string, date: string) {
  return db.selectFrom('pupils').select('id').where('school_id', '=', schoolId).where('left_on', 'is not', null).where('left_on', '<=', date);
}

/** What the school's terms would delete today, per category: the dry run. */
export async function careRetentionReport(db: Kysely<Database>, clock: Clock, schoolId: string): Promise<CareRetentionReport> {
  const today = schoolDateOf(clock.now());
  const categories: CareRetentionReport['categories'] = [];
  for (const [category, term] of await termsOf(db, schoolId)) {
    const leftOnOrBefore = addMonths(today, -term.months);
    const pupils = new Set<string>();
    let records = 0;
    for (const table of TABLES_OF[category]) {
      const rows = await db.selectFrom(table).select('pupil_id').where('school_id', '=', schoolId).where('pupil_id', 'in', pupilsLeftBy(db, schoolId, leftOnOrBefore)).execute();
      records += rows.length;
      for (const row of rows) pupils.add(row.pupil_id);
    }
    categories.push({ category, months: term.months, isDefault: term.isDefault, leftOnOrBefore, pupils: pupils.size, records });
  }
  return { today, categories };
}

/** Sets some of the school's terms (the others stay as they are) and answers with the new dry run. */
export async function setRetentionTerms(deps: Deps, caller: StaffCaller, schoolId: string, body: RetentionTermsBody): Promise<CareRetentionReport> {
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    for (const [category, months] of Object.entries(body.terms)) {
      await trx
        .insertInto('care_retention_terms')
        .values({ school_id: schoolId, category, months, updated_by: caller.userId, updated_at: now })
        .onConflict((conflict) => conflict.columns(['school_id', 'category']).doUpdateSet({ months, updated_by: caller.userId, updated_at: now }))
        .execute();
    }
    await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action: 'care.retention_terms_changed', targetType: 'school', targetId: schoolId, schoolId, boardId: caller.schoolBoardId ?? null, detail: { terms: body.terms } });
  });
  return careRetentionReport(deps.db.kysely, deps.clock, schoolId);
}

/** What one purge did (or, in a dry run, would do), per school that had something to delete. */
export interface CarePurgeResult {
  dryRun: boolean;
  schools: { schoolId: string; categories: { category: CareRetentionCategory; pupils: number; records: number }[] }[];
}

/**
 * Applies every school's terms: deletes, per category, the care data of pupils who left longer ago than the term,
 * one transaction per school with one audit event saying how much went (no names). A dry run deletes nothing.
 */
export async function purgeCareData(db: Kysely<Database>, clock: Clock, options: { dryRun: boolean }): Promise<CarePurgeResult> {
  const schools = await db.selectFrom('schools').select(['id', 'board_id']).orderBy('id').execute();
  const result: CarePurgeResult = { dryRun: options.dryRun, schools: [] };
  for (const school of schools) {
    const report = await careRetentionReport(db, clock, school.id);
    const due = report.categories.filter((entry) => entry.records > 0).map(({ category, pupils, records }) => ({ category, pupils, records }));
    if (due.length === 0) continue;
    result.schools.push({ schoolId: school.id, categories: due });
    if (options.dryRun) continue;
    await db.transaction().execute(async (trx) => {
      for (const entry of report.categories.filter((candidate) => candidate.records > 0)) {
        for (const table of TABLES_OF[entry.category]) {
          await trx.deleteFrom(table).where('school_id', '=', school.id).where('pupil_id', 'in', pupilsLeftBy(trx, school.id, entry.leftOnOrBefore)).execute();
        }
      }
      await recordAudit(trx, clock, { actorUserId: null, action: 'care.retention_applied', targetType: 'school', targetId: school.id, schoolId: school.id, boardId: school.board_id, detail: { deleted: due } });
    });
  }
  return result;
}

// First run a while after start, then daily (like the check-in retention).
const FIRST_RUN_DELAY_MS = 6 * 60 * 1000;
const RUN_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Starts the daily care purge in the server (main.ts `serve`; never in tests). Failures are logged and retried the next day. */
export function startCareRetentionTimer(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'care-retention',
    deps,
    firstDelayMs: FIRST_RUN_DELAY_MS,
    intervalMs: RUN_INTERVAL_MS,
    run: async () => {
      const result = await purgeCareData(deps.db.kysely, deps.clock, { dryRun: false });
      deps.logger?.info({ careRetention: result.schools.length }, 'care retention: care data past its term deleted');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'care retention failed; it runs again tomorrow'),
  });
}
