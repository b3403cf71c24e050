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

// The whole team of De Vlinderboom (five people; the demo board's k is 5). Chosen so the three aspects
// differ: the first agrees fairly (rwg 0.76), the second is a discussion point (rwg clipped to 0), the third
// has four ratings and one "weet ik niet" with a note — too few ratings for figures, enough people for the note.
const ANSWERS: { email: string; isPhone?: boolean; isInTwoSchools?: boolean; answers: [Answer, Answer, Answer] }[] = [
  { email: 'leerkracht@voorbeeld.test', answers: [2, 1, 'Weet ik niet'] },
  { email: 'ib@voorbeeld.test', isPhone: true, answers: [3, 4, 2] },
  { email: 'directie@voorbeeld.test', answers: [2, 3, 2] },
  { email: LEAD, answers: [2, 2, 3] },
  { email: DEMO_EMAILS.schoolAdmin, isInTwoSchools: true, answers: [3, 4, 2] },
];
const TOO_FEW = 'te weinig antwoorden (minder dan 5)';
// The results page before issue 12 (four views of the same figures, commit 19f14c9), measured in this test's story
// at 1280 px: 6,306 px high, and 692 px wide at 390 px (it scrolled sideways on a phone).
const OLD_RESULTS_HEIGHT = 6306;

// One story in order, as a school would live it: open a round, rate, close it, read the results, agree, choose goals.
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

    // The page says how many people an audience holds; the care team alone (one person) is too few.
    await page.getByLabel('Naam van de ronde').fill(ROUND);
    await page.getByText('Deze keuze nodigt 5 mensen uit (minstens 5 nodig).').waitFor();
    await page.getByLabel('Alleen medewerkers met gekozen rollen').check();
    await page.getByLabel('Zorgteam').check();
    await page.getByText('Deze keuze nodigt 1 mensen uit. Dat is te weinig voor een anonieme zelfscan: er zijn er minstens 5 nodig.').waitFor();
    await page.getByRole('button', { name: 'Ronde openen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Rollen: Kies een grotere groep: er zijn minstens 5 mensen nodig, zodat niemand herkenbaar is.' }).waitFor();
    expect(await server.db.kysely.selectFrom('selfscan_rounds').select('id').where('school_id', '=', schoolId).execute()).toEqual([]);
    await audit.check(lead);

    await page.getByLabel('Alle medewerkers van de school').check();
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
      // The open round is on the home page as a task until every aspect is answered; for someone in two
      // schools the task names the school it belongs to.
      const tasks = page.getByRole('region', { name: 'Open taken' });
      await (entry.isInTwoSchools ? tasks.getByRole('listitem').filter({ hasText: SCHOOL }) : tasks).getByRole('link', { name: `Zelfscan invullen: ${ROUND}` }).waitFor();
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

      // The end: a summary per layer with the open aspects one click away, then "Versturen" and a confirmation.
      await page.getByRole('navigation', { name: 'Overzicht' }).getByRole('button', { name: 'Klaar — versturen' }).click();
      const summary = page.getByRole('region', { name: 'Klaar — versturen' });
      await summary.getByText(`Je hebt 3 van de ${ASPECTS.length} accenten beantwoord.`).waitFor();
      const layerLine = (layer: (typeof modelFile.layers)[number]) => summary.getByRole('listitem').filter({ hasText: layer.name.nl });
      expect(await layerLine(modelFile.layers[0]!).textContent()).toBe(`${FIRST.layer} 3 van 3 beantwoord`);
      const secondLayer = modelFile.layers[1]!;
      expect(await layerLine(secondLayer).getByText(`0 van ${secondLayer.aspects.length} beantwoord`).count()).toBe(1);
      await expectNoSidewaysScroll(page);
      await audit.check(person);
      // An open aspect is one click away, and the way back leads to the summary again.
      await layerLine(secondLayer).getByRole('button', { name: secondLayer.aspects[0]!.name.nl }).click();
      await page.getByRole('group', { name: secondLayer.aspects[0]!.name.nl }).waitFor();
      await page.getByRole('navigation', { name: 'Overzicht' }).getByRole('button', { name: 'Klaar — versturen' }).click();
      await summary.getByText(/Na het versturen kun je je antwoorden nog aanpassen tot en met \d+ [a-z]+ \d{4}\./).waitFor();
      await summary.getByRole('button', { name: 'Versturen' }).click();
      await summary.getByRole('status').getByText('Je antwoorden zijn verstuurd. Dank je wel!').waitFor();
      await audit.check(person);

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

  it('the lead sees progress counts only while the round runs, then closes it early', async () => {
    const { page } = lead;
    await page.reload();
    await waitForPage(page, 'Zelfscan');
    await expectProgress(page, ANSWERS.length, await invitedCount());
    // No results while the round runs: each new answer would show by difference.
    expect(await page.getByRole('link', { name: `Uitkomsten van ${ROUND}` }).count()).toBe(0);
    await page.getByText('De uitkomsten zijn te zien zodra de ronde gesloten is.').waitFor();
    const whileOpen = await lead.context.request.get(`${server.baseUrl}/api/schools/${schoolId}/selfscan/rounds/${roundId}/results`);
    expect(whileOpen.status()).toBe(409);
    await audit.check(lead);

    // A reminder for whoever has not finished: the lead sees neither names nor a count, and can send one a day.
    await page.getByRole('button', { name: `Herinnering sturen voor ${ROUND}` }).click();
    const reminder = page.getByRole('dialog', { name: `Herinnering sturen voor ${ROUND}?` });
    await reminder.getByText('Je ziet niet wie de herinnering krijgt, en ook niet hoeveel mensen', { exact: false }).waitFor();
    await audit.check(lead);
    await reminder.getByRole('button', { name: 'Herinnering sturen' }).click();
    await page.getByRole('status').filter({ hasText: `De herinnering voor ${ROUND} is verstuurd aan wie nog niet klaar was.` }).waitFor();
    await page.getByText(/^Herinnering verstuurd op .+\. Een volgende kan vanaf .+\.$/).waitFor();
    expect(await page.getByRole('button', { name: `Herinnering sturen voor ${ROUND}` }).count()).toBe(0);
    // The demo keeps mail in the outbox, where the admins see each addressee: there everyone invited gets it.
    const reminders = await server.db.kysely.selectFrom('outbox_messages').select(['to_address', 'body_text']).where('subject', 'like', 'Herinnering:%').execute();
    expect(reminders).toHaveLength(await invitedCount());
    expect(reminders[0]!.body_text).toMatch(/tot en met [a-z]+dag \d+ [a-z]+ \d{4}\./);
    expect(await server.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'selfscan.reminders_sent').execute()).toHaveLength(1);
    await audit.check(lead);

    // Agreeing on a phase waits for the close too: the page says why.
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${roundId}/vaststellen`);
    await page.getByRole('alert').getByText(/^De ronde loopt nog\./).waitFor();
    await audit.check(lead, [409]);
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
    await waitForPage(page, 'Zelfscan');

    await page.getByRole('button', { name: `${ROUND} nu sluiten` }).click();
    const dialog = page.getByRole('dialog', { name: `Ronde ${ROUND} nu sluiten?` });
    await dialog.waitFor();
    // The confirmation names k, and how many answered so far.
    await dialog.getByText('Cijfers verschijnen alleen bij een accent dat minstens 5 mensen met een groeifase beantwoordden', { exact: false }).waitFor();
    await dialog.getByText('Tot nu toe hebben 5 van de 5 mensen (een deel) ingevuld.').waitFor();
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Ronde sluiten' }).click();
    await page.getByRole('status').filter({ hasText: `De ronde ${ROUND} is gesloten. De uitkomsten zijn nu te zien.` }).waitFor();
    const round = await server.db.kysely.selectFrom('selfscan_rounds').select('closed_at').where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round.closed_at).not.toBeNull();
    expect(await server.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'selfscan.round_closed').execute()).toHaveLength(1);
    await audit.check(lead);
  });

  it('the lead sees results that match the API, with too small cells hidden, and shares them', async () => {
    const { page } = lead;
    await page.getByRole('link', { name: `Uitkomsten van ${ROUND}` }).click();
    await waitForPage(page, `Uitkomsten: ${ROUND}`);
    await audit.check(lead);

    const results = await getResults();
    expect(results.aggregate.respondents).toBe(5);
    const [first, second, third] = results.aggregate.aspects;
    // Hand-computed from ANSWERS, so a wrong aggregate or a wrong page both fail.
    // First: 2, 3, 2, 2, 3 → median 2, mean 2.4, variance 0.3, rwg 1 − 0.3 / 1.25 = 0.76.
    expect(first).toMatchObject({ aspect: FIRST.id, hidden: false, n: 5, dontKnow: 0, counts: { '1': 0, '2': 3, '3': 2, '4': 0 }, median: 2, mean: 2.4, discuss: false });
    expect(first).toMatchObject({ rwg: expect.closeTo(0.76, 10) });
    // Second: 1, 4, 3, 2, 4 → median 3, mean 2.8, variance 1.9 → rwg clipped to 0.
    expect(second).toMatchObject({ aspect: SECOND.id, hidden: false, n: 5, dontKnow: 0, median: 3, rwg: 0, discuss: true });
    // Third: four ratings and one "weet ik niet": fewer than k = 5 ratings, so no figure at all.
    expect(third).toEqual({ aspect: THIRD.id, hidden: true });

    // One overview: per layer the aspects × the four phases, each cell the number who chose it; the median beside.
    const layerOne = page.getByRole('table', { name: FIRST.layer, exact: true });
    expect(await overviewCells(layerOne, FIRST.name)).toEqual(['0', '3', '2', '0', '2']);
    expect(await overviewCells(layerOne, SECOND.name)).toEqual(['1', '1', '1', '2', '3']);
    expect(await overviewCells(layerOne, THIRD.name)).toEqual([TOO_FEW]);
    // The shade repeats the share of the team (3 of 5 → up to three quarters), never the figure itself.
    expect(await overviewRow(layerOne, FIRST.name).getByRole('cell').evaluateAll((cells) => cells.map((cell) => cell.className))).toEqual([
      'heat heat-level-0',
      'heat heat-level-3',
      'heat heat-level-2',
      'heat heat-level-0',
      'heat-median',
    ]);
    expect(await overviewRow(layerOne, THIRD.name).getByRole('cell').getAttribute('class')).toBe('heat-hidden');
    // Agreement marks in words and a symbol, not colour alone.
    await overviewRow(layerOne, FIRST.name).getByText('✓ Eens').waitFor();
    await overviewRow(layerOne, SECOND.name).getByText('⚠ Bespreekpunt').waitFor();
    const legend = page.getByRole('list', { name: 'Legenda' });
    for (const text of ['niemand', 'meer dan driekwart', 'te weinig antwoorden (minder dan 5): geen cijfers', 'de antwoorden lopen uiteen']) await legend.getByText(text, { exact: false }).waitFor();
    await audit.check(lead);

    // Detail on demand: the figures, the role group and the notes of one aspect.
    const secondDetail = await openDetail(page, SECOND.name);
    expect(await secondDetail.locator('.detail-facts').textContent()).toBe('Met een groeifase5Weet ik niet0Mediaan3Gemiddelde2,8Overeenstemming0');
    // Five people of five roles: no role has five people, together they are the group "Overige".
    await secondDetail.getByText('Overige: 5 antwoorden, mediaan 3, overeenstemming 0 · bespreekpunt').waitFor();
    const thirdDetail = await openDetail(page, THIRD.name);
    await thirdDetail.getByText('Minder dan 5 mensen kozen bij dit accent een groeifase', { exact: false }).waitFor();
    // Five people answered the third aspect (one with "weet ik niet"): its note shows, without a name.
    await thirdDetail.getByText(NOTE).waitFor();
    await audit.check(lead);
    // No respondent's name (the lead's own shows in the header as the person signed in).
    expect(await page.getByText(/Sanne|Joost|Marco|Petra/).count()).toBe(0);

    // One overview instead of four views: measured at 1280 px with every detail closed, against the old page.
    for (const name of [SECOND.name, THIRD.name]) await overviewRow(layerOne, name).getByRole('button', { name, exact: true }).click();
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 800 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(`Results page height at 1280 px: before ${OLD_RESULTS_HEIGHT} px, now ${height} px`);
    expect(height).toBeLessThan(OLD_RESULTS_HEIGHT / 2);
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoSidewaysScroll(page);
    await audit.check(lead);
    if (viewport) await page.setViewportSize(viewport);

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
      expect(await overviewCells(page.getByRole('table', { name: FIRST.layer, exact: true }), SECOND.name)).toEqual(['1', '1', '1', '2', '3']);
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
    // The discussion point comes first; an aspect without figures says why.
    expect(await page.locator('.consensus-item h3').first().textContent()).toBe(`${SECOND.name} ⚠ Bespreekpunt`);
    await page.getByRole('region', { name: THIRD.name }).getByText(TOO_FEW).waitFor();
    // Each aspect shows its four phase descriptors, with how many chose each (none where the aspect is hidden).
    const first = page.getByRole('region', { name: FIRST.name, exact: true });
    const firstAspect = modelFile.layers[0]!.aspects[0]!;
    for (const phase of ['1', '2', '3', '4'] as const) await first.getByText(firstAspect.descriptors[phase].nl, { exact: true }).waitFor();
    expect(await first.getByRole('radio', { name: /^Groeifase 2\b/ }).getAttribute('value')).toBe('2');
    await first.getByRole('radio', { name: /^Groeifase 2\b.*3 van 5 gekozen$/ }).waitFor();
    expect(await page.getByRole('region', { name: THIRD.name }).getByText(/van \d+ gekozen/).count()).toBe(0);
    await expectNoSidewaysScroll(page);
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
    expect(await page.getByRole('region', { name: 'Volgende stappen' }).getByText(nextDescriptor, { exact: true }).count()).toBe(1);
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

      // The raw answers (shared results, school admin only): pseudonymised, and no role of fewer than k people.
      await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${roundId}/uitkomsten`);
      await waitForPage(page, `Uitkomsten: ${ROUND}`);
      await audit.check(admin);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Antwoorden als CSV (zonder namen)' }).click()]);
      const [header, ...rows] = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(';'));
      expect(header).toEqual(['"respondent"', '"role"', '"aspect"', '"phase"']);
      expect(rows).toHaveLength(15);
      expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['"other"']));

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

// A row of the results overview, found by the button that opens its aspect's detail.
function overviewRow(table: ReturnType<Page['getByRole']>, aspectName: string) {
  return table.getByRole('row').filter({ has: table.page().getByRole('button', { name: aspectName, exact: true }) });
}

async function overviewCells(table: ReturnType<Page['getByRole']>, aspectName: string): Promise<string[]> {
  return (await overviewRow(table, aspectName).getByRole('cell').allTextContents()).map((text) => text.trim());
}

// Opens an aspect's detail row in the overview and returns it.
async function openDetail(page: Page, aspectName: string) {
  const toggle = page.getByRole('button', { name: aspectName, exact: true });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const detail = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
  await detail.waitFor();
  return detail;
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

async function recordConsensus(page: Page, aspectName: string, phase: string, rationale: string): Promise<void> {
  const item = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(aspectName)}( ⚠ Bespreekpunt)?$`) });
  await item.getByRole('group', { name: `Gezamenlijke groeifase voor ${aspectName}` }).getByRole('radio', { name: new RegExp(`^${phase}\\b`) }).check();
  await item.getByLabel('Onderbouwing').fill(rationale);
  await item.getByRole('button', { name: `Groeifase voor ${aspectName} vastleggen` }).click();
  await item.getByText(`Vastgesteld: ${phase}. ${rationale}`).waitFor();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
