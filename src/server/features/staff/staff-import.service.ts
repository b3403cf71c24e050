import type { StaffImportAction } from '../../../shared/staff-import';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { CsvUnreadableError } from '../../http/csv-upload';
import { readStaffImport, type StaffImportFile } from './staff-import.parse';
import { addInvitation, INVITATION_ANSWER_FLOOR_MS } from './staff-invitations.service';
import type { StaffImportPreview, StaffImportResult, StaffMember } from './staff.schemas';
import { listStaff, requireSchool, setStartDate } from './staff.service';

// The staff import: a CSV with name, e-mail, roles and start date. The preview writes nothing; confirming
// sends the same file again, is checked again, and imports only a file without errors. A new person becomes
// an invitation through the one invitation path (staff-invitations.service.ts: account homed in the board,
// care-team roles waiting for a second person, the same answer for new and existing addresses); someone already
// on this school's staff only gets the start date from the file — their roles are changed on the staff page.

/** Checks a staff file and says per row what confirming would do; writes nothing. */
export async function previewStaffImport(deps: Deps, caller: StaffCaller, schoolId: string, csv: string): Promise<StaffImportPreview> {
  await requireSchool(deps, schoolId);
  const file = await readFile(deps, caller, csv);
  const staff = staffByEmail(await listStaff(deps, schoolId));
  const rows = file.rows.map((row) => ({ ...row, action: row.errors.length > 0 ? null : actionOf(row, staff.get(row.email)) }));
  return { missingColumns: file.missingColumns, tooManyRows: file.tooManyRows, rows, errorRowCount: rows.filter((row) => row.errors.length > 0).length };
}

/**
 * Imports a checked staff file: invites the new people (with their start date, set when they accept) and sets
 * the start date of people already on the staff. A file with any error imports nothing (`import_has_errors`).
 * One `staff.imported` event counts what happened, beside each invitation's and start date's own event.
 */
export async function confirmStaffImport(deps: Deps, caller: StaffCaller, schoolId: string, csv: string, baseUrl: string): Promise<Omit<StaffImportResult, 'mailDelivery'>> {
  const floor = new Promise((resolve) => setTimeout(resolve, INVITATION_ANSWER_FLOOR_MS));
  const school = await requireSchool(deps, schoolId);
  const file = await readFile(deps, caller, csv);
  if (file.missingColumns.length > 0 || file.tooManyRows || file.rows.length === 0 || file.rows.some((row) => row.errors.length > 0)) {
    throw new AppError('import_has_errors', { detail: 'the staff file has errors; preview it first' });
  }
  const staff = staffByEmail(await listStaff(deps, schoolId));
  const result = { invited: 0, startDatesSet: 0, unchanged: 0 };
  for (const row of file.rows) {
    const member = staff.get(row.email);
    const action = actionOf(row, member);
    if (action === 'invite') {
      await addInvitation(deps, caller, schoolId, { name: row.name, email: row.email, roles: row.roles, classIds: [], startedOn: row.startedOn }, baseUrl);
      result.invited += 1;
    } else if (action === 'set_start_date' && member) {
      await setStartDate(deps, caller, schoolId, member.userId, row.startedOn);
      result.startDatesSet += 1;
    } else result.unchanged += 1;
  }
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId: caller.userId,
    action: 'staff.imported',
    targetType: 'school',
    targetId: schoolId,
    schoolId,
    boardId: school.board_id,
    detail: { rows: file.rows.length, ...result },
  });
  // One least answer time for the whole file, as for one invitation: new and existing addresses look alike.
  await floor;
  return result;
}

async function readFile(deps: Deps, caller: StaffCaller, csv: string): Promise<StaffImportFile> {
  try {
    return await readStaffImport(csv, schoolDateOf(deps.clock.now()), caller.user.email);
  } catch (error) {
    if (error instanceof CsvUnreadableError) throw new AppError('validation_failed', { fields: { 'body.csv': [error.reason] }, cause: error });
    throw error;
  }
}

function staffByEmail(staff: readonly StaffMember[]): Map<string, StaffMember> {
  return new Map(staff.map((member) => [member.email, member]));
}

// Someone on the staff already keeps their roles: the file only brings their start date (if it has one).
function actionOf(row: { startedOn: string | null }, member: StaffMember | undefined): StaffImportAction {
  if (!member) return 'invite';
  return row.startedOn !== null && row.startedOn !== member.startedOn ? 'set_start_date' : 'unchanged';
}

