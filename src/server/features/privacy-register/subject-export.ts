import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { ENCRYPTED_COLUMNS, type EncryptedColumn, encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { type BilingualText, CATEGORY_DESCRIPTIONS, REGISTER_CATEGORIES } from './register-categories';
import {
  type ExportOmitReason,
  type NoSubjectReason,
  type SubjectColumn,
  type SubjectColumns,
  type SubjectKind,
  type SubjectScope,
  TABLE_ENTRIES,
  type TableEntry,
} from './register-tables';

// A request of access (AVG art. 15): everything Groeiwijzer holds about one pupil, parent or staff member of a school.
// There is no list of queries here: the processing register names, per table, the columns that point at a person
// (register-tables.ts, `subjects`), so a new table is in the export the moment its register entry says who it is
// about — and subject-export.test.ts fails for a table with a person column whose entry says neither who nor why
// not. Rows are narrowed to the school, encrypted columns opened, secrets left out, and the result grouped by the
// register's categories with their purpose and legal basis. The same object is the JSON download and the PDF.

/** The kinds of person, in the order the routes name them. */
export const SUBJECT_KINDS = ['pupil', 'parent', 'staff'] as const satisfies readonly SubjectKind[];

const bilingualSchema = z.object({ nl: z.string(), en: z.string() });
const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const subjectExportSchema = z.object({
  generatedAt: z.string(),
  school: z.string(),
  subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string(), name: z.string() }),
  /** Per register category with data about the person: why it is kept, and the rows of each table. */
  categories: z.array(
    z.object({
      category: z.enum(REGISTER_CATEGORIES),
      name: bilingualSchema,
      purpose: bilingualSchema,
      legalBasis: bilingualSchema,
      isSpecial: z.boolean(),
      tables: z.array(
        z.object({
          table: z.string(),
          holds: bilingualSchema,
          rows: z.array(z.record(z.string(), cellSchema)),
          /** Columns of this table left out, and why. */
          columnsLeftOut: z.array(z.string()),
          whyLeftOut: bilingualSchema.nullable(),
        }),
      ),
    }),
  ),
  /** Every table searched for this kind of person, with or without rows: what "everything" covered. */
  tablesSearched: z.array(z.string()),
  /** Tables about such a person that are not in the export, and why. */
  leftOut: z.array(z.object({ table: z.string(), why: bilingualSchema })),
});
/** Everything about one person, as the JSON download carries it. */
export type SubjectExport = z.infer<typeof subjectExportSchema>;
type Cell = z.infer<typeof cellSchema>;

/** Why columns are left out, in words. */
export const EXPORT_OMIT_TEXTS: Record<ExportOmitReason, BilingualText> = {
  secret: {
    nl: 'Weggelaten: een geheim (de hash van een code, token of sessie, het geheim van de authenticator-app). Het zegt niets over de persoon en zou toegang kunnen geven.',
    en: 'Left out: a secret (the hash of a code, token or session, the authenticator app’s secret). It tells nothing about the person and could give access.',
  },
  third_party: {
    nl: 'Weggelaten: de reden van afscherming kan over een ander gaan (de andere ouder, een uitspraak van de rechter). De school beslist per geval wat zij daarvan deelt (AVG art. 15 lid 4).',
    en: 'Left out: the reason for shielding may be about someone else (the other parent, a court order). The school decides per case what of it to share (GDPR art. 15(4)).',
  },
};

/** Tables left out of the export on purpose, in words and for which kinds of person they matter. */
const NO_SUBJECT_TEXTS: Record<NoSubjectReason, { kinds: readonly SubjectKind[]; why: BilingualText }> = {
  meldcode: {
    kinds: ['pupil', 'parent'],
    why: {
      nl: 'Zaken volgens de meldcode staan hier niet in: de aandachtsfunctionaris beslist per zaak wat de leerling of de ouders ervan zien, want de bescherming van het kind kan het inzagerecht beperken (AVG art. 23).',
      en: 'Cases under the reporting code are not in here: the attention officer decides per case what the pupil or parents see of them, as protecting the child may limit the right of access (GDPR art. 23).',
    },
  },
  own_journal: {
    kinds: ['staff'],
    why: {
      nl: 'Het reflectiejournaal staat hier niet in: alleen de schrijver leest het, en downloadt het zelf op de journaalpagina.',
      en: 'The reflection journal is not in here: only its author reads it, and downloads it on the journal page.',
    },
  },
};

/**
 * Tables the school admin's export leaves out although they hold data about the person: need-to-know holds inside the
 * school too. Special-category care data is exported by the care team (the care export, AVG art. 15 for a pupil's
 * care), and what only the person themselves reads (buddy conversations, a private competence profile) they download
 * themselves. Said in the export, so the answer to the request is complete.
 */
const WITHHELD_TEXTS = {
  care_team: {
    nl: 'Zorggegevens (steunplan, ingrijpende ervaringen, screenings, gesprekken, verwijzingen) staan hier niet in: alleen het zorgteam leest ze, en het zorgteam maakt er de export van (de zorgexport op de pagina van de leerling).',
    en: 'Care data (support plan, adverse experiences, screenings, conversations, referrals) is not in here: only the care team reads it, and the care team makes its export (the care export on the pupil’s page).',
  },
  self_only: {
    nl: 'Wat alleen de persoon zelf leest (buddygesprekken, een eigen bekwaamheidsprofiel dat niet gedeeld is) staat hier niet in: de persoon ziet en bewaart het zelf in Groeiwijzer.',
    en: 'What only the person reads (buddy conversations, a competence profile not shared) is not in here: the person sees and keeps it in Groeiwijzer themselves.',
  },
} satisfies Record<string, BilingualText>;

function withheldReason(entry: TableEntry): keyof typeof WITHHELD_TEXTS | null {
  if (entry.category === 'special_care') return 'care_team';
  if (entry.readBy.length === 0 && entry.self !== undefined && entry.category !== 'technical') return 'self_only';
  return null;
}

/** What the register says of a table, as the export reads it (any table, its columns as plain names). */
export type Entries = { readonly [table: string]: TableEntry | undefined };

/** The column a subject column searches. */
function columnOf(subject: SubjectColumn): string {
  return typeof subject === 'string' ? subject : subject.column;
}

/** The subject columns of an entry, when it names any. */
export function subjectColumnsOf(entry: TableEntry | undefined): SubjectColumns | undefined {
  return entry?.subjects !== undefined && typeof entry.subjects !== 'string' ? entry.subjects : undefined;
}

/** The condition that keeps a table's rows to the school (none for 'person': the person already belongs to it). */
function schoolCondition(scope: SubjectScope | undefined, schoolId: string): RawBuilder<unknown> | null {
  if (scope === 'person') return null;
  if (scope === undefined) return sql`${sql.ref('school_id')} = ${schoolId}`;
  return sql`${sql.ref(scope.column)} in (select ${sql.ref(scope.key ?? 'id')} from ${sql.table(scope.table)} where ${sql.ref(scope.schoolColumn ?? 'school_id')} = ${schoolId})`;
}

/** The condition of one subject column: the row points at the person. */
function subjectCondition(entries: Entries, subject: SubjectColumn, personId: string, schoolId: string): RawBuilder<unknown> {
  if (typeof subject === 'string') return sql`${sql.ref(subject)} = ${personId}`;
  if ('when' in subject) return sql`(${sql.ref(subject.column)} = ${personId} and ${sql.ref(subject.when.column)} = ${subject.when.equals})`;
  const parentScope = schoolCondition(subjectColumnsOf(entries[subject.through.table])?.scope, schoolId);
  const parentConditions = [sql`${sql.ref(subject.through.column)} = ${personId}`, ...(parentScope ? [parentScope] : [])];
  return sql`${sql.ref(subject.column)} in (select ${sql.ref('id')} from ${sql.table(subject.through.table)} where ${sql.join(parentConditions, sql` and `)})`;
}

/**
 * The condition that picks a table's rows about one person of the school: any of the kind's subject columns points at
 * them, and the rows belong to the school (the request of access reads with it, the erasure deletes with it).
 */
export function subjectRowsCondition(entries: Entries, subjects: SubjectColumns, columns: readonly SubjectColumn[], personId: string, schoolId: string): RawBuilder<unknown> {
  const scope = schoolCondition(subjects.scope, schoolId);
  const anyColumn = sql.join(columns.map((subject) => subjectCondition(entries, subject, personId, schoolId)), sql` or `);
  return scope ? sql`(${anyColumn}) and ${scope}` : anyColumn;
}

/** A stored value as the export shows it: text, number or nothing (what a driver returns otherwise as text or number). */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** One row as the person reads it: secrets left out, encrypted columns opened (and named without `_encrypted`). */
async function exportedRow(deps: Deps, table: keyof Database, row: Record<string, unknown>, omitted: ReadonlySet<string>, encrypted: readonly EncryptedColumn[]): Promise<Record<string, Cell>> {
  const result: Record<string, Cell> = {};
  for (const [column, value] of Object.entries(row)) {
    if (omitted.has(column)) continue;
    const sealed = encrypted.find((entry) => entry.column === column);
    // '' is how a few encrypted columns store "none" (their default), so it is kept as it is.
    if (sealed && typeof value === 'string' && value !== '') {
      result[column.replace(/_encrypted$/, '')] = await deps.fieldCrypto.decrypt(encryptedFieldRef(table, column, sealed.keyColumns.map((key) => String(row[key]))), value);
    } else {
      result[sealed ? column.replace(/_encrypted$/, '') : column] = cellOf(value);
    }
  }
  return result;
}

/** The person's name, or 404 when the school does not have such a person. */
export async function subjectNameOf(deps: Deps, schoolId: string, kind: SubjectKind, personId: string): Promise<string> {
  const db = deps.db.kysely;
  if (kind === 'pupil') {
    const pupil = await db.selectFrom('pupils').select(['first_name', 'last_name']).where('school_id', '=', schoolId).where('id', '=', personId).executeTakeFirst();
    if (pupil) return `${pupil.first_name} ${pupil.last_name}`;
  } else if (kind === 'parent') {
    const parent = await db.selectFrom('parents').select('name').where('school_id', '=', schoolId).where('id', '=', personId).executeTakeFirst();
    if (parent) return parent.name;
  } else {
    const member = await db
      .selectFrom('school_memberships')
      .innerJoin('users', 'users.id', 'school_memberships.user_id')
      .select('users.name')
      .where('school_memberships.school_id', '=', schoolId)
      .where('school_memberships.user_id', '=', personId)
      .executeTakeFirst();
    if (member) return member.name;
  }
  throw new AppError('not_found');
}

/**
 * Collects every row about one person of the school from every table whose register entry names a column for that
 * kind of person; 404 for a person the school does not have. Reads only.
 */
export async function collectSubjectData(deps: Deps, schoolId: string, kind: SubjectKind, personId: string, entries: Entries = TABLE_ENTRIES): Promise<SubjectExport> {
  const db = deps.db.kysely;
  const school = await db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('not_found');
  const name = await subjectNameOf(deps, schoolId, kind, personId);
  const tablesSearched: string[] = [];
  const found = new Map<string, SubjectExport['categories'][number]['tables']>();
  for (const [table, entry] of Object.entries(entries)) {
    const subjects = subjectColumnsOf(entry);
    const columns = subjects?.[kind];
    if (!entry || !subjects || !columns || columns.length === 0) continue;
    if (withheldReason(entry)) continue;
    tablesSearched.push(table);
    const where = subjectRowsCondition(entries, subjects, columns, personId, schoolId);
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${where}`.execute(db)).rows;
    if (rows.length === 0) continue;
    const omitted = new Set(entry.exportOmit?.columns ?? []);
    const encrypted = ENCRYPTED_COLUMNS.filter((column) => column.table === table);
    const exported: Record<string, Cell>[] = [];
    for (const row of rows) exported.push(await exportedRow(deps, table as keyof Database, row, omitted, encrypted));
    const tables = found.get(entry.category) ?? [];
    tables.push({ table, holds: entry.holds, rows: exported, columnsLeftOut: [...omitted], whyLeftOut: entry.exportOmit ? EXPORT_OMIT_TEXTS[entry.exportOmit.why] : null });
    found.set(entry.category, tables);
  }
  const leftOut = Object.entries(entries).flatMap(([table, entry]) => {
    const reason = typeof entry?.subjects === 'string' ? (entry.subjects.slice('none: '.length) as NoSubjectReason) : undefined;
    if (reason && NO_SUBJECT_TEXTS[reason].kinds.includes(kind)) return [{ table, why: NO_SUBJECT_TEXTS[reason].why }];
    const withheld = entry && subjectColumnsOf(entry)?.[kind]?.length ? withheldReason(entry) : null;
    return withheld ? [{ table, why: WITHHELD_TEXTS[withheld] }] : [];
  });
  return {
    generatedAt: deps.clock.now().toISOString(),
    school: school.name,
    subject: { kind, id: personId, name },
    categories: REGISTER_CATEGORIES.flatMap((category) => {
      const tables = found.get(category);
      return tables ? [{ category, ...CATEGORY_DESCRIPTIONS[category], tables }] : [];
    }),
    tablesSearched,
    leftOut,
  };
}

// ---------- keeping the register complete for requests of access ----------

const PERSON_TABLES: Readonly<Record<string, SubjectKind>> = { pupils: 'pupil', parents: 'parent', users: 'staff' };

/**
 * Whether a column holds the id of a person, by its name: `…pupil_id`, `…parent_id`, `…user_id`, a sociogram's
 * chooser and chosen, a questionnaire's respondent, and the id of the pupils, parents and users tables themselves.
 * Columns that name who did something (`created_by`, `recorded_by` …) are not: what someone recorded is about
 * someone else, and the audit log already answers what a staff member did.
 */
export function isPersonColumn(table: string, column: string): boolean {
  if (column === 'id') return PERSON_TABLES[table] !== undefined;
  return /(^|_)(pupil|parent|user)_id$/.test(column) || ['chooser_id', 'chosen_id', 'respondent_id'].includes(column);
}

/**
 * What keeps the export from silently missing data: every person column of every table is searched for some kind of
 * person or said why not (`notSearched`, or the whole table `none: …`); every column the entries name exists; a
 * table without school_id says how its rows are narrowed to the school. One line per problem; none when complete.
 */
export function subjectProblems(options: { entries: Entries; columnsInDatabase: ReadonlyMap<string, ReadonlySet<string>> }): string[] {
  const { entries, columnsInDatabase } = options;
  const problems: string[] = [];
  const hasColumn = (table: string, column: string) => columnsInDatabase.get(table)?.has(column) === true;
  for (const [table, columns] of columnsInDatabase) {
    const entry = entries[table];
    if (!entry) continue;
    const personColumns = [...columns].filter((column) => isPersonColumn(table, column));
    for (const column of entry.exportOmit?.columns ?? []) if (!hasColumn(table, column)) problems.push(`${table}.${column} is left out of the export but is not a column of the database`);
    if (entry.subjects === undefined) {
      if (personColumns.length > 0) problems.push(`table ${table} has person columns (${personColumns.join(', ')}) but its register entry names no subject and no reason`);
      continue;
    }
    if (typeof entry.subjects === 'string') continue;
    const subjects = entry.subjects;
    const named = new Set<string>(subjects.notSearched?.columns ?? []);
    for (const kind of SUBJECT_KINDS) {
      for (const subject of subjects[kind] ?? []) {
        named.add(columnOf(subject));
        const referenced = [columnOf(subject), ...(typeof subject !== 'string' && 'when' in subject ? [subject.when.column] : [])];
        for (const column of referenced) if (!hasColumn(table, column)) problems.push(`${table}.${column} is searched for a ${kind} but is not a column of the database`);
        if (typeof subject !== 'string' && 'through' in subject && !(hasColumn(subject.through.table, subject.through.column) && hasColumn(subject.through.table, 'id'))) {
          problems.push(`${table}.${subject.column} goes through ${subject.through.table}.${subject.through.column}, which is not a column of the database`);
        }
      }
    }
    for (const column of personColumns) if (!named.has(column)) problems.push(`person column ${table}.${column} is neither searched for a request of access nor said why not`);
    const scope = subjects.scope;
    if (scope === undefined && !hasColumn(table, 'school_id')) problems.push(`table ${table} has no school_id: its subjects need a scope`);
    if (scope !== undefined && scope !== 'person' && !(hasColumn(table, scope.column) && hasColumn(scope.table, scope.key ?? 'id') && hasColumn(scope.table, scope.schoolColumn ?? 'school_id'))) {
      problems.push(`the scope of ${table} names a column the database does not have`);
    }
  }
  return problems;
}
