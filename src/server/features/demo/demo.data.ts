import type { BoardRole, SchoolKind, SchoolRole } from '../../../shared/roles';
import { DEMO_EMAILS } from '../../../shared/demo-accounts';
import type { ClassPupilsTable, PupilsTable } from '../pupils/pupils.tables';
import type { BoardMembershipsTable, SchoolMembershipsTable, UsersTable } from '../../auth/accounts.tables';
import type { ClassTeachersTable } from '../staff/staff.tables';
import type { BoardsTable, ClassesTable, LocationsTable, SchoolsTable } from '../tenancy/tenancy.tables';
import { seededRandom } from '../../../shared/seeded-random';
import type { CheckinsTable } from '../checkin/checkin.tables';
import { buildDemoCheckins } from './demo-checkins.data';
import { schoolYearAt } from '../../../shared/school-time';

export { DEMO_PASSWORD } from '../../../shared/demo-accounts';

/** The name of the demo board. */
export const DEMO_BOARD_NAME = 'Stichting Voorbeeld';

/** One demo account as README and tests list it. */
export interface DemoLogin {
  email: string;
  name: string;
  role: { nl: string; en: string };
}

/** Every demo account, in the order README lists them. All use DEMO_PASSWORD. */
export const DEMO_LOGINS = [
  { email: DEMO_EMAILS.boardAdmin, name: 'Ingrid Hoekstra', role: { nl: 'bestuurder (beheert het hele bestuur)', en: 'board admin (the whole board)' } },
  { email: DEMO_EMAILS.leadership, name: 'Marco de Wit', role: { nl: 'directie van Basisschool De Vlinderboom', en: 'school leader of Basisschool De Vlinderboom' } },
  { email: DEMO_EMAILS.tsoLead, name: 'Fatima El Idrissi', role: { nl: 'TSO-kartrekker van Basisschool De Vlinderboom', en: 'TSO lead of Basisschool De Vlinderboom' } },
  { email: DEMO_EMAILS.teacher, name: 'Sanne Verbeek', role: { nl: 'leerkracht van groep 5, Basisschool De Vlinderboom', en: 'teacher of groep 5, Basisschool De Vlinderboom' } },
  { email: DEMO_EMAILS.careTeam, name: 'Joost van Dam', role: { nl: 'intern begeleider (zorgteam), Basisschool De Vlinderboom', en: 'care team (intern begeleider), Basisschool De Vlinderboom' } },
  { email: DEMO_EMAILS.teacherSecondSchool, name: 'Kees Wouters', role: { nl: 'mentor van klas 2B, VSO De Horizon', en: 'teacher of klas 2B, VSO De Horizon' } },
  { email: DEMO_EMAILS.schoolAdmin, name: 'Petra Lammers', role: { nl: 'schoolbeheerder van beide scholen', en: 'school admin of both schools' } },
] as const satisfies readonly DemoLogin[];

/** The e-mail address of one demo account. */
export type DemoEmail = (typeof DEMO_LOGINS)[number]['email'];

/** Every row the demo consists of, table by table, ready to insert in this order. */
export interface DemoRows {
  boards: BoardsTable[];
  schools: SchoolsTable[];
  locations: LocationsTable[];
  classes: ClassesTable[];
  users: UsersTable[];
  board_memberships: BoardMembershipsTable[];
  school_memberships: SchoolMembershipsTable[];
  class_teachers: ClassTeachersTable[];
  pupils: PupilsTable[];
  class_pupils: ClassPupilsTable[];
  checkins: CheckinsTable[];
}

/**
 * The pupils of a class, by last and then first name: the order the demo's school-year seeds count "the pupil at
 * position n" of the demo teacher's class in (care files, sociograms, regulation, contact logs, parents).
 */
export function pupilsOfClassByName(rows: DemoRows, classId: string | undefined): PupilsTable[] {
  return rows.pupils
    .filter((pupil) => rows.class_pupils.some((link) => link.class_id === classId && link.pupil_id === pupil.id))
    .sort((a, b) => a.last_name.localeCompare(b.last_name, 'nl') || a.first_name.localeCompare(b.first_name, 'nl'));
}

// Common first names of Dutch children born around 2012-2020.
const FIRST_NAMES = [
  'Noah', 'Emma', 'Liam', 'Julia', 'Daan', 'Mila', 'Sem', 'Tess', 'Lucas', 'Sophie', 'Finn', 'Zoë', 'Levi', 'Nora',
  'Luuk', 'Yara', 'Bram', 'Saar', 'Mees', 'Lotte', 'Adam', 'Fenna', 'Jesse', 'Evi', 'Thijs', 'Lina', 'Mohamed', 'Sara',
  'Milan', 'Noor', 'Ayoub', 'Fleur', 'Jayden', 'Isa', 'Sven', 'Anna', 'Gijs', 'Roos', 'Ryan', 'Elif', 'Ruben', 'Maud',
] as const;
// Family names without a tussenvoegsel.
const PLAIN_LAST_NAMES = [
  'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer',
  'Dijkstra', 'Kok', 'Koster', 'Prins', 'Huisman', 'Postma', 'Kuipers', 'Veenstra', 'Yılmaz', 'El Amrani', 'Bouzid', 'Kaya',
] as const;
// Tussenvoegsels paired with the family names they usually precede (a free mix gives odd names).
const PREFIXED_LAST_NAMES = [
  ['de', 'Vries'], ['de', 'Jong'], ['van', 'Dijk'], ['van den', 'Berg'], ['van der', 'Meer'], ['de', 'Boer'],
  ['van', 'Leeuwen'], ['de', 'Graaf'], ['van den', 'Brink'], ['de', 'Bruijn'], ['ter', 'Horst'], ['van der', 'Veen'],
  ['van', 'Vliet'], ['de', 'Haan'], ['van', 'Beek'], ['van', 'Wijk'],
] as const;

interface DemoClass {
  name: string;
  /** Index into the school's locations. */
  location: number;
  /** The age most pupils have on 1 October of the school year. */
  ageAtStart: number;
  size: number;
}

interface DemoSchool {
  name: string;
  kind: SchoolKind;
  locations: readonly string[];
  firstPupilNumber: number;
  classes: readonly DemoClass[];
}

const DEMO_SCHOOLS: readonly [DemoSchool, DemoSchool] = [
  {
    name: 'Basisschool De Vlinderboom',
    kind: 'primary',
    locations: ['Hoofdgebouw'],
    firstPupilNumber: 10_001,
    classes: [
      { name: 'Groep 3', location: 0, ageAtStart: 6, size: 14 },
      { name: 'Groep 5', location: 0, ageAtStart: 8, size: 13 },
      { name: 'Groep 7', location: 0, ageAtStart: 10, size: 13 },
    ],
  },
  {
    name: 'VSO De Horizon',
    kind: 'special_secondary',
    locations: ['Locatie Meerweg', 'Locatie Stationsplein'],
    firstPupilNumber: 20_001,
    // Special education works in small groups.
    classes: [
      { name: 'Klas 1A', location: 0, ageAtStart: 12, size: 7 },
      { name: 'Klas 2B', location: 0, ageAtStart: 13, size: 7 },
      { name: 'Klas 3C', location: 1, ageAtStart: 14, size: 6 },
    ],
  },
];

type StaffPlace =
  | { board: BoardRole }
  | { school: 0 | 1; role: SchoolRole; classIndex?: number };

const STAFF_PLACES: Record<DemoEmail, readonly StaffPlace[]> = {
  [DEMO_EMAILS.boardAdmin]: [{ board: 'board_admin' }],
  [DEMO_EMAILS.leadership]: [{ school: 0, role: 'leadership' }],
  [DEMO_EMAILS.tsoLead]: [{ school: 0, role: 'tso_lead' }],
  [DEMO_EMAILS.teacher]: [{ school: 0, role: 'teacher', classIndex: 1 }],
  [DEMO_EMAILS.careTeam]: [{ school: 0, role: 'care_team' }],
  [DEMO_EMAILS.teacherSecondSchool]: [{ school: 1, role: 'teacher', classIndex: 1 }],
  [DEMO_EMAILS.schoolAdmin]: [
    { school: 0, role: 'school_admin' },
    { school: 1, role: 'school_admin' },
  ],
};

/**
 * Builds the demo's rows for the school year that `now` falls in. Names and birth dates come from a
 * fixed-seed generator, so every demo shows the same pupils; only ids and timestamps differ.
 */
export function buildDemoRows(input: { now: Date; passwordHash: string; newId: () => string }): DemoRows {
  const { newId, passwordHash } = input;
  const createdAt = input.now.toISOString();
  const schoolYear = schoolYearAt(input.now);
  const firstYear = Number(schoolYear.slice(0, 4));
  const random = seededRandom(20_261_121);
  const rows: DemoRows = {
    boards: [],
    schools: [],
    locations: [],
    classes: [],
    users: [],
    board_memberships: [],
    school_memberships: [],
    class_teachers: [],
    pupils: [],
    class_pupils: [],
    checkins: [],
  };

  const boardId = newId();
  rows.boards.push({ id: boardId, name: DEMO_BOARD_NAME, min_group_size: 5, created_at: createdAt });

  const schoolIds: string[] = [];
  const classIdsPerSchool: string[][] = [];
  for (const school of DEMO_SCHOOLS) {
    const schoolId = newId();
    schoolIds.push(schoolId);
    rows.schools.push({ id: schoolId, board_id: boardId, name: school.name, kind: school.kind, created_at: createdAt });
    const locationIds = school.locations.map((name) => {
      const id = newId();
      rows.locations.push({ id, school_id: schoolId, name, created_at: createdAt });
      return id;
    });
    const classIds: string[] = [];
    const namesInSchool = new Set<string>();
    let pupilNumber = school.firstPupilNumber;
    for (const schoolClass of school.classes) {
      const classId = newId();
      classIds.push(classId);
      rows.classes.push({
        id: classId,
        school_id: schoolId,
        location_id: locationIds[schoolClass.location] ?? null,
        school_year: schoolYear,
        name: schoolClass.name,
        created_at: createdAt,
      });
      for (let i = 0; i < schoolClass.size; i += 1) {
        const { firstName, lastName } = uniquePupilName(random, namesInSchool);
        const pupilId = newId();
        rows.pupils.push({
          id: pupilId,
          school_id: schoolId,
          pupil_number: String(pupilNumber),
          first_name: firstName,
          last_name: lastName,
          birth_date: birthDateFor(random, firstYear, schoolClass.ageAtStart),
          left_on: null,
          created_at: createdAt,
          updated_at: createdAt,
        });
        rows.class_pupils.push({ class_id: classId, pupil_id: pupilId, created_at: createdAt });
        pupilNumber += 1;
      }
    }
    classIdsPerSchool.push(classIds);
  }

  // Groep 5 of the primary school (the demo teacher's class) has four weeks of daily check-ins.
  const checkinClassId = classIdsPerSchool[0]?.[1];
  if (checkinClassId) {
    const pupilIds = rows.class_pupils.filter((link) => link.class_id === checkinClassId).map((link) => link.pupil_id);
    rows.checkins = buildDemoCheckins({ now: input.now, newId, schoolId: schoolIds[0] ?? '', classId: checkinClassId, pupilIds });
  }

  for (const login of DEMO_LOGINS) {
    const userId = newId();
    rows.users.push({ id: userId, email: login.email, name: login.name, password_hash: passwordHash, locale: 'nl', disabled_at: null, created_at: createdAt, home_board_id: boardId });
    for (const place of STAFF_PLACES[login.email]) {
      if ('board' in place) {
        rows.board_memberships.push({ board_id: boardId, user_id: userId, role: place.board, created_at: createdAt });
        continue;
      }
      rows.school_memberships.push({ school_id: schoolIds[place.school] ?? '', user_id: userId, role: place.role, created_at: createdAt });
      const classId = place.classIndex === undefined ? undefined : classIdsPerSchool[place.school]?.[place.classIndex];
      if (classId) rows.class_teachers.push({ class_id: classId, user_id: userId, created_at: createdAt });
    }
  }
  return rows;
}

function uniquePupilName(random: () => number, taken: Set<string>): { firstName: string; lastName: string } {
  for (;;) {
    const firstName = pick(random, FIRST_NAMES);
    // About one in three Dutch family names starts with a tussenvoegsel.
    const lastName = random() < 0.35 ? pick(random, PREFIXED_LAST_NAMES).join(' ') : pick(random, PLAIN_LAST_NAMES);
    const fullName = `${firstName} ${lastName}`;
    if (!taken.has(fullName)) {
      taken.add(fullName);
      return { firstName, lastName };
    }
  }
}

// A pupil who is `age` on 1 October of the school year was born between 1 October and 30 September a year apart.
function birthDateFor(random: () => number, firstYear: number, age: number): string {
  const earliest = Date.UTC(firstYear - age - 1, 9, 2);
  const day = Math.floor(random() * 365);
  return new Date(earliest + day * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

