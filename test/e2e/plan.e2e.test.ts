import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, newId } from '../../src/server/deps';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { ensureShippedModels, shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import modelFile from '../../src/server/features/selfscan/models/tso-development-model.json';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';
import { encryptedFieldRef } from '../../src/server/crypto/encrypted-columns';

const SCHOOL = 'Basisschool De Vlinderboom';
const BOARD = 'Stichting Voorbeeld';
const ROUND = 'Zelfscan najaar';
const TEACHER = 'Sanne Verbeek';
const LEAD = 'Fatima El Idrissi';
const ASPECTS = modelFile.layers.flatMap((layer) => layer.aspects.map((aspect) => ({ id: aspect.id, name: aspect.name.nl })));
const [FIRST, SECOND] = ASPECTS as [(typeof ASPECTS)[number], (typeof ASPECTS)[number]];
const OVERDUE_ACTION = 'Teamscholing over de stressrespons inplannen';
const LATER_ACTION = 'Een rustplek in elke klas inrichten';
const FREE_GOAL = 'Ouders vertellen over de aanpak';
const EVIDENCE = 'Het hele team heeft de scholing gevolgd en bespreekt casussen met de traumabril.';

/** A calendar date `days` from today (UTC; every offset in this test is at least ten days, so time zones do not matter). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// One story, as a school would live it: the lead turns a round's next goals into the implementation plan, the owner
// sees their action, the timeline and the print page show it, and the board sees the roll-up once shared.
describe('implementation plan in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let roundId = '';
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    await ensureShippedModels(db);
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    // A round the team has discussed: phases agreed for two aspects, and the next phase of both chosen as goals.
    const now = isoInstant(new Date());
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
    for (const [aspect, phase] of [
      [FIRST.id, 2],
      [SECOND.id, 1],
    ] as const) {
      // The rationale is an encrypted column: seeded as the app stores it.
      const rationale = await server.fieldCrypto.encrypt(encryptedFieldRef('selfscan_consensus', 'rationale', [roundId, aspect]), 'In de teamvergadering besproken');
      await db.insertInto('selfscan_consensus').values({ round_id: roundId, aspect_id: aspect, phase, rationale, recorded_by: null, recorded_at: now }).execute();
      await db.insertInto('selfscan_goals').values({ round_id: roundId, aspect_id: aspect, target_phase: phase + 1, created_by: null, created_at: now }).execute();
    }
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

  let lead: BrowserSession;

  it('the TSO lead puts two of the round’s next goals in the plan, adds actions with owners and marks one goal achieved', async () => {
    lead = await browserFor(DEMO_EMAILS.tsoLead);
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${roundId}/vaststellen`);
    await waitForPage(page, `Samen vaststellen: ${ROUND}`);
    await page.getByRole('button', { name: `${FIRST.name}: zet in het implementatieplan` }).click();
    await page.getByText(`${FIRST.name} staat in het implementatieplan.`).waitFor();
    await page.getByRole('button', { name: `${SECOND.name}: zet in het implementatieplan` }).click();
    await page.getByText(`${SECOND.name} staat in het implementatieplan.`).waitFor();
    await audit.check(lead);
    const goals = await server.db.kysely.selectFrom('plan_goals').select(['aspect_id', 'target_phase', 'source_round_id']).where('school_id', '=', schoolId).orderBy('target_phase').execute();
    expect(goals).toEqual([
      { aspect_id: SECOND.id, target_phase: 2, source_round_id: roundId },
      { aspect_id: FIRST.id, target_phase: 3, source_round_id: roundId },
    ]);
    // After a reload the page knows both are in the plan: no button to add them twice.
    await page.reload();
    await waitForPage(page, `Samen vaststellen: ${ROUND}`);
    await page.getByText(`${SECOND.name} staat in het implementatieplan.`).waitFor();
    expect(await page.getByRole('button', { name: /zet in het implementatieplan$/ }).count()).toBe(0);

    // The working group and the phases first: the teacher joins, so she can own an action.
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Implementatieplan' }).click();
    await waitForPage(page, /^Implementatieplan \d{4}-\d{4}$/);
    await page.getByRole('navigation', { name: 'Implementatieplan' }).getByRole('link', { name: 'Fasen en werkgroep' }).click();
    await waitForPage(page, 'Fasen en werkgroep');
    await page.getByText('Er is nog geen fase begonnen.').waitFor();
    await audit.check(lead);
    await page.getByLabel('Collega').selectOption({ label: TEACHER });
    await page.getByLabel('Rol in de werkgroep').selectOption({ label: 'Lid' });
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `${TEACHER} zit nu in de werkgroep als lid.` }).waitFor();
    const members = page.getByRole('table', { name: 'Leden van de werkgroep' });
    expect((await rowCells(page, members, TEACHER))[0]).toBe('Lid');
    // Removing asks first; cancelled here.
    await page.getByRole('button', { name: `${TEACHER} uit de werkgroep halen` }).click();
    await page.getByRole('dialog', { name: 'Uit de werkgroep halen?' }).waitFor();
    await audit.check(lead);
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();

    // An end before the start is refused, and said so (not "the end is after the start").
    const explore = page.getByRole('group', { name: 'Verkennen' });
    await explore.getByLabel('Begint op').fill(dayFromToday(-150));
    await explore.getByLabel('Eindigt op (gepland)').fill(dayFromToday(-300));
    await page.getByRole('button', { name: 'Data opslaan' }).click();
    const phaseErrors = page.getByRole('alert').filter({ hasText: 'Niet alle velden zijn goed ingevuld.' });
    await phaseErrors.waitFor();
    expect(await phaseErrors.getByRole('link').allTextContents()).toEqual([
      'Verkennen: eindigt op (gepland): Het einde ligt vóór het begin. Kies een einddatum op of na de begindatum.',
    ]);
    await audit.check(lead);

    const phaseDates: [string, string, string][] = [
      ['Verkennen', dayFromToday(-300), dayFromToday(-150)],
      ['Voorbereiden', dayFromToday(-150), dayFromToday(30)],
      ['Uitvoeren', dayFromToday(30), dayFromToday(600)],
    ];
    for (const [phase, startsOn, endsOn] of phaseDates) {
      const group = page.getByRole('group', { name: phase });
      await group.getByLabel('Begint op').fill(startsOn);
      await group.getByLabel('Eindigt op (gepland)').fill(endsOn);
    }
    await page.getByRole('button', { name: 'Data opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De data van de fasen zijn opgeslagen.' }).waitFor();
    await page.getByText('De school zit nu in de fase Voorbereiden.').waitFor();
    await page.getByLabel('Datum', { exact: true }).fill(dayFromToday(120));
    await page.getByLabel('Wat meet of bespreek je?').fill('Evaluatie met het team');
    await page.getByRole('button', { name: 'Meetmoment toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'Meetmoment Evaluatie met het team is toegevoegd.' }).waitFor();
    await audit.check(lead);

    // Actions under both goals, with owners and due dates.
    await page.getByRole('navigation', { name: 'Implementatieplan' }).getByRole('link', { name: 'Doelen en acties' }).click();
    await waitForPage(page, /^Implementatieplan \d{4}-\d{4}$/);
    const first = goalCard(page, FIRST.name);
    // Each fact says its term once: "Doel: Groeifase 3", not "Doel: doel: groeifase 3".
    await first.locator('.plan-facts').waitFor();
    expect(await factsOf(first)).toEqual([
      ['Soort', 'Accent uit het ontwikkelmodel'],
      ['Doel', 'Groeifase 3'],
      ['Nu', `Groeifase 2, vastgesteld in ${ROUND}`],
      ['Eigenaar', 'nog niemand'],
    ]);
    await audit.check(lead);
    await addAction(page, FIRST.name, { title: OVERDUE_ACTION, owner: TEACHER, dueOn: dayFromToday(-10), kotter: '1. Urgentie voelen' });
    await audit.check(lead);
    await addAction(page, SECOND.name, { title: LATER_ACTION, owner: LEAD, dueOn: dayFromToday(40), kotter: '6. Snelle successen' });
    const overdueRow = first.getByRole('row').filter({ has: page.getByRole('rowheader', { name: OVERDUE_ACTION }) });
    expect(await overdueRow.getByRole('cell').nth(1).textContent()).toContain('te laat');
    const laterRow = goalCard(page, SECOND.name).getByRole('row').filter({ has: page.getByRole('rowheader', { name: LATER_ACTION }) });
    expect(await laterRow.getByRole('cell').nth(1).textContent()).not.toContain('te laat');

    // The first goal is reached, with evidence.
    await page.getByRole('button', { name: `Doel ${FIRST.name} wijzigen` }).click();
    const dialog = page.getByRole('dialog', { name: `Doel wijzigen: ${FIRST.name}` });
    await dialog.getByLabel('Status').selectOption({ label: 'Bereikt' });
    await dialog.getByLabel('Onderbouwing en bewijs').fill(EVIDENCE);
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `Doel ${FIRST.name} is opgeslagen.` }).waitFor();
    await first.getByText(EVIDENCE).waitFor();
    expect(await first.locator('.plan-status').textContent()).toBe('Bereikt');

    // A goal in the school's own words, then deleted again after the confirmation.
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.getByRole('dialog', { name: 'Doel toevoegen' }).getByLabel('Omschrijving van het doel').fill(FREE_GOAL);
    await page.getByRole('dialog', { name: 'Doel toevoegen' }).getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: `Doel ${FREE_GOAL} is toegevoegd.` }).waitFor();
    await goalCard(page, FREE_GOAL).getByText('Eigen doel').waitFor();
    await page.getByRole('button', { name: `Doel ${FREE_GOAL} verwijderen` }).click();
    const confirm = page.getByRole('dialog', { name: 'Doel verwijderen?' });
    await confirm.waitFor();
    await audit.check(lead);
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: `Doel ${FREE_GOAL} is verwijderd.` }).waitFor();
    // The status is announced before the list re-renders: wait for the card to go (fails after the timeout).
    await page.getByRole('heading', { level: 2, name: FREE_GOAL }).waitFor({ state: 'detached' });

    // The Kotter lens names the steps without actions.
    const lens = page.getByRole('button', { name: 'Bril van Kotter' });
    expect(await lens.getAttribute('aria-pressed')).toBe('false');
    await lens.click();
    expect(await lens.getAttribute('aria-pressed')).toBe('true');
    const neglected = await page.getByText(/^Nog geen acties bij: /).textContent();
    expect(neglected).toContain('Een leidend team');
    expect(neglected).not.toContain('Urgentie voelen');
    expect(neglected).not.toContain('Snelle successen');
    await audit.check(lead);

    const stored = await server.db.kysely.selectFrom('plan_goals').select(['aspect_id', 'status', 'evidence']).where('school_id', '=', schoolId).orderBy('target_phase').execute();
    expect(stored).toEqual([
      { aspect_id: SECOND.id, status: 'planned', evidence: '' },
      { aspect_id: FIRST.id, status: 'achieved', evidence: expect.stringMatching(/^gw1:/) },
    ]);
    // The evidence the page shows is stored encrypted, not as written.
    expect(stored[1]?.evidence).not.toContain(EVIDENCE);
  });

  it('the owner sees her action on “Mijn acties”, turns the weekly mail off and links her calendar', async () => {
    const teacher = await browserFor(DEMO_EMAILS.teacher);
    const { page } = teacher;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn acties' }).click();
    await waitForPage(page, 'Mijn acties');
    const table = page.getByRole('table', { name: `Mijn acties bij ${SCHOOL}` });
    const cells = await rowCells(page, table, OVERDUE_ACTION);
    expect(cells[0]).toBe(FIRST.name);
    expect(cells[1]).toContain('te laat');
    // Only her own action: the lead's action is not on her list.
    expect(await page.getByText(LATER_ACTION).count()).toBe(0);
    await audit.check(teacher);

    await page.getByLabel('Stuur mij geen wekelijkse mail over mijn acties').check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Je krijgt geen wekelijkse mail meer over je acties.' }).waitFor();
    const userId = (await server.db.kysely.selectFrom('users').select('id').where('email', '=', DEMO_EMAILS.teacher).executeTakeFirstOrThrow()).id;
    const preferences = await server.db.kysely.selectFrom('plan_user_preferences').select('digest_opt_out').where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(Boolean(preferences.digest_opt_out)).toBe(true);

    await page.getByRole('button', { name: 'Agenda-koppeling maken' }).click();
    const link = page.getByLabel('Agendalink');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    await page.getByText(/^Er is een agenda-koppeling actief sinds /).waitFor();
    await audit.check(teacher);
    const feedUrl = `${server.baseUrl}${new URL(url).pathname}`;
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(OVERDUE_ACTION);

    await page.getByRole('button', { name: 'Koppeling stoppen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Agenda-koppeling stoppen?' });
    await confirm.waitFor();
    await audit.check(teacher);
    await confirm.getByRole('button', { name: 'Koppeling stoppen' }).click();
    await page.getByRole('status').filter({ hasText: 'De agenda-koppeling is gestopt.' }).waitFor();
    await page.getByText('Je hebt nu geen agenda-koppeling.').waitFor();
    expect((await fetch(feedUrl)).status).toBe(404);
    await audit.check(teacher);
  });

  it('a colleague outside the working group gets a friendly explanation while the plan is not shared with the team', async () => {
    const careTeam = await browserFor(DEMO_EMAILS.careTeam);
    const { page } = careTeam;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    // The menu offers the plan to the rest of the team only once it is shared; a link from elsewhere explains why not.
    expect(await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Implementatieplan' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/plan`);
    await waitForPage(page, 'Implementatieplan');
    await page.getByRole('alert').filter({ hasText: 'De school heeft het implementatieplan nog niet met het hele team gedeeld.' }).waitFor();
    expect(await page.getByText(OVERDUE_ACTION).count()).toBe(0);
    await audit.check(careTeam, [403]);
  });

  it('the timeline shows the phases, the round, the moment and the due dates; the print page offers the downloads', async () => {
    const { page } = lead;
    await page.getByRole('navigation', { name: 'Implementatieplan' }).getByRole('link', { name: 'Tijdlijn' }).click();
    await waitForPage(page, 'Tijdlijn');
    await page.getByRole('img', { name: /^Tijdlijn van de invoering/ }).waitFor();
    expect(await page.locator('.timeline-bar').count()).toBe(3);
    expect(await page.locator('.timeline-bar--current.timeline-bar--prepare').count()).toBe(1);
    expect(await page.locator('.timeline-mark--overdue').count()).toBe(1);
    await page.getByText('Alles op de tijdlijn als tabel').click();
    const phases = page.getByRole('table', { name: 'Fasen' });
    expect((await phases.getByRole('rowheader').allTextContents()).map((text) => text.trim())).toEqual(['Verkennen', 'Voorbereiden (nu)', 'Uitvoeren', 'Borgen']);
    const byDate = page.getByRole('table', { name: 'Op datum' });
    const kinds = (await byDate.getByRole('row').allTextContents()).join('\n');
    expect(kinds).toContain(`Zelfscanronde${ROUND}`);
    expect(kinds).toContain('MeetmomentEvaluatie met het team');
    expect(kinds).toContain(`Actie klaar${OVERDUE_ACTION} (${FIRST.name}) te laat`);
    expect(kinds).toContain(`Actie klaar${LATER_ACTION} (${SECOND.name})`);
    // In date order: the overdue action, today, then the later action.
    const overdueIndex = kinds.indexOf(OVERDUE_ACTION);
    expect(overdueIndex).toBeLessThan(kinds.indexOf('Vandaag'));
    expect(kinds.indexOf('Vandaag')).toBeLessThan(kinds.indexOf(LATER_ACTION));
    await audit.check(lead);

    await page.getByRole('navigation', { name: 'Implementatieplan' }).getByRole('link', { name: 'Afdrukken en downloaden' }).click();
    await waitForPage(page, new RegExp(`^Implementatieplan \\d{4}-\\d{4} van ${SCHOOL}$`));
    await page.getByRole('heading', { level: 2, name: new RegExp(FIRST.name) }).waitFor();
    await audit.check(lead);
    const pdfHref = await page.getByRole('link', { name: 'Download als pdf' }).getAttribute('href');
    expect(pdfHref).toMatch(/\/plan\/export\.pdf\?schoolYear=\d{4}-\d{4}&lang=nl$/);
    const pdf = await page.request.get(`${server.baseUrl}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const csvHref = await page.getByRole('link', { name: 'Acties als CSV' }).getAttribute('href');
    const csv = await page.request.get(`${server.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(OVERDUE_ACTION);
  });

  it('after the school shares its plan, the board roll-up shows one of two goals achieved', async () => {
    const leadership = await browserFor(DEMO_EMAILS.leadership);
    await leadership.page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(leadership.page, SCHOOL);
    await leadership.page.getByLabel('Samenvatting van het plan delen met het bestuur').check();
    await leadership.page.getByRole('button', { name: 'Instellingen plan opslaan' }).click();
    await leadership.page.getByRole('status').filter({ hasText: 'De instellingen van het implementatieplan zijn opgeslagen.' }).waitFor();
    await audit.check(leadership);

    const board = await browserFor(DEMO_EMAILS.boardAdmin);
    const { page } = board;
    await page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link', { name: BOARD }).click();
    await page.getByRole('navigation', { name: 'Bestuursmenu' }).getByRole('link', { name: 'Implementatieplannen' }).click();
    await waitForPage(page, 'Implementatieplannen');
    const table = page.getByRole('table', { name: 'Implementatieplan per school' });
    const cells = await rowCells(page, table, SCHOOL);
    expect(cells[0]).toBe('Voorbereiden');
    expect(cells).toContain('1 van 2');
    // One overdue action: the teacher's.
    expect(cells[3]).toBe('1');
    await audit.check(board);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});

function goalCard(page: Page, name: string): Locator {
  return page.locator('.plan-goal').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
}

async function addAction(page: Page, goalName: string, action: { title: string; owner: string; dueOn: string; kotter: string }): Promise<void> {
  await page.getByRole('button', { name: `Actie toevoegen bij ${goalName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Actie toevoegen bij ${goalName}` });
  await dialog.getByLabel('Wat gaat er gebeuren?').fill(action.title);
  await dialog.getByLabel('Eigenaar').selectOption({ label: action.owner });
  await dialog.getByLabel('Klaar op').fill(action.dueOn);
  await dialog.getByLabel('Stap van Kotter').selectOption({ label: action.kotter });
  await dialog.getByRole('button', { name: 'Actie toevoegen' }).click();
  await page.getByRole('status').filter({ hasText: `Actie ${action.title} is toegevoegd.` }).waitFor();
  await goalCard(page, goalName).getByRole('rowheader', { name: action.title }).waitFor();
}

/** The term and description of each fact of a goal card. */
async function factsOf(card: Locator): Promise<[string, string][]> {
  return card.locator('.plan-facts > div').evaluateAll((facts) => facts.map((fact) => [fact.querySelector('dt')?.textContent ?? '', fact.querySelector('dd')?.textContent ?? ''] as [string, string]));
}

async function rowCells(page: Page, table: Locator, rowName: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  // allTextContents() does not wait: let the table load first.
  await row.first().waitFor();
  return (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}
