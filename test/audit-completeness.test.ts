import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction } from '../src/server/audit/audit.service';
import { verifyAuditChain } from '../src/server/audit/audit-verify';
import { startSession } from '../src/server/auth/sessions.service';
import { loadShippedModels } from '../src/server/features/selfscan/model-catalogue';
import { shippedModelId } from '../src/server/features/selfscan/selfscan.service';
import { aspectIdsOf } from '../src/shared/selfscan-model';
import { addDays, schoolDateOf } from '../src/shared/school-time';
import { createTestApp, type Login, requestAs, type TestApp } from './support/test-app';
import { importPupilFile } from './support/pupil-import';
import { kioskDeviceFor } from './support/pupil-access';
import { loadShippedProfiles } from '../src/server/features/team/competence-profile-catalogue';
import { testDialects } from './support/test-db';
import { createWorld, type World, WORLD_PASSWORD, type WorldUserKey } from './support/world';

// Issue 6: every read of sensitive pupil data, every export, role change and sign-in (success and
// failure) writes exactly one audit event saying who, what, which record and when (UTC). One row per
// action, done through HTTP like a browser would. MFA events are covered by the MFA tests.

const model = loadShippedModels()[0]!;
const [MOTIVATION] = aspectIdsOf(model) as [string];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PUPIL_CSV = readFileSync(new URL('./fixtures/pupil-imports/parnassys.csv', import.meta.url), 'utf8');
const PARNASSYS_MAPPING = {
  pupilNumber: 'Leerlingnummer',
  firstName: 'Roepnaam',
  lastName: 'Achternaam',
  prefix: 'Tussenvoegsel',
  birthDate: 'Geboortedatum',
  className: 'Groep',
};

/** What one action must leave in the audit log. */
interface ExpectedEvent {
  action: AuditAction;
  actor: WorldUserKey | null;
  targetType: string | null;
  targetId: string | null;
  schoolId: string | null;
  boardId: string | null;
  /** Parts of the structured detail the event must carry. */
  detail?: Record<string, unknown>;
}

/** One audited action: how to do it, and the one event it must write. */
interface AuditedAction {
  name: string;
  perform: () => Promise<LightMyRequestResponse>;
  /** The HTTP status the action answers with (200 unless set). */
  status?: number;
  expected: () => ExpectedEvent;
}

describe.each(testDialects())('audit completeness on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let roundId: string;
  let trainingId = '';
  let stagedImportId = '';
  const sessions = new Map<WorldUserKey, Login>();

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    // Sessions are made directly, so signing in for the other rows writes no event of its own.
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }
  const roundUrl = () => `/api/schools/${world.schoolA1}/selfscan/rounds/${roundId}`;
  const userId = (key: WorldUserKey) => world.users[key].id;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const opened = await requestAs(test.app, await as('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds`, {
      name: 'Najaar',
      modelId: shippedModelId(model.id, model.version),
      opensOn: '2026-11-21',
      closesOn: '2026-11-30',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    for (const key of ['teacher', 'careTeam', 'tsoLead'] as const) {
      const rated = await requestAs(test.app, await as(key), 'PUT', `${roundUrl()}/ratings/${MOTIVATION}`, { phase: 2 });
      expect(rated.statusCode, rated.body).toBe(200);
    }
    const shared = await requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/settings`, { sharesSelfscanWithBoard: true });
    expect(shared.statusCode, shared.body).toBe(200);
  });
  afterAll(async () => test.close());

  const school = (targetType: string | null, targetId: () => string | null) => () => ({ targetType, targetId: targetId(), schoolId: world.schoolA1, boardId: world.boardA });
  const signIn = (email: () => string, password: string) => () =>
    test.app.inject({ method: 'POST', url: '/api/session', payload: { email: email(), password } });

  const care = (path = '') => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care${path}`;
  const carePupil = school('pupil', () => world.pupilInClassA1);
  let trustedAdultId = '';
  let plannedConversationId = '';
  let conversationId = '';
  let referralId = '';
  let parentContactId = '';
  const parentContacts = (path = '') => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-contacts${path}`;
  let caseId = '';
  let climateRatingId = '';
  let sociogramId = '';
  let lessonGivenId = '';
  let partnerOrganisationId = '';
  let partnerContactId = '';
  let partnerAgreementId = '';
  // Parent access (issue 16): a parent of the teacher's pupil, their one-time link and parent session.
  let parentId = '';
  let parentLink = '';
  let parentSession: Login = { cookie: '', csrfToken: '' };
  let acesQuestionnaireId = '';
  let wellbeingQuestionnaireId = '';
  const pupilParents = (path = '') => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parents${path}`;
  const parentTarget = school('parent', () => parentId);
  const byParent = (targetType: string, targetId: () => string) => () => ({ targetType, targetId: targetId(), schoolId: world.schoolA1, boardId: null });
  const partnerOrganisation = (path = '') => `/api/schools/${world.schoolA1}/partners/organisations/${partnerOrganisationId}${path}`;
  const partnerTarget = school('partner_organisation', () => partnerOrganisationId);
  let onboardingPairId = '';
  const onboarding = (path = '') => `/api/schools/${world.schoolA1}/team/onboarding${path}`;
  const onboardingPair = school('onboarding_pair', () => onboardingPairId);
  // The team's wellbeing pulse and the reflection journal (issue 17): dates and counts in the detail, never a text.
  let teamPulseId = '';
  let laterTeamPulseId = '';
  let journalEntryId = '';
  // The competence profile and the intervision log (issue 17): ids, kinds and counts in the detail, never a step or a text.
  let assessmentId = '';
  let competenceShareId = '';
  let competenceProfileId = '';
  let intervisionSessionId = '';
  const competence = (path = '') => `/api/schools/${world.schoolA1}/team/competence${path}`;
  const intervision = (path = '') => `/api/schools/${world.schoolA1}/team/intervision${path}`;
  const teamPulse = (path = '') => `/api/schools/${world.schoolA1}/team/pulse${path}`;
  const teamJournal = (path = '') => `/api/schools/${world.schoolA1}/team/journal${path}`;
  const schoolToday = () => schoolDateOf(test.clock.now());
  const sociogram = (path = '') => `/api/schools/${world.schoolA1}/sociograms/${sociogramId}${path}`;
  const classGroup = (path = '') => `/api/schools/${world.schoolA1}/classes/${world.classA1}/group${path}`;

  const actions: AuditedAction[] = [
    {
      name: 'reading the pupils of a school',
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/pupils`),
      expected: () => ({ action: 'pupils.read', actor: 'careTeam', ...school('school', () => world.schoolA1)() }),
    },
    {
      name: "reading the pupils of a teacher's class",
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/pupils?classId=${world.classA1}`),
      expected: () => ({ action: 'pupils.read', actor: 'teacher', ...school('class', () => world.classA1)() }),
    },
    {
      name: "opening the check-in kiosk on a class's device",
      perform: async () => requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/kiosk`),
      expected: () => ({ action: 'checkin.kiosk_opened', actor: 'teacher', ...school('class', () => world.classA1)() }),
    },
    {
      name: "closing the check-in kiosks of a class from the staff side (the one opened above)",
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/kiosks`),
      expected: () => ({ action: 'checkin.kiosk_closed', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { count: 1 } }),
    },
    {
      name: 'printing check-in login cards for a class',
      perform: async () => requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/cards`, {}),
      expected: () => ({ action: 'checkin.cards_issued', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { count: 1 } }),
    },
    {
      name: 'a pupil choosing their name symbol on the class device',
      perform: async () => requestAs(test.app, await kioskDeviceFor(test, world.classA1, userId('teacher')), 'POST', `/api/kiosk/pupils/${world.pupilInClassA1}/symbol`, { symbol: 'owl' }),
      expected: () => ({ action: 'checkin.symbol_changed', actor: null, ...school('pupil', () => world.pupilInClassA1)(), detail: { symbol: 'owl', by: 'class_device' } }),
    },
    {
      name: "a teacher changing a pupil's name symbol for the class device",
      perform: async () =>
        requestAs(test.app, await as('teacher'), 'PUT', `/api/schools/${world.schoolA1}/classes/${world.classA1}/checkin/symbols/${world.pupilInClassA1}`, { symbol: 'frog' }),
      expected: () => ({ action: 'checkin.symbol_changed', actor: 'teacher', ...school('pupil', () => world.pupilInClassA1)(), detail: { symbol: 'frog', by: 'teacher' } }),
    },
    {
      name: 'the teacher closing the class device on the device itself',
      perform: async () => requestAs(test.app, await kioskDeviceFor(test, world.classA1, userId('teacher')), 'DELETE', '/api/kiosk'),
      expected: () => ({ action: 'checkin.kiosk_closed', actor: null, ...school('class', () => world.classA1)(), detail: { count: 1, on: 'class_device' } }),
    },
    {
      name: 'importing pupils',
      perform: async () => importPupilFile(test.app, await as('schoolAdmin'), world.schoolA1, { csv: PUPIL_CSV, mapping: PARNASSYS_MAPPING }),
      expected: () => ({ action: 'pupils.imported', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)() }),
    },
    {
      // While the round is open: only then can those who have not finished be reminded.
      name: 'reminding the invitees of a self-scan round who have not finished',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'POST', `${roundUrl()}/reminders`),
      expected: () => ({ action: 'selfscan.reminders_sent', actor: 'tsoLead', ...school('selfscan_round', () => roundId)(), detail: { closesOn: '2026-11-30' } }),
    },
    {
      // Before the exports below: results (and so exports) exist only once a round is closed.
      name: 'closing a self-scan round early',
      perform: async () => requestAs(test.app, await as('leadership'), 'POST', `${roundUrl()}/close`),
      expected: () => ({ action: 'selfscan.round_closed', actor: 'leadership', ...school('selfscan_round', () => roundId)(), detail: { closesOn: '2026-11-30' } }),
    },
    {
      name: 'exporting the self-scan report as PDF',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `${roundUrl()}/report.pdf`),
      expected: () => ({ action: 'selfscan.exported', actor: 'tsoLead', ...school('selfscan_round', () => roundId)(), detail: { format: 'pdf' } }),
    },
    {
      name: 'exporting the self-scan aggregates as CSV',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `${roundUrl()}/results.csv`),
      expected: () => ({ action: 'selfscan.exported', actor: 'tsoLead', ...school('selfscan_round', () => roundId)(), detail: { format: 'results_csv' } }),
    },
    {
      name: 'exporting the self-scan aggregates as an .xlsx workbook',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `${roundUrl()}/results.xlsx`),
      expected: () => ({ action: 'selfscan.exported', actor: 'tsoLead', ...school('selfscan_round', () => roundId)(), detail: { format: 'results_xlsx', language: 'nl' } }),
    },
    {
      name: 'exporting the pseudonymised self-scan ratings as CSV',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'GET', `${roundUrl()}/ratings.csv`),
      expected: () => ({ action: 'selfscan.exported', actor: 'schoolAdmin', ...school('selfscan_round', () => roundId)(), detail: { format: 'ratings_csv' } }),
    },
    {
      name: 'exporting the pseudonymised self-scan ratings as an .xlsx workbook',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'GET', `${roundUrl()}/ratings.xlsx`),
      expected: () => ({ action: 'selfscan.exported', actor: 'schoolAdmin', ...school('selfscan_round', () => roundId)(), detail: { format: 'ratings_xlsx', language: 'nl' } }),
    },
    {
      // Consensus only once the round is closed, and before the goals (a goal needs an agreed phase).
      name: 'recording the agreed phase of an aspect after a self-scan round',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'PUT', `${roundUrl()}/consensus/${MOTIVATION}`, { phase: 2, rationale: 'Samen besproken' }),
      expected: () => ({ action: 'selfscan.consensus_recorded', actor: 'tsoLead', ...school('selfscan_round', () => roundId)(), detail: { aspect: MOTIVATION, phase: 2 } }),
    },
    {
      name: 'changing the goals after a self-scan round',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'PUT', `${roundUrl()}/goals`, { aspectIds: [MOTIVATION] }),
      expected: () => ({ action: 'selfscan.goals_changed', actor: 'tsoLead', ...school('selfscan_round', () => roundId)() }),
    },
    {
      name: "the board reading its schools' self-scan placements",
      perform: async () => requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/selfscan`),
      expected: () => ({ action: 'selfscan.board_view_read', actor: 'boardAdmin', targetType: 'board', targetId: world.boardA, schoolId: null, boardId: world.boardA }),
    },
    {
      name: "downloading the board's self-scan view as CSV",
      perform: async () => requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/selfscan.csv`),
      expected: () => ({ action: 'selfscan.board_view_read', actor: 'boardAdmin', targetType: 'board', targetId: world.boardA, schoolId: null, boardId: world.boardA, detail: { format: 'csv' } }),
    },
    {
      name: "reading the board's outbox",
      perform: async () => requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/outbox`),
      expected: () => ({ action: 'outbox.read', actor: 'boardAdmin', targetType: null, targetId: null, schoolId: null, boardId: world.boardA }),
    },
    {
      name: "reading a school's outbox",
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/outbox`),
      expected: () => ({ action: 'outbox.read', actor: 'schoolAdmin', ...school(null, () => null)() }),
    },
    {
      name: 'exporting the plan as PDF',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/plan/export.pdf`),
      expected: () => ({ action: 'plan.exported', actor: 'tsoLead', ...school('school', () => world.schoolA1)(), detail: { format: 'pdf', schoolYear: '2026-2027' } }),
    },
    {
      name: "exporting the plan's actions as CSV",
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/plan/actions.csv?schoolYear=2025-2026`),
      expected: () => ({ action: 'plan.exported', actor: 'tsoLead', ...school('school', () => world.schoolA1)(), detail: { format: 'csv', schoolYear: '2025-2026' } }),
    },
    {
      name: "exporting the plan's actions as an .xlsx workbook",
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/plan/actions.xlsx?lang=en`),
      expected: () => ({ action: 'plan.exported', actor: 'tsoLead', ...school('school', () => world.schoolA1)(), detail: { format: 'xlsx', schoolYear: '2026-2027', language: 'en' } }),
    },
    {
      name: 'downloading the staff list as an .xlsx workbook',
      perform: async () => requestAs(test.app, await as('leadership'), 'GET', `/api/schools/${world.schoolA1}/staff.xlsx`),
      expected: () => ({ action: 'staff.exported', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { format: 'xlsx', language: 'nl' } }),
    },
    {
      name: 'downloading the pupil list as CSV',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/pupils.csv`),
      expected: () => ({ action: 'pupils.exported', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { format: 'csv', schoolYear: '2026-2027' } }),
    },
    {
      name: 'downloading the training register as CSV',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'GET', `/api/schools/${world.schoolA1}/trainings.csv`),
      expected: () => ({ action: 'training.exported', actor: 'tsoLead', ...school('school', () => world.schoolA1)(), detail: { table: 'register', format: 'csv' } }),
    },
    {
      name: "downloading the team's training state as an .xlsx workbook",
      perform: async () => requestAs(test.app, await as('leadership'), 'GET', `/api/schools/${world.schoolA1}/trainings/coverage.xlsx?lang=en`),
      expected: () => ({ action: 'training.exported', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { table: 'coverage', format: 'xlsx', language: 'en' } }),
    },
    {
      name: 'starting a calendar feed of my actions',
      perform: async () => requestAs(test.app, await as('teacher'), 'POST', '/api/me/calendar-feed'),
      status: 201,
      expected: () => ({ action: 'plan.calendar_feed_changed', actor: 'teacher', targetType: 'user', targetId: userId('teacher'), schoolId: null, boardId: null, detail: { change: 'created' } }),
    },
    {
      name: 'stopping my calendar feed',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', '/api/me/calendar-feed'),
      status: 204,
      expected: () => ({ action: 'plan.calendar_feed_changed', actor: 'teacher', targetType: 'user', targetId: userId('teacher'), schoolId: null, boardId: null, detail: { change: 'stopped' } }),
    },
    {
      name: "changing a colleague's roles",
      perform: async () =>
        requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/staff/${userId('tsoLead')}/roles`, {
          roles: ['tso_lead', 'teacher'],
          classIds: [world.classA1Other],
        }),
      expected: () => ({ action: 'staff.roles_changed', actor: 'schoolAdmin', ...school('user', () => userId('tsoLead'))() }),
    },
    {
      name: "setting the day a colleague started at the school",
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/staff/${userId('teacher')}/start-date`, { startedOn: '2015-08-17' }),
      expected: () => ({ action: 'staff.start_date_changed', actor: 'schoolAdmin', ...school('user', () => userId('teacher'))(), detail: { before: null, after: '2015-08-17' } }),
    },
    {
      // A row of someone already on the staff with the same start date changes nothing: only the import itself is recorded.
      name: 'importing a staff file',
      perform: async () =>
        requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/staff-import`, {
          csv: `Naam;E-mailadres;Rollen;Startdatum\nteacher;${world.users.teacher.email};Leerkracht;17-08-2015\n`,
        }),
      expected: () => ({ action: 'staff.imported', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { rows: 1, invited: 0, startDatesSet: 0, unchanged: 1 } }),
    },
    {
      // School A1 has a location, classes, staff, pupils and (above) a self-scan round: every first step is done.
      name: 'hiding the getting-started checklist',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/getting-started/hide`),
      expected: () => ({ action: 'getting_started.hidden', actor: 'tsoLead', ...school('school', () => world.schoolA1)() }),
    },
    {
      name: 'comparing a staged pupil import with the school (unknown classes, pupils not in the file)',
      perform: async () => {
        const admin = await as('schoolAdmin');
        const staged = await requestAs(test.app, admin, 'POST', `/api/schools/${world.schoolA1}/pupil-imports`, { csv: PUPIL_CSV, mapping: PARNASSYS_MAPPING });
        stagedImportId = staged.json().id;
        return requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/pupil-imports/${stagedImportId}/comparison?schoolYear=2026-2027`);
      },
      expected: () => ({ action: 'pupils.read', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { schoolYear: '2026-2027', importId: stagedImportId } }),
    },
    {
      name: "correcting a pupil's details",
      perform: async () =>
        requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1Other}`, {
          pupilNumber: '1002',
          firstName: 'Milaan',
          lastName: 'Jansen',
          birthDate: '2016-05-06',
        }),
      expected: () => ({ action: 'pupils.updated', actor: 'schoolAdmin', ...school('pupil', () => world.pupilInClassA1Other)(), detail: { fields: ['firstName'] } }),
    },
    {
      name: 'moving a pupil to another class',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1Other}/class`, { classId: world.classA1 }),
      expected: () => ({ action: 'pupils.moved', actor: 'schoolAdmin', ...school('pupil', () => world.pupilInClassA1Other)(), detail: { toClassId: world.classA1 } }),
    },
    {
      name: 'marking a pupil as left the school',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1Other}/departure`, { leftOn: '2026-11-20' }),
      expected: () => ({ action: 'pupils.left', actor: 'schoolAdmin', ...school('pupil', () => world.pupilInClassA1Other)(), detail: { leftOn: '2026-11-20' } }),
    },
    {
      name: 'putting a pupil who left back (undo)',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1Other}/departure`),
      expected: () => ({ action: 'pupils.returned', actor: 'schoolAdmin', ...school('pupil', () => world.pupilInClassA1Other)(), detail: { leftOn: '2026-11-20' } }),
    },
    {
      name: 'linking a teacher to a class on the class page',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1Other}/teachers`, { userId: userId('teacher') }),
      expected: () => ({ action: 'class.teachers_changed', actor: 'schoolAdmin', ...school('class', () => world.classA1Other)(), detail: { userId: userId('teacher'), change: 'added' } }),
    },
    {
      name: 'unlinking a teacher from a class on the class page',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/classes/${world.classA1Other}/teachers/${userId('teacher')}`),
      expected: () => ({ action: 'class.teachers_changed', actor: 'schoolAdmin', ...school('class', () => world.classA1Other)(), detail: { userId: userId('teacher'), change: 'removed' } }),
    },
    {
      name: 'previewing the preparation of the next school year (it lists pupils by name)',
      perform: async () => requestAs(test.app, await as('leadership'), 'POST', `/api/schools/${world.schoolA1}/next-school-year/preview`, {}),
      expected: () => ({ action: 'pupils.read', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { purpose: 'school_year_preview' } }),
    },
    {
      name: 'preparing the next school year',
      perform: async () => requestAs(test.app, await as('leadership'), 'POST', `/api/schools/${world.schoolA1}/next-school-year/preparation`, {}),
      status: 201,
      expected: () => ({ action: 'school_year.prepared', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { schoolYear: '2027-2028', leftOn: '2027-07-31' } }),
    },
    {
      name: 'undoing the preparation of the next school year',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/school-years/2027-2028/preparation`),
      status: 204,
      expected: () => ({ action: 'school_year.preparation_undone', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { schoolYear: '2027-2028' } }),
    },
    {
      name: 'giving a colleague a place in the working group of the implementation plan',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/plan/working-group/${userId('teacher')}`, { role: 'member' }),
      expected: () => ({
        action: 'plan.working_group_changed',
        actor: 'leadership',
        ...school('user', () => userId('teacher'))(),
        detail: { userId: userId('teacher'), before: null, after: 'member' },
      }),
    },
    {
      name: 'recording a training in the register',
      perform: async () => {
        const response = await requestAs(test.app, await as('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/trainings`, {
          kind: 'full_team',
          heldOn: '2026-11-02',
          participantUserIds: [userId('teacher'), userId('careTeam')],
          partners: ['Jeugdzorg Noord'],
        });
        trainingId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'training.changed', actor: 'tsoLead', ...school('training', () => trainingId)(), detail: { change: 'recorded', participants: 2, partners: 1 } }),
    },
    {
      name: 'changing a training in the register',
      perform: async () =>
        requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/trainings/${trainingId}`, {
          kind: 'full_team',
          heldOn: '2026-11-03',
          participantUserIds: [userId('teacher')],
          partners: [],
        }),
      expected: () => ({ action: 'training.changed', actor: 'leadership', ...school('training', () => trainingId)(), detail: { change: 'updated', participants: 1, partners: 0 } }),
    },
    {
      name: 'deleting a training from the register',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/trainings/${trainingId}`),
      status: 204,
      expected: () => ({ action: 'training.changed', actor: 'schoolAdmin', ...school('training', () => trainingId)(), detail: { trainingId, change: 'deleted' } }),
    },
    {
      name: "the board reading its schools' plan roll-up",
      perform: async () => requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/plan-rollup`),
      expected: () => ({ action: 'plan.board_rollup_read', actor: 'boardAdmin', targetType: 'board', targetId: world.boardA, schoolId: null, boardId: world.boardA }),
    },
    {
      name: "the board downloading its schools' plan roll-up as an .xlsx workbook",
      perform: async () => requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/plan-rollup.xlsx`),
      expected: () => ({ action: 'plan.board_rollup_read', actor: 'boardAdmin', targetType: 'board', targetId: world.boardA, schoolId: null, boardId: world.boardA, detail: { format: 'xlsx', language: 'nl' } }),
    },
    {
      name: "adapting the school's privacy statement",
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/privacy-statement`, { text: 'Onze eigen tekst.' }),
      expected: () => ({ action: 'privacy_statement.updated', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { change: 'adapted' } }),
    },
    {
      name: "putting the default privacy statement back (the one adapted above)",
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/privacy-statement`),
      status: 204,
      expected: () => ({ action: 'privacy_statement.updated', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { change: 'reset_to_default' } }),
    },
    {
      name: "saving a pupil's support-and-signalling plan (a new version)",
      perform: async () => requestAs(test.app, await as('teacher'), 'PUT', care('/support-plan'), { content: { earlySigns: 'Wordt stil.' }, reviewOn: '2027-01-15' }),
      expected: () => ({ action: 'care.plan_saved', actor: 'teacher', ...carePupil(), detail: { version: 1 } }),
    },
    {
      name: "adding a trusted adult of a pupil",
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', care('/trusted-adults'), { userId: userId('careTeam'), why: 'Luistert.' });
        trustedAdultId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'care.trusted_adult_added', actor: 'teacher', ...carePupil(), detail: { trustedAdultId } }),
    },
    {
      name: "the pupil's teacher reading the pupil's care file",
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', care()),
      expected: () => ({ action: 'care.file_read', actor: 'teacher', ...carePupil(), detail: { via: 'teacher' } }),
    },
    {
      name: 'reading an earlier version of a support plan',
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', care('/support-plan/versions/1')),
      expected: () => ({ action: 'care.plan_version_read', actor: 'teacher', ...carePupil(), detail: { version: 1 } }),
    },
    {
      name: "recording an informant's ACE answers",
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', care('/aces'), { informant: 'parent', recordedOn: '2026-11-20', answers: [{ category: 'poverty', answer: 'yes' }] }),
      expected: () => ({ action: 'care.aces_recorded', actor: 'careTeam', ...carePupil(), detail: { informant: 'parent' } }),
    },
    {
      name: "recording the age at a pupil's first ACE",
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', care('/aces/first-age'), { years: 5 }),
      status: 204,
      expected: () => ({ action: 'care.aces_recorded', actor: 'careTeam', ...carePupil(), detail: { firstAge: 'recorded' } }),
    },
    {
      name: "adding an ACE category of the school's own",
      perform: async () => requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/care/ace-categories`, { name: { nl: 'Online gepest', en: 'Bullied online' } }),
      status: 201,
      expected: () => ({ action: 'care.ace_categories_changed', actor: 'careTeam', ...school('school', () => world.schoolA1)(), detail: { added: 'eigen-online-gepest' } }),
    },
    {
      name: 'entering the licensed wording of a screening list',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', `/api/schools/${world.schoolA1}/care/screening-wordings/cats`, { items: { '1': 'Vraag een' } }),
      expected: () => ({ action: 'care.screening_wording_changed', actor: 'careTeam', ...school('school', () => world.schoolA1)(), detail: { instrumentId: 'cats', items: 1 } }),
    },
    {
      name: "the care team reading a pupil's ACEs",
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', care('/aces')),
      expected: () => ({ action: 'care.aces_read', actor: 'careTeam', ...carePupil() }),
    },
    {
      name: 'recording a screening from the paper form',
      perform: async () => requestAs(test.app, await as('careTeam'), 'POST', care('/screenings'), { instrumentId: 'cats', informant: 'parent', takenOn: '2026-11-20', answers: { '1': 2 } }),
      status: 201,
      expected: () => ({ action: 'care.screening_recorded', actor: 'careTeam', ...carePupil(), detail: { instrument: 'cats' } }),
    },
    {
      name: "the care team reading a pupil's screenings",
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', care('/screenings')),
      expected: () => ({ action: 'care.screenings_read', actor: 'careTeam', ...carePupil(), detail: { screenings: 1 } }),
    },
    {
      name: 'the care team reading its care overview',
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/care/overview`),
      expected: () => ({ action: 'care.overview_read', actor: 'careTeam', ...school('school', () => world.schoolA1)() }),
    },
    {
      name: 'searching a pupil by name to open their plan by break-glass',
      perform: async () => requestAs(test.app, await as('leadership'), 'GET', `/api/schools/${world.schoolA1}/care/break-glass/pupils?name=san`),
      expected: () => ({ action: 'pupils.read', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { purpose: 'break_glass', found: 1 } }),
    },
    {
      name: "changing the school's retention term of a kind of care data",
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/care/retention`, { terms: { aces: 12 } }),
      expected: () => ({ action: 'care.retention_terms_changed', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { terms: { aces: 12 } } }),
    },
    {
      name: 'downloading everything about a pupil for a request of access (JSON)',
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', care('/export.json')),
      expected: () => ({ action: 'care.pupil_exported', actor: 'careTeam', ...carePupil(), detail: { format: 'json' } }),
    },
    {
      name: 'downloading everything about a pupil for a request of access (PDF)',
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', care('/export.pdf?lang=en')),
      expected: () => ({ action: 'care.pupil_exported', actor: 'careTeam', ...carePupil(), detail: { format: 'pdf', language: 'en' } }),
    },
    {
      name: "opening a pupil's support plan by break-glass",
      perform: async () => requestAs(test.app, await as('leadership'), 'POST', care('/break-glass'), { reason: 'Invalbeurt: leerling raakt in paniek', password: WORLD_PASSWORD }),
      status: 201,
      expected: () => ({ action: 'care.break_glass_opened', actor: 'leadership', ...carePupil() }),
    },
    {
      name: 'reading the care file opened by break-glass',
      perform: async () => requestAs(test.app, await as('leadership'), 'GET', care()),
      expected: () => ({ action: 'care.file_read', actor: 'leadership', ...carePupil(), detail: { via: 'break_glass' } }),
    },
    {
      name: 'removing a trusted adult of a pupil',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', care(`/trusted-adults/${trustedAdultId}`)),
      status: 204,
      expected: () => ({ action: 'care.trusted_adult_removed', actor: 'teacher', ...carePupil(), detail: { trustedAdultId } }),
    },
    {
      name: "planning a pupil's three conversations of the school year",
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', care('/conversations/plan-year'));
        plannedConversationId = response.json()[0].id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'care.conversations_year_planned', actor: 'teacher', ...carePupil(), detail: { schoolYear: '2026-2027' } }),
    },
    {
      name: 'recording a held conversation with a pupil',
      perform: async () => {
        const body = { plannedOn: '2026-11-20', heldOn: '2026-11-20', note: 'Ging goed.', sharedWithCareTeam: true, forCareTeam: 'Wil vaker pauze.' };
        const response = await requestAs(test.app, await as('teacher'), 'POST', care('/conversations'), body);
        conversationId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'care.conversation_planned', actor: 'teacher', ...carePupil(), detail: { conversationId, held: true } }),
    },
    {
      name: 'changing the note of a conversation',
      perform: async () => requestAs(test.app, await as('teacher'), 'PUT', care(`/conversations/${conversationId}`), { note: 'Ging heel goed.' }),
      expected: () => ({ action: 'care.conversation_changed', actor: 'teacher', ...carePupil(), detail: { conversationId, changed: ['note'] } }),
    },
    {
      name: "the pupil's teacher reading the pupil's conversations",
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', care('/conversations')),
      expected: () => ({ action: 'care.conversations_read', actor: 'teacher', ...carePupil(), detail: { via: 'teacher', conversations: 4 } }),
    },
    {
      name: 'removing a planned conversation',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', care(`/conversations/${plannedConversationId}`)),
      status: 204,
      expected: () => ({ action: 'care.conversation_removed', actor: 'teacher', ...carePupil(), detail: { conversationId: plannedConversationId } }),
    },
    {
      name: 'recording a referral',
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', care('/referrals'), { toWhom: 'Jeugdteam Noord', referredOn: '2026-11-20', reason: 'Slaapt slecht.' });
        referralId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'care.referral_added', actor: 'careTeam', ...carePupil(), detail: { referralId, status: 'proposed' } }),
    },
    {
      name: 'changing where a referral stands',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', care(`/referrals/${referralId}`), { status: 'sent', followUpOn: '2026-12-15' }),
      expected: () => ({ action: 'care.referral_changed', actor: 'careTeam', ...carePupil(), detail: { referralId, status: 'sent', previousStatus: 'proposed' } }),
    },
    {
      name: "the care team reading a pupil's referrals",
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', care('/referrals')),
      expected: () => ({ action: 'care.referrals_read', actor: 'careTeam', ...carePupil(), detail: { referrals: 1 } }),
    },
    {
      name: "recording a contact with a pupil's parents",
      perform: async () => {
        const body = { heldOn: '2026-11-20', kind: 'phone', withWhom: 'moeder', topic: 'Slaap', note: 'Slaapt slecht.', followUpOn: '2026-12-01' };
        const response = await requestAs(test.app, await as('teacher'), 'POST', parentContacts(), body);
        parentContactId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'parents.contact_added', actor: 'teacher', ...carePupil(), detail: { contactId: parentContactId, via: 'teacher', kind: 'phone', isEnrolment: false, hasFollowUp: true } }),
    },
    {
      name: 'changing a contact with parents',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', parentContacts(`/${parentContactId}`), { careNotes: 'Voor het zorgteam.', isEnrolment: true }),
      expected: () => ({ action: 'parents.contact_changed', actor: 'careTeam', ...carePupil(), detail: { contactId: parentContactId, via: 'care_team', changed: ['careNotes', 'isEnrolment'] } }),
    },
    {
      name: 'marking the follow-up of a contact with parents done',
      perform: async () => requestAs(test.app, await as('teacher'), 'PUT', parentContacts(`/${parentContactId}/follow-up`), { done: true }),
      expected: () => ({ action: 'parents.contact_follow_up_marked', actor: 'teacher', ...carePupil(), detail: { contactId: parentContactId, done: true } }),
    },
    {
      name: "the pupil's teacher reading the contact log with the parents",
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', parentContacts()),
      expected: () => ({ action: 'parents.contacts_read', actor: 'teacher', ...carePupil(), detail: { via: 'teacher', contacts: 1 } }),
    },
    {
      name: 'the care team reading the contact overview of the school',
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/parent-contacts`),
      expected: () => ({ action: 'parents.contacts_overview_read', actor: 'careTeam', ...school('school', () => world.schoolA1)(), detail: { via: 'care_team' } }),
    },
    {
      name: 'removing a contact with parents',
      perform: async () => requestAs(test.app, await as('careTeam'), 'DELETE', parentContacts(`/${parentContactId}`)),
      status: 204,
      expected: () => ({ action: 'parents.contact_removed', actor: 'careTeam', ...carePupil(), detail: { contactId: parentContactId, isEnrolment: true } }),
    },
    {
      name: "naming the school's attention officer",
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/care/attention-officer`, { userId: userId('careTeam') }),
      expected: () => ({ action: 'care.attention_officer_changed', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { userId: userId('careTeam') } }),
    },
    {
      name: 'opening a meldcode case',
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', care('/meldcode-cases'), { openedOn: '2026-11-20' });
        caseId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'care.meldcode_case_opened', actor: 'careTeam', ...carePupil(), detail: { caseId } }),
    },
    {
      name: 'recording a step of a meldcode case',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', care(`/meldcode-cases/${caseId}/steps/1`), { doneOn: '2026-11-20', notes: 'Blauwe plekken gezien.' }),
      expected: () => ({ action: 'care.meldcode_step_recorded', actor: 'careTeam', ...carePupil(), detail: { caseId, step: 1 } }),
    },
    {
      name: "reading a pupil's meldcode cases",
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', care('/meldcode-cases')),
      expected: () => ({ action: 'care.meldcode_read', actor: 'careTeam', ...carePupil(), detail: { via: 'attention_officer', cases: 1 } }),
    },
    {
      name: "reading the school's open meldcode cases",
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/care/meldcode-cases`),
      expected: () => ({ action: 'care.meldcode_read', actor: 'careTeam', ...school('school', () => world.schoolA1)(), detail: { cases: 1 } }),
    },
    {
      name: 'closing a meldcode case',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', care(`/meldcode-cases/${caseId}/closing`), { closedOn: '2026-11-21', outcome: 'help_offered' }),
      expected: () => ({ action: 'care.meldcode_case_closed', actor: 'careTeam', ...carePupil(), detail: { caseId } }),
    },
    {
      name: "rating a class's climate",
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', classGroup('/climate'), { rating: 3, note: 'Rustige week.' });
        climateRatingId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'group.climate_rated', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { ratingId: climateRatingId, ratedOn: '2026-11-21', rating: 3 } }),
    },
    {
      name: "undoing one's own climate rating",
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', classGroup(`/climate/${climateRatingId}`)),
      status: 204,
      expected: () => ({ action: 'group.climate_rating_removed', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { ratingId: climateRatingId } }),
    },
    {
      name: "setting a class's group phase",
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', classGroup('/phase'), { phase: 'norming', fromOn: '2026-11-16' }),
      expected: () => ({ action: 'group.phase_set', actor: 'careTeam', ...school('class', () => world.classA1)(), detail: { groupPhase: 'norming', fromOn: '2026-11-16' } }),
    },
    {
      name: 'starting a sociogram',
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/sociograms`, { questions: [{ key: 'play', maxChoices: 3 }] });
        sociogramId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'sociogram.started', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { sociogramId, questions: 1, negative: 0 } }),
    },
    {
      name: "typing in a pupil's sociogram choices from paper",
      perform: async () => requestAs(test.app, await as('teacher'), 'PUT', sociogram(`/pupils/${world.pupilInClassA1}/answers`), { choices: [{ position: 1, chosen: [] }] }),
      expected: () => ({ action: 'sociogram.paper_answers_saved', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { sociogramId, pupilId: world.pupilInClassA1, choices: 0 } }),
    },
    {
      name: "reading a pupil's sociogram choices",
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', sociogram(`/pupils/${world.pupilInClassA1}/answers`)),
      expected: () => ({ action: 'sociogram.answers_read', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { sociogramId, pupilId: world.pupilInClassA1 } }),
    },
    {
      name: 'closing a sociogram',
      perform: async () => requestAs(test.app, await as('teacher'), 'POST', sociogram('/close')),
      expected: () => ({ action: 'sociogram.closed', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { sociogramId } }),
    },
    {
      name: "reading a sociogram's results",
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', sociogram('/results')),
      expected: () => ({ action: 'sociogram.results_read', actor: 'careTeam', ...school('class', () => world.classA1)(), detail: { sociogramId } }),
    },
    {
      name: 'switching on "rather not" questions for sociograms',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', `/api/schools/${world.schoolA1}/sociogram-settings`, { negativeQuestionsAllowed: true }),
      expected: () => ({ action: 'sociogram.settings_changed', actor: 'careTeam', ...school('school', () => world.schoolA1)(), detail: { negativeQuestionsAllowed: true } }),
    },
    {
      name: 'hiding a regulation activity',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'PUT', `/api/schools/${world.schoolA1}/regulation/library/breathing-square/hidden`, { hidden: true }),
      expected: () => ({ action: 'regulation.activity_hidden', actor: 'tsoLead', ...school('school', () => world.schoolA1)(), detail: { activityId: 'breathing-square' } }),
    },
    {
      name: "planning a class's routine regulation moment",
      perform: async () =>
        requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/regulation/routines`, { timeOfDay: '10:30', label: 'Na de pauze', activityId: 'breathing-calm-wave' }),
      status: 201,
      expected: () => ({ action: 'regulation.routine_added', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { activityId: 'breathing-calm-wave', timeOfDay: '10:30' } }),
    },
    {
      name: 'reading what helped a pupil (regulation)',
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/regulation`),
      expected: () => ({ action: 'regulation.pupil_read', actor: 'teacher', ...carePupil(), detail: { pupilId: world.pupilInClassA1, moments: 0 } }),
    },
    {
      name: "linking a regulation activity to a pupil's support plan",
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/regulation/plan-activities/breathing-calm-wave`, { linked: true }),
      expected: () => ({ action: 'regulation.plan_activity_linked', actor: 'careTeam', ...carePupil(), detail: { pupilId: world.pupilInClassA1, activityId: 'breathing-calm-wave' } }),
    },
    {
      name: 'recording a "know your window" lesson a class was given',
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/classes/${world.classA1}/window-lessons/the-window/given`, { givenOn: '2026-11-20' });
        lessonGivenId = response.json().lessons[1].given[0].id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'regulation.lesson_given', actor: 'teacher', ...school('class', () => world.classA1)(), detail: { givenId: lessonGivenId, lessonId: 'the-window', givenOn: '2026-11-20', ageGroup: 'middle' } }),
    },
    {
      name: 'undoing a "know your window" lesson recorded as given',
      perform: async () => requestAs(test.app, await as('careTeam'), 'DELETE', `/api/schools/${world.schoolA1}/classes/${world.classA1}/window-lessons/the-window/given/${lessonGivenId}`),
      status: 204,
      expected: () => ({ action: 'regulation.lesson_given_undone', actor: 'careTeam', ...school('class', () => world.classA1)(), detail: { givenId: lessonGivenId, lessonId: 'the-window' } }),
    },
    {
      name: 'adding an organisation to the partners register',
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/partners/organisations`, { name: 'Wijkteam Zuid', kind: 'neighbourhood_team', isKeyPartner: true });
        partnerOrganisationId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'partners.organisation_added', actor: 'careTeam', ...partnerTarget(), detail: { kind: 'neighbourhood_team', isKeyPartner: true } }),
    },
    {
      name: 'changing an organisation in the partners register',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', partnerOrganisation(), { name: 'Wijkteam Zuid', kind: 'youth_care', notes: 'Nieuw adres' }),
      expected: () => ({ action: 'partners.organisation_changed', actor: 'leadership', ...partnerTarget(), detail: { kind: 'youth_care', isKeyPartner: false, previousKind: 'neighbourhood_team' } }),
    },
    {
      name: "adding a contact person to a partner organisation",
      perform: async () => {
        const response = await requestAs(test.app, await as('schoolAdmin'), 'POST', partnerOrganisation('/contacts'), { name: 'Sem de Wit', isFixedContact: true });
        partnerContactId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'partners.contact_added', actor: 'schoolAdmin', ...partnerTarget(), detail: { contactId: partnerContactId, isFixedContact: true } }),
    },
    {
      name: "changing a partner organisation's contact person",
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', partnerOrganisation(`/contacts/${partnerContactId}`), { name: 'Sem de Wit', phone: '010-1234567' }),
      expected: () => ({ action: 'partners.contact_changed', actor: 'careTeam', ...partnerTarget(), detail: { contactId: partnerContactId, isFixedContact: false } }),
    },
    {
      name: "removing a partner organisation's contact person",
      perform: async () => requestAs(test.app, await as('careTeam'), 'DELETE', partnerOrganisation(`/contacts/${partnerContactId}`)),
      status: 204,
      expected: () => ({ action: 'partners.contact_removed', actor: 'careTeam', ...partnerTarget(), detail: { contactId: partnerContactId } }),
    },
    {
      name: 'recording an agreement with a partner organisation',
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', partnerOrganisation('/agreements'), { title: 'Vaste overlegmomenten', agreedOn: '2026-09-01' });
        partnerAgreementId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'partners.agreement_added', actor: 'careTeam', ...partnerTarget(), detail: { agreementId: partnerAgreementId } }),
    },
    {
      name: 'changing an agreement with a partner organisation',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', partnerOrganisation(`/agreements/${partnerAgreementId}`), { title: 'Vaste overlegmomenten', agreedOn: '2026-09-01', reviewOn: '2027-09-01' }),
      expected: () => ({ action: 'partners.agreement_changed', actor: 'careTeam', ...partnerTarget(), detail: { agreementId: partnerAgreementId } }),
    },
    {
      name: 'removing an agreement with a partner organisation',
      perform: async () => requestAs(test.app, await as('careTeam'), 'DELETE', partnerOrganisation(`/agreements/${partnerAgreementId}`)),
      status: 204,
      expected: () => ({ action: 'partners.agreement_removed', actor: 'careTeam', ...partnerTarget(), detail: { agreementId: partnerAgreementId } }),
    },
    {
      name: 'archiving an organisation of the partners register',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', partnerOrganisation('/archived'), { archived: true }),
      expected: () => ({ action: 'partners.organisation_archived', actor: 'leadership', ...partnerTarget(), detail: { kind: 'youth_care' } }),
    },
    {
      name: 'bringing an archived organisation back into the partners register',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', partnerOrganisation('/archived'), { archived: false }),
      expected: () => ({ action: 'partners.organisation_restored', actor: 'leadership', ...partnerTarget(), detail: { kind: 'youth_care' } }),
    },
    // Onboarding (issue 17): appointing a chef-buddy, publishing the guide, pairing; ids and dates in the detail.
    {
      name: 'appointing the chef-buddy of a location',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', onboarding(`/chef-buddies/${world.locationA1}`), { userId: userId('tsoLead') }),
      expected: () => ({ action: 'onboarding.chef_buddy_appointed', actor: 'leadership', ...school('location', () => world.locationA1)(), detail: { userId: userId('tsoLead') } }),
    },
    {
      name: 'publishing a version of the onboarding guide',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'POST', onboarding('/guide/publish')),
      expected: () => ({ action: 'onboarding.guide_published', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { version: 1 } }),
    },
    {
      name: 'pairing a new colleague with a buddy',
      perform: async () => {
        const response = await requestAs(test.app, await as('tsoLead'), 'POST', onboarding('/pairs'), {
          locationId: world.locationA1,
          newcomerUserId: userId('teacher'),
          buddyUserId: userId('careTeam'),
          startedOn: '2026-11-16',
        });
        onboardingPairId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'onboarding.pair_added', actor: 'tsoLead', ...onboardingPair(), detail: { newcomerUserId: userId('teacher'), buddyUserId: userId('careTeam') } }),
    },
    {
      name: "changing a new colleague's buddy",
      perform: async () => requestAs(test.app, await as('tsoLead'), 'PUT', onboarding(`/pairs/${onboardingPairId}`), { buddyUserId: userId('leadership'), startedOn: '2026-11-16' }),
      expected: () => ({ action: 'onboarding.pair_changed', actor: 'tsoLead', ...onboardingPair(), detail: { buddyUserId: userId('leadership'), previousBuddyUserId: userId('careTeam') } }),
    },
    {
      name: 'ending the pairing of a new colleague and a buddy',
      perform: async () => requestAs(test.app, await as('tsoLead'), 'DELETE', onboarding(`/pairs/${onboardingPairId}`)),
      status: 204,
      expected: () => ({ action: 'onboarding.pair_removed', actor: 'tsoLead', ...onboardingPair(), detail: { newcomerUserId: userId('teacher') } }),
    },
    {
      name: 'standing down the chef-buddy of a location',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', onboarding(`/chef-buddies/${world.locationA1}`), { userId: null }),
      expected: () => ({ action: 'onboarding.chef_buddy_removed', actor: 'leadership', ...school('location', () => world.locationA1)(), detail: { previousUserId: userId('tsoLead') } }),
    },
    {
      name: 'signing in',
      perform: signIn(() => world.users.teacher.email, WORLD_PASSWORD),
      expected: () => ({ action: 'auth.login_succeeded', actor: 'teacher', targetType: 'user', targetId: userId('teacher'), schoolId: null, boardId: null }),
    },
    {
      name: 'signing in with a wrong password',
      perform: signIn(() => world.users.teacher.email, 'not the password at all'),
      status: 401,
      expected: () => ({ action: 'auth.login_failed', actor: 'teacher', targetType: 'user', targetId: userId('teacher'), schoolId: null, boardId: null }),
    },
    {
      name: 'signing in with an unknown address',
      perform: signIn(() => 'nobody@world.test', WORLD_PASSWORD),
      status: 401,
      expected: () => ({ action: 'auth.login_failed', actor: null, targetType: 'user', targetId: null, schoolId: null, boardId: null }),
    },
    {
      name: "adding a parent of the teacher's pupil",
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', pupilParents(), { name: 'Yara Ouder', relation: 'moeder', email: null, phone: null, language: 'nl' });
        parentId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'parents.parent_added', actor: 'teacher', ...parentTarget(), detail: { pupilId: world.pupilInClassA1 } }),
    },
    {
      name: "changing a parent's details",
      perform: async () => requestAs(test.app, await as('teacher'), 'PUT', pupilParents(`/${parentId}`), { name: 'Yara Ouder', relation: 'moeder', email: 'yara@world.test', phone: null, language: 'nl' }),
      status: 204,
      expected: () => ({ action: 'parents.parent_changed', actor: 'teacher', ...parentTarget(), detail: { changed: ['email'] } }),
    },
    {
      name: "the pupil's teacher reading the pupil's parents",
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', pupilParents()),
      expected: () => ({ action: 'parents.read', actor: 'teacher', ...carePupil(), detail: { via: 'teacher', parents: 1 } }),
    },
    {
      name: 'printing a letter with a one-time link for a parent',
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', pupilParents(`/${parentId}/links`), { channel: 'letter' });
        parentLink = new URL(response.json().letter.url).hash.replace('#link=', '');
        return response;
      },
      status: 201,
      expected: () => ({ action: 'parents.link_sent', actor: 'teacher', ...parentTarget(), detail: { channel: 'letter' } }),
    },
    {
      name: 'a parent opening their one-time link',
      perform: async () => {
        const response = await test.app.inject({ method: 'POST', url: '/api/parent/session', payload: { token: parentLink } });
        const cookie = [response.headers['set-cookie']].flat().find((header) => header?.startsWith('__Host-gw_parent='))?.split(';')[0] ?? '';
        const home = await test.app.inject({ method: 'GET', url: '/api/parent/home', headers: { cookie } });
        parentSession = { cookie, csrfToken: home.json().csrfToken };
        return response;
      },
      expected: () => ({ action: 'parent.link_opened', actor: null, ...byParent('parent', () => parentId)(), detail: { channel: 'letter' } }),
    },
    {
      name: 'opening the same one-time link a second time',
      perform: async () => test.app.inject({ method: 'POST', url: '/api/parent/session', payload: { token: parentLink } }),
      status: 410,
      expected: () => ({ action: 'parent.link_open_failed', actor: null, ...byParent('parent', () => parentId)(), detail: { reason: 'used' } }),
    },
    {
      name: 'asking for a new link with a used one',
      perform: async () => test.app.inject({ method: 'POST', url: '/api/parent/new-link-requests', payload: { token: parentLink } }),
      status: 202,
      expected: () => ({ action: 'parent.new_link_requested', actor: null, ...byParent('parent', () => parentId)() }),
    },
    {
      name: "sending a parent the questionnaire about the child's ACEs",
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId, instrumentId: 'parent-aces' });
        acesQuestionnaireId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'parents.questionnaire_sent', actor: 'careTeam', ...parentTarget(), detail: { instrumentId: 'parent-aces' } }),
    },
    {
      name: 'a parent answering the ACE questionnaire, which lands in the care view',
      perform: async () => requestAs(test.app, parentSession, 'PUT', `/api/parent/questionnaires/${acesQuestionnaireId}`, { answers: { poverty: 1 } }),
      expected: () => ({ action: 'parent.questionnaire_answered', actor: null, ...byParent('pupil', () => world.pupilInClassA1)(), detail: { parentId, answered: 1, acesRecorded: 1 } }),
    },
    {
      name: 'sending a parent the questionnaire about themselves',
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId, instrumentId: 'parent-own-wellbeing' });
        wellbeingQuestionnaireId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'parents.questionnaire_sent', actor: 'careTeam', ...parentTarget(), detail: { instrumentId: 'parent-own-wellbeing' } }),
    },
    {
      name: 'a parent consenting to the questionnaire about themselves',
      perform: async () => requestAs(test.app, parentSession, 'POST', `/api/parent/questionnaires/${wellbeingQuestionnaireId}/consent`),
      expected: () => ({ action: 'parent.consent_given', actor: null, ...byParent('parent', () => parentId)(), detail: { instrumentId: 'parent-own-wellbeing' } }),
    },
    {
      name: 'withdrawing a questionnaire sent to a parent',
      perform: async () => requestAs(test.app, await as('careTeam'), 'DELETE', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires/${wellbeingQuestionnaireId}`),
      status: 204,
      expected: () => ({ action: 'parents.questionnaire_withdrawn', actor: 'careTeam', ...parentTarget(), detail: { instrumentId: 'parent-own-wellbeing' } }),
    },
    {
      name: 'a parent correcting their contact details',
      perform: async () => requestAs(test.app, parentSession, 'PUT', '/api/parent/details', { email: 'yara.ouder@world.test', phone: '06 12345678' }),
      status: 204,
      expected: () => ({ action: 'parent.details_corrected', actor: null, ...byParent('parent', () => parentId)(), detail: { changed: ['email', 'phone'] } }),
    },
    {
      name: 'a parent choosing the language of their page',
      perform: async () => requestAs(test.app, parentSession, 'PUT', '/api/parent/language', { code: 'en' }),
      status: 204,
      expected: () => ({ action: 'parent.language_chosen', actor: null, ...byParent('parent', () => parentId)(), detail: { code: 'en' } }),
    },
    {
      name: 'a parent saying their child does not take part in research',
      perform: async () => requestAs(test.app, parentSession, 'PUT', `/api/parent/children/${world.pupilInClassA1}/research`, { takesPart: false }),
      status: 204,
      expected: () => ({ action: 'parent.research_consent_changed', actor: null, ...byParent('pupil', () => world.pupilInClassA1)(), detail: { parentId, takesPart: false } }),
    },
    {
      name: 'a parent asking for a conversation',
      perform: async () => requestAs(test.app, parentSession, 'POST', '/api/parent/conversation-requests', { pupilId: world.pupilInClassA1, message: 'Mag ik even bellen?' }),
      expected: () => ({ action: 'parent.conversation_requested', actor: null, ...byParent('pupil', () => world.pupilInClassA1)(), detail: { parentId } }),
    },
    {
      name: "marking a parent's conversation request handled",
      perform: async () => {
        const request = await test.deps.db.kysely.selectFrom('parent_conversation_requests').select('id').where('parent_id', '=', parentId).executeTakeFirstOrThrow();
        return requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-requests/${request.id}/handled`);
      },
      expected: () => ({ action: 'parents.request_handled', actor: 'teacher', ...carePupil() }),
    },
    {
      name: 'a parent closing their page',
      perform: async () => requestAs(test.app, parentSession, 'DELETE', '/api/parent/session'),
      expected: () => ({ action: 'parent.signed_out', actor: null, ...byParent('parent', () => parentId)() }),
    },
    {
      name: 'revoking the access of a parent',
      perform: async () => requestAs(test.app, await as('teacher'), 'POST', pupilParents(`/${parentId}/revoke`)),
      expected: () => ({ action: 'parents.access_revoked', actor: 'teacher', ...parentTarget() }),
    },
    {
      name: 'shielding the child from a parent',
      perform: async () => requestAs(test.app, await as('careTeam'), 'PUT', pupilParents(`/${parentId}/exclusion`), { excluded: true, reason: 'Uitspraak rechter' }),
      status: 204,
      expected: () => ({ action: 'parents.exclusion_changed', actor: 'careTeam', ...parentTarget(), detail: { excluded: true } }),
    },
    {
      name: 'removing a parent from the pupil',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', pupilParents(`/${parentId}`)),
      status: 204,
      expected: () => ({ action: 'parents.parent_removed', actor: 'teacher', ...parentTarget(), detail: { parentRemoved: true } }),
    },
    {
      name: "changing the school's page for parents",
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/parent-settings/tso-page`, { text: { nl: 'Zo werken wij.', en: 'How we work.' } }),
      expected: () => ({ action: 'parents.page_changed', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { isDefault: false } }),
    },
    {
      name: 'adding a language for the parent page',
      perform: async () => requestAs(test.app, await as('leadership'), 'PUT', `/api/schools/${world.schoolA1}/parent-settings/languages/tr`, { code: 'tr', name: 'Türkçe', direction: 'ltr', texts: { back: 'Geri' } }),
      expected: () => ({ action: 'parents.language_saved', actor: 'leadership', ...school('school', () => world.schoolA1)(), detail: { code: 'tr', translated: 1 } }),
    },
    {
      name: 'removing a language of the parent page',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'DELETE', `/api/schools/${world.schoolA1}/parent-settings/languages/tr`),
      expected: () => ({ action: 'parents.language_removed', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { code: 'tr' } }),
    },
    {
      name: 'planning a wellbeing pulse',
      perform: async () => {
        const response = await requestAs(test.app, await as('leadership'), 'POST', teamPulse('/pulses'), { opensOn: schoolToday(), closesOn: addDays(schoolToday(), 13) });
        teamPulseId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'team.pulse_planned', actor: 'leadership', ...school('team_pulse', () => teamPulseId)(), detail: { opensOn: schoolToday(), closesOn: addDays(schoolToday(), 13) } }),
    },
    {
      name: 'closing a wellbeing pulse early',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'POST', teamPulse(`/pulses/${teamPulseId}/close`)),
      expected: () => ({ action: 'team.pulse_closed', actor: 'schoolAdmin', ...school('team_pulse', () => teamPulseId)() }),
    },
    {
      name: 'planning a later wellbeing pulse',
      perform: async () => {
        const response = await requestAs(test.app, await as('leadership'), 'POST', teamPulse('/pulses'), { opensOn: addDays(schoolToday(), 42), closesOn: addDays(schoolToday(), 55) });
        laterTeamPulseId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'team.pulse_planned', actor: 'leadership', ...school('team_pulse', () => laterTeamPulseId)() }),
    },
    {
      name: 'removing a planned wellbeing pulse',
      perform: async () => requestAs(test.app, await as('leadership'), 'DELETE', teamPulse(`/pulses/${laterTeamPulseId}`)),
      status: 204,
      expected: () => ({ action: 'team.pulse_removed', actor: 'leadership', ...school('team_pulse', () => laterTeamPulseId)() }),
    },
    {
      name: 'changing where staff find help',
      perform: async () => requestAs(test.app, await as('schoolAdmin'), 'PUT', teamPulse('/help'), { contacts: 'Kamer 12', companyDoctor: null, confidant: null }),
      expected: () => ({ action: 'team.pulse_help_changed', actor: 'schoolAdmin', ...school('school', () => world.schoolA1)(), detail: { ownTexts: 1 } }),
    },
    {
      name: 'downloading one’s own reflection journal',
      perform: async () => {
        const written = await requestAs(test.app, await as('teacher'), 'POST', teamJournal('/entries'), { body: 'Alleen voor mij.' });
        journalEntryId = written.json().id;
        return requestAs(test.app, await as('teacher'), 'GET', teamJournal('/export.json'));
      },
      expected: () => ({ action: 'team.journal_exported', actor: 'teacher', ...school('team_journal', () => world.users.teacher.id)(), detail: { format: 'json', entries: 1 } }),
    },
    {
      name: 'deleting an entry of one’s own reflection journal',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', teamJournal(`/entries/${journalEntryId}`)),
      status: 204,
      expected: () => ({ action: 'team.journal_entry_deleted', actor: 'teacher', ...school('team_journal', () => world.users.teacher.id)(), detail: { entries: 1 } }),
    },
    {
      name: 'deleting one’s whole reflection journal',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', teamJournal('/entries')),
      status: 204,
      expected: () => ({ action: 'team.journal_deleted', actor: 'teacher', ...school('team_journal', () => world.users.teacher.id)(), detail: { entries: 0 } }),
    },
    {
      name: 'completing a competence self-assessment (starting and saving it are not audited)',
      perform: async () => {
        const started = await requestAs(test.app, await as('teacher'), 'POST', competence('/assessments'));
        assessmentId = started.json().id;
        await requestAs(test.app, await as('teacher'), 'PUT', competence(`/assessments/${assessmentId}`), { ratings: [{ indicatorId: 'interpersonal.contact', step: 3 }, { indicatorId: 'interpersonal.signals', step: 0 }] });
        return requestAs(test.app, await as('teacher'), 'POST', competence(`/assessments/${assessmentId}/completion`));
      },
      expected: () => ({ action: 'competence.assessment_completed', actor: 'teacher', ...school('competence_assessment', () => assessmentId)(), detail: { rated: 1, notYetApplicable: 1 } }),
    },
    {
      name: 'sharing one’s competence profile with a named colleague',
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', competence('/shares'), { audience: 'colleague', userId: userId('careTeam') });
        competenceShareId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'competence.shared', actor: 'teacher', ...school('competence_share', () => competenceShareId)(), detail: { audience: 'colleague', granteeUserId: userId('careTeam') } }),
    },
    {
      name: 'a colleague reading a competence profile shared with them',
      perform: async () => requestAs(test.app, await as('careTeam'), 'GET', competence(`/shared/${userId('teacher')}`)),
      expected: () => ({ action: 'competence.shared_read', actor: 'careTeam', ...school('user', () => userId('teacher'))(), detail: { shareId: competenceShareId, audience: 'colleague', assessments: 1 } }),
    },
    {
      name: 'revoking the share of a competence profile',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', competence(`/shares/${competenceShareId}`)),
      status: 204,
      expected: () => ({ action: 'competence.share_revoked', actor: 'teacher', ...school('competence_share', () => competenceShareId)() }),
    },
    {
      name: 'importing a school’s own competence profile',
      perform: async () => {
        const definition = { ...structuredClone(loadShippedProfiles()[0]!), id: 'audit-profile' };
        const response = await requestAs(test.app, await as('schoolAdmin'), 'POST', competence('/profiles'), { definition });
        competenceProfileId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'competence.profile_imported', actor: 'schoolAdmin', ...school('competence_profile', () => competenceProfileId)(), detail: { profile: 'audit-profile', version: '1.0.0', replaced: false } }),
    },
    {
      name: 'recording an intervision session',
      perform: async () => {
        const response = await requestAs(test.app, await as('teacher'), 'POST', intervision('/sessions'), {
          heldOn: '2026-11-20',
          kind: 'intervision',
          coreConcept: 'regulation',
          theme: 'Rust na de pauze',
          participantIds: [userId('teacher'), userId('careTeam')],
        });
        intervisionSessionId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'intervision.session_recorded', actor: 'teacher', ...school('intervision_session', () => intervisionSessionId)(), detail: { kind: 'intervision', coreConcept: 'regulation', participants: 2, isCareTeamRun: false } }),
    },
    {
      name: 'changing an intervision session',
      perform: async () =>
        requestAs(test.app, await as('teacher'), 'PUT', intervision(`/sessions/${intervisionSessionId}`), { heldOn: '2026-11-20', kind: 'supervision', coreConcept: 'stress', theme: 'Rust', participantIds: [userId('teacher')] }),
      expected: () => ({ action: 'intervision.session_changed', actor: 'teacher', ...school('intervision_session', () => intervisionSessionId)(), detail: { kind: 'supervision', participants: 1 } }),
    },
    {
      name: 'removing an intervision session',
      perform: async () => requestAs(test.app, await as('teacher'), 'DELETE', intervision(`/sessions/${intervisionSessionId}`)),
      status: 204,
      expected: () => ({ action: 'intervision.session_removed', actor: 'teacher', ...school('intervision_session', () => intervisionSessionId)(), detail: { kind: 'supervision' } }),
    },
    {
      name: 'recording an intervision session run by the care team (a pupil may be named there)',
      perform: async () => {
        const response = await requestAs(test.app, await as('careTeam'), 'POST', intervision('/sessions'), {
          heldOn: '2026-11-20',
          kind: 'intervision',
          coreConcept: 'trauma',
          theme: 'Casus Sanne de Vries',
          participantIds: [userId('careTeam'), userId('teacher')],
          isCareTeamRun: true,
        });
        intervisionSessionId = response.json().id;
        return response;
      },
      status: 201,
      expected: () => ({ action: 'intervision.session_recorded', actor: 'careTeam', ...school('intervision_session', () => intervisionSessionId)(), detail: { isCareTeamRun: true } }),
    },
    {
      name: 'a participant reading an intervision session run by the care team',
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', intervision(`/sessions/${intervisionSessionId}`)),
      expected: () => ({ action: 'intervision.care_sessions_read', actor: 'teacher', ...school('intervision_session', () => intervisionSessionId)(), detail: { sessionIds: [intervisionSessionId] } }),
    },
    {
      name: 'a participant reading the intervision log that holds a session run by the care team',
      perform: async () => requestAs(test.app, await as('teacher'), 'GET', intervision()),
      expected: () => ({ action: 'intervision.care_sessions_read', actor: 'teacher', ...school('intervision_log', () => world.schoolA1)(), detail: { sessionIds: [intervisionSessionId] } }),
    },
  ];

  it.each(actions)('$name writes exactly one audit event with who, what, which record and when (UTC)', async ({ perform, status, expected }) => {
    const db = test.deps.db.kysely;
    test.clock.advance(60_000);
    const before = (await db.selectFrom('audit_chain_head').select('seq').executeTakeFirst()) ?? { seq: 0 };
    const response = await perform();
    expect(response.statusCode, response.body).toBe(status ?? 200);
    const events = await db.selectFrom('audit_events').selectAll().where('seq', '>', before.seq).execute();
    expect(events).toHaveLength(1);
    const [event] = events;
    const want = expected();
    expect(event).toMatchObject({
      action: want.action,
      actor_user_id: want.actor === null ? null : userId(want.actor),
      target_type: want.targetType,
      target_id: want.targetId,
      school_id: want.schoolId,
      board_id: want.boardId,
    });
    if (want.detail) expect(JSON.parse(event?.detail ?? '{}')).toMatchObject(want.detail);
    expect(event?.occurred_at).toMatch(ISO_UTC);
    expect(event?.occurred_at).toBe(test.clock.now().toISOString());
  });

  it('leaves an intact hash chain after all of the above', async () => {
    expect(await verifyAuditChain(test.deps.db.kysely)).toMatchObject({ ok: true });
  });
});
