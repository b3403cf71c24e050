import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedModels } from '../../src/server/features/selfscan/model-catalogue';
import { shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/shared/demo-accounts';
import { schoolYearOf } from '../../src/shared/school-year';
import { aspectIdsOf } from '../../src/shared/selfscan-model';
import { XSS_PAYLOADS } from '../fuzz/corpora';
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

/** Which payload goes where: every text field the SPA shows gets one of the corpus. */
const [
  LOCATION,
  CLASS,
  INVITED_NAME,
  PUPIL_FIRST,
  PUPIL_PREFIX,
  PUPIL_LAST,
  ROUND,
  NOTE_TEACHER,
  NOTE_CARE,
  RATIONALE,
  TEACHER_NAME,
  NEW_SCHOOL,
  MODEL_NAME,
  ASPECT_NAME,
  SECOND_LOCATION,
  NOTE_LEADERSHIP,
] = XSS_PAYLOADS;

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

// Stored XSS: the payloads are saved through the API by the people who would type them, then every page
// that shows them is opened as a school admin, the TSO lead, a teacher and the board admin.
describe('stored XSS payloads render as text', () => {
  let server: RunningServer;
  let schoolId = '';
  let boardId = '';
  let roundId = '';
  let ownModelRoundId = '';
  const cspViolations: string[] = [];
  /** Payloads found as text on at least one page. */
  const seen = new Set<string>();
  const audit = createPageAudit();
  const browsers: Watched[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    const school = await db.selectFrom('schools').select(['id', 'board_id']).where('name', '=', SCHOOL).executeTakeFirstOrThrow();
    schoolId = school.id;
    boardId = school.board_id;
    roundId = await storePayloads();
  });
  afterAll(async () => {
    for (const watched of browsers) await watched.browser.close();
    await server?.close();
  });

  /** Saves every payload through the API as the role that would type it; returns the round's id. */
  async function storePayloads(): Promise<string> {
    const app = server.app;
    const as = async (email: string) => login(app, email, DEMO_PASSWORD);
    const expectOk = async (response: Promise<{ statusCode: number; body: string }>) => {
      const answer = await response;
      if (answer.statusCode >= 300) throw new Error(`seeding failed: ${answer.statusCode} ${answer.body}`);
      return JSON.parse(answer.body) as Record<string, unknown>;
    };
    const school = `/api/schools/${schoolId}`;
    const year = schoolYearOf(new Date());
    const admin = await as(DEMO_EMAILS.schoolAdmin);
    const location = await expectOk(requestAs(app, admin, 'POST', `${school}/locations`, { name: LOCATION }));
    await expectOk(requestAs(app, admin, 'POST', `${school}/locations`, { name: SECOND_LOCATION }));
    const klass = await expectOk(requestAs(app, admin, 'POST', `${school}/classes`, { name: CLASS, schoolYear: year, locationId: location.id }));
    await expectOk(requestAs(app, admin, 'POST', `${school}/invitations`, { email: 'nieuwe.collega@voorbeeld.test', name: INVITED_NAME, roles: ['teacher'], classIds: [klass.id] }));
    const csv = `Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep\n99001;${cell(PUPIL_FIRST!)};${cell(PUPIL_PREFIX!)};${cell(PUPIL_LAST!)};01-02-2017;Groep 5\n`;
    const mapping = { pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', prefix: 'Tussenvoegsel', birthDate: 'Geboortedatum', className: 'Groep' };
    await expectOk(requestAs(app, admin, 'POST', `${school}/pupil-imports`, { csv, mapping, schoolYear: year }));
    const model = structuredClone(loadShippedModels()[0]!);
    model.id = 'eigen-model';
    model.name.nl = MODEL_NAME!;
    model.layers[0]!.aspects[0]!.name.nl = ASPECT_NAME!;
    const imported = await expectOk(requestAs(app, admin, 'POST', `${school}/selfscan/models`, { definition: model }));

    const board = await as(DEMO_EMAILS.boardAdmin);
    await expectOk(requestAs(app, board, 'POST', `/api/boards/${boardId}/schools`, { name: NEW_SCHOOL, kind: 'primary' }));

    const lead = await as(DEMO_EMAILS.tsoLead);
    const shipped = loadShippedModels()[0]!;
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const round = await expectOk(
      requestAs(app, lead, 'POST', `${school}/selfscan/rounds`, { name: ROUND, modelId: shippedModelId(shipped.id, shipped.version), opensOn: today, closesOn: closes }),
    );
    // A second round on the imported model, so its aspect name is shown on the rating page.
    const ownModelRound = await expectOk(
      requestAs(app, lead, 'POST', `${school}/selfscan/rounds`, { name: 'Ronde eigen model', modelId: imported.id, opensOn: today, closesOn: closes }),
    );
    ownModelRoundId = ownModelRound.id as string;
    const aspects = aspectIdsOf(shipped).slice(0, 3);
    const rate = async (who: Login, note: string) => {
      for (const [index, aspect] of aspects.entries()) {
        await expectOk(requestAs(app, who, 'PUT', `${school}/selfscan/rounds/${round.id}/ratings/${aspect}`, { phase: 1 + index, note }));
      }
    };
    const teacher = await as(DEMO_EMAILS.teacher);
    await rate(teacher, NOTE_TEACHER!);
    await rate(await as(DEMO_EMAILS.careTeam), NOTE_CARE!);
    await rate(await as(DEMO_EMAILS.leadership), NOTE_LEADERSHIP!);
    await rate(lead, NOTE_TEACHER!);
    await rate(admin, NOTE_CARE!);
    await expectOk(requestAs(app, lead, 'PUT', `${school}/selfscan/rounds/${round.id}/consensus/${aspects[0]}`, { phase: 2, rationale: RATIONALE }));
    await expectOk(requestAs(app, lead, 'PUT', `${school}/selfscan/rounds/${round.id}/goals`, { aspectIds: [aspects[0]] }));
    await expectOk(requestAs(app, teacher, 'PATCH', '/api/me', { name: TEACHER_NAME }));
    return round.id as string;
  }

  /** Opens a page, waits until it is loaded, and checks that nothing ran and the expected payloads show as text. */
  async function visit(watched: Watched, path: string, expectedText: readonly (string | undefined)[]): Promise<void> {
    const { page } = watched.browser;
    await page.goto(`${server.baseUrl}${path}`);
    await waitForPage(page, /\S/);
    // Event handlers such as onerror and onload fire a moment after rendering.
    await page.waitForTimeout(150);
    const ran = await page.evaluate(() => (window as unknown as { xss?: unknown }).xss);
    expect(ran, `a payload ran on ${path}`).toBeUndefined();
    // Text nodes and form values: a payload parsed as HTML would be elements, not text.
    const text = await page.evaluate(() => {
      const values = [...document.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value);
      return [document.body.textContent ?? '', ...values].join('\n');
    });
    for (const payload of XSS_PAYLOADS) if (text.includes(payload)) seen.add(payload);
    const missing = expectedText.filter((payload) => payload !== undefined && !text.includes(payload));
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

  it('runs nothing on the school admin pages', async () => {
    const admin = await signedIn(DEMO_EMAILS.schoolAdmin);
    const school = `/scholen/${schoolId}`;
    await visit(admin, '/', []);
    await visit(admin, school, []);
    await visit(admin, `${school}/locaties`, [LOCATION, SECOND_LOCATION]);
    await visit(admin, `${school}/klassen`, [CLASS, LOCATION]);
    await visit(admin, `${school}/personeel`, [INVITED_NAME, TEACHER_NAME, CLASS]);
    await visit(admin, `${school}/leerlingen`, [PUPIL_FIRST, PUPIL_LAST]);
    await visit(admin, `${school}/zelfscan`, [ROUND, MODEL_NAME]);
    await visit(admin, `${school}/zelfscan/${roundId}/invullen`, [ROUND]);
    await visit(admin, `${school}/zelfscan/${ownModelRoundId}/invullen`, [ASPECT_NAME]);
    await visit(admin, `${school}/postvak`, []);
    await visit(admin, `${school}/logboek`, []);
    expect(admin.dialogs).toEqual([]);
    expect(admin.strayRequests).toEqual([]);
  });

  it('runs nothing on the TSO lead pages: results with notes, consensus with its rationale, history', async () => {
    const lead = await signedIn(DEMO_EMAILS.tsoLead);
    const school = `/scholen/${schoolId}`;
    await visit(lead, '/', [ROUND]);
    await visit(lead, `${school}/zelfscan`, [ROUND]);
    await visit(lead, `${school}/zelfscan/${roundId}/uitkomsten`, [ROUND, NOTE_TEACHER, NOTE_CARE, NOTE_LEADERSHIP]);
    await visit(lead, `${school}/zelfscan/${roundId}/vaststellen`, [ROUND, RATIONALE]);
    await visit(lead, `${school}/zelfscan/verloop`, []);
    expect(lead.dialogs).toEqual([]);
    expect(lead.strayRequests).toEqual([]);
  });

  it('runs nothing on the teacher pages: open tasks, rating with a note, own pupils', async () => {
    const teacher = await signedIn(DEMO_EMAILS.teacher);
    const school = `/scholen/${schoolId}`;
    await visit(teacher, '/', [ROUND, TEACHER_NAME]);
    await visit(teacher, school, []);
    await visit(teacher, `${school}/zelfscan/${roundId}/invullen`, [ROUND]);
    await visit(teacher, `${school}/leerlingen`, [PUPIL_FIRST, PUPIL_LAST]);
    expect(teacher.dialogs).toEqual([]);
    expect(teacher.strayRequests).toEqual([]);
  });

  it('runs nothing on the board pages', async () => {
    const board = await signedIn(DEMO_EMAILS.boardAdmin);
    await visit(board, '/', []);
    await visit(board, `/besturen/${boardId}`, [NEW_SCHOOL]);
    await visit(board, `/besturen/${boardId}/postvak`, []);
    await visit(board, `/besturen/${boardId}/logboek`, []);
    expect(board.dialogs).toEqual([]);
    expect(board.strayRequests).toEqual([]);
  });

  it('showed every payload as text, with no Content-Security-Policy violation and no accessibility problem', () => {
    console.info(`Stored XSS: ${XSS_PAYLOADS.length} payloads, ${seen.size} seen rendered as text, ${cspViolations.length} CSP violation reports`);
    expect(XSS_PAYLOADS.filter((payload) => !seen.has(payload))).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(audit.problems).toEqual([]);
  });
});

/** Quotes one CSV cell (RFC 4180). */
function cell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
