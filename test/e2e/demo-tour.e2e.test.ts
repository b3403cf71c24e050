import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { DEMO_ASPECT_LEVELS, DEMO_COLLEAGUES, DEMO_ROUNDS, DEMO_TRAININGS } from '../../src/server/features/demo/demo-school-year.data';
import { DEMO_WAVE_DAYS_AGO, DEMO_WAVE_NAMES } from '../../src/server/features/demo/demo-waves.data';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const SECOND_ROUND = DEMO_ROUNDS[1].name;
const TEAM_SIZE = 5 + DEMO_COLLEAGUES.length;

// A new evaluator's walk through the full demo ("Demo laden" / `npm run demo`): every page they open shows
// the demo school year's data, never an empty state, and passes axe.
describe('the demo tour, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let boardId = '';
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];
  // Pages that scroll sideways on a 390 px phone with the demo's full data.
  const sideways: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({}, { withSchoolYear: true });
    const db = server.db.kysely;
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    boardId = (await db.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await server?.close();
  });

  async function browserFor(email: string): Promise<BrowserSession> {
    const session = await openBrowser();
    sessions.push(session);
    await signIn(session.page, server.baseUrl, email, DEMO_PASSWORD);
    return session;
  }

  it('the TSO lead finds the closed second round with results, the agreed phases, the plan and the training register', async () => {
    const lead = await browserFor('kartrekker@voorbeeld.test');
    const { page } = lead;
    const main = page.getByRole('main');

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
    await waitForPage(page, 'Zelfscan');
    await page.getByRole('link', { name: `Uitkomsten van ${SECOND_ROUND}` }).click();
    await waitForPage(page, `Uitkomsten: ${SECOND_ROUND}`);
    await main.getByText(`11 van ${TEAM_SIZE}`).waitFor();
    await main.getByRole('table').first().waitFor();
    // The heatmap gives every aspect its figures: enough people answered each one.
    expect(await main.locator('table.heatmap td.heat-median').count()).toBe(Object.keys(DEMO_ASPECT_LEVELS).length);
    expect(await main.locator('table.heatmap tr:not(.heat-detail) > td.heat-hidden').count()).toBe(0);
    await audit.check(lead);
    await checkPhoneWidth(lead.page, sideways);

    await main.getByRole('link', { name: 'Samen vaststellen' }).click();
    await waitForPage(page, `Samen vaststellen: ${SECOND_ROUND}`);
    await main.getByText('Ouders weten nog weinig van onze aanpak', { exact: false }).first().waitFor();
    await audit.check(lead);
    await checkPhoneWidth(lead.page, sideways);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/plan`);
    await waitForPage(page, /^Implementatieplan \d{4}-\d{4}$/);
    await main.getByText('Woordenlijst in elke groep ophangen').waitFor();
    await main.getByText('Een rustplek inrichten in groep 5').waitFor();
    // Some actions are past their date and marked so; the done ones are not.
    expect(await main.locator('tr.plan-row-overdue').count()).toBeGreaterThanOrEqual(2);
    expect(await main.locator('tr.plan-row-overdue').filter({ hasText: 'Een rustplek inrichten in groep 5' }).count()).toBe(0);
    expect(await main.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(3);
    await audit.check(lead);
    await checkPhoneWidth(lead.page, sideways);

    // The timeline shows the measurement waves of both school years beside the rounds and phases.
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/plan/tijdlijn`);
    await waitForPage(page, 'Tijdlijn');
    expect(await main.locator('svg .timeline-mark--wave').count()).toBe(2 * DEMO_WAVE_DAYS_AGO.length);
    await main.getByText('Alles op de tijdlijn als tabel').click();
    const firstWave = main.getByRole('table', { name: 'Op datum' }).getByRole('row').filter({ hasText: DEMO_WAVE_NAMES.teachers(1) });
    expect(await firstWave.getByRole('cell').first().textContent()).toBe('Meting (vragenlijsten)');
    await audit.check(lead);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/scholing`);
    await waitForPage(page, 'Scholing');
    for (const training of DEMO_TRAININGS) await main.getByText(training.title, { exact: false }).first().waitFor();
    // Coverage names the colleague who missed the training and the one who is still new.
    await main.getByText('Rik van Rooij').first().waitFor();
    await main.getByText('Naima Ouali').first().waitFor();
    await audit.check(lead);
    await checkPhoneWidth(lead.page, sideways);

    // Two school years of waves around the team training: every scale has its chart, its waves and a fitted model.
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Effect van TSO' }).click();
    await waitForPage(page, 'Effect van TSO');
    const teacherScales = main.getByRole('region', { name: 'Competentiegevoel leerkracht' }).getByRole('heading', { level: 3 });
    expect(await teacherScales.allTextContents()).toEqual(['Instructie afstemmen', 'Orde houden', 'Leerlingen betrekken']);
    expect(await main.locator('svg.effect-chart').count()).toBe(7);
    const keepingOrder = main.getByRole('table', { name: /^Orde houden: gemiddelde per meting/ });
    expect(await keepingOrder.getByRole('rowheader').allTextContents()).toEqual(DEMO_WAVE_DAYS_AGO.map((_, index) => DEMO_WAVE_NAMES.teachers(index + 1)));
    // The demo's teachers grow clearly faster after the training on keeping order; the wording stays careful.
    await main.getByText(/^Na de scholing groeide de score sterker dan ervoor: \+[\d,]+ punt per jaar \(95%-interval/).first().waitFor();
    expect(await main.getByText('Voor een schatting zijn minstens twee metingen', { exact: false }).count()).toBe(0);
    await main.getByRole('region', { name: 'Orde houden', exact: true }).getByText('De schattingen van het model').click();
    await main.getByRole('table', { name: /^Orde houden: het groeimodel \(\d+ personen, \d+ antwoorden\)$/ }).waitFor();
    await audit.check(lead);
    await checkPhoneWidth(lead.page, sideways);
  });

  it('the teacher sees the shared results and the plan the school shares with its team', async () => {
    const teacher = await browserFor('leerkracht@voorbeeld.test');
    const { page } = teacher;
    const main = page.getByRole('main');
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
    await waitForPage(page, 'Zelfscan');
    await page.getByRole('link', { name: `Uitkomsten van ${SECOND_ROUND}` }).click();
    await waitForPage(page, `Uitkomsten: ${SECOND_ROUND}`);
    await main.getByRole('table').first().waitFor();
    await audit.check(teacher);
    await checkPhoneWidth(teacher.page, sideways);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/plan`);
    await waitForPage(page, /^Implementatieplan \d{4}-\d{4}$/);
    await main.getByText('Woordenlijst in elke groep ophangen').waitFor();
    await audit.check(teacher);
    await checkPhoneWidth(teacher.page, sideways);
  });

  it('the board admin sees De Vlinderboom in the self-scan and plan overviews', async () => {
    const board = await browserFor('bestuur@voorbeeld.test');
    const { page } = board;
    const main = page.getByRole('main');

    await page.goto(`${server.baseUrl}/besturen/${boardId}/zelfscan`);
    await waitForPage(page, 'Zelfscan per school');
    const placements = main.getByRole('table', { name: 'Vastgestelde groeifase per school en accent' });
    const row = placements.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SCHOOL, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain(SECOND_ROUND);
    expect(await row.getByText(/^Groeifase \d$/).count()).toBeGreaterThanOrEqual(3);
    await audit.check(board);
    await checkPhoneWidth(board.page, sideways);

    await page.goto(`${server.baseUrl}/besturen/${boardId}/plan`);
    await waitForPage(page, 'Implementatieplannen');
    const rollup = main.getByRole('table', { name: 'Implementatieplan per school' });
    await rollup.getByRole('rowheader', { name: SCHOOL, exact: true }).waitFor();
    expect(await main.getByText('Nog geen enkele school deelt haar implementatieplan met het bestuur.').count()).toBe(0);
    await audit.check(board);
    await checkPhoneWidth(board.page, sideways);

    // De Vlinderboom shares its effect evaluation: pooled estimates, the school named, no means of its own.
    await page.getByRole('navigation', { name: 'Bestuursmenu' }).getByRole('link', { name: 'Effect van TSO' }).click();
    await waitForPage(page, 'Effect van TSO');
    await main.getByText(`Scholen die delen: ${SCHOOL}.`).waitFor();
    const order = main.getByRole('region', { name: 'Orde houden', exact: true });
    await order.getByRole('table', { name: 'Orde houden: welke scholen meetellen' }).getByRole('rowheader', { name: SCHOOL }).waitFor();
    await order.getByText(/^Scholen: 1, personen: \d+, antwoorden: \d+\./).waitFor();
    await audit.check(board);
    await checkPhoneWidth(board.page, sideways);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
    expect(sideways).toEqual([]);
  });
});

// Looks at the page as on a 390 px wide phone: it must not scroll sideways (then back to the desktop width).
async function checkPhoneWidth(page: Page, sideways: string[]): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollWidth ?? 0, client: document.scrollingElement?.clientWidth ?? 0 }));
  if (widths.scroll > widths.client) sideways.push(`${page.url()}: ${widths.scroll} px wide in ${widths.client} px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
