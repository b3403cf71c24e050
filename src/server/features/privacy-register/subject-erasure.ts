import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { type Database, TABLES_IN_DEPENDENCY_ORDER } from '../../db/database';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { type BilingualText, CATEGORY_DESCRIPTIONS, REGISTER_CATEGORIES } from './register-categories';
import { type SubjectKind, TABLE_ENTRIES, type TableEntry } from './register-tables';
import { type Entries, SUBJECT_KINDS, subjectColumnsOf, subjectNameOf, subjectRowsCondition } from './subject-export';

// Erasure of one pupil, parent or staff member of a school (AVG art. 17), with a report. Like the request of access
// it has no list of queries: the processing register names per table which columns point at a person, and the same
// condition that reads a person's rows for the export deletes them here. What another law makes the school keep stays,
// with the reason: the audit log (accountability), care data until the school's own term after the pupil left (the
// duty of care), reporting-code cases (the reporting-code act). A person row that kept data still points at stays, so
// that data remains the pupil's; a staff account stays when it is also at another school or is the board's.
//
// The school admin answers such requests but is not the care team: the report never says which care data exists or
// how much, only that whatever there is stays and why. That the pupil or parent row stays does tell that something
// the law keeps is linked to them; the report says that in those words and no more.

/** What happens to a table's rows about the person. */
export const ERASURE_ACTIONS = ['deleted', 'unassigned', 'with_person', 'kept'] as const;
export type ErasureAction = (typeof ERASURE_ACTIONS)[number];

/** Why rows stay although the person asked to be erased. */
export const KEEP_REASONS = ['audit', 'care_term', 'meldcode', 'linked_data', 'board_account', 'other_school', 'pupil_record'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

export const KEEP_TEXTS: Record<KeepReason, BilingualText> = {
  audit: {
    nl: 'Blijft: het logboek laat zien wie wat deed of inzag (verantwoording, AVG art. 5 lid 2 en art. 32). Het bevat alleen verwijzingen, nooit de inhoud, en is een keten waaruit niets weg kan zonder dat het opvalt.',
    en: 'Kept: the audit log shows who did or read what (accountability, GDPR art. 5(2) and art. 32). It holds references only, never content, and is a chain from which nothing can be removed unnoticed.',
  },
  care_term: {
    nl: 'Blijft tot de bewaartermijn die de school voor zorggegevens instelde na het vertrek van de leerling (standaard 24 maanden): de school moet kunnen verantwoorden welke zorg zij bood (zorgplicht, Wet passend onderwijs). Daarna verwijdert Groeiwijzer het vanzelf. Of er zorggegevens zijn en hoeveel, ziet alleen het zorgteam.',
    en: 'Kept until the term the school set for care data after the pupil left (24 months by default): the school must be able to account for the care it gave (duty of care, Appropriate Education Act). Groeiwijzer then deletes it by itself. Whether there is care data and how much only the care team sees.',
  },
  meldcode: {
    nl: 'Blijft: bij de meldcode huiselijk geweld en kindermishandeling moet de school kunnen laten zien welke stappen zij zette (Wet verplichte meldcode). De aandachtsfunctionaris beheert deze zaken; ze volgen de bewaartermijn van de school.',
    en: 'Kept: under the reporting code for domestic violence and child abuse the school must be able to show the steps it took (Mandatory Reporting Code Act). The attention officer manages these cases; they follow the school’s retention term.',
  },
  linked_data: {
    nl: 'Blijft: gegevens die de school moet bewaren, horen bij deze persoon. Alleen de naam (en bij een leerling het leerlingnummer en de vertrekdatum) blijft, zodat die gegevens van de juiste persoon blijven; de leerling staat vanaf vandaag als vertrokken, zodat de bewaartermijn loopt.',
    en: 'Kept: data the school must keep belongs to this person. Only the name (and for a pupil the pupil number and date of leaving) stays, so that data stays with the right person; the pupil counts as left from today, so the retention term runs.',
  },
  board_account: {
    nl: 'Blijft: het account hoort bij het bestuur. Wat deze persoon op deze school had, is weg en het account geeft geen toegang meer tot deze school; het account zelf zet de bestuursbeheerder uit.',
    en: 'Kept: the account belongs to the board. What this person had at this school is gone and the account no longer opens this school; the board admin switches the account itself off.',
  },
  other_school: {
    nl: 'Blijft: deze persoon werkt ook op een andere school van het bestuur. Wat deze persoon op deze school had, is weg; het account blijft voor die andere school.',
    en: 'Kept: this person also works at another school of the board. What this person had at this school is gone; the account stays for that other school.',
  },
  pupil_record: {
    nl: 'Blijft: deze persoon staat in het zorgdossier van een leerling (als vertrouwde volwassene of bij een noodtoegang), en dat dossier volgt zijn eigen bewaartermijn. Het account geeft geen toegang meer tot deze school.',
    en: 'Kept: this person is named in a pupil’s care file (as a trusted adult or in a break-glass access), and that file follows its own retention term. The account no longer gives access to this school.',
  },
};

const ACTION_TEXTS: Record<Exclude<ErasureAction, 'kept'>, BilingualText> = {
  deleted: { nl: 'Verwijderd.', en: 'Deleted.' },
  unassigned: { nl: 'Blijft van de school; de persoon staat er niet meer bij (bijvoorbeeld als eigenaar van een doel).', en: 'Stays the school’s; the person is no longer named in it (for instance as the owner of a goal).' },
  with_person: { nl: 'Gaat mee met de persoon zelf: verwijderd als de persoon verwijderd wordt, anders blijft het bij de persoon.', en: 'Goes with the person: deleted when the person is deleted, otherwise it stays with the person.' },
};

const bilingualSchema = z.object({ nl: z.string(), en: z.string() });

export const erasureReportSchema = z.object({
  /** true: nothing was changed, this is what erasing would do. */
  dryRun: z.boolean(),
  at: z.string(),
  subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string(), name: z.string() }),
  /** The person row itself (the pupil, the parent, the staff account). */
  person: z.object({ action: z.enum(['deleted', 'kept']), why: bilingualSchema }),
  /** Per table with rows about the person: how many, and what happens to them (no counts for what stays for the care team). */
  tables: z.array(
    z.object({
      table: z.string(),
      category: bilingualSchema,
      holds: bilingualSchema,
      rows: z.number().nullable(),
      action: z.enum(ERASURE_ACTIONS),
      why: bilingualSchema,
    }),
  ),
});
export type ErasureReport = z.infer<typeof erasureReportSchema>;

/** Tables whose staff column names the person as the one in charge of something of the school: the column is emptied. */
const UNASSIGNED_COLUMNS: Readonly<Record<string, string>> = { plan_goals: 'owner_user_id', plan_actions: 'owner_user_id' };

/** Tables that go with the person row itself (they cascade when it is deleted, and stay while it stays). */
const WITH_PERSON_TABLES: Readonly<Record<SubjectKind, readonly string[]>> = {
  // An objection to research must hold as long as the pupil is there to be included.
  pupil: ['research_objections'],
  parent: [],
  staff: [],
};

/** The person's own row per kind. */
const PERSON_TABLE: Record<SubjectKind, 'pupils' | 'parents' | 'users'> = { pupil: 'pupils', parent: 'parents', staff: 'users' };

/** A table's part in one erasure: the condition of the person's rows and what happens to them. */
interface TablePlan {
  table: keyof Database;
  entry: TableEntry;
  where: ReturnType<typeof subjectRowsCondition>;
  action: ErasureAction;
  keep?: KeepReason;
}

/** Why a table's rows about the person stay, whatever happens to the person; null when they may go. */
function keepReasonOf(entry: TableEntry): KeepReason | null {
  if (entry.category === 'audit') return 'audit';
  if (entry.retention.startsWith('care.')) return entry.retention === 'care.meldcode' ? 'meldcode' : 'care_term';
  return null;
}

/** Whether a staff table belongs to the account rather than to this school (the board's, or the person's own everywhere). */
function isAccountTable(entry: TableEntry): boolean {
  const scope = subjectColumnsOf(entry)?.scope;
  return scope === 'person' || (scope !== undefined && scope.table === 'schools' && scope.key === 'board_id');
}

/** Every table with rows that can be about such a person, and what erasure does to them (reads nothing). */
function planOf(entries: Entries, kind: SubjectKind, personId: string, schoolId: string): TablePlan[] {
  const plans: TablePlan[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    if (!entry || name === PERSON_TABLE[kind]) continue;
    const table = name as keyof Database;
    // The two tables left out of the export on purpose still hold rows about the person: meldcode cases name the
    // pupil, the journal its author. The register names no subject column for them, so they are named here.
    if (entry.subjects === 'none: meldcode') {
      if (kind === 'pupil' && table === 'care_meldcode_cases') plans.push({ table, entry, where: sql`${sql.ref('pupil_id')} = ${personId} and ${sql.ref('school_id')} = ${schoolId}`, action: 'kept', keep: 'meldcode' });
      continue;
    }
    if (entry.subjects === 'none: own_journal') {
      if (kind === 'staff') plans.push({ table, entry, where: sql`${sql.ref('user_id')} = ${personId}`, action: 'with_person' });
      continue;
    }
    const subjects = subjectColumnsOf(entry);
    const columns = subjects?.[kind];
    if (!subjects || !columns || columns.length === 0) continue;
    const where = subjectRowsCondition(entries, subjects, columns, personId, schoolId);
    const keep = keepReasonOf(entry);
    if (keep) plans.push({ table, entry, where, action: 'kept', keep });
    else if (kind === 'staff' && UNASSIGNED_COLUMNS[table]) plans.push({ table, entry, where, action: 'unassigned' });
    else if ((kind === 'staff' && isAccountTable(entry)) || WITH_PERSON_TABLES[kind].includes(table)) plans.push({ table, entry, where, action: 'with_person' });
    else plans.push({ table, entry, where, action: 'deleted' });
  }
  return plans;
}

async function countRows(db: Kysely<Database>, plan: TablePlan): Promise<number> {
  const row = (await sql<{ count: number | string }>`select count(*) as count from ${sql.table(plan.table)} where ${plan.where}`.execute(db)).rows[0];
  return Number(row?.count ?? 0);
}

/** Whether the person row must stay, and why; null: it can be deleted. */
async function personKeepReason(db: Kysely<Database>, kind: SubjectKind, personId: string, schoolId: string, keptRows: number): Promise<KeepReason | null> {
  if (keptRows > 0) return 'linked_data';
  if (kind !== 'staff') return null;
  // The account is shared: at another school it is that school's too; it belongs to its home board (whose admins
  // alone switch it off), and a board role makes it the board's as well.
  const elsewhere = await db.selectFrom('school_memberships').select('user_id').where('user_id', '=', personId).where('school_id', '!=', schoolId).executeTakeFirst();
  if (elsewhere) return 'other_school';
  const account = await db.selectFrom('users').select('home_board_id').where('id', '=', personId).executeTakeFirst();
  const boardRole = await db.selectFrom('board_memberships').select('user_id').where('user_id', '=', personId).executeTakeFirst();
  if (account?.home_board_id || boardRole) return 'board_account';
  // A pupil's care file names staff (trusted adults, break-glass access); deleting the account would cascade into it.
  const named =
    (await db.selectFrom('care_trusted_adults').select('user_id').where('user_id', '=', personId).executeTakeFirst()) ??
    (await db.selectFrom('care_break_glass').select('user_id').where('user_id', '=', personId).executeTakeFirst());
  return named ? 'pupil_record' : null;
}

/** Where a table comes in the order of deletion: children before their parents. */
const DELETION_RANK = new Map<string, number>([...TABLES_IN_DEPENDENCY_ORDER].reverse().map((table, index) => [table, index]));

/** Deletes and empties what the plans say, then deletes the person row or (for a pupil who stays) marks them as left. */
async function applyPlans(trx: Kysely<Database>, deps: Deps, kind: SubjectKind, personId: string, counted: readonly { plan: TablePlan; rows: number }[], personKeep: KeepReason | null): Promise<void> {
  for (const { plan, rows } of counted) {
    if (rows === 0) continue;
    if (plan.action === 'deleted') await sql`delete from ${sql.table(plan.table)} where ${plan.where}`.execute(trx);
    if (plan.action === 'unassigned') await sql`update ${sql.table(plan.table)} set ${sql.ref(UNASSIGNED_COLUMNS[plan.table] ?? '')} = null where ${plan.where}`.execute(trx);
  }
  if (personKeep === null) {
    // What goes with the person (their sessions, an objection, a journal) cascades from here.
    await trx.deleteFrom(PERSON_TABLE[kind]).where('id', '=', personId).execute();
  } else if (kind === 'pupil') {
    // The pupil counts as left from today (or earlier, when they already had), so the care terms run.
    const today = schoolDateOf(deps.clock.now());
    await trx
      .updateTable('pupils')
      .set({ left_on: today, updated_at: isoInstant(deps.clock.now()) })
      .where('id', '=', personId)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
      .execute();
  }
}

/** What a dry run hands back past its rolled-back transaction. */
class DryRunReport extends Error {
  constructor(readonly report: ErasureReport) {
    super('dry run');
  }
}

/** Names compared as a person types them: spaces and case do not matter. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return plain(a) === plain(b);
}

/**
 * Erases one person of the school, or with `dryRun` says what erasing would do; 404 for a person the school does not
 * have, 400 when `confirmName` (the name typed again) is not theirs. One transaction: the report is of what was
 * done. The erasure itself is audited (by id, never the name).
 */
export async function eraseSubject(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  kind: SubjectKind,
  personId: string,
  options: { dryRun: true } | { dryRun: false; confirmName: string },
  entries: Entries = TABLE_ENTRIES,
): Promise<ErasureReport> {
  // Only a school admin erases, and never themselves, so the school always keeps one.
  if (kind === 'staff' && personId === caller.userId) throw new AppError('self_lockout', { fields: { userId: ['you cannot erase yourself'] } });
  try {
    return await deps.db.kysely.transaction().execute(async (trx) => {
      const name = await subjectNameOf({ ...deps, db: { ...deps.db, kysely: trx } }, schoolId, kind, personId);
      if (!options.dryRun && !sameName(name, options.confirmName)) {
        throw new AppError('validation_failed', { fields: { 'body.confirmName': ['type the name of the person to confirm'] } });
      }
      const plans = planOf(entries, kind, personId, schoolId).sort((a, b) => (DELETION_RANK.get(a.table) ?? 0) - (DELETION_RANK.get(b.table) ?? 0));
      const counted: { plan: TablePlan; rows: number }[] = [];
      for (const plan of plans) counted.push({ plan, rows: await countRows(trx, plan) });
      // Audit rows never stop the person from going: they hold ids, not the person.
      const keptRows = counted.filter(({ plan, rows }) => plan.action === 'kept' && plan.keep !== 'audit' && rows > 0).length;
      const personKeep = await personKeepReason(trx, kind, personId, schoolId, keptRows);

      // A dry run does everything and rolls it back, so what it reports (and refuses) is exactly what erasing would do.
      await applyPlans(trx, deps, kind, personId, counted, personKeep);
      if (!options.dryRun) {
        await recordAudit(trx, deps.clock, {
          actorUserId: caller.userId,
          action: 'privacy.subject_erased',
          targetType: kind === 'staff' ? 'user' : kind,
          targetId: personId,
          schoolId,
          boardId: caller.schoolBoardId ?? null,
          detail: { kind, personKept: personKeep !== null, tablesDeleted: counted.filter(({ plan, rows }) => plan.action === 'deleted' && rows > 0).length },
        });
      }

      const tables: ErasureReport['tables'] = [];
      // In the register's order of categories.
      const byCategory = [...counted].sort((a, b) => REGISTER_CATEGORIES.indexOf(a.plan.entry.category) - REGISTER_CATEGORIES.indexOf(b.plan.entry.category));
      for (const { plan, rows } of byCategory) {
        // What stays for the care team is said once per table, without a count, whether or not there are rows.
        const forCareTeam = plan.keep === 'care_term' || plan.keep === 'meldcode';
        if (rows === 0 && !forCareTeam) continue;
        tables.push({ table: plan.table, category: CATEGORY_DESCRIPTIONS[plan.entry.category].name, holds: plan.entry.holds, rows: forCareTeam ? null : rows, ...outcomeOf(plan, personKeep) });
      }
      const report: ErasureReport = {
        dryRun: options.dryRun,
        at: deps.clock.now().toISOString(),
        subject: { kind, id: personId, name },
        person: personKeep ? { action: 'kept', why: KEEP_TEXTS[personKeep] } : { action: 'deleted', why: ACTION_TEXTS.deleted },
        tables,
      };
      if (options.dryRun) throw new DryRunReport(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunReport) return error.report;
    throw error;
  }
}

/** What happens to a table's rows in the report: what goes with the person follows the person. */
function outcomeOf(plan: TablePlan, personKeep: KeepReason | null): { action: ErasureAction; why: BilingualText } {
  if (plan.action === 'kept') return { action: 'kept', why: KEEP_TEXTS[plan.keep ?? 'audit'] };
  if (plan.action !== 'with_person') return { action: plan.action, why: ACTION_TEXTS[plan.action] };
  return personKeep ? { action: 'kept', why: KEEP_TEXTS[personKeep] } : { action: 'deleted', why: ACTION_TEXTS.with_person };
}
