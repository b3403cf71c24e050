import { type CareRetentionCategory, CARE_RETENTION_CATEGORIES, DEFAULT_CARE_RETENTION_MONTHS } from '../../../shared/care';
import { CLASS_CODE_MINUTES, KIOSK_HOURS, PUPIL_SESSION_MINUTES } from '../../../shared/checkin';
import { PARENT_LINK_DAYS, PARENT_SESSION_HOURS } from '../../../shared/parents';
import { type Permission, PERMISSIONS } from '../../../shared/permissions';
import { type BoardRole, BOARD_ROLES, type Locale, SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import { RESET_TOKEN_HOURS } from '../../auth/auth.service';
import type { Config } from '../../config';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from '../../crypto/encrypted-columns';
import { roleLabelOf } from '../../i18n/labels';
import { INVITATION_DAYS } from '../staff/staff-invitations.service';
import { STAGED_IMPORT_HOURS } from '../pupils/pupil-import.service';
import { CATEGORY_DESCRIPTIONS, REGISTER_CATEGORIES, type RegisterCategory } from './register-categories';
import { type RetentionRule, type SelfReader, TABLE_ENTRIES, type TableEntry } from './register-tables';
import type { ProcessingRegister } from './privacy-register.schemas';

// The processing register as the privacy officer reads it: the entries of register-tables.ts with everything that
// can be computed filled in — the roles behind each permission, the encrypted columns, the retention with the real
// figures. Pure: the routes pass in the school's care terms, the tests pass in a register with an entry left out.

/** The roles whose holders pass at least one of the permissions (a school role, a board role, the working group). */
export function rolesReading(permissions: readonly Permission[]): { schoolRoles: SchoolRole[]; boardRoles: BoardRole[]; workingGroup: boolean } {
  const rules = permissions.map((permission) => PERMISSIONS[permission] as { schoolRoles: readonly string[]; boardRoles: readonly string[]; workingGroup?: string });
  return {
    // In the order of roles.ts, so a register reads the same every time.
    schoolRoles: SCHOOL_ROLES.filter((role) => rules.some((rule) => rule.schoolRoles.includes(role))),
    boardRoles: BOARD_ROLES.filter((role) => rules.some((rule) => rule.boardRoles.includes(role))),
    workingGroup: rules.some((rule) => rule.workingGroup !== undefined),
  };
}

/** The encrypted columns of a table, from THE registry of encrypted columns. */
export function encryptedColumnsOf(table: string, encrypted: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS): string[] {
  return encrypted.filter((entry) => entry.table === table).map((entry) => entry.column);
}

/** A care category's term in months and whether it is the default. */
export type CareTerms = ReadonlyMap<CareRetentionCategory, { months: number; isDefault: boolean }>;

/** The default care terms (a board's register: each school may set its own). */
export const DEFAULT_CARE_TERMS: CareTerms = new Map(CARE_RETENTION_CATEGORIES.map((category) => [category, { months: DEFAULT_CARE_RETENTION_MONTHS, isDefault: true }]));

/** What the retention texts need to know. */
export interface RetentionContext {
  config: Pick<Config, 'checkinRetentionExtraYears' | 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;
  careTerms: CareTerms;
  /** Whether the care terms are one school's own (false: the defaults of a board's register). */
  isSchool: boolean;
}

/** The retention rule as a sentence with the real figures, in the reader's language. */
export function retentionTextOf(rule: RetentionRule, context: RetentionContext, locale: Locale): string {
  const nl = locale === 'nl';
  const years = context.config.checkinRetentionExtraYears;
  if (rule.startsWith('care.')) {
    const term = context.careTerms.get(rule.slice('care.'.length) as CareRetentionCategory) ?? { months: DEFAULT_CARE_RETENTION_MONTHS, isDefault: true };
    const own = context.isSchool
      ? term.isDefault
        ? nl ? ' (de standaardtermijn)' : ' (the default term)'
        : nl ? ' (eigen termijn van de school)' : ' (the school’s own term)'
      : nl ? ' (standaard; elke school kan een eigen termijn kiezen)' : ' (default; each school may set its own term)';
    return nl
      ? `${term.months} maanden nadat de leerling de school verliet${own}; daarna verwijdert een dagelijkse taak het.`
      : `${term.months} months after the pupil left the school${own}; then a daily job deletes it.`;
  }
  switch (rule) {
    case 'checkins':
      return nl
        ? `Het lopende schooljaar en ${years} ${years === 1 ? 'schooljaar' : 'schooljaren'} daarvoor; daarna verwijdert een dagelijkse taak de ruwe gegevens en blijven alleen anonieme tellingen per klas.`
        : `The current school year and ${years} ${years === 1 ? 'school year' : 'school years'} before it; then a daily job deletes the raw data and only anonymous counts per class remain.`;
    case 'sociograms':
      return nl
        ? `Zoals de check-in: het lopende schooljaar en ${years} daarvoor; daarna blijven alleen tellingen per klas (hoeveel leerlingen, hoeveel antwoorden).`
        : `Like the check-in: the current school year and ${years} before it; then only counts per class remain (how many pupils, how many answered).`;
    case 'secret_links':
      return nl
        ? `Een herstellink werkt ${RESET_TOKEN_HOURS} uur, een uitnodiging ${INVITATION_DAYS} dagen; binnen een uur na het verlopen wordt de link verwijderd. De mail zelf blijft in het postvak zolang de school het gebruikt.`
        : `A reset link works ${RESET_TOKEN_HOURS} hours, an invitation ${INVITATION_DAYS} days; within an hour after it expires the link is deleted. The mail itself stays in the outbox while the school uses it.`;
    case 'staged_imports':
      return nl ? `${STAGED_IMPORT_HOURS} uur; daarna verwijdert een taak die elk uur draait de klaargezette import.` : `${STAGED_IMPORT_HOURS} hours; then an hourly job deletes the staged import.`;
    case 'sessions':
      return nl
        ? `Een sessie eindigt na ${context.config.sessionIdleMinutes} minuten zonder gebruik of na ${context.config.sessionAbsoluteHours} uur; verlopen sessies en tokens worden verwijderd.`
        : `A session ends after ${context.config.sessionIdleMinutes} idle minutes or after ${context.config.sessionAbsoluteHours} hours; expired sessions and tokens are deleted.`;
    case 'short_lived':
      return nl ? 'Kortlevend: verloopt binnen minuten tot uren en wordt daarna verwijderd.' : 'Short-lived: expires within minutes to hours and is then deleted.';
    case 'pupil_access':
      return nl
        ? `Een klascode werkt ${CLASS_CODE_MINUTES} minuten, een leerlingsessie ${PUPIL_SESSION_MINUTES} minuten, een klasapparaat ${KIOSK_HOURS} uur; daarna worden ze verwijderd.`
        : `A class code works ${CLASS_CODE_MINUTES} minutes, a pupil session ${PUPIL_SESSION_MINUTES} minutes, a class device ${KIOSK_HOURS} hours; then they are deleted.`;
    case 'parent_access':
      return nl
        ? `Een link voor ouders werkt ${PARENT_LINK_DAYS} dagen en één keer, een oudersessie ${PARENT_SESSION_HOURS} uur.`
        : `A parent link works ${PARENT_LINK_DAYS} days and once, a parent session ${PARENT_SESSION_HOURS} hours.`;
    case 'audit':
      return nl
        ? 'Zolang de installatie bestaat: het logboek is een aaneengesloten hash-keten waaruit niets verwijderd kan worden zonder dat het opvalt.'
        : 'As long as the installation exists: the audit log is an unbroken hash chain from which nothing can be deleted unnoticed.';
    case 'pupil':
      return nl
        ? 'Tot de school de leerling verwijdert (bijvoorbeeld bij het voorbereiden van een nieuw schooljaar); zorggegevens volgen hun eigen termijn.'
        : 'Until the school removes the pupil (for example when preparing a new school year); care data follows its own term.';
    case 'in_use':
      return nl ? 'Zolang de school ermee werkt; wie het bijhoudt, kan het verwijderen.' : 'While the school works with it; whoever keeps it can delete it.';
    case 'anonymous':
      return nl ? 'Geen termijn nodig: anonieme tellingen.' : 'No term needed: anonymous counts.';
    case 'reference':
      return nl ? 'Geen termijn nodig: geen persoonsgegevens.' : 'No term needed: no personal data.';
  }
  return rule;
}

const SELF_READER_LABELS: Record<Locale, Record<SelfReader, string>> = {
  nl: { pupil: 'de leerling zelf', parent: 'de ouder zelf', staff_member: 'de medewerker zelf' },
  en: { pupil: 'the pupil themself', parent: 'the parent themself', staff_member: 'the staff member themself' },
};

/** Who reads a table, as words: the roles of its permissions, the working group, the person themself. */
export function readersOf(entry: TableEntry, locale: Locale): string[] {
  const roles = rolesReading(entry.readBy);
  const readers = [...roles.schoolRoles, ...roles.boardRoles].map((role) => roleLabelOf(locale, role));
  if (roles.workingGroup) readers.push(locale === 'nl' ? 'de TSO-werkgroep' : 'the TSO working group');
  if (entry.self) readers.push(SELF_READER_LABELS[locale][entry.self]);
  if (readers.length === 0) readers.push(locale === 'nl' ? 'niemand (alleen de software zelf)' : 'nobody (only the software itself)');
  return readers;
}

/** The register for a reader: every category with its tables, in the order of REGISTER_CATEGORIES and of the entries. */
export function buildRegister(
  context: RetentionContext,
  locale: Locale,
  entries: { readonly [table: string]: TableEntry | undefined } = TABLE_ENTRIES,
): ProcessingRegister['categories'] {
  const byCategory = new Map<RegisterCategory, ProcessingRegister['categories'][number]['tables']>(REGISTER_CATEGORIES.map((category) => [category, []]));
  for (const [table, entry] of Object.entries(entries)) {
    if (!entry) continue;
    byCategory.get(entry.category)?.push({
      table,
      holds: entry.holds[locale],
      permissions: [...entry.readBy],
      readers: readersOf(entry, locale),
      retention: retentionTextOf(entry.retention, context, locale),
      encryptedColumns: encryptedColumnsOf(table),
    });
  }
  return REGISTER_CATEGORIES.map((category) => {
    const description = CATEGORY_DESCRIPTIONS[category];
    return {
      category,
      name: description.name[locale],
      purpose: description.purpose[locale],
      legalBasis: description.legalBasis[locale],
      isSpecial: description.isSpecial,
      tables: byCategory.get(category) ?? [],
    };
  });
}

/** What the checker compares: the register's entries against the real database and the encryption registry. */
export interface RegisterCheckInput {
  entries: { readonly [table: string]: TableEntry | undefined };
  /** The tables of the migrated database (Kysely's own migration tables left out). */
  tablesInDatabase: readonly string[];
  /** The columns of each table of the migrated database. */
  columnsInDatabase: ReadonlyMap<string, ReadonlySet<string>>;
  encryptedColumns: readonly EncryptedColumn[];
}

/**
 * Every way the register is untrue, as readable lines (none: it describes the database): a table without an entry,
 * an entry for a table that does not exist, an encrypted column whose table has no entry or that does not exist.
 */
export function registerProblems(input: RegisterCheckInput): string[] {
  const problems: string[] = [];
  const described = new Set(Object.entries(input.entries).flatMap(([table, entry]) => (entry ? [table] : [])));
  const existing = new Set(input.tablesInDatabase);
  for (const table of [...existing].sort()) if (!described.has(table)) problems.push(`table ${table} has no entry in the processing register`);
  for (const table of [...described].sort()) if (!existing.has(table)) problems.push(`the processing register describes ${table}, which is not a table of the database`);
  for (const { table, column } of input.encryptedColumns) {
    if (!described.has(table)) problems.push(`encrypted column ${table}.${column} is not described: its table has no register entry`);
    else if (!input.columnsInDatabase.get(table)?.has(column)) problems.push(`encrypted column ${table}.${column} is not a column of the database`);
  }
  return problems;
}
