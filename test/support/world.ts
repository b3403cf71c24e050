import { rolesRequireMfa } from '../../src/server/auth/mfa.service';
import { hashPassword } from '../../src/server/auth/passwords';
import { loadActor } from '../../src/server/auth/sessions.service';
import { isoInstant, newId } from '../../src/server/deps';
import type { SchoolRole } from '../../src/shared/roles';
import { TEST_TOTP_SECRET, type TestApp } from './test-app';
import { schoolYearAt } from '../../src/shared/school-time';

/** The password of every user in a test world. */
export const WORLD_PASSWORD = 'correct horse battery';

/** Names of the users a world creates; each holds one role (see `createWorld`). */
export type WorldUserKey =
  | 'boardAdmin'
  | 'schoolAdmin'
  | 'leadership'
  | 'tsoLead'
  | 'teacher'
  | 'careTeam'
  | 'teacherOtherSchool'
  | 'boardAdminOtherBoard'
  | 'schoolAdminOtherBoard';

/** Ids of everything a test world holds. */
export interface World {
  boardA: string;
  schoolA1: string;
  schoolA2: string;
  boardB: string;
  schoolB1: string;
  locationA1: string;
  classA1: string;
  classA1Other: string;
  classB1: string;
  pupilInClassA1: string;
  pupilInClassA1Other: string;
  pupilB1: string;
  users: Record<WorldUserKey, { id: string; email: string }>;
}

/**
 * Builds two boards: board A with schools A1 and A2, board B with school B1. School A1 has one user
 * per role; the teacher teaches classA1 only. A2 has a teacher; board B has its own admins.
 * With `mfa`, every user whose roles require two-step verification has it set up with `TEST_TOTP_SECRET`.
 */
export async function createWorld(test: TestApp, options: { mfa?: boolean } = {}): Promise<World> {
  const db = test.deps.db.kysely;
  const now = isoInstant(test.clock.now());
  const year = schoolYearAt(test.clock.now());
  const passwordHash = await hashPassword(WORLD_PASSWORD);
  const ids = {
    boardA: newId(),
    schoolA1: newId(),
    schoolA2: newId(),
    boardB: newId(),
    schoolB1: newId(),
    locationA1: newId(),
    classA1: newId(),
    classA1Other: newId(),
    classB1: newId(),
    pupilInClassA1: newId(),
    pupilInClassA1Other: newId(),
    pupilB1: newId(),
  };
  await db
    .insertInto('boards')
    .values([
      { id: ids.boardA, name: 'Bestuur A', min_group_size: 5, created_at: now },
      { id: ids.boardB, name: 'Bestuur B', min_group_size: 5, created_at: now },
    ])
    .execute();
  await db
    .insertInto('schools')
    .values([
      { id: ids.schoolA1, board_id: ids.boardA, name: 'School A1', kind: 'primary', created_at: now },
      { id: ids.schoolA2, board_id: ids.boardA, name: 'School A2', kind: 'special_secondary', created_at: now },
      { id: ids.schoolB1, board_id: ids.boardB, name: 'School B1', kind: 'primary', created_at: now },
    ])
    .execute();
  await db.insertInto('locations').values({ id: ids.locationA1, school_id: ids.schoolA1, name: 'Hoofdgebouw', created_at: now }).execute();
  await db
    .insertInto('classes')
    .values([
      { id: ids.classA1, school_id: ids.schoolA1, location_id: ids.locationA1, school_year: year, name: 'Groep 5', created_at: now },
      { id: ids.classA1Other, school_id: ids.schoolA1, location_id: null, school_year: year, name: 'Groep 6', created_at: now },
      { id: ids.classB1, school_id: ids.schoolB1, location_id: null, school_year: year, name: 'Groep 7', created_at: now },
    ])
    .execute();
  await db
    .insertInto('pupils')
    .values([
      { id: ids.pupilInClassA1, school_id: ids.schoolA1, pupil_number: '1001', first_name: 'Sanne', last_name: 'de Vries', birth_date: '2017-03-04', created_at: now, updated_at: now },
      { id: ids.pupilInClassA1Other, school_id: ids.schoolA1, pupil_number: '1002', first_name: 'Milan', last_name: 'Jansen', birth_date: '2016-05-06', created_at: now, updated_at: now },
      { id: ids.pupilB1, school_id: ids.schoolB1, pupil_number: '1001', first_name: 'Noor', last_name: 'Bakker', birth_date: '2017-01-02', created_at: now, updated_at: now },
    ])
    .execute();
  await db
    .insertInto('class_pupils')
    .values([
      { class_id: ids.classA1, pupil_id: ids.pupilInClassA1, created_at: now },
      { class_id: ids.classA1Other, pupil_id: ids.pupilInClassA1Other, created_at: now },
      { class_id: ids.classB1, pupil_id: ids.pupilB1, created_at: now },
    ])
    .execute();

  const users = {} as World['users'];
  const addUser = async (key: WorldUserKey) => {
    const id = newId();
    const email = `${key.toLowerCase()}@world.test`;
    const homeBoardId = key.endsWith('OtherBoard') ? ids.boardB : ids.boardA;
    await db.insertInto('users').values({ id, email, name: key, password_hash: passwordHash, locale: 'nl', disabled_at: null, created_at: now, home_board_id: homeBoardId }).execute();
    users[key] = { id, email };
    return id;
  };
  const schoolRole = (schoolId: string, userId: string, role: SchoolRole) =>
    db.insertInto('school_memberships').values({ school_id: schoolId, user_id: userId, role, created_at: now }).execute();

  await db.insertInto('board_memberships').values({ board_id: ids.boardA, user_id: await addUser('boardAdmin'), role: 'board_admin', created_at: now }).execute();
  await schoolRole(ids.schoolA1, await addUser('schoolAdmin'), 'school_admin');
  await schoolRole(ids.schoolA1, await addUser('leadership'), 'leadership');
  await schoolRole(ids.schoolA1, await addUser('tsoLead'), 'tso_lead');
  const teacher = await addUser('teacher');
  await schoolRole(ids.schoolA1, teacher, 'teacher');
  await db.insertInto('class_teachers').values({ class_id: ids.classA1, user_id: teacher, created_at: now }).execute();
  await schoolRole(ids.schoolA1, await addUser('careTeam'), 'care_team');
  await schoolRole(ids.schoolA2, await addUser('teacherOtherSchool'), 'teacher');
  await db.insertInto('board_memberships').values({ board_id: ids.boardB, user_id: await addUser('boardAdminOtherBoard'), role: 'board_admin', created_at: now }).execute();
  await schoolRole(ids.schoolB1, await addUser('schoolAdminOtherBoard'), 'school_admin');
  if (options.mfa) await enrollUsersWhoNeedMfa(test, Object.values(users).map((user) => user.id));

  return { ...ids, users };
}

// Stored as enrollment leaves it: confirmed, the secret encrypted for its row, no step used yet.
async function enrollUsersWhoNeedMfa(test: TestApp, userIds: string[]): Promise<void> {
  const db = test.deps.db.kysely;
  const now = isoInstant(test.clock.now());
  for (const userId of userIds) {
    if (!rolesRequireMfa(await loadActor(db, userId, now))) continue;
    const secret = await test.deps.fieldCrypto.encrypt({ table: 'user_mfa', column: 'secret_encrypted', rowId: userId }, TEST_TOTP_SECRET);
    await db
      .insertInto('user_mfa')
      .values({ user_id: userId, secret_encrypted: secret, confirmed_at: now, last_used_step: null, failed_attempts: 0, last_failed_at: null, created_at: now })
      .execute();
  }
}

/** Adds one more staff member to school A1 with one role (teaching `classId` when given): a colleague beside the world's own. */
export async function addSchoolA1Staff(test: TestApp, world: World, member: { name: string; role: SchoolRole; classId?: string }): Promise<string> {
  const db = test.deps.db.kysely;
  const now = isoInstant(test.clock.now());
  const id = newId();
  await db
    .insertInto('users')
    .values({ id, email: `${member.name.toLowerCase()}@world.test`, name: member.name, password_hash: null, locale: 'nl', disabled_at: null, created_at: now, home_board_id: world.boardA })
    .execute();
  await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: id, role: member.role, created_at: now }).execute();
  if (member.classId) await db.insertInto('class_teachers').values({ class_id: member.classId, user_id: id, created_at: now }).execute();
  return id;
}
