import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedModels } from '../../src/server/features/selfscan/model-catalogue';
import { ERROR_CODES } from '../../src/shared/error-codes';
import { type ApiOperation, type GeneratedRequest, type JsonSchema, operationsOf, validObject } from '../support/openapi-arbitrary';
import { testDialects } from '../support/test-db';
import { SQL_INJECTION_PAYLOADS, XSS_PAYLOADS } from './corpora';
import { sampleOf } from '../support/test-seed';
import { countRows, type DatabaseWatch, watchDatabase } from './database-fingerprint';
import { createFuzzWorld, type FuzzWorld } from './fuzz-world';
import { followingSchoolYear, schoolYearAt } from '../../src/shared/school-time';

/** Where one string sits in a body or query: a key path; `[0]` stands for "the only item of an array". */
type FieldPath = (string | 0)[];

/** One string leaf of a schema, and whether it is free text (no enum, format or pattern). */
interface StringField {
  path: FieldPath;
  isFreeText: boolean;
}

/** Every string leaf of a schema (nested objects and arrays of strings included). */
function stringFieldsOf(schema: JsonSchema, prefix: FieldPath = []): StringField[] {
  const type = [schema.type ?? (schema.properties ? 'object' : '')].flat()[0];
  if (type === 'string') return [{ path: prefix, isFreeText: isFreeText(schema) }];
  if (type === 'array' && schema.items) return stringFieldsOf(schema.items, [...prefix, 0]);
  if (type === 'object') return Object.entries(schema.properties ?? {}).flatMap(([key, value]) => stringFieldsOf(value, [...prefix, key]));
  return [];
}

function isFreeText(schema: JsonSchema): boolean {
  return !schema.enum && !schema.format && !schema.pattern;
}

// Every payload in every string field is the full cross product (TEST_SAMPLE=all runs it). A run sends each
// free-text field a fifth of the corpus on SQLite and an eighth on PostgreSQL, rotating from field to field so
// that every payload still reaches dozens of fields on each database (over 300 free-text fields since the team
// area; this file was the suite's longest at a third and a quarter, 4 minutes on SQLite alone); the run's seed
// turns the rotation, so over runs every payload reaches every field. Ids, dates and choices refuse every payload
// at the schema (the OpenAPI fuzzing covers them at length): they get a rotating sixth of the corpus.
const PAYLOAD_STRIDE: Record<string, number> = { sqlite: 5, postgres: 8 };
const CONSTRAINED_FIELD_SHARE = 6;
const sample = sampleOf('Injection corpora');

/** A deep copy of `body` with `value` at `path` (arrays become one-item arrays). */
function withValueAt(body: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === 0) return [withValueAt(Array.isArray(body) ? body[0] : undefined, rest, value)];
  const object = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...object, [head!]: withValueAt(object[head!], rest, value) };
}

/** Whether `value` occurs, exactly, as a string anywhere in a parsed JSON answer. */
function containsString(json: unknown, value: string): boolean {
  if (typeof json === 'string') return json === value;
  if (Array.isArray(json)) return json.some((item) => containsString(item, value));
  if (json && typeof json === 'object') return Object.values(json).some((item) => containsString(item, value));
  return false;
}

/** Quotes one CSV cell (RFC 4180), so a payload with separators or quotes stays one cell. */
function csvCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

describe.each(testDialects())('injection corpora in every text field on %s', (dialect) => {
  let fuzz: FuzzWorld;
  let operations: ApiOperation[];
  let watch: DatabaseWatch;
  let countsAtStart: Record<string, number>;
  /** Row counts as of the last write seen. */
  let counts: Record<string, number>;
  let sent = 0;
  let accepted = 0;
  let unique = 0;
  const year = () => schoolYearAt(fuzz.test.clock.now());

  beforeAll(async () => {
    fuzz = await createFuzzWorld(dialect);
    operations = operationsOf(fuzz.doc);
    watch = await watchDatabase(fuzz.test.deps.db);
    countsAtStart = await countRows(fuzz.test.deps.db);
    counts = countsAtStart;
  });
  afterAll(async () => {
    console.info(`${sample.summary}: on ${dialect} ${sent} requests, ${accepted} accepted writes read back verbatim`);
    await fuzz?.test.close();
  });

  /** A body the route accepts as it stands, so the payload is the only thing that can make it fail. */
  function baseBody(operation: ApiOperation): unknown {
    unique += 1;
    const model = loadShippedModels()[0]!;
    switch (`${operation.method} ${operation.url}`) {
      case 'POST /api/boards/:boardId/schools':
        return { name: `School ${unique}`, kind: 'primary' };
      case 'POST /api/schools/:schoolId/locations':
      case 'PATCH /api/schools/:schoolId/locations/:locationId':
        return { name: `Locatie ${unique}` };
      case 'POST /api/schools/:schoolId/classes':
        return { name: `Groep ${unique}`, schoolYear: year(), locationId: null };
      case 'PATCH /api/schools/:schoolId/classes/:classId':
        return { name: `Groep ${unique}` };
      case 'POST /api/schools/:schoolId/invitations':
        return { email: `collega-${unique}@world.test`, name: `Collega ${unique}`, roles: ['teacher'], classIds: [] };
      case 'PUT /api/schools/:schoolId/staff/:userId/roles':
        return { roles: ['teacher'], classIds: [] };
      case 'PATCH /api/me':
        return { name: `Fuzzer ${unique}` };
      case 'POST /api/schools/:schoolId/selfscan/rounds':
        return { name: `Ronde ${unique}`, modelId: fuzz.pools.modelId[0], opensOn: '2026-11-01', closesOn: '2026-12-31' };
      case 'PUT /api/schools/:schoolId/selfscan/rounds/:roundId/ratings/:aspectId':
        return { phase: 2, note: `Notitie ${unique}` };
      case 'PUT /api/schools/:schoolId/selfscan/rounds/:roundId/consensus/:aspectId':
        return { phase: 2, rationale: `Omdat ${unique}` };
      case 'PUT /api/schools/:schoolId/selfscan/rounds/:roundId/goals':
        return { aspectIds: [fuzz.aspectIds[0]] };
      case 'POST /api/schools/:schoolId/selfscan/models':
        return { definition: { ...structuredClone(model), id: `import-${unique}` } };
      case 'POST /api/schools/:schoolId/plan/moments':
        return { onDate: '2027-01-15', title: `Moment ${unique}` };
      case 'POST /api/schools/:schoolId/plan/goals':
        return { kind: 'free', title: `Doel ${unique}` };
      case 'PATCH /api/schools/:schoolId/plan/goals/:goalId':
        return { title: `Doel ${unique}` };
      case 'POST /api/schools/:schoolId/plan/goals/:goalId/actions':
      case 'PATCH /api/schools/:schoolId/plan/actions/:actionId':
        return { title: `Actie ${unique}` };
      case 'POST /api/schools/:schoolId/trainings':
      case 'PUT /api/schools/:schoolId/trainings/:trainingId':
        return { kind: 'custom', title: `Scholing ${unique}`, heldOn: '2026-11-02', participantUserIds: [fuzz.world.users.teacher.id], partners: [`Partner ${unique}`] };
      // A pupil's conversation, referral and meldcode step: bodies the care service accepts (held in the past, shared).
      case 'POST /api/schools/:schoolId/pupils/:pupilId/care/conversations':
      case 'PUT /api/schools/:schoolId/pupils/:pupilId/care/conversations/:conversationId':
        return { plannedOn: '2026-11-02', heldOn: '2026-11-02', note: `Notitie ${unique}`, sharedWithCareTeam: true, forCareTeam: `Gedeeld ${unique}` };
      case 'POST /api/schools/:schoolId/pupils/:pupilId/care/referrals':
        return { toWhom: `Jeugdteam ${unique}`, referredOn: '2026-11-02', reason: `Reden ${unique}`, status: 'sent', followUpOn: '2026-12-01', screeningId: null };
      case 'PUT /api/schools/:schoolId/pupils/:pupilId/care/referrals/:referralId':
        return { toWhom: `Jeugdteam ${unique}`, reason: `Reden ${unique}`, status: 'waiting', followUpOn: '2026-12-01' };
      // A contact with a pupil's parents: a day that has been, a follow-up after it; the care team's notes too.
      case 'POST /api/schools/:schoolId/pupils/:pupilId/parent-contacts':
      case 'PUT /api/schools/:schoolId/pupils/:pupilId/parent-contacts/:contactId':
        return { heldOn: '2026-11-02', kind: 'visit', withWhom: `Moeder ${unique}`, topic: `Onderwerp ${unique}`, isEnrolment: true, note: `Notitie ${unique}`, careNotes: `Levensloop ${unique}`, followUpOn: '2026-12-01' };
      // A parent of the pupil, a shield with its reason, and an added language for the parent page (its code is the path's).
      case 'POST /api/schools/:schoolId/pupils/:pupilId/parents':
      case 'PUT /api/schools/:schoolId/pupils/:pupilId/parents/:parentId':
        return { name: `Ouder ${unique}`, relation: `Relatie ${unique}`, email: null, phone: null, language: 'nl' };
      case 'PUT /api/schools/:schoolId/pupils/:pupilId/parents/:parentId/exclusion':
        return { excluded: true, reason: `Reden ${unique}` };
      case 'PUT /api/schools/:schoolId/parent-settings/languages/:code':
        return { code: 'ar', name: `Taal ${unique}`, direction: 'rtl', texts: {}, tsoPage: `Pagina ${unique}` };
      case 'PUT /api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases/:caseId/steps/:step':
        return { doneOn: '2026-11-03', notes: `Notities ${unique}` };
      // A climate rating of a class: a day that has been, in the class's school year.
      case 'POST /api/schools/:schoolId/classes/:classId/group/climate':
        return { ratedOn: '2026-11-02', rating: 3, note: `Notitie ${unique}` };
      case 'PUT /api/schools/:schoolId/classes/:classId/group/phase':
        return { phase: 'norming', fromOn: '2026-11-02' };
      // A routine moment: a real time and a shipped activity; the label is the free text.
      case 'POST /api/schools/:schoolId/classes/:classId/regulation/routines':
        return { timeOfDay: '10:30', label: `Moment ${unique}`, activityId: 'breathing-calm-wave' };
      // The partners register: a name of its own each time (two organisations with one name are refused).
      case 'POST /api/schools/:schoolId/partners/organisations':
      case 'PUT /api/schools/:schoolId/partners/organisations/:organisationId':
        return { name: `Partner ${unique}`, kind: 'youth_care', isKeyPartner: true, notes: `Notitie ${unique}` };
      case 'POST /api/schools/:schoolId/partners/organisations/:organisationId/contacts':
      case 'PUT /api/schools/:schoolId/partners/organisations/:organisationId/contacts/:contactId':
        return { name: `Contact ${unique}`, role: `Rol ${unique}`, email: `contact-${unique}@partner.test`, phone: '0800-2000', isFixedContact: true };
      case 'POST /api/schools/:schoolId/partners/organisations/:organisationId/agreements':
      case 'PUT /api/schools/:schoolId/partners/organisations/:organisationId/agreements/:agreementId':
        return { title: `Afspraak ${unique}`, agreedOn: '2026-09-01', reviewOn: '2027-09-01', text: `Tekst ${unique}` };
      // The team: a journal entry of the fuzzing user's own, and the school's help texts beside the pulse.
      case 'POST /api/schools/:schoolId/team/journal/entries':
      case 'PUT /api/schools/:schoolId/team/journal/entries/:entryId':
        return { promptId: null, body: `Reflectie ${unique}` };
      // Onboarding: a guide section, a ramp item, the role texts, a buddy conversation of the fuzzing user's pair.
      case 'POST /api/schools/:schoolId/team/onboarding/guide/draft/sections':
      case 'PUT /api/schools/:schoolId/team/onboarding/guide/draft/sections/:sectionId':
        return { locationId: null, kind: 'rules', title: `Hoofdstuk ${unique}`, body: `Tekst ${unique}` };
      case 'POST /api/schools/:schoolId/team/onboarding/ramp-items':
      case 'PUT /api/schools/:schoolId/team/onboarding/ramp-items/:itemId':
        return { week: 1, text: `Onderdeel ${unique}` };
      case 'PUT /api/schools/:schoolId/team/onboarding/texts':
        return { buddyRole: `Buddy ${unique}`, chefBuddyTasks: `Taken ${unique}` };
      case 'POST /api/schools/:schoolId/team/onboarding/pairs/:pairId/conversations':
      case 'PUT /api/schools/:schoolId/team/onboarding/pairs/:pairId/conversations/:conversationId':
        return { plannedOn: '2026-11-20', heldOn: null, stage: 'discover', note: `Notitie ${unique}` };
      // The fuzzing user's draft self-assessment: one rated indicator with evidence, and goals.
      case 'PUT /api/schools/:schoolId/team/competence/assessments/:assessmentId':
        return { ratings: [{ indicatorId: 'interpersonal.contact', step: 2, evidence: `Bewijs ${unique}` }], goals: `Doel ${unique}` };
      case 'POST /api/schools/:schoolId/team/intervision/sessions':
      case 'PUT /api/schools/:schoolId/team/intervision/sessions/:sessionId':
        return { heldOn: '2026-11-20', kind: 'intervision', coreConcept: 'stress', theme: `Thema ${unique}`, note: `Notitie ${unique}`, participantIds: [fuzz.world.users.boardAdmin.id] };
      case 'PUT /api/schools/:schoolId/team/pulse/help':
        return { contacts: `Hulp ${unique}`, companyDoctor: `Arts ${unique}`, confidant: `Vertrouwenspersoon ${unique}` };
      default:
        return fc.sample(validObject(operation.body!, fuzz.hints), { seed: unique, numRuns: 1 })[0];
    }
  }

  /** Real ids for the path: school A1 and its records (agreeing on a phase happens after a round closed). */
  function pathParams(operation?: ApiOperation): Record<string, string> {
    const { world } = fuzz;
    return {
      boardId: world.boardA,
      schoolId: world.schoolA1,
      locationId: world.locationA1,
      classId: world.classA1,
      userId: world.users.teacher.id,
      roundId: operation && /\/(consensus|goals)\b/.test(operation.url) ? fuzz.closedRoundId : fuzz.roundId,
      modelId: fuzz.pools.modelId[0]!,
      aspectId: fuzz.aspectIds[0]!,
      pupilId: world.pupilInClassA1,
      momentId: fuzz.pools.momentId[0]!,
      goalId: fuzz.pools.goalId[0]!,
      actionId: fuzz.pools.actionId[0]!,
      trainingId: fuzz.pools.trainingId[0]!,
      importId: fuzz.pools.importId[0]!,
      waveId: fuzz.pools.waveId[0]!,
      studyId: fuzz.pools.studyId[0]!,
      trustedAdultId: fuzz.pools.trustedAdultId[0]!,
      conversationId: fuzz.pools.conversationId[0]!,
      referralId: fuzz.pools.referralId[0]!,
      caseId: fuzz.pools.caseId[0]!,
      organisationId: fuzz.pools.organisationId[0]!,
      // Two kinds of record share the name: a partner's contact person and a contact with a pupil's parents.
      contactId: operation?.url.includes('/parent-contacts/') ? fuzz.parentContactId : fuzz.pools.contactId[0]!,
      agreementId: fuzz.pools.agreementId[0]!,
      parentId: fuzz.pools.parentId[0]!,
      questionnaireId: fuzz.pools.questionnaireId[0]!,
      requestId: fuzz.pools.requestId[0]!,
      pulseId: fuzz.pools.pulseId[0]!,
      entryId: fuzz.pools.entryId[0]!,
      pairId: fuzz.pools.pairId[0]!,
      sectionId: fuzz.pools.sectionId[0]!,
      itemId: fuzz.pools.itemId[0]!,
      assessmentId: fuzz.pools.assessmentId[0]!,
      sessionId: fuzz.pools.sessionId[0]!,
      code: 'ar',
      step: '1',
    };
  }

  /**
   * Child rows a write replaces by contract: changing a wave sets its instruments and classes to what the body
   * lists, so fewer of them is the request doing its job, not an injection deleting rows.
   */
  const REPLACED_LISTS: Readonly<Record<string, readonly string[]>> = {
    'PUT /api/schools/:schoolId/questionnaire-waves/:waveId': ['questionnaire_wave_instruments', 'questionnaire_wave_classes'],
    'PUT /api/schools/:schoolId/team/competence/assessments/:assessmentId': ['team_competence_ratings'],
    'PUT /api/schools/:schoolId/team/intervision/sessions/:sessionId': ['team_intervision_participants'],
  };

  /** Requests that store nothing of the text (only the audit of a read) and answer with it themselves. */
  const ANSWERED_IN_PLACE = new Set(['POST /api/schools/:schoolId/next-school-year/preview']);
  /** Searches that store nothing of the text either (only the audit of the pupils they listed), and need not echo it. */
  const AUDITED_SEARCHES = new Set(['GET /api/schools/:schoolId/care/break-glass/pupils']);

  /** API pages on which an accepted write must show the stored text again. */
  function readBackUrls(operation: ApiOperation, response: LightMyRequestResponse): string[] | undefined {
    const school = `/api/schools/${fuzz.world.schoolA1}`;
    const round = `${school}/selfscan/rounds/${fuzz.roundId}`;
    const closedRound = `${school}/selfscan/rounds/${fuzz.closedRoundId}`;
    // A write that answers 204 has no body (a parent's details, a shield).
    const id = response.body === '' ? undefined : (response.json() as { id?: string }).id;
    const urls: Record<string, string[]> = {
      'POST /api/boards/:boardId/schools': [`/api/schools/${id}`],
      'POST /api/schools/:schoolId/locations': [`${school}/locations`],
      'PATCH /api/schools/:schoolId/locations/:locationId': [`${school}/locations`],
      'POST /api/schools/:schoolId/classes': [`${school}/classes?schoolYear=${year()}`],
      'PATCH /api/schools/:schoolId/classes/:classId': [`${school}/classes?schoolYear=${year()}`],
      'POST /api/schools/:schoolId/invitations': [`${school}/invitations`],
      'PATCH /api/me': ['/api/session'],
      'POST /api/schools/:schoolId/selfscan/rounds': [`${school}/selfscan/rounds`],
      // Notes show in the results only when at least k people answered; the respondent reads their own back.
      'PUT /api/schools/:schoolId/selfscan/rounds/:roundId/ratings/:aspectId': [round],
      'PUT /api/schools/:schoolId/selfscan/rounds/:roundId/consensus/:aspectId': [`${closedRound}/results`],
      'POST /api/schools/:schoolId/selfscan/models': [`${school}/selfscan/models/${id}`],
      'POST /api/schools/:schoolId/pupil-imports': [`${school}/pupil-imports/${id}`],
      'POST /api/schools/:schoolId/pupil-imports/:importId/batches': [`${school}/pupils?schoolYear=${year()}`, `${school}/classes?schoolYear=${year()}`],
      'PUT /api/schools/:schoolId/pupils/:pupilId': [`${school}/pupils?schoolYear=${year()}`, `${school}/pupils?schoolYear=${year()}&status=former`],
      'POST /api/schools/:schoolId/closed-days': [`${school}/closed-days`],
      'PUT /api/schools/:schoolId/checkin/wording': [`${school}/checkin/wording`],
      'POST /api/schools/:schoolId/pupils/:pupilId/checkin/notes': [`${school}/pupils/${fuzz.world.pupilInClassA1}/checkin/history`],
      'POST /api/schools/:schoolId/plan/moments': [`${school}/plan`],
      'POST /api/schools/:schoolId/plan/goals': [`${school}/plan`],
      'PATCH /api/schools/:schoolId/plan/goals/:goalId': [`${school}/plan`],
      'POST /api/schools/:schoolId/plan/goals/:goalId/actions': [`${school}/plan`],
      'PATCH /api/schools/:schoolId/plan/actions/:actionId': [`${school}/plan`],
      'POST /api/schools/:schoolId/trainings': [`${school}/trainings`],
      'PUT /api/schools/:schoolId/trainings/:trainingId': [`${school}/trainings`],
      'PUT /api/schools/:schoolId/privacy-statement': [`${school}/privacy-statement`],
      'POST /api/schools/:schoolId/questionnaire-waves': [`${school}/questionnaire-waves?schoolYear=${year()}`],
      'PUT /api/schools/:schoolId/questionnaire-waves/:waveId': [`${school}/questionnaire-waves?schoolYear=${year()}`],
      'POST /api/schools/:schoolId/research/studies': [`${school}/research`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/care/support-plan': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care`],
      'POST /api/schools/:schoolId/pupils/:pupilId/care/trusted-adults': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/care/aces': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/aces`],
      'POST /api/schools/:schoolId/care/ace-categories': [`${school}/care/ace-categories`],
      'PUT /api/schools/:schoolId/care/screening-wordings/:instrumentId': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/screenings`],
      'POST /api/schools/:schoolId/pupils/:pupilId/care/screenings': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/screenings`],
      'POST /api/schools/:schoolId/pupils/:pupilId/care/conversations': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/conversations`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/care/conversations/:conversationId': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/conversations`],
      'POST /api/schools/:schoolId/pupils/:pupilId/care/referrals': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/referrals`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/care/referrals/:referralId': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/referrals`],
      'POST /api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/meldcode-cases`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases/:caseId/steps/:step': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/meldcode-cases`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases/:caseId/closing': [`${school}/pupils/${fuzz.world.pupilInClassA1}/care/meldcode-cases`],
      'POST /api/schools/:schoolId/pupils/:pupilId/parent-contacts': [`${school}/pupils/${fuzz.world.pupilInClassA1}/parent-contacts`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/parent-contacts/:contactId': [`${school}/pupils/${fuzz.world.pupilInClassA1}/parent-contacts`],
      'PUT /api/schools/:schoolId/care/attention-officer': [`${school}/care/attention-officer`],
      'POST /api/schools/:schoolId/pupils/:pupilId/parents': [`${school}/pupils/${fuzz.world.pupilInClassA1}/parents`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/parents/:parentId': [`${school}/pupils/${fuzz.world.pupilInClassA1}/parents`],
      'PUT /api/schools/:schoolId/pupils/:pupilId/parents/:parentId/exclusion': [`${school}/pupils/${fuzz.world.pupilInClassA1}/parents`],
      'PUT /api/schools/:schoolId/parent-settings/tso-page': [`${school}/parent-settings`],
      'PUT /api/schools/:schoolId/parent-settings/languages/:code': [`${school}/parent-settings/languages/ar/template`],
      'POST /api/schools/:schoolId/classes/:classId/group/climate': [`${school}/classes/${fuzz.world.classA1}/group`],
      'PUT /api/schools/:schoolId/classes/:classId/group/phase': [`${school}/classes/${fuzz.world.classA1}/group`],
      'POST /api/schools/:schoolId/sociogram-questions': [`${school}/sociogram-settings`],
      'POST /api/schools/:schoolId/classes/:classId/regulation/routines': [`${school}/classes/${fuzz.world.classA1}/regulation`],
      'POST /api/schools/:schoolId/partners/organisations': [`${school}/partners`],
      'PUT /api/schools/:schoolId/team/competence/assessments/:assessmentId': [`${school}/team/competence/assessments/${fuzz.pools.assessmentId[0]}`],
      'POST /api/schools/:schoolId/team/competence/shares': [`${school}/team/competence`],
      'POST /api/schools/:schoolId/team/intervision/sessions': [`${school}/team/intervision`],
      'PUT /api/schools/:schoolId/team/intervision/sessions/:sessionId': [`${school}/team/intervision`],
      'PUT /api/schools/:schoolId/partners/organisations/:organisationId': [`${school}/partners`],
      'POST /api/schools/:schoolId/partners/organisations/:organisationId/contacts': [`${school}/partners`],
      'PUT /api/schools/:schoolId/partners/organisations/:organisationId/contacts/:contactId': [`${school}/partners`],
      'POST /api/schools/:schoolId/partners/organisations/:organisationId/agreements': [`${school}/partners`],
      'PUT /api/schools/:schoolId/partners/organisations/:organisationId/agreements/:agreementId': [`${school}/partners`],
      'POST /api/schools/:schoolId/team/journal/entries': [`${school}/team/journal`],
      'PUT /api/schools/:schoolId/team/journal/entries/:entryId': [`${school}/team/journal`],
      'PUT /api/schools/:schoolId/team/pulse/help': [`${school}/team/pulse`],
      'POST /api/schools/:schoolId/team/onboarding/guide/draft/sections': [`${school}/team/onboarding/settings`],
      'PUT /api/schools/:schoolId/team/onboarding/guide/draft/sections/:sectionId': [`${school}/team/onboarding/settings`],
      'POST /api/schools/:schoolId/team/onboarding/ramp-items': [`${school}/team/onboarding/settings`],
      'PUT /api/schools/:schoolId/team/onboarding/ramp-items/:itemId': [`${school}/team/onboarding/settings`],
      'PUT /api/schools/:schoolId/team/onboarding/texts': [`${school}/team/onboarding/settings`],
      'POST /api/schools/:schoolId/team/onboarding/pairs/:pairId/conversations': [`${school}/team/onboarding/pairs/${fuzz.pools.pairId[0]}`],
      'PUT /api/schools/:schoolId/team/onboarding/pairs/:pairId/conversations/:conversationId': [`${school}/team/onboarding/pairs/${fuzz.pools.pairId[0]}`],
      'POST /api/schools/:schoolId/next-school-year/preparation': [`${school}/classes?schoolYear=${followingSchoolYear(year())}`],
    };
    return urls[`${operation.method} ${operation.url}`];
  }

  /** Sends one request as the fuzzing user and checks: no 5xx; a refusal changes nothing; an accepted write reads back verbatim. */
  async function sendPayload(operation: ApiOperation, request: GeneratedRequest, payload: string, where: string): Promise<string[]> {
    const label = `${operation.method} ${operation.url} ${where} = ${JSON.stringify(payload)}`;
    const countsBefore = counts;
    const response = await fuzz.send(operation, request);
    sent += 1;
    const changed = await watch.changedSinceLastLook();
    const status = response.statusCode;
    if (status >= 500) return [`${label}: answered ${status} ${response.body.slice(0, 200)}`];
    if (status >= 400) {
      const code = (response.json() as { error?: { code?: string } }).error?.code ?? '';
      const problems = (ERROR_CODES as readonly string[]).includes(code) ? [] : [`${label}: ${status} without the error shape`];
      return changed.length > 0 ? [...problems, `${label}: refused (${status} ${code}) but changed ${changed.join(', ')}`] : problems;
    }
    if (changed.length === 0) return [];
    counts = await countRows(fuzz.test.deps.db);
    const replaced = REPLACED_LISTS[`${operation.method} ${operation.url}`] ?? [];
    const shrunk = Object.keys(countsBefore).filter((table) => counts[table]! < countsBefore[table]! && !replaced.includes(table));
    if (shrunk.length > 0) return [`${label}: accepted, and ${shrunk.join(', ')} lost rows`];
    accepted += 1;
    if (AUDITED_SEARCHES.has(`${operation.method} ${operation.url}`)) {
      const stored = changed.filter((table) => table !== 'audit_events');
      return stored.length > 0 ? [`${label}: a search changed ${stored.join(', ')}`] : [];
    }
    if (ANSWERED_IN_PLACE.has(`${operation.method} ${operation.url}`)) {
      // A preview stores nothing but the audit record of the names it showed: its own answer must hold the text.
      const stored = changed.filter((table) => table !== 'audit_events');
      if (stored.length > 0) return [`${label}: a preview changed ${stored.join(', ')}`];
      return containsString(response.json(), payload) ? [] : [`${label}: accepted, but the preview does not show it verbatim`];
    }
    const urls = readBackUrls(operation, response);
    if (!urls) return [`${label}: accepted a write, but the test has no page to read it back from`];
    fuzz.remember(operation, response);
    let isReadBack = false;
    for (const url of urls) {
      const page = await fuzz.test.app.inject({ method: 'GET', url, headers: { cookie: fuzz.session.cookie } });
      isReadBack ||= page.statusCode === 200 && containsString(page.json(), payload);
    }
    // Reading pupil data is audited: the read-backs themselves write.
    await watch.changedSinceLastLook();
    counts = await countRows(fuzz.test.deps.db);
    return isReadBack ? [] : [`${label}: accepted, but not read back verbatim from ${urls.join(' or ')}`];
  }

  // Where this run's rotation starts, per database (see PAYLOAD_STRIDE).
  const rotation = sample.pick(2 ** 16);
  /** Fields handed out so far, free-text and constrained apart (so the free-text ones rotate one step each). */
  const fieldCounts = { freeText: 0, constrained: 0 };
  /** Payloads that went into at least one free-text field this run. */
  const payloadsInFreeText = new Set<string>();

  /** The payloads one field gets: see PAYLOAD_STRIDE. */
  function payloadsFor(payloads: readonly string[], isFreeTextField: boolean): readonly string[] {
    const fieldIndex = isFreeTextField ? fieldCounts.freeText++ : fieldCounts.constrained++;
    const stride = isFreeTextField ? PAYLOAD_STRIDE[dialect]! : Math.ceil(payloads.length / CONSTRAINED_FIELD_SHARE);
    const chosen = sample.isFull ? payloads : payloads.filter((_, index) => (index + fieldIndex + rotation) % stride === 0);
    if (isFreeTextField) for (const payload of chosen) payloadsInFreeText.add(payload);
    return chosen;
  }

  /** Puts the payloads (each field its share: see payloadsFor) into every string field of every JSON body and query. */
  async function runCorpus(payloads: readonly string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const operation of operations) {
      const t0 = performance.now();
      const sentBefore = sent;
      const noBody = operation.body === undefined;
      for (const { path, isFreeText } of operation.body ? stringFieldsOf(operation.body) : []) {
        for (const payload of payloadsFor(payloads, isFreeText)) {
          const body = withValueAt(baseBody(operation), path, payload);
          const request: GeneratedRequest = { pathParams: pathParams(operation), query: [], body: { json: JSON.stringify(body), isValid: true }, isAnonymous: false, isValid: true };
          problems.push(...(await sendPayload(operation, request, payload, `body.${path.join('.')}`)));
        }
      }
      for (const parameter of operation.queryParams) {
        for (const payload of payloadsFor(payloads, isFreeText(parameter.schema))) {
          const request: GeneratedRequest = { pathParams: pathParams(operation), query: [[parameter.name, payload]], body: noBody ? undefined : { json: JSON.stringify(baseBody(operation)), isValid: true }, isAnonymous: false, isValid: true };
          problems.push(...(await sendPayload(operation, request, payload, `query.${parameter.name}`)));
        }
      }
      if (process.env.FUZZ_VERBOSE) console.info(`${(performance.now() - t0).toFixed(0)} ms ${sent - sentBefore} ${operation.method} ${operation.url}`);
    }
    return problems;
  }

  /**
   * Imports one pupil per payload with the payload in every text cell, then reads the names back. The
   * upload only stages the file (a row the payload makes invalid stays in the error report); the batch
   * is the write that must read back verbatim, or be refused without a change.
   */
  async function runPupilImport(payloads: readonly string[]): Promise<string[]> {
    const find = (url: string) => operations.find((candidate) => candidate.method === 'POST' && candidate.url === url);
    const upload = find('/api/schools/:schoolId/pupil-imports');
    const batch = find('/api/schools/:schoolId/pupil-imports/:importId/batches');
    if (!upload || !batch) return ['a pupil import route is missing'];
    const problems: string[] = [];
    for (const payload of payloads) {
      unique += 1;
      const csv = `Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep\n${9000 + unique};${csvCell(payload)};${csvCell(payload)};${csvCell(payload)};01-02-2017;${csvCell(payload)}\n`;
      const mapping = { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Tussenvoegsel', birthDate: 'Geboortedatum', className: 'Groep' };
      const label = `POST ${upload.url} CSV cells = ${JSON.stringify(payload)}`;
      const uploadRequest: GeneratedRequest = { pathParams: pathParams(), query: [], body: { json: JSON.stringify({ csv, mapping }), isValid: true }, isAnonymous: false, isValid: true };
      const staged = await fuzz.send(upload, uploadRequest);
      sent += 1;
      await watch.changedSinceLastLook();
      counts = await countRows(fuzz.test.deps.db);
      // A refusal (NUL characters and lone surrogates are refused at the door) stores nothing: nothing to import.
      if (staged.statusCode !== 201) {
        const code = (staged.json() as { error?: { code?: string } }).error?.code ?? '';
        if (staged.statusCode >= 500 || !(ERROR_CODES as readonly string[]).includes(code)) problems.push(`${label}: answered ${staged.statusCode} ${staged.body.slice(0, 200)}`);
        continue;
      }
      // The payload is also the row's class: the batch answers the comparison's question by creating it.
      const className = (staged.json() as { sample: { className: string | null }[] }).sample[0]?.className;
      const classChoices = className ? [{ name: className, action: 'create' }] : [];
      const batchRequest: GeneratedRequest = {
        pathParams: { ...pathParams(), importId: staged.json().id },
        query: [],
        body: { json: JSON.stringify({ schoolYear: year(), classChoices }), isValid: true },
        isAnonymous: false,
        isValid: true,
      };
      problems.push(...(await sendPayload(batch, batchRequest, payload, 'CSV cells')));
    }
    return problems;
  }

  it('takes every SQL-injection string literally: no 5xx, refusals change nothing, accepted text reads back verbatim', async () => {
    const problems = [...(await runCorpus(SQL_INJECTION_PAYLOADS)), ...(await runPupilImport(SQL_INJECTION_PAYLOADS))];
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(SQL_INJECTION_PAYLOADS.length);
    expect(SQL_INJECTION_PAYLOADS.filter((payload) => !payloadsInFreeText.has(payload))).toEqual([]);
  }, 400_000);

  it('stores every XSS string as plain text: no 5xx, refusals change nothing, accepted text reads back verbatim', async () => {
    const acceptedBefore = accepted;
    const problems = [...(await runCorpus(XSS_PAYLOADS)), ...(await runPupilImport(XSS_PAYLOADS))];
    expect(problems).toEqual([]);
    expect(accepted - acceptedBefore).toBeGreaterThan(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.filter((payload) => !payloadsInFreeText.has(payload))).toEqual([]);
  }, 400_000);

  it('leaves the schema intact: every table still answers and none lost rows', async () => {
    const counts = await countRows(fuzz.test.deps.db);
    expect(Object.keys(counts)).toEqual(Object.keys(countsAtStart));
    const mayShrink = new Set(Object.values(REPLACED_LISTS).flat());
    const shrunk = Object.keys(counts).filter((table) => counts[table]! < countsAtStart[table]! && !mayShrink.has(table));
    expect(shrunk).toEqual([]);
  });
});
