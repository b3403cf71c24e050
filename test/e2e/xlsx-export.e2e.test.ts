import type { Download, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, newId } from '../../src/server/deps';
import modelFile from '../../src/server/features/selfscan/models/tso-development-model.json';
import { ensureShippedModels, shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/shared/demo-accounts';
import { schoolYearAt } from '../../src/shared/school-time';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const ROUND = 'Zelfscan voorjaar';
const [LAYER] = modelFile.layers as [(typeof modelFile.layers)[number]];
const [FIRST, SECOND] = LAYER.aspects as [(typeof LAYER.aspects)[number], (typeof LAYER.aspects)[number]];
const GOAL = 'Rust in de klas na de pauze';
const ACTION = 'Een rustplek in elke klas inrichten';
const OVERDUE_ACTION = 'Teamscholing over de stressrespons inplannen';
const PARTNER = 'Jeugdzorg Noord';

// The whole team of De Vlinderboom (five people; the demo board's k is 5), each with one answer on the first two
// aspects. First aspect: 2, 3, 2, 2, 3 → mean 2.4, sd √0.3 ≈ 0.55, agreement 1 − 0.3/1.25 = 0.76.
const TEAM: { email: string; role: string; phases: [number, number | null] }[] = [
  { email: DEMO_EMAILS.teacher, role: 'teacher', phases: [2, 1] },
  { email: DEMO_EMAILS.careTeam, role: 'care_team', phases: [3, 4] },
  { email: DEMO_EMAILS.leadership, role: 'leadership', phases: [2, 3] },
  { email: DEMO_EMAILS.tsoLead, role: 'tso_lead', phases: [2, 2] },
  { email: DEMO_EMAILS.schoolAdmin, role: 'school_admin', phases: [3, null] },
];

/** A calendar date `days` from today (UTC; every offset here is at least ten days, so time zones do not matter). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same date as the workbook holds it: midnight UTC. */
function workbookDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** Clicks a download link in the page and returns the file the browser saved. */
async function download(page: Page, linkName: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName, exact: true }).click()]);
  return file;
}

// A person opens the downloads in Dutch Excel: the browser saves a real .xlsx whose cells read back with Dutch
// headers and labels, numbers as numbers and dates as dates; the Excel link comes before the CSV link.
describe('.xlsx downloads in the browser', () => {
  let server: RunningServer;
  let lead: BrowserSession;
  let schoolId = '';
  let roundId = '';
  const dueOn = dayFromToday(20);
  const overdueOn = dayFromToday(-10);
  const trainedOn = dayFromToday(-40);
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, lead] = await Promise.all([startDemoServer(), openBrowser()]);
    const db = server.db.kysely;
    await ensureShippedModels(db);
    const school = await db.selectFrom('schools').select(['id']).where('name', '=', SCHOOL).executeTakeFirstOrThrow();
    schoolId = school.id;
    const userIdOf = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const now = isoInstant(new Date());

    // A closed round the whole team answered.
    roundId = newId();
    await db
      .insertInto('selfscan_rounds')
      .values({
        id: roundId,
        school_id: schoolId,
        model_id: shippedModelId(modelFile.id, modelFile.version),
        name: ROUND,
        opens_on: dayFromToday(-60),
        closes_on: dayFromToday(-30),
        audience: JSON.stringify({ roles: [], locationIds: [] }),
        results_shared_at: null,
        created_by: null,
        created_at: now,
      })
      .execute();
    for (const member of TEAM) {
      const userId = await userIdOf(member.email);
      const responseId = newId();
      await db.insertInto('selfscan_invitations').values({ round_id: roundId, user_id: userId }).execute();
      await db.insertInto('selfscan_responses').values({ id: responseId, round_id: roundId, user_id: userId, role: member.role, created_at: now, updated_at: now }).execute();
      for (const [index, aspect] of [FIRST, SECOND].entries()) {
        await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: aspect.id, phase: member.phases[index]!, note: null, updated_at: now }).execute();
      }
    }

    // This school year's plan: one goal with an action due later and one overdue.
    const leadId = await userIdOf(DEMO_EMAILS.tsoLead);
    const goalId = newId();
    await db
      .insertInto('plan_goals')
      .values({ id: goalId, school_id: schoolId, school_year: schoolYearAt(new Date()), aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: GOAL, owner_user_id: leadId, status: 'in_progress', evidence: '', created_by: null, created_at: now, updated_at: now })
      .execute();
    for (const [title, due, status, kotterStep] of [
      [ACTION, dueOn, 'in_progress', 'enable'],
      [OVERDUE_ACTION, overdueOn, 'open', 'urgency'],
    ] as const) {
      await db
        .insertInto('plan_actions')
        .values({ id: newId(), goal_id: goalId, school_id: schoolId, title, owner_user_id: leadId, due_on: due, status, kotter_step: kotterStep, created_by: null, created_at: now, updated_at: now, completed_at: null })
        .execute();
    }

    // A training in the register: the team training for two colleagues and a partner organisation.
    const trainingId = newId();
    await db.insertInto('trainings').values({ id: trainingId, school_id: schoolId, kind: 'full_team', title: null, held_on: trainedOn, created_by: null, created_at: now, updated_at: now }).execute();
    for (const email of [DEMO_EMAILS.teacher, DEMO_EMAILS.careTeam]) {
      await db.insertInto('training_participants').values({ training_id: trainingId, user_id: await userIdOf(email) }).execute();
    }
    await db.insertInto('training_partners').values({ id: newId(), training_id: trainingId, organisation: PARTNER }).execute();
    await signIn(lead.page, server.baseUrl, DEMO_EMAILS.tsoLead, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await lead?.close();
    await server?.close();
  });

  it('the TSO lead downloads the self-scan results as Excel: Dutch headers, names for codes, numbers as numbers', async () => {
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${roundId}/uitkomsten`);
    await waitForPage(page, `Uitkomsten: ${ROUND}`);
    await audit.check(lead);
    // Excel first, CSV second.
    const links = (await page.getByRole('link', { name: /^Uitkomsten als / }).allTextContents()).map((text) => text.trim());
    expect(links).toEqual(['Uitkomsten als Excel (.xlsx)', 'Uitkomsten als CSV']);

    const file = await download(page, 'Uitkomsten als Excel (.xlsx)');
    expect(file.suggestedFilename()).toBe('zelfscan-zelfscan-voorjaar-uitkomsten.xlsx');
    const [header, ...rows] = await readSheet(await file.path());
    // Dutch headers (the full list is checked in selfscan-report.test.ts).
    expect(header!.slice(0, 5)).toEqual(['Groep', 'Groeilaag', 'Accent', 'Te weinig antwoorden voor cijfers', 'Aantal antwoorden']);
    expect(header!.slice(10, 14)).toEqual(['Mediaan', 'Gemiddelde', 'Spreiding (standaardafwijking)', 'Overeenstemming (0-1)']);
    const first = rows.find((row) => row[0] === 'Hele team' && row[2] === FIRST.name.nl);
    expect(first).toEqual(['Hele team', LAYER.name.nl, FIRST.name.nl, 'nee', 5, 0, 0, 3, 2, 0, 2, 2.4, 0.55, 0.76, 'nee', null]);
    for (const figure of first!.slice(4, 14)) expect(typeof figure).toBe('number');
    // The second aspect has four ratings and one "weet ik niet": below k, so no figures.
    const second = rows.find((row) => row[0] === 'Hele team' && row[2] === SECOND.name.nl);
    expect(second!.slice(3)).toEqual(['ja', ...Array(12).fill(null)]);
    expect(JSON.stringify(rows)).not.toContain(FIRST.id);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  it('the TSO lead downloads the plan’s actions as Excel: statuses in words and due dates as dates', async () => {
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/plan/afdrukken`);
    await waitForPage(page, new RegExp(`^Implementatieplan \\d{4}-\\d{4} van ${SCHOOL}$`));
    await audit.check(lead);
    const links = (await page.getByRole('link', { name: /^Acties als / }).allTextContents()).map((text) => text.trim());
    expect(links).toEqual(['Acties als Excel (.xlsx)', 'Acties als CSV']);

    const file = await download(page, 'Acties als Excel (.xlsx)');
    expect(file.suggestedFilename()).toMatch(/^plan-basisschool-de-vlinderboom-\d{4}-\d{4}-acties\.xlsx$/);
    const [header, ...rows] = await readSheet(await file.path());
    expect(header).toEqual(['Doel', 'Actie', 'Eigenaar', 'Einddatum', 'Status', 'Kotter-stap', 'Te laat']);
    const mine = rows.filter((row) => row[0] === GOAL);
    expect(mine).toEqual([
      [GOAL, OVERDUE_ACTION, 'Fatima El Idrissi', workbookDate(overdueOn), 'Open', 'Urgentie voelen', 'ja'],
      [GOAL, ACTION, 'Fatima El Idrissi', workbookDate(dueOn), 'Mee bezig', 'Ruimte maken om te handelen', 'nee'],
    ]);
    expect(mine[0]![3]).toBeInstanceOf(Date);

    // The CSV stays the machine format: codes and ISO dates, `;` between quoted cells.
    const csvHref = await page.getByRole('link', { name: 'Acties als CSV' }).getAttribute('href');
    const csv = await (await page.request.get(`${server.baseUrl}${csvHref}`)).text();
    expect(csv).toContain(`"${GOAL}";"${ACTION}";"Fatima El Idrissi";"${dueOn}";"in_progress";"enable";"false"`);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  it('the TSO lead downloads the training register as Excel: the kind in words, the date as a date, the count as a number', async () => {
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/scholing`);
    await waitForPage(page, 'Scholing');
    await audit.check(lead);
    const links = (await page.getByRole('link', { name: /^Trainingen als / }).allTextContents()).map((text) => text.trim());
    expect(links).toEqual(['Trainingen als Excel (.xlsx)', 'Trainingen als CSV']);

    const file = await download(page, 'Trainingen als Excel (.xlsx)');
    expect(file.suggestedFilename()).toBe('scholingen-basisschool-de-vlinderboom.xlsx');
    const [header, ...rows] = await readSheet(await file.path());
    expect(header).toEqual(['Datum', 'Soort scholing', 'Eigen titel', 'Aantal deelnemers', 'Deelnemers', 'Ketenpartners']);
    const ours = rows.find((row) => row[5] === PARTNER);
    expect(ours?.slice(0, 4)).toEqual([workbookDate(trainedOn), 'Teamtraining met voor- en natraject', null, 2]);
    expect(ours?.[0]).toBeInstanceOf(Date);
    expect(typeof ours?.[3]).toBe('number');
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
