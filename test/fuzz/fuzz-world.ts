import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { MFA_LOCK_MINUTES, MFA_MAX_FAILED_ATTEMPTS } from '../../src/server/auth/mfa.service';
import { hashSecret, isoInstant, newId, newSecretToken } from '../../src/server/deps';
import { loadShippedModels } from '../../src/server/features/selfscan/model-catalogue';
import { shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import type { Dialect } from '../../src/server/db/database';
import { SCHOOL_ROLES } from '../../src/shared/roles';
import { aspectIdsOf } from '../../src/shared/selfscan-model';
import type { ApiOperation, GeneratedRequest, OpenApiDocument, ValueHints } from '../support/openapi-arbitrary';
import { urlOf } from '../support/openapi-arbitrary';
import { createTestApp, login, type Login, type TestApp } from '../support/test-app';
import { createWorld, WORLD_PASSWORD, type World } from '../support/world';
import { schoolYearAt } from '../../src/shared/school-time';

/** Ids the fuzzer picks path parameters and id fields from; routes that create things add to them. */
export interface IdPools {
  boardId: string[];
  schoolId: string[];
  locationId: string[];
  classId: string[];
  userId: string[];
  roundId: string[];
  modelId: string[];
  pupilId: string[];
  momentId: string[];
  goalId: string[];
  actionId: string[];
  trainingId: string[];
  importId: string[];
  waveId: string[];
  studyId: string[];
  trustedAdultId: string[];
  conversationId: string[];
  referralId: string[];
  caseId: string[];
  organisationId: string[];
  contactId: string[];
  agreementId: string[];
  parentId: string[];
  questionnaireId: string[];
  requestId: string[];
  pulseId: string[];
  entryId: string[];
  pairId: string[];
  sectionId: string[];
  itemId: string[];
  assessmentId: string[];
  sessionId: string[];
}

/** A test world prepared for fuzzing: one signed-in user with broad rights, a round to rate in, id pools and value hints. */
export interface FuzzWorld {
  test: TestApp;
  world: World;
  /** The fuzzing user: board admin of board A and holder of every school role in school A1. */
  user: { id: string; email: string };
  session: Login;
  doc: OpenApiDocument;
  roundId: string;
  /** A round closed early, so its results (consensus, goals, exports) can be read. */
  closedRoundId: string;
  /** A contact with the parents of a pupil in school A1 (its id is in the contactId pool too, beside a partner's contact). */
  parentContactId: string;
  aspectIds: string[];
  pools: IdPools;
  hints: ValueHints;
  /** Whether the fuzzing user's session is still signed in with both steps (a 401 may be about a pupil session). */
  isSignedIn(): Promise<boolean>;
  /** Signs the fuzzing user in again (after a generated logout). */
  signInAgain(): Promise<void>;
  /** Sends a generated request, signed in unless it is anonymous. */
  send(operation: ApiOperation, request: GeneratedRequest): Promise<LightMyRequestResponse>;
  /** Puts ids from a successful create into the pools, so later requests use them. */
  remember(operation: ApiOperation, response: LightMyRequestResponse): void;
}

const FIXTURES = ['parnassys.csv', 'magister.csv', 'somtoday.csv', 'with-errors.csv'];

/** CSV exports the pupil import knows, with the column mapping that fits each. */
const FIXTURE_MAPPINGS = [
  { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Tussenvoegsel', birthDate: 'Geboortedatum', className: 'Groep' },
  { pupilNumber: 'Stamnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Tussenv.', birthDate: 'Geb.datum', className: 'Stamklas' },
  { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Voorvoegsel', birthDate: 'Geboortedatum', className: 'Stamgroep' },
];

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/pupil-imports/${name}`, import.meta.url), 'utf8');
}

/**
 * Picks from a pool that may grow while the test runs (read at generation time). The world's own ids
 * keep most of the weight, so a pool full of freshly created schools does not crowd out school A1.
 */
function fromPool(pool: string[]): fc.Arbitrary<string> {
  const world = [...pool];
  return fc.oneof({ arbitrary: fc.constantFrom(...world), weight: 3 }, { arbitrary: fc.nat().map((index) => pool[index % pool.length]!), weight: 1 });
}

/** Opens the world on a fresh database and prepares it for fuzzing. */
export async function createFuzzWorld(dialect: Dialect): Promise<FuzzWorld> {
  // Sign-in and reset routes are throttled per address; the fuzzer calls them thousands of times.
  // Two-step verification is enforced, as in production: the fuzzing user signs in with both steps.
  const test = await createTestApp(dialect, { config: { loginRateLimitPerMinute: 1_000_000, mfaRequired: true } });
  const world = await createWorld(test, { mfa: true });
  const db = test.deps.db.kysely;
  const user = world.users.boardAdmin;
  const now = isoInstant(test.clock.now());
  await db
    .insertInto('school_memberships')
    .values(SCHOOL_ROLES.map((role) => ({ school_id: world.schoolA1, user_id: user.id, role, created_at: now })))
    .execute();
  await db.insertInto('class_teachers').values({ class_id: world.classA1, user_id: user.id, created_at: now }).execute();

  let session = await login(test.app, user.email, WORLD_PASSWORD);
  const model = loadShippedModels()[0]!;
  const modelId = shippedModelId(model.id, model.version);
  const round = await test.app.inject({
    method: 'POST',
    url: `/api/schools/${world.schoolA1}/selfscan/rounds`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { name: 'Zelfscan najaar', modelId, opensOn: '2026-11-01', closesOn: '2026-12-31' },
  });
  if (round.statusCode !== 201 && round.statusCode !== 200) throw new Error(`opening a round failed: ${round.statusCode} ${round.body}`);
  const roundId = round.json().id as string;
  const closedRoundId = await openAndCloseRound(test, world.schoolA1, session, modelId);
  const plan = await seedPlan(test, world, session);
  const trainingId = await seedTraining(test, world, session);
  const importId = await seedStagedImport(test, world);
  const waveId = await seedWave(test, world, session);
  const calendarToken = await seedCalendarFeed(test, world);
  const care = await seedCare(test, world, session);
  const partners = await seedPartners(test, world, session);
  const parentContactId = await seedParentContact(test, world, session);
  const parentAccess = await seedParent(test, world, session);
  const onboarding = await seedOnboarding(test, world, session, user.id);
  const assessmentId = await seedCompetenceDraft(test, world, session);
  const doc = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
  const aspectIds = aspectIdsOf(model);
  const year = schoolYearAt(test.clock.now());
  const nextYear = `${Number(year.slice(0, 4)) + 1}-${Number(year.slice(0, 4)) + 2}`;

  const pools: IdPools = {
    boardId: [world.boardA, world.boardA, world.boardB],
    schoolId: [world.schoolA1, world.schoolA1, world.schoolA1, world.schoolA2, world.schoolB1],
    locationId: [world.locationA1],
    classId: [world.classA1, world.classA1Other, world.classB1],
    // Never the fuzzing user: disabling or stripping it would end the run early.
    userId: [world.users.teacher.id, world.users.careTeam.id, world.users.tsoLead.id, world.users.leadership.id, world.users.teacherOtherSchool.id, world.users.schoolAdminOtherBoard.id],
    roundId: [roundId, closedRoundId],
    modelId: [modelId],
    pupilId: [world.pupilInClassA1, world.pupilInClassA1Other, world.pupilB1],
    momentId: [plan.momentId],
    goalId: [plan.goalId],
    actionId: [plan.actionId],
    trainingId: [trainingId],
    importId: [importId],
    waveId: [waveId],
    // No study yet: the fuzzer's own POSTs add them (an id that is no study meets the 404 meanwhile).
    studyId: [newId()],
    // Filled by the fuzzer's own POSTs, like studies.
    trustedAdultId: [newId()],
    conversationId: [care.conversationId],
    referralId: [care.referralId],
    caseId: [care.caseId],
    organisationId: [partners.organisationId],
    contactId: [partners.contactId, parentContactId],
    agreementId: [partners.agreementId],
    parentId: [parentAccess.parentId],
    questionnaireId: [parentAccess.questionnaireId],
    // No conversation request yet: only a parent session makes one (an id that is none meets the 404).
    requestId: [newId()],
    // No pulse or journal entry yet: the fuzzer's own POSTs add them (an id that is none meets the 404).
    pulseId: [newId()],
    entryId: [newId()],
    // Onboarding: a pair whose buddy is the fuzzing user (its chef-buddy too), a draft guide section, a ramp item.
    pairId: [onboarding.pairId],
    sectionId: [onboarding.sectionId],
    itemId: [onboarding.itemId],
    // The fuzzing user's own draft self-assessment; no intervision session yet (an id that is none meets the 404).
    assessmentId: [assessmentId],
    sessionId: [newId()],
  };
  const definition = structuredClone(model) as unknown as Record<string, unknown>;
  const csvTexts = FIXTURES.map(fixture);
  const hints: ValueHints = {
    boardId: fromPool(pools.boardId),
    schoolId: fromPool(pools.schoolId),
    locationId: fromPool(pools.locationId),
    classId: fromPool(pools.classId),
    userId: fromPool(pools.userId),
    roundId: fromPool(pools.roundId),
    against: fromPool(pools.roundId),
    modelId: fromPool(pools.modelId),
    pupilId: fromPool(pools.pupilId),
    momentId: fromPool(pools.momentId),
    goalId: fromPool(pools.goalId),
    actionId: fromPool(pools.actionId),
    trainingId: fromPool(pools.trainingId),
    importId: fromPool(pools.importId),
    waveId: fromPool(pools.waveId),
    studyId: fromPool(pools.studyId),
    trustedAdultId: fromPool(pools.trustedAdultId),
    conversationId: fromPool(pools.conversationId),
    referralId: fromPool(pools.referralId),
    caseId: fromPool(pools.caseId),
    organisationId: fromPool(pools.organisationId),
    contactId: fromPool(pools.contactId),
    agreementId: fromPool(pools.agreementId),
    parentId: fromPool(pools.parentId),
    questionnaireId: fromPool(pools.questionnaireId),
    requestId: fromPool(pools.requestId),
    pulseId: fromPool(pools.pulseId),
    entryId: fromPool(pools.entryId),
    pairId: fromPool(pools.pairId),
    sectionId: fromPool(pools.sectionId),
    itemId: fromPool(pools.itemId),
    assessmentId: fromPool(pools.assessmentId),
    sessionId: fromPool(pools.sessionId),
    instrumentId: fc.constantFrom('teacher-competence', 'class-climate-teacher', 'class-climate-pupil', 'no-such-list'),
    // Instruments for a pupil wave or a teacher wave, now and then an unknown one.
    instrumentIds: fc.oneof(
      { arbitrary: fc.subarray(['class-climate-pupil', 'pupil-wellbeing', 'pupil-wellbeing-young'], { minLength: 1, maxLength: 2 }), weight: 3 },
      { arbitrary: fc.subarray(['teacher-competence', 'class-climate-teacher'], { minLength: 1 }), weight: 2 },
      { arbitrary: fc.array(fc.stringMatching(/^[a-z]{1,10}(-[a-z]{1,8})?$/), { minLength: 1, maxLength: 3 }), weight: 1 },
    ),
    // Current staff of school A1 (the fuzzing user included), so recorded trainings get through more often.
    participantUserIds: fc.subarray([user.id, world.users.teacher.id, world.users.careTeam.id, world.users.tsoLead.id, world.users.leadership.id], { maxLength: 3 }),
    ownerUserId: fc.option(fromPool(pools.userId), { nil: null }),
    aspectId: fc.oneof({ arbitrary: fc.constantFrom(...aspectIds), weight: 9 }, { arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(\.[a-z0-9]{1,8})?$/), weight: 1 }),
    aspectIds: fc.subarray(aspectIds, { maxLength: 6 }),
    classIds: fc.array(fromPool(pools.classId), { maxLength: 3 }),
    locationIds: fc.array(fromPool(pools.locationId), { maxLength: 2 }),
    schoolYear: fc.oneof({ arbitrary: fc.constantFrom(year, nextYear), weight: 4 }, { arbitrary: fc.stringMatching(/^\d{4}-\d{4}$/), weight: 1 }),
    opensOn: fc.constantFrom('2026-11-01', '2026-11-21', '2026-12-01', '2027-02-29', '2025-01-01'),
    closesOn: fc.constantFrom('2026-11-30', '2026-12-31', '2026-11-20', '2030-07-31'),
    email: fc.oneof(fc.emailAddress(), fc.constant(world.users.teacher.email), fc.constant(' Teacher@World.test ')),
    adminEmail: fc.emailAddress(),
    password: fc.string({ minLength: 8, maxLength: 40 }),
    adminPassword: fc.string({ minLength: 8, maxLength: 40 }),
    // Reset and invitation tokens in bodies, and the calendar feed's :token (a live feed's token among them).
    token: fc.oneof(fc.base64String({ minLength: 20, maxLength: 60 }), fc.string({ minLength: 20, maxLength: 60 }), fc.constant(calendarToken)),
    csv: fc.oneof(
      { arbitrary: fc.constantFrom(...csvTexts), weight: 3 },
      { arbitrary: fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }).map((rows) => rows.map((row) => row.join(';')).join('\n')), weight: 2 },
    ),
    mapping: fc.oneof({ arbitrary: fc.constantFrom(...FIXTURE_MAPPINGS), weight: 4 }, { arbitrary: fc.record({ pupilNumber: fc.string({ minLength: 1, maxLength: 10 }), firstName: fc.string({ minLength: 1, maxLength: 10 }), lastName: fc.string({ minLength: 1, maxLength: 10 }) }), weight: 1 }),
    definition: fc.oneof(
      { arbitrary: fc.tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.constantFrom('1.0.0', '2.1.0')).map(([key, version]) => ({ ...definition, id: `fuzz-${key}`, version })), weight: 2 },
      { arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), weight: 1 },
    ),
  };

  const fuzz: FuzzWorld = {
    test,
    world,
    user,
    get session() {
      return session;
    },
    doc,
    roundId,
    closedRoundId,
    parentContactId,
    aspectIds,
    pools,
    hints,
    async isSignedIn() {
      const answer = await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
      const body = answer.json() as { user: unknown; mfa: { status: string } | null };
      return answer.statusCode === 200 && body.user !== null && (body.mfa === null || body.mfa.status === 'complete');
    },
    async signInAgain() {
      // Generated wrong codes on the MFA routes may have locked the second step: wait the lock out.
      const mfa = await db.selectFrom('user_mfa').select('failed_attempts').where('user_id', '=', user.id).executeTakeFirst();
      if ((mfa?.failed_attempts ?? 0) >= MFA_MAX_FAILED_ATTEMPTS) test.clock.advance((MFA_LOCK_MINUTES + 1) * 60_000);
      session = await login(test.app, user.email, WORLD_PASSWORD);
    },
    async send(operation, request) {
      const headers: Record<string, string> = {};
      if (!request.isAnonymous) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrfToken;
      }
      if (request.body) headers['content-type'] = 'application/json';
      return test.app.inject({ method: operation.method, url: urlOf(operation, request), headers, ...(request.body ? { payload: request.body.json } : {}) });
    },
    remember(operation, response) {
      if (operation.method !== 'POST' || response.statusCode >= 300) return;
      const id = (response.json() as { id?: unknown }).id;
      if (typeof id !== 'string') return;
      const pool = POOL_OF_CREATE_ROUTE[operation.url];
      if (pool) pools[pool].push(id);
    },
  };
  return fuzz;
}

/** Which pool the id answered by a create route belongs to. */
const POOL_OF_CREATE_ROUTE: Record<string, keyof IdPools> = {
  '/api/boards/:boardId/schools': 'schoolId',
  '/api/schools/:schoolId/locations': 'locationId',
  '/api/schools/:schoolId/classes': 'classId',
  '/api/schools/:schoolId/selfscan/rounds': 'roundId',
  '/api/schools/:schoolId/selfscan/models': 'modelId',
  '/api/schools/:schoolId/plan/moments': 'momentId',
  '/api/schools/:schoolId/plan/goals': 'goalId',
  '/api/schools/:schoolId/plan/goals/:goalId/actions': 'actionId',
  '/api/schools/:schoolId/trainings': 'trainingId',
  '/api/schools/:schoolId/pupil-imports': 'importId',
  '/api/schools/:schoolId/questionnaire-waves': 'waveId',
  '/api/schools/:schoolId/research/studies': 'studyId',
  '/api/schools/:schoolId/pupils/:pupilId/care/trusted-adults': 'trustedAdultId',
  '/api/schools/:schoolId/pupils/:pupilId/care/conversations': 'conversationId',
  '/api/schools/:schoolId/pupils/:pupilId/care/referrals': 'referralId',
  '/api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases': 'caseId',
  '/api/schools/:schoolId/pupils/:pupilId/parent-contacts': 'contactId',
  '/api/schools/:schoolId/partners/organisations': 'organisationId',
  '/api/schools/:schoolId/pupils/:pupilId/parents': 'parentId',
  '/api/schools/:schoolId/pupils/:pupilId/parent-questionnaires': 'questionnaireId',
  '/api/schools/:schoolId/partners/organisations/:organisationId/contacts': 'contactId',
  '/api/schools/:schoolId/partners/organisations/:organisationId/agreements': 'agreementId',
  '/api/schools/:schoolId/team/pulse/pulses': 'pulseId',
  '/api/schools/:schoolId/team/journal/entries': 'entryId',
  '/api/schools/:schoolId/team/intervision/sessions': 'sessionId',
};

/** A moment, a goal and an action in school A1's implementation plan, so plan routes meet real records. */
async function seedPlan(test: TestApp, world: World, session: Login): Promise<{ momentId: string; goalId: string; actionId: string }> {
  const post = async (url: string, payload: object) => {
    const response = await test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload });
    if (response.statusCode !== 201) throw new Error(`seeding the plan failed: ${url} ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const plan = `/api/schools/${world.schoolA1}/plan`;
  const momentId = await post(`${plan}/moments`, { onDate: '2027-03-01', title: 'Evaluatie' });
  const goalId = await post(`${plan}/goals`, { kind: 'free', title: 'Rustig de dag beginnen' });
  const actionId = await post(`${plan}/goals/${goalId}/actions`, { title: 'Afspraken maken', dueOn: '2026-12-01' });
  return { momentId, goalId, actionId };
}

/** A conversation, a referral and a meldcode case of a pupil in school A1, made by the fuzzing user, so those routes meet real records. */
async function seedCare(test: TestApp, world: World, session: Login): Promise<{ conversationId: string; referralId: string; caseId: string }> {
  const post = async (path: string, payload: object) => {
    const url = `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/${path}`;
    const response = await test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload });
    if (response.statusCode !== 201) throw new Error(`seeding care failed: ${url} ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const conversationId = await post('conversations', { plannedOn: '2027-01-11' });
  const referralId = await post('referrals', { toWhom: 'Jeugdteam', referredOn: '2026-11-02' });
  const caseId = await post('meldcode-cases', { openedOn: '2026-11-02' });
  return { conversationId, referralId, caseId };
}

/**
 * School A1's onboarding with its default draft guide and ramp; the fuzzing user is chef-buddy of location A1 and the
 * buddy of the teacher, so the onboarding routes meet real records (a section, a ramp item, a pair with conversations).
 */
async function seedOnboarding(test: TestApp, world: World, session: Login, userId: string): Promise<{ pairId: string; sectionId: string; itemId: string }> {
  const base = `/api/schools/${world.schoolA1}/team/onboarding`;
  const send = async (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) => {
    const response = await test.app.inject({ method, url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, ...(payload ? { payload } : {}) });
    if (response.statusCode >= 300) throw new Error(`seeding onboarding failed: ${method} ${url} ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const settings = await send('GET', `${base}/settings`);
  await send('PUT', `${base}/chef-buddies/${world.locationA1}`, { userId });
  const pair = await send('POST', `${base}/pairs`, { locationId: world.locationA1, newcomerUserId: world.users.teacher.id, buddyUserId: userId, startedOn: '2026-11-16' });
  return { pairId: pair.id as string, sectionId: settings.draft[0].id as string, itemId: settings.rampItems[0].id as string };
}

/** A partner organisation of school A1 with a contact person and an agreement, so the partners routes meet real records. */
async function seedPartners(test: TestApp, world: World, session: Login): Promise<{ organisationId: string; contactId: string; agreementId: string }> {
  const post = async (path: string, payload: object) => {
    const url = `/api/schools/${world.schoolA1}/partners/${path}`;
    const response = await test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload });
    if (response.statusCode !== 201) throw new Error(`seeding partners failed: ${url} ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const organisationId = await post('organisations', { name: 'Wijkteam Noord', kind: 'neighbourhood_team', isKeyPartner: true });
  const contactId = await post(`organisations/${organisationId}/contacts`, { name: 'Vaste contactpersoon', isFixedContact: true });
  const agreementId = await post(`organisations/${organisationId}/agreements`, { title: 'Samenwerkingsafspraak', agreedOn: '2026-09-01' });
  return { organisationId, contactId, agreementId };
}

/** A contact with the parents of a pupil in school A1, made by the fuzzing user, so the contact log's routes meet a real record. */
async function seedParentContact(test: TestApp, world: World, session: Login): Promise<string> {
  const url = `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-contacts`;
  const payload = { heldOn: '2026-11-02', kind: 'phone', withWhom: 'moeder', topic: 'Kennismaking', followUpOn: '2026-12-01' };
  const response = await test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload });
  if (response.statusCode !== 201) throw new Error(`seeding a parent contact failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** A parent of a pupil in school A1 with a questionnaire sent to them, so the parents' routes meet real records. */
async function seedParent(test: TestApp, world: World, session: Login): Promise<{ parentId: string; questionnaireId: string }> {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const base = `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}`;
  const parent = await test.app.inject({ method: 'POST', url: `${base}/parents`, headers, payload: { name: 'Fenna Ouder', relation: 'moeder', email: null, phone: null, language: 'nl' } });
  if (parent.statusCode !== 201) throw new Error(`seeding a parent failed: ${parent.statusCode} ${parent.body}`);
  const parentId = parent.json().id as string;
  const sent = await test.app.inject({ method: 'POST', url: `${base}/parent-questionnaires`, headers, payload: { parentId, instrumentId: 'parent-strengths' } });
  if (sent.statusCode !== 201) throw new Error(`seeding a parent questionnaire failed: ${sent.statusCode} ${sent.body}`);
  return { parentId, questionnaireId: sent.json().id as string };
}

/** A training in school A1's register, so the training routes meet a real record. */
async function seedTraining(test: TestApp, world: World, session: Login): Promise<string> {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/schools/${world.schoolA1}/trainings`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { kind: 'full_team', heldOn: '2026-10-01', participantUserIds: [world.users.teacher.id], partners: ['Jeugdzorg Noord'] },
  });
  if (response.statusCode !== 201) throw new Error(`seeding a training failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** A pupil wave of school A1 that opens in January, so the wave routes meet a real one that may still change. */
async function seedWave(test: TestApp, world: World, session: Login): Promise<string> {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/schools/${world.schoolA1}/questionnaire-waves`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { name: 'Meting januari', audience: 'pupils', opensOn: '2027-01-11', closesOn: '2027-01-22', instrumentIds: ['class-climate-pupil'], classIds: [world.classA1] },
  });
  if (response.statusCode !== 201) throw new Error(`seeding a wave failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/**
 * A staged pupil import of school A1, so the batch route meets a real one. Another admin of the school
 * uploads it: an upload replaces only its maker's earlier one, so the fuzzing user's uploads leave it be.
 */
async function seedStagedImport(test: TestApp, world: World): Promise<string> {
  const session = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/schools/${world.schoolA1}/pupil-imports`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { csv: fixture('parnassys.csv'), mapping: FIXTURE_MAPPINGS[0] },
  });
  if (response.statusCode !== 201) throw new Error(`staging a pupil import failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/**
 * A live calendar feed of the TSO lead (not the fuzzing user, whose generated POST/DELETE would replace it),
 * so GET /api/calendar/:token also meets a token that answers.
 */
async function seedCalendarFeed(test: TestApp, world: World): Promise<string> {
  const token = newSecretToken();
  await test.deps.db.kysely
    .insertInto('plan_user_preferences')
    .values({ user_id: world.users.tsoLead.id, digest_opt_out: 0, calendar_token_hash: hashSecret(token), calendar_token_created_at: isoInstant(test.clock.now()), updated_at: isoInstant(test.clock.now()) })
    .execute();
  return token;
}

// Results exist only for closed rounds: a second round, opened and closed early at once.
async function openAndCloseRound(test: TestApp, schoolId: string, session: Login, modelId: string): Promise<string> {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const today = isoInstant(test.clock.now()).slice(0, 10);
  const opened = await test.app.inject({
    method: 'POST',
    url: `/api/schools/${schoolId}/selfscan/rounds`,
    headers,
    payload: { name: 'Zelfscan gesloten', modelId, opensOn: today, closesOn: today },
  });
  if (opened.statusCode !== 201) throw new Error(`opening a second round failed: ${opened.statusCode} ${opened.body}`);
  const id = opened.json().id as string;
  const closed = await test.app.inject({ method: 'POST', url: `/api/schools/${schoolId}/selfscan/rounds/${id}/close`, headers });
  if (closed.statusCode !== 200) throw new Error(`closing the second round failed: ${closed.statusCode} ${closed.body}`);
  return id;
}

/** The fuzzing user's draft competence self-assessment in school A1, so the assessment routes meet a real record. */
async function seedCompetenceDraft(test: TestApp, world: World, session: Login): Promise<string> {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/schools/${world.schoolA1}/team/competence/assessments`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  if (response.statusCode !== 201) throw new Error(`seeding a self-assessment failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
