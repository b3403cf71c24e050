import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedModels } from '../../src/server/features/selfscan/model-catalogue';
import { shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/shared/demo-accounts';
import { schoolYearAt } from '../../src/shared/school-time';
import { aspectIdsOf } from '../../src/shared/selfscan-model';
import { XSS_PAYLOADS } from '../fuzz/corpora';
import { importPupilFile } from '../support/pupil-import';
import { sampleOf, shuffled } from '../support/test-seed';
import { login, type Login, requestAs } from '../support/test-app';
import {
  type BrowserSession,
  createPageAudit,
  openBrowser,
  type RunningServer,
  signIn,
  startDemoServer,
  waitForPage,
} from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';

/** Every text field the SPA shows that the test fills with a payload: 17 fields, so one of the 16 payloads goes into two. */
const FIELDS = [
  'location',
  'class',
  'invitedName',
  'pupilFirst',
  'pupilPrefix',
  'pupilLast',
  'round',
  'noteTeacher',
  'noteCare',
  'rationale',
  'teacherName',
  'newSchool',
  'modelName',
  'aspectName',
  'secondLocation',
  'noteLeadership',
  'privacyStatement',
] as const;
type Field = (typeof FIELDS)[number];
type Role = 'schoolAdmin' | 'tsoLead' | 'teacher' | 'boardAdmin';

/** The ids a page's path needs. */
interface Ids {
  schoolId: string;
  boardId: string;
  roundId: string;
  ownModelRoundId: string;
  /** A round with the same payloads that was closed, so its results (notes, rationale) can be read. */
  closedRoundId: string;
}

/** One page opened as one role, and the fields whose payloads it must show as text. */
interface Visit {
  role: Role;
  path: (ids: Ids) => string;
  shows: Field[];
}

// Every page that shows a stored field, as the roles that see it: school admin, TSO lead, teacher, board admin.
const VISITS: Visit[] = [
  { role: 'schoolAdmin', path: () => '/', shows: [] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}`, shows: [] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/locaties`, shows: ['location', 'secondLocation'] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/klassen`, shows: ['class', 'location'] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/personeel`, shows: ['invitedName', 'teacherName', 'class'] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/leerlingen`, shows: ['pupilFirst', 'pupilPrefix', 'pupilLast'] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/zelfscan`, shows: ['round', 'modelName'] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/zelfscan/${ids.roundId}/invullen`, shows: ['round'] },
  // The round on the imported model shows its aspect name on the rating page.
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/zelfscan/${ids.ownModelRoundId}/invullen`, shows: ['aspectName'] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/postvak`, shows: [] },
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/logboek`, shows: [] },
  // The school's own privacy statement: plain text, for its admin and every colleague.
  { role: 'schoolAdmin', path: (ids) => `/scholen/${ids.schoolId}/privacy`, shows: ['privacyStatement'] },
  // The TSO lead: results with notes, consensus with its rationale, history.
  { role: 'tsoLead', path: () => '/', shows: ['round'] },
  { role: 'tsoLead', path: (ids) => `/scholen/${ids.schoolId}/zelfscan`, shows: ['round'] },
  { role: 'tsoLead', path: (ids) => `/scholen/${ids.schoolId}/zelfscan/${ids.closedRoundId}/uitkomsten`, shows: ['round', 'noteTeacher', 'noteCare', 'noteLeadership'] },
  { role: 'tsoLead', path: (ids) => `/scholen/${ids.schoolId}/zelfscan/${ids.closedRoundId}/vaststellen`, shows: ['round', 'rationale'] },
  { role: 'tsoLead', path: (ids) => `/scholen/${ids.schoolId}/zelfscan/verloop`, shows: [] },
  // The teacher: open tasks, rating with a note, own pupils.
  { role: 'teacher', path: () => '/', shows: ['round', 'teacherName'] },
  { role: 'teacher', path: (ids) => `/scholen/${ids.schoolId}`, shows: [] },
  { role: 'teacher', path: (ids) => `/scholen/${ids.schoolId}/zelfscan/${ids.roundId}/invullen`, shows: ['round'] },
  { role: 'teacher', path: (ids) => `/scholen/${ids.schoolId}/leerlingen`, shows: ['pupilFirst', 'pupilPrefix', 'pupilLast'] },
  { role: 'teacher', path: (ids) => `/scholen/${ids.schoolId}/privacy`, shows: ['privacyStatement'] },
  { role: 'boardAdmin', path: () => '/', shows: [] },
  { role: 'boardAdmin', path: (ids) => `/besturen/${ids.boardId}`, shows: ['newSchool'] },
  { role: 'boardAdmin', path: (ids) => `/besturen/${ids.boardId}/postvak`, shows: [] },
  { role: 'boardAdmin', path: (ids) => `/besturen/${ids.boardId}/logboek`, shows: [] },
];

const EMAIL_OF_ROLE: Record<Role, string> = {
  schoolAdmin: DEMO_EMAILS.schoolAdmin,
  tsoLead: DEMO_EMAILS.tsoLead,
  teacher: DEMO_EMAILS.teacher,
  boardAdmin: DEMO_EMAILS.boardAdmin,
};

// The full cross product, every payload in every field on every page as every role, is 16 stored rounds of
// 26 page visits; a run takes one round and a sample of the pages. The run's seed picks which payload goes
// into which field (one of the 16 rotations, so over runs each payload meets each field and its rendering
// context), and which visits run: enough that every field (so every payload) and every role is shown at
// least once, and a third of the other visits. TEST_SAMPLE=all runs every rotation and every visit.
const sample = sampleOf('Stored XSS');
const ROTATIONS = sample.isFull ? XSS_PAYLOADS.map((_, rotation) => rotation) : [sample.pick(XSS_PAYLOADS.length)];
const SAMPLED_VISITS = sample.isFull ? VISITS : sampleVisits();

/** Visits in a seeded order, keeping the first that shows a field or role not yet covered, and a third of the rest. */
function sampleVisits(): Visit[] {
  const fields = new Set<Field>();
  const roles = new Set<Role>();
  const chosen = shuffled(VISITS, sample.random).filter((visit) => {
    const isNeeded = !roles.has(visit.role) || visit.shows.some((field) => !fields.has(field));
    if (!isNeeded && sample.random() >= 1 / 3) return false;
    roles.add(visit.role);
    for (const field of visit.shows) fields.add(field);
    return true;
  });
  return VISITS.filter((visit) => chosen.includes(visit));
}

/** The payload of each field in one rotation: field i gets payload i + rotation. */
function payloadsOf(rotation: number): Record<Field, string> {
  return Object.fromEntries(FIELDS.map((field, index) => [field, XSS_PAYLOADS[(index + rotation) % XSS_PAYLOADS.length]!])) as Record<Field, string>;
}

// Runs before any page script: records Content-Security-Policy violations the page reports.
const RECORD_CSP_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

/** What one signed-in browser saw: alerts that fired, requests to the `<img src=x>` target, CSP reports. */
interface Watched {
  browser: BrowserSession;
  dialogs: string[];
  strayRequests: string[];
}

async function watch(browser: BrowserSession): Promise<Watched> {
  const watched: Watched = { browser, dialogs: [], strayRequests: [] };
  browser.page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // An injected <img src=x> or <iframe> would fetch a relative "x" or open about:srcdoc.
  browser.page.on('request', (request) => {
    if (/\/x$/.test(request.url()) || request.url().startsWith('about:srcdoc')) watched.strayRequests.push(request.url());
  });
  await browser.context.addInitScript(RECORD_CSP_VIOLATIONS);
  return watched;
}

// Stored XSS: the payloads are saved through the API by the people who would type them, then the pages that
// show them are opened as a school admin, the TSO lead, a teacher and the board admin (a sample: see above).
describe.each(ROTATIONS)('stored XSS payloads render as text (rotation %i)', (rotation) => {
  const payload = payloadsOf(rotation);
  let server: RunningServer;
  const ids: Ids = { schoolId: '', boardId: '', roundId: '', ownModelRoundId: '', closedRoundId: '' };
  const cspViolations: string[] = [];
  /** Payloads found as text on at least one page. */
  const seen = new Set<string>();
  const audit = createPageAudit();
  const browsers: Watched[] = [];

  beforeAll(async () => {
    console.info(`${sample.summary}: rotation ${rotation}, ${SAMPLED_VISITS.length} of ${VISITS.length} page visits`);
    server = await startDemoServer();
    const db = server.db.kysely;
    const school = await db.selectFrom('schools').select(['id', 'board_id']).where('name', '=', SCHOOL).executeTakeFirstOrThrow();
    ids.schoolId = school.id;
    ids.boardId = school.board_id;
    await storePayloads();
  });
  afterAll(async () => {
    for (const watched of browsers) await watched.browser.close();
    await server?.close();
  });

  /** Saves every payload through the API as the role that would type it. */
  async function storePayloads(): Promise<void> {
    const app = server.app;
    const as = async (email: string) => login(app, email, DEMO_PASSWORD);
    const expectOk = async (response: Promise<{ statusCode: number; body: string }>) => {
      const answer = await response;
      if (answer.statusCode >= 300) throw new Error(`seeding failed: ${answer.statusCode} ${answer.body}`);
      return JSON.parse(answer.body) as Record<string, unknown>;
    };
    const school = `/api/schools/${ids.schoolId}`;
    const year = schoolYearAt(new Date());
    const admin = await as(DEMO_EMAILS.schoolAdmin);
    const location = await expectOk(requestAs(app, admin, 'POST', `${school}/locations`, { name: payload.location }));
    await expectOk(requestAs(app, admin, 'POST', `${school}/locations`, { name: payload.secondLocation }));
    const klass = await expectOk(requestAs(app, admin, 'POST', `${school}/classes`, { name: payload.class, schoolYear: year, locationId: location.id }));
    await expectOk(requestAs(app, admin, 'POST', `${school}/invitations`, { email: 'nieuwe.collega@voorbeeld.test', name: payload.invitedName, roles: ['teacher'], classIds: [klass.id] }));
    const csv = `Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep\n99001;${cell(payload.pupilFirst)};${cell(payload.pupilPrefix)};${cell(payload.pupilLast)};01-02-2017;Groep 5\n`;
    const mapping = { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Tussenvoegsel', birthDate: 'Geboortedatum', className: 'Groep' };
    await expectOk(importPupilFile(app, admin, ids.schoolId, { csv, mapping, schoolYear: year }));
    const model = structuredClone(loadShippedModels()[0]!);
    model.id = 'eigen-model';
    model.name.nl = payload.modelName;
    model.layers[0]!.aspects[0]!.name.nl = payload.aspectName;
    const imported = await expectOk(requestAs(app, admin, 'POST', `${school}/selfscan/models`, { definition: model }));
    await expectOk(requestAs(app, admin, 'PUT', `${school}/privacy-statement`, { text: `Privacyverklaring van de school.\n\n${payload.privacyStatement}` }));

    const board = await as(DEMO_EMAILS.boardAdmin);
    await expectOk(requestAs(app, board, 'POST', `/api/boards/${ids.boardId}/schools`, { name: payload.newSchool, kind: 'primary' }));

    const lead = await as(DEMO_EMAILS.tsoLead);
    const shipped = loadShippedModels()[0]!;
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const round = await expectOk(
      requestAs(app, lead, 'POST', `${school}/selfscan/rounds`, { name: payload.round, modelId: shippedModelId(shipped.id, shipped.version), opensOn: today, closesOn: closes }),
    );
    ids.roundId = round.id as string;
    // A second round on the imported model, so its aspect name is shown on the rating page.
    const ownModelRound = await expectOk(
      requestAs(app, lead, 'POST', `${school}/selfscan/rounds`, { name: 'Ronde eigen model', modelId: imported.id, opensOn: today, closesOn: closes }),
    );
    ids.ownModelRoundId = ownModelRound.id as string;
    // Results exist only for a closed round: a second round of the same name, closed once everyone answered.
    const closed = await expectOk(
      requestAs(app, lead, 'POST', `${school}/selfscan/rounds`, { name: payload.round, modelId: shippedModelId(shipped.id, shipped.version), opensOn: today, closesOn: closes }),
    );
    ids.closedRoundId = closed.id as string;
    const aspects = aspectIdsOf(shipped).slice(0, 3);
    const rate = async (who: Login, note: string) => {
      for (const roundIdToRate of [ids.roundId, ids.closedRoundId]) {
        for (const [index, aspect] of aspects.entries()) {
          await expectOk(requestAs(app, who, 'PUT', `${school}/selfscan/rounds/${roundIdToRate}/ratings/${aspect}`, { phase: 1 + index, note }));
        }
      }
    };
    const teacher = await as(DEMO_EMAILS.teacher);
    await rate(teacher, payload.noteTeacher);
    await rate(await as(DEMO_EMAILS.careTeam), payload.noteCare);
    await rate(await as(DEMO_EMAILS.leadership), payload.noteLeadership);
    await rate(lead, payload.noteTeacher);
    await rate(admin, payload.noteCare);
    await expectOk(requestAs(app, lead, 'POST', `${school}/selfscan/rounds/${ids.closedRoundId}/close`));
    await expectOk(requestAs(app, lead, 'PUT', `${school}/selfscan/rounds/${ids.closedRoundId}/consensus/${aspects[0]}`, { phase: 2, rationale: payload.rationale }));
    await expectOk(requestAs(app, lead, 'PUT', `${school}/selfscan/rounds/${ids.closedRoundId}/goals`, { aspectIds: [aspects[0]] }));
    await expectOk(requestAs(app, teacher, 'PATCH', '/api/me', { name: payload.teacherName }));
  }

  /** Opens a page, waits until it is loaded, and checks that nothing ran and the expected payloads show as text. */
  async function visit(watched: Watched, path: string, shows: readonly Field[]): Promise<void> {
    const { page } = watched.browser;
    await page.goto(`${server.baseUrl}${path}`);
    await waitForPage(page, /\S/);
    // Event handlers such as onerror, onload and onfocus fire a moment after rendering: once every image has
    // loaded or failed, and after the next two frames (autofocus and toggle events come with a frame).
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))));
    const ran = await page.evaluate(() => (window as unknown as { xss?: unknown }).xss);
    expect(ran, `a payload ran on ${path}`).toBeUndefined();
    // Text nodes and form values: a payload parsed as HTML would be elements, not text.
    const text = await page.evaluate(() => {
      const values = [...document.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value);
      return [document.body.textContent ?? '', ...values].join('\n');
    });
    for (const candidate of XSS_PAYLOADS) if (text.includes(candidate)) seen.add(candidate);
    const missing = shows.filter((field) => !text.includes(payload[field])).map((field) => `${field}: ${payload[field]}`);
    expect(missing, `payloads not shown as text on ${path}`).toEqual([]);
    cspViolations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)));
    await audit.check(watched.browser);
  }

  async function signedIn(email: string): Promise<Watched> {
    const browser = await openBrowser();
    const watched = await watch(browser);
    browsers.push(watched);
    await signIn(browser.page, server.baseUrl, email, DEMO_PASSWORD);
    return watched;
  }

  it.each(['schoolAdmin', 'tsoLead', 'teacher', 'boardAdmin'] as const)('runs nothing on the pages of the %s', async (role) => {
    const visits = SAMPLED_VISITS.filter((candidate) => candidate.role === role);
    const watched = await signedIn(EMAIL_OF_ROLE[role]);
    for (const { path, shows } of visits) await visit(watched, path(ids), shows);
    expect(watched.dialogs).toEqual([]);
    expect(watched.strayRequests).toEqual([]);
  });

  it('showed every payload as text, with no Content-Security-Policy violation and no accessibility problem', () => {
    console.info(`Stored XSS: ${XSS_PAYLOADS.length} payloads, ${seen.size} seen rendered as text, ${cspViolations.length} CSP violation reports`);
    expect(XSS_PAYLOADS.filter((candidate) => !seen.has(candidate))).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(audit.problems).toEqual([]);
  });
});

/** Quotes one CSV cell (RFC 4180). */
function cell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
