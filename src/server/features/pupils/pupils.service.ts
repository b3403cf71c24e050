import { schoolYearOf } from '../../../shared/school-year';
import { recordAudit } from '../../audit/audit.service';
import { type Actor, SCHOOL_WIDE_PUPIL_ROLES } from '../../auth/policy';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { findClass } from '../tenancy/tenancy.repository';
import * as repository from './pupils.repository';

/** A pupil with their class in one school year. */
export interface Pupil {
  id: string;
  pupilNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  classId: string | null;
  className: string | null;
}

/** Who is asking for pupils, and in which school. */
export interface PupilReader {
  actor: Actor;
  schoolId: string;
  boardId: string | undefined;
}

/**
 * The pupils of a school in a school year, sorted by class, last name and first name. School
 * admins, leadership and the care team see every pupil; a teacher only those of classes they teach.
 * When a class is asked for without a school year, the class's own school year is used.
 */
export async function listPupils(
  deps: Deps,
  reader: PupilReader,
  query: { schoolYear?: string | undefined; classId?: string | undefined },
): Promise<Pupil[]> {
  const db = deps.db.kysely;
  const { actor, schoolId } = reader;
  const roles = actor.schoolRoles.get(schoolId) ?? [];
  const seesWholeSchool = roles.some((role) => SCHOOL_WIDE_PUPIL_ROLES.includes(role));

  let classYear: string | undefined;
  if (query.classId !== undefined) {
    const schoolClass = await findClass(db, schoolId, query.classId);
    // A teacher learns nothing about classes that are not theirs, not even whether they exist.
    if (!seesWholeSchool && (!schoolClass || !(await repository.isTeacherOfClass(db, schoolClass.id, actor.userId)))) {
      throw new AppError('forbidden');
    }
    if (!schoolClass) throw new AppError('not_found');
    classYear = schoolClass.school_year;
  }
  const schoolYear = query.schoolYear ?? classYear ?? schoolYearOf(deps.clock.now());

  const rows = await repository.listPupilsWithClass(db, schoolId, schoolYear, {
    classId: query.classId,
    taughtByUserId: seesWholeSchool ? undefined : actor.userId,
  });
  const byId = new Map<string, Pupil>();
  for (const row of rows) {
    const pupil: Pupil = {
      id: row.id,
      pupilNumber: row.pupil_number,
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      classId: row.class_id ?? null,
      className: row.class_name ?? null,
    };
    // Placed in two classes of one year (only possible by hand): show the first by name.
    const seen = byId.get(pupil.id);
    if (!seen || (pupil.className !== null && (seen.className === null || compareText(pupil.className, seen.className) < 0))) {
      byId.set(pupil.id, pupil);
    }
  }
  const pupils = [...byId.values()].sort(comparePupils);

  await recordAudit(db, deps.clock, {
    actorUserId: actor.userId,
    action: 'pupils.read',
    targetType: query.classId === undefined ? 'school' : 'class',
    targetId: query.classId ?? schoolId,
    schoolId,
    boardId: reader.boardId ?? null,
    detail: { schoolYear, count: pupils.length },
  });
  return pupils;
}

// Dutch order: "Groep 10" after "Groep 9", and case and accents do not split the list.
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

function compareText(left: string, right: string): number {
  return collator.compare(left, right);
}

/** The part of a last name a Dutch list is sorted on: "van der Berg" sorts under B. */
export function lastNameSortKey(lastName: string): string {
  return lastName.replace(/^(?:[a-z'’]+\s+)+(?=\S)/u, '');
}

/** Orders pupils by class (unplaced last), then last name without tussenvoegsel, then first name. */
export function comparePupils(left: Pupil, right: Pupil): number {
  if (left.className === null || right.className === null) {
    if (left.className !== right.className) return left.className === null ? 1 : -1;
  } else {
    const byClass = compareText(left.className, right.className);
    if (byClass !== 0) return byClass;
  }
  return (
    compareText(lastNameSortKey(left.lastName), lastNameSortKey(right.lastName)) ||
    compareText(left.lastName, right.lastName) ||
    compareText(left.firstName, right.firstName) ||
    compareText(left.pupilNumber, right.pupilNumber)
  );
}
