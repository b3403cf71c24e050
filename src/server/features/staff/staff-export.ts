import { type Locale, SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import { schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { type ExportTable, type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import type { ExportFile } from '../../http/export-reply';
import { roleLabelOf } from '../../i18n/labels';
import { slugOf } from '../selfscan/selfscan-report.service';
import { listClasses } from '../tenancy/tenancy.repository';
import type { StaffMember } from './staff.schemas';
import { listStaff, requireSchool } from './staff.service';

// The staff page's table as a download: the same people, roles, classes of this school year, start dates and
// status as the page shows to those who may read the staff list. It holds names and e-mail addresses, so every
// download is audited (`staff.exported`, with a count only).

/** A staff member's status, as the page's badge shows it. */
export type StaffStatus = 'active' | 'account_disabled' | 'blocked' | 'invitation_pending';

interface Texts {
  sheet: string;
  name: string;
  email: string;
  roles: string;
  pendingRoles: string;
  classes: string;
  startedOn: string;
  joinedOn: string;
  status: string;
  statuses: Record<StaffStatus, string>;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    sheet: 'Personeel',
    name: 'Naam',
    email: 'E-mailadres',
    roles: 'Rollen',
    pendingRoles: 'Rollen die wachten op goedkeuring',
    classes: 'Klassen',
    startedOn: 'In dienst sinds',
    joinedOn: 'Eerste rol gekregen op',
    status: 'Status',
    statuses: {
      active: 'Actief',
      account_disabled: 'Account uitgeschakeld door het bestuur',
      blocked: 'Geblokkeerd in deze school',
      invitation_pending: 'Nog geen wachtwoord gekozen',
    },
  },
  en: {
    sheet: 'Staff',
    name: 'Name',
    email: 'Email address',
    roles: 'Roles',
    pendingRoles: 'Roles awaiting approval',
    classes: 'Classes',
    startedOn: 'Employed since',
    joinedOn: 'First role given on',
    status: 'Status',
    statuses: {
      active: 'Active',
      account_disabled: 'Account switched off by the board',
      blocked: 'Blocked in this school',
      invitation_pending: 'No password chosen yet',
    },
  },
};

/** The status the staff page shows: switched off by the board first, then blocked here, then not yet signed up. */
export function staffStatusOf(member: StaffMember): StaffStatus {
  if (member.accountDisabled) return 'account_disabled';
  if (member.blocked) return 'blocked';
  if (member.invitationPending) return 'invitation_pending';
  return 'active';
}

/** One row: a staff member and the names of their classes this school year. */
export interface StaffRow {
  member: StaffMember;
  classNames: string[];
}

const LIST_SEPARATOR = ', ';

const nameOf = (member: StaffMember) => member.name || member.email;

/** The staff list: name (the e-mail address when there is none), e-mail, roles, classes, dates and status. */
export function staffTableOf(rows: readonly StaffRow[], locale: Locale): ExportTable<StaffRow> {
  const text = TEXTS[locale];
  // Roles in one fixed order (the order of SCHOOL_ROLES), whatever order the database gave them in.
  const ordered = (roles: readonly SchoolRole[]) => SCHOOL_ROLES.filter((role) => roles.includes(role));
  const codes = (roles: readonly SchoolRole[]) => ordered(roles).join(',');
  const labels = (roles: readonly SchoolRole[]) => ordered(roles).map((role) => roleLabelOf(locale, role)).join(LIST_SEPARATOR);
  return {
    sheet: text.sheet,
    rows,
    columns: [
      { key: 'name', header: text.name, kind: 'text', value: ({ member }) => nameOf(member) },
      { key: 'email', header: text.email, kind: 'text', value: ({ member }) => member.email },
      { key: 'roles', header: text.roles, kind: 'text', value: ({ member }) => codes(member.roles), shown: ({ member }) => labels(member.roles) },
      { key: 'pendingRoles', header: text.pendingRoles, kind: 'text', value: ({ member }) => codes(member.pendingRoles), shown: ({ member }) => labels(member.pendingRoles) },
      { key: 'classes', header: text.classes, kind: 'text', value: ({ classNames }) => classNames.join(LIST_SEPARATOR) },
      { key: 'startedOn', header: text.startedOn, kind: 'date', value: ({ member }) => member.startedOn },
      { key: 'joinedOn', header: text.joinedOn, kind: 'date', value: ({ member }) => member.joinedOn },
      { key: 'status', header: text.status, kind: 'text', value: ({ member }) => staffStatusOf(member), shown: ({ member }) => text.statuses[staffStatusOf(member)] },
    ],
  };
}

// Dutch order: "Groep 10" after "Groep 9".
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** The staff list of a school as a workbook (for people, in the chosen language) or CSV (for machines). */
export async function exportStaff(deps: Deps, caller: StaffCaller, schoolId: string, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const school = await requireSchool(deps, schoolId);
  const staff = await listStaff(deps, schoolId);
  // The classes of this school year, as the staff page shows them.
  const classNames = new Map((await listClasses(deps.db.kysely, schoolId, schoolYearAt(deps.clock.now()))).map((row) => [row.id, row.name]));
  // Sorted here by name, not by the database: SQLite and PostgreSQL collate differently.
  const sorted = [...staff].sort((left, right) => collator.compare(nameOf(left), nameOf(right)) || collator.compare(left.email, right.email));
  const rows = sorted.map((member) => ({
    member,
    classNames: member.classIds
      .map((id) => classNames.get(id))
      .filter((name): name is string => name !== undefined)
      .sort(collator.compare),
  }));
  const file = await spreadsheetFileOf(staffTableOf(rows, locale), format, locale, `personeel-${slugOf(school.name)}`);
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId: caller.userId,
    action: 'staff.exported',
    targetType: 'school',
    targetId: school.id,
    schoolId: school.id,
    boardId: school.board_id,
    detail: { format, rows: rows.length, ...(format === 'xlsx' ? { language: locale } : {}) },
  });
  return file;
}
