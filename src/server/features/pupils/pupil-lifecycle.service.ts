import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import type { StaffCaller } from '../../access/caller';
import { isClassInScope, isPupilInScope, pupilScopeOf } from '../../access/record-scope';
import type { Database } from '../../db/database';
import { withConflictCheck } from '../../db/db-errors';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { findClass } from '../tenancy/tenancy.repository';
import * as repository from './pupils.repository';
import type { Pupil, PupilDetails } from './pupils.schemas';
import { pupilsOf } from './pupils.service';
import type { PupilRow } from './pupils.tables';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';

// A pupil through the school year: correcting their details, moving them to another class, marking them as
// left on a date (they then drop out of class lists, check-in, login cards and kiosks; their past data stays)
// and undoing that. Each change is one audit event that names the fields, never their values.

/** Corrects a pupil's pupil number, names and birth date. */
export async function updatePupilDetails(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, details: PupilDetails): Promise<Pupil> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  if (details.birthDate !== null && details.birthDate > today) {
    throw new AppError('validation_failed', { fields: { 'body.birthDate': ['the birth date lies in the future'] } });
  }
  await withConflictCheck(() =>
    db.transaction().execute(async (trx) => {
      const pupil = await requireManagedPupil(trx, caller, schoolId, pupilId, deps.clock.now());
      const changed = changedFields(pupil, details);
      if (changed.length === 0) return;
      if (changed.includes('pupilNumber') && (await repository.isPupilNumberTaken(trx, schoolId, details.pupilNumber, pupilId))) {
        throw new AppError('pupil_number_taken', { fields: { 'body.pupilNumber': ['another pupil of the school has this number'] } });
      }
      await repository.updatePupil(trx, schoolId, pupilId, {
        pupil_number: details.pupilNumber,
        first_name: details.firstName,
        last_name: details.lastName,
        birth_date: details.birthDate,
        updated_at: isoInstant(deps.clock.now()),
      });
      await auditPupilChange(trx, deps, caller, schoolId, pupilId, 'pupils.updated', { fields: changed });
    }),
  );
  return pupilInYear(db, schoolId, pupilId, schoolYearAt(deps.clock.now()));
}

/** Moves a pupil into a class, out of any other class of that class's school year. */
export async function movePupil(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, input: { classId: string }): Promise<Pupil> {
  const db = deps.db.kysely;
  const schoolYear = await db.transaction().execute(async (trx) => {
    const pupil = await requireManagedPupil(trx, caller, schoolId, pupilId, deps.clock.now());
    if (pupil.left_on !== null) throw new AppError('pupil_has_left');
    const target = await findClass(trx, schoolId, input.classId);
    if (!target || !(await isClassInScope(trx, pupilScopeOf(caller.actor, schoolId, 'pupil_records'), target.id))) throw new AppError('validation_failed', { fields: { 'body.classId': ['unknown class'] } });
    const current = (await repository.findPlacements(trx, schoolId, target.school_year, [pupilId])).map((row) => row.class_id);
    const elsewhere = current.filter((classId) => classId !== target.id);
    if (elsewhere.length === 0 && current.includes(target.id)) return target.school_year;
    await repository.deletePlacements(trx, pupilId, elsewhere);
    if (!current.includes(target.id)) {
      await repository.insertPlacements(trx, [{ class_id: target.id, pupil_id: pupilId, created_at: isoInstant(deps.clock.now()) }]);
    }
    await auditPupilChange(trx, deps, caller, schoolId, pupilId, 'pupils.moved', { schoolYear: target.school_year, fromClassIds: elsewhere, toClassId: target.id });
    return target.school_year;
  });
  return pupilInYear(db, schoolId, pupilId, schoolYear);
}

/**
 * Marks a pupil as left the school on a school date (today or earlier); again with another date corrects it.
 * Their placements stay, so what they did in their classes stays readable to those allowed.
 */
export async function markPupilLeft(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, input: { leftOn: string }): Promise<Pupil> {
  if (input.leftOn > schoolDateOf(deps.clock.now())) {
    throw new AppError('validation_failed', { fields: { 'body.leftOn': ['the date lies in the future'] } });
  }
  return setLeftOn(deps, caller, schoolId, pupilId, input.leftOn);
}

/** Undoes marking a pupil as left ("terugzetten"): they are at the school again, in the classes they had. */
export async function undoPupilLeft(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<Pupil> {
  return setLeftOn(deps, caller, schoolId, pupilId, null);
}

async function setLeftOn(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, leftOn: string | null): Promise<Pupil> {
  const db = deps.db.kysely;
  await db.transaction().execute(async (trx) => {
    const pupil = await requireManagedPupil(trx, caller, schoolId, pupilId, deps.clock.now());
    if (pupil.left_on === leftOn) return;
    await repository.setPupilLeftOn(trx, schoolId, pupilId, leftOn, isoInstant(deps.clock.now()));
    if (leftOn === null) await auditPupilChange(trx, deps, caller, schoolId, pupilId, 'pupils.returned', { leftOn: pupil.left_on });
    else await auditPupilChange(trx, deps, caller, schoolId, pupilId, 'pupils.left', { leftOn, before: pupil.left_on });
  });
  return pupilInYear(db, schoolId, pupilId, schoolYearAt(deps.clock.now()));
}

// The pupil, within the caller's record scope; one outside it is simply not found (need-to-know). For a
// teacher the scope is the classes they teach this school year.
async function requireManagedPupil(db: Kysely<Database>, caller: StaffCaller, schoolId: string, pupilId: string, now: Date): Promise<PupilRow> {
  const pupil = await repository.findPupil(db, schoolId, pupilId);
  const scope = pupilScopeOf(caller.actor, schoolId, 'pupil_records');
  if (!pupil || !(await isPupilInScope(db, scope, schoolId, pupilId, schoolYearAt(now)))) throw new AppError('not_found');
  return pupil;
}

async function pupilInYear(db: Kysely<Database>, schoolId: string, pupilId: string, schoolYear: string): Promise<Pupil> {
  const [pupil] = pupilsOf(await repository.listPupilsWithClass(db, schoolId, schoolYear, { pupilId, scope: { wholeSchool: true } }));
  if (!pupil) throw new AppError('not_found');
  return pupil;
}

function changedFields(pupil: PupilRow, details: PupilDetails): (keyof PupilDetails)[] {
  const stored: PupilDetails = { pupilNumber: pupil.pupil_number, firstName: pupil.first_name, lastName: pupil.last_name, birthDate: pupil.birth_date };
  return (Object.keys(stored) as (keyof PupilDetails)[]).filter((field) => stored[field] !== details[field]);
}

async function auditPupilChange(
  db: Kysely<Database>,
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  pupilId: string,
  action: 'pupils.updated' | 'pupils.moved' | 'pupils.left' | 'pupils.returned',
  detail: Record<string, unknown>,
): Promise<void> {
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action,
    targetType: 'pupil',
    targetId: pupilId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail,
  });
}
