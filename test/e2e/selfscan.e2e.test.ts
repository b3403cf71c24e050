import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import type { RoundResults } from '../../src/web/api/api-types';
import modelFile from '../../src/server/features/selfscan/models/tso-development-model.json';
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
const ROUND = 'Zelfscan najaar';
const LEAD = 'kartrekker@voorbeeld.test';
const NOTE = 'Hier hebben we in het team nog niet over gesproken.';
const ASPECTS = modelFile.layers.flatMap((layer) => layer.aspects.map((aspect) => ({ id: aspect.id, name: aspect.name.nl, layer: layer.name.nl })));
const [FIRST, SECOND, THIRD] = ASPECTS as [(typeof ASPECTS)[number], (typeof ASPECTS)[number], (typeof ASPECTS)[number]];

type Answer = 1 | 2 | 3 | 4 | 'Weet ik niet';

// Chosen so the three aspects differ: the first agrees fairly (rwg ≈ 0.73), the second is a
// discussion point (rwg clipped to 0), the third has a "weet ik niet" with a note.
const ANSWERS: { email: string; isPhone?: boolean; answers: [Answer, Answer, Answer] }[] = [
  { email: 'leerkracht@voorbeeld.test', answers: [2, 1, 'Weet ik niet'] },
  { email: 'ib@voorbeeld.test', isPhone: true, answers: [3, 4, 2] },
  { email: 'directie@voorbeeld.test', answers: [2, 3, 2] },
];

// One story in order, as a school would live it: open a round, rate, read the results, agree, choose goals.
describe('self-scan in the browser', () => {
  let server: RunningServer;
  let lead: BrowserSession;
  let schoolId = '';
  let roundId = '';
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, lead] = await Promise.all([startDemoServer(), openBrowser()]);
    schoolId = (await server.db.kysely.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    await signIn(lead.page, server.baseUrl, LEAD, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await lead?.close();
    await server?.close();
  });

  it('the TSO lead opens a round for all staff and sees its progress', async () => {
    const { page } = lead;
    // No round yet, so nothing to do on the home page.
    await page.getByRole('region', { name: 'Open taken' }).getByText('Geen open taken.').waitFor();
    await page.getByRole('region', { name: 'Mijn scholen' }).getByRole('link', { name: SCHOOL }).click();
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Zelfscan', exact: true }).click();
    await waitForPage(page, 'Zelfscan');
    await page.getByText('Er is nog geen zelfscanronde.').waitFor();
    await audit.check(lead);

    // An empty name is refused in the browser, with a summary that names the field.
    await page.getByRole('button', { name: 'Ronde openen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Naam van de ronde: Vul een naam in.' }).waitFor();
    await audit.check(lead);

    await page.getByLabel('Naam van de ronde').fill(ROUND);
    expect(await page.getByLabel('Alle medewerkers van de school').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Ronde openen' }).click();
    await page.getByRole('status').filter({ hasText: `De ronde ${ROUND} is geopend en de uitnodigingen zijn verstuurd.` }).waitFor();

    const round = await server.db.kysely.selectFrom('selfscan_rounds').selectAll().where('school_id', '=', schoolId).executeTakeFirstOrThrow();
    roundId = round.id;
    expect(round.name).toBe(ROUND);
    expect(JSON.parse(round.audience)).toEqual({ roles: [], locationIds: [] });
    const invited = await invitedCount();
    const staff = await server.db.kysely.selectFrom('school_memberships').select('user_id').distinct().where('school_id', '=', schoolId).execute();
    expect(invited).toBe(staff.length);
    await expectProgress(page, 0, invited);
    // Everyone invited got the mail with the short link to the round.
    const mails = await server.db.kysely.selectFrom('outbox_messages').select('body_text').execute();
    expect(mails.filter((mail) => mail.body_text.includes(`/zelfscan/${roundId}`))).toHaveLength(invited);
    await audit.check(lead);
  });

  it.each(ANSWERS.map((entry) => [entry.email, entry] as const))('%s answers through the link in the mail', async (email, entry) => {
    const person = await openBrowser();
    try {
      if (entry.isPhone) await person.page.setViewportSize({ width: 375, height: 740 });
      await signIn(person.page, server.baseUrl, email, DEMO_PASSWORD);
      const { page } = person;
      // The open round is on the home page as a task until every aspect is answered.
      await page.getByRole('region', { name: 'Open taken' }).getByRole('link', { name: `Zelfscan invullen: ${ROUND}` }).waitFor();
      await audit.check(person);
      await page.goto(`${server.baseUrl}/zelfscan/${roundId}`);
      await waitForPage(page, `${ROUND} invullen`);
      expect(new URL(page.url()).pathname).toBe(`/scholen/${schoolId}/zelfscan/${roundId}/invullen`);
      await page.getByRole('group', { name: FIRST.name }).waitFor();
      await page.getByText(`Groeilaag: ${FIRST.layer}`).waitFor();
      await expectPhaseLayout(page, entry.isPhone ? 'stacked' : 'side by side');
      await audit.check(person);

      for (const [index, answer] of entry.answers.entries()) {
        const aspect = ASPECTS[index]!;
        const group = page.getByRole('group', { name: aspect.name });
        await group.waitFor();
        const option = answer === 'Weet ik niet' ? group.getByRole('radio', { name: 'Weet ik niet' }) : group.getByRole('radio', { name: new RegExp(`^Groeifase ${answer}\\b`) });
        await option.check();
        await savedStatus(page).waitFor();
        if (answer === 'Weet ik niet') {
          await page.getByLabel('Toelichting of voorbeeld (niet verplicht)').fill(NOTE);
          await page.getByLabel('Toelichting of voorbeeld (niet verplicht)').blur();
          await savedStatus(page).waitFor();
        }
        await audit.check(person);
        await page.getByRole('button', { name: 'Volgende' }).click();
      }
      await page.getByRole('navigation', { name: 'Overzicht' }).getByText(`3 van ${ASPECTS.length} accenten beantwoord`).waitFor();

      // Coming back shows the saved answers, the note included.
      await page.reload();
      await waitForPage(page, `${ROUND} invullen`);
      await page.getByRole('navigation', { name: 'Overzicht' }).getByRole('button', { name: THIRD.name }).click();
      const third = page.getByRole('group', { name: THIRD.name });
      const expectedThird = entry.answers[2];
      expect(await (expectedThird === 'Weet ik niet' ? third.getByRole('radio', { name: 'Weet ik niet' }) : third.getByRole('radio', { name: new RegExp(`^Groeifase ${expectedThird}\\b`) })).isChecked()).toBe(true);
      expect(await page.getByLabel('Toelichting of voorbeeld (niet verplicht)').inputValue()).toBe(expectedThird === 'Weet ik niet' ? NOTE : '');
      await audit.check(person);
    } finally {
      await person.close();
    }
    const stored = await server.db.kysely
      .selectFrom('selfscan_ratings')
      .innerJoin('selfscan_responses', 'selfscan_responses.id', 'selfscan_ratings.response_id')
      .innerJoin('users', 'users.id', 'selfscan_responses.user_id')
      .select(['selfscan_ratings.aspect_id', 'selfscan_ratings.phase', 'selfscan_ratings.note'])
      .where('users.email', '=', email)
      .where('selfscan_responses.round_id', '=', roundId)
      .execute();
    // The page showed the note back above; in the database it is only an encrypted envelope.
    const noteAsStored = (note: string | null) => (note === null ? null : note.startsWith('gw1:') && !note.includes(NOTE) ? 'encrypted' : note);
    expect(new Map(stored.map((row) => [row.aspect_id, [row.phase, noteAsStored(row.note)]]))).toEqual(
      new Map(entry.answers.map((answer, index) => [ASPECTS[index]!.id, answer === 'Weet ik niet' ? [null, 'encrypted'] : [answer, null]])),
    );
  });

  it('the lead sees progress and results that match the API, and shares them', async () => {
    const { page } = lead;
    await page.reload();
    await waitForPage(page, 'Zelfscan');
    await expectProgress(page, ANSWERS.length, await invitedCount());
    await page.getByRole('link', { name: `Uitkomsten van ${ROUND}` }).click();
    await waitForPage(page, `Uitkomsten: ${ROUND}`);
    await audit.check(lead);

    const results = await getResults();
    expect(results.aggregate.respondents).toBe(3);
    const [first, second, third] = results.aggregate.aspects;
    // Hand-computed from ANSWERS, so a wrong aggregate or a wrong page both fail.
    expect(first).toMatchObject({ aspect: FIRST.id, n: 3, dontKnow: 0, counts: { '1': 0, '2': 2, '3': 1, '4': 0 }, median: 2, discuss: false });
    expect(first!.mean).toBeCloseTo(7 / 3, 10);
    expect(first!.rwg).toBeCloseTo(1 - 1 / 3 / 1.25, 10);
    expect(second).toMatchObject({ aspect: SECOND.id, n: 3, dontKnow: 0, median: 3, rwg: 0, discuss: true });
    expect(third).toMatchObject({ aspect: THIRD.id, n: 2, dontKnow: 1, median: 2, mean: 2, rwg: 1, discuss: false });

    const stats = page.getByRole('table', { name: 'Uitkomsten per accent, hele team' });
    expect(await rowCells(stats, FIRST.name)).toEqual(['3', '0', '2', '2,33', '0,73', 'nee']);
    expect(await rowCells(stats, SECOND.name)).toEqual(['3', '0', '3', '2,67', '0', 'Bespreekpunt']);
    expect(await rowCells(stats, THIRD.name)).toEqual(['2', '1', '2', '2', '1', 'nee']);
    const distribution = page.getByRole('table', { name: 'Verdeling over de groeifasen, hele team' });
    expect(await rowCells(distribution, FIRST.name)).toEqual(['0', '2', '1', '0', '0']);
    expect(await rowCells(distribution, THIRD.name)).toEqual(['0', '2', '0', '0', '1']);
    // The heatmap cell carries the median as text; the colour class only supports it.
    const heatCell = page.getByRole('table', { name: 'Mediaan per groeilaag en accent' }).getByRole('cell').filter({ hasText: SECOND.name });
    expect(await heatCell.textContent()).toBe(`${SECOND.name}mediaan 3Bespreekpunt`);
    expect(await heatCell.getAttribute('class')).toBe('heat heat-3');
    // The bar view of the first layer writes each median as text beside its bar; unanswered aspects get a dash.
    const layerBars = page.getByRole('table', { name: FIRST.layer, exact: true });
    expect(await rowCells(layerBars, FIRST.name)).toEqual(['2', '']);
    expect(await rowCells(layerBars, SECOND.name)).toEqual(['3', '']);
    expect(await layerBars.locator('rect.layer-bar-fill').count()).toBe(3);
    // Three respondents are fewer than the minimum group: no role group of its own.
    await page.getByText(/Een rol krijgt pas een eigen overzicht als minstens \d+ mensen/).waitFor();
    await page.getByRole('region', { name: THIRD.name }).getByText(NOTE).waitFor();
    expect(await page.getByText(/Sanne|Joost|Marco/).count()).toBe(0);

    await page.getByRole('button', { name: 'Delen met het team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uitkomsten delen met het team?' });
    await dialog.waitFor();
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Delen met het team' }).click();
    await page.getByRole('status').filter({ hasText: 'De uitkomsten zijn gedeeld met het team.' }).waitFor();
    const round = await server.db.kysely.selectFrom('selfscan_rounds').select('results_shared_at').where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round.results_shared_at).not.toBeNull();
    await audit.check(lead);
  });

  it('once shared, a teacher reads the results but cannot share or agree', async () => {
    const teacher = await openBrowser();
    try {
      const { page } = teacher;
      await signIn(page, server.baseUrl, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
      await waitForPage(page, 'Zelfscan');
      expect(await page.getByRole('heading', { name: 'Ronde openen' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: `${ROUND} samen vaststellen` }).count()).toBe(0);
      await audit.check(teacher);
      await page.getByRole('link', { name: `Uitkomsten van ${ROUND}` }).click();
      await waitForPage(page, `Uitkomsten: ${ROUND}`);
      expect(await rowCells(page.getByRole('table', { name: 'Uitkomsten per accent, hele team' }), SECOND.name)).toEqual(['3', '0', '3', '2,67', '0', 'Bespreekpunt']);
      expect(await page.getByRole('button', { name: 'Delen met het team' }).count()).toBe(0);
      await audit.check(teacher);
    } finally {
      await teacher.close();
    }
  });

  it('the lead records consensus on two aspects and picks a goal', async () => {
    const { page } = lead;
    await page.getByRole('link', { name: 'Samen vaststellen' }).click();
    await waitForPage(page, `Samen vaststellen: ${ROUND}`);
    // The discussion point comes first.
    expect(await page.locator('.consensus-item h3').first().textContent()).toBe(`${SECOND.name} Bespreekpunt`);
    await audit.check(lead);

    await recordConsensus(page, SECOND.name, 'Groeifase 2', 'Een deel van het team werkt er al mee, nog niet iedereen.');
    await recordConsensus(page, FIRST.name, 'Groeifase 2', 'De meeste collega’s oriënteren zich.');
    const consensus = await server.db.kysely.selectFrom('selfscan_consensus').select(['aspect_id', 'phase', 'rationale']).where('round_id', '=', roundId).orderBy('aspect_id').execute();
    expect(new Map(consensus.map((row) => [row.aspect_id, row.phase]))).toEqual(
      new Map([
        [FIRST.id, 2],
        [SECOND.id, 2],
      ]),
    );
    await audit.check(lead);

    // Aspects without an agreed phase cannot become goals yet.
    expect(await page.getByRole('checkbox', { name: THIRD.name, exact: true }).isDisabled()).toBe(true);
    const goal = page.getByRole('checkbox', { name: `${FIRST.name}: op weg naar Groeifase 3` });
    const nextDescriptor = modelFile.layers[0]!.aspects[0]!.descriptors['3'].nl;
    expect(await page.getByText(nextDescriptor, { exact: true }).count()).toBe(1);
    await goal.check();
    await page.getByRole('button', { name: 'Doelen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De gekozen doelen zijn opgeslagen.' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: `${FIRST.name}: Groeifase 3` }).waitFor();
    const goals = await server.db.kysely.selectFrom('selfscan_goals').select(['aspect_id', 'target_phase']).where('round_id', '=', roundId).execute();
    expect(goals).toEqual([{ aspect_id: FIRST.id, target_phase: 3 }]);
    await audit.check(lead);

    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  it('the lead downloads the report as a PDF from the results page', async () => {
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${roundId}/uitkomsten`);
    await waitForPage(page, `Uitkomsten: ${ROUND}`);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1);
    // Only the school admin gets the raw answers.
    expect(await page.getByRole('link', { name: 'Antwoorden als CSV (zonder namen)' }).count()).toBe(0);
    await audit.check(lead);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('zelfscan-zelfscan-najaar.pdf');
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  it('the school admin imports an own development model, with refusals shown per place in the file', async () => {
    const admin = await openBrowser();
    try {
      const { page } = admin;
      await signIn(page, server.baseUrl, DEMO_EMAILS.schoolAdmin, DEMO_PASSWORD);
      // A member of two schools: the task names the school it belongs to.
      const task = page.getByRole('region', { name: 'Open taken' }).getByRole('listitem').filter({ hasText: SCHOOL });
      await task.getByRole('link', { name: `Zelfscan invullen: ${ROUND}` }).waitFor();
      await audit.check(admin);

      await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
      await waitForPage(page, 'Zelfscan');
      const section = page.getByRole('region', { name: 'Eigen ontwikkelmodel importeren' });
      const fileInput = section.getByLabel('Modelbestand (JSON)');
      const importButton = section.getByRole('button', { name: 'Model importeren' });

      await fileInput.setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
      await importButton.click();
      await section.getByRole('alert').filter({ hasText: 'kapot.json is geen geldig JSON-bestand' }).waitFor();
      await audit.check(admin);

      const own = { ...modelFile, id: 'eigen-model', version: '1.0.0', name: { nl: 'Eigen schoolmodel', en: 'Own school model' } };
      const broken = { ...own, layers: [{ ...modelFile.layers[0]!, aspects: [] }] };
      await fileInput.setInputFiles({ name: 'leeg.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      await importButton.click();
      await section.getByRole('alert').getByRole('listitem').filter({ hasText: /^layers\.0\.aspects: / }).waitFor();
      await audit.check(admin, [400]);

      await fileInput.setInputFiles({ name: 'eigen.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
      await importButton.click();
      await section.getByRole('status').filter({ hasText: 'Het model Eigen schoolmodel (versie 1.0.0) is geïmporteerd.' }).waitFor();
      await section.getByRole('listitem').filter({ hasText: /^Eigen schoolmodel \(versie 1\.0\.0\) · 15 accenten · eigen model$/ }).waitFor();
      const stored = await server.db.kysely.selectFrom('development_models').select('version').where('school_id', '=', schoolId).where('model_key', '=', 'eigen-model').execute();
      expect(stored).toEqual([{ version: '1.0.0' }]);
      await audit.check(admin);
    } finally {
      await admin.close();
    }
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  async function invitedCount(): Promise<number> {
    const rows = await server.db.kysely.selectFrom('selfscan_invitations').select('user_id').where('round_id', '=', roundId).execute();
    return rows.length;
  }

  async function getResults(): Promise<RoundResults> {
    const response = await lead.context.request.get(`${server.baseUrl}/api/schools/${schoolId}/selfscan/rounds/${roundId}/results`);
    expect(response.ok()).toBe(true);
    return (await response.json()) as RoundResults;
  }
});

function savedStatus(page: Page) {
  return page.locator('.save-status[aria-live="polite"]').filter({ hasText: /^Opgeslagen$/ });
}

async function expectProgress(page: Page, responded: number, invited: number): Promise<void> {
  const progress = page.getByRole('progressbar', { name: `${responded} van ${invited} ingevuld` });
  await progress.waitFor();
  expect(await progress.getAttribute('value')).toBe(String(responded));
  expect(await progress.getAttribute('max')).toBe(String(invited));
}

// Desktop: the four phases in one row; phone: one under the other.
async function expectPhaseLayout(page: Page, layout: 'stacked' | 'side by side'): Promise<void> {
  const boxes = await Promise.all([1, 2].map((phase) => page.getByRole('radio', { name: new RegExp(`^Groeifase ${phase}\\b`) }).boundingBox()));
  const [one, two] = boxes;
  if (!one || !two) throw new Error('phase options are not visible');
  if (layout === 'stacked') expect(two.y).toBeGreaterThan(one.y + 20);
  else expect(Math.abs(two.y - one.y)).toBeLessThan(2);
}

async function rowCells(table: ReturnType<Page['getByRole']>, rowName: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: rowName, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

async function recordConsensus(page: Page, aspectName: string, phase: string, rationale: string): Promise<void> {
  const item = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(aspectName)}( Bespreekpunt)?$`) });
  await item.getByLabel(`Gezamenlijke groeifase voor ${aspectName}`).selectOption({ label: phase });
  await item.getByLabel('Onderbouwing').fill(rationale);
  await item.getByRole('button', { name: `Groeifase voor ${aspectName} vastleggen` }).click();
  await item.getByText(`Vastgesteld: ${phase}. ${rationale}`).waitFor();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
