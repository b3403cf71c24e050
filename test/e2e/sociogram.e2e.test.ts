import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { PUPIL_TEXTS } from '../../src/shared/checkin-wording';
import { PUPIL_SOCIOGRAM_TEXTS } from '../../src/shared/sociogram-wording';
import { login, requestAs } from '../support/test-app';
import { type ClassPupil, createDeviceBrowsers, createPageAudit, createSignedInBrowsers, demoClass, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const TEACHER = 'leerkracht@voorbeeld.test';
const CARE_TEAM = 'ib@voorbeeld.test';
const WORDS = PUPIL_SOCIOGRAM_TEXTS.nl;
const PLAY = 'Met wie speel je graag in de pauze?';
const WORK = 'Met wie werk je graag samen aan een opdracht?';


// Issue 15, done-when 1, on the demo's groep 5 (SQLite): the teacher starts a sociogram from the class's Groep page with
// the two default questions; one pupil answers on the class device (which shows nothing of them afterwards), one on
// their own device, four on paper; the teacher closes it and reads the results (picture, sociomatrix, both methods, the
// pupil nobody chose), which also shows as a signal on the class's check-in page; the care team switches "rather not"
// questions on. axe finds nothing on the way.
describe('a sociogram from start to results, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let classId = '';
  let teacherId = '';
  let sociogramId = '';
  let pupils: ClassPupil[] = [];
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  const devices = createDeviceBrowsers(() => server);
  const pupil = (index: number): ClassPupil => {
    const found = pupils[index];
    if (!found) throw new Error(`groep 5 has no pupil ${index}`);
    return found;
  };

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    ({ schoolId, classId, pupils } = await demoClass(server, SCHOOL, 'Groep 5'));
    teacherId = (await db.selectFrom('users').select('id').where('email', '=', TEACHER).executeTakeFirstOrThrow()).id;
    // Thirteen pupils: the paper round below leaves exactly the last one unchosen.
    expect(pupils).toHaveLength(13);
  });
  afterAll(async () => {
    await devices.closeAll();
    await browsers.closeAll();
    await server?.close();
  });

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const nameButton = (page: Page, who: ClassPupil) => page.locator('.pupil-names').getByRole('button', { name: who.shortName, exact: true });
  const classmate = (page: Page, who: ClassPupil) => page.getByRole('checkbox', { name: who.shortName, exact: true });

  it('the teacher starts a sociogram from the Groep page with the two default questions', async () => {
    const teacher = await browsers.signedIn(TEACHER);
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/groep/${classId}`);
    await waitForPage(page, 'Groep 5: de groep');
    expect(await page.getByText('Deze klas heeft nog geen sociogram.').count()).toBe(1);
    await page.getByRole('link', { name: 'Nieuw sociogram starten' }).click();
    await waitForPage(page, 'Nieuw sociogram');
    const guidance = page.getByRole('region', { name: 'Voordat je begint' });
    expect(await guidance.getByRole('listitem').count()).toBe(4);
    expect(await guidance.textContent()).toContain('alleen de leerkrachten van de klas en het zorgteam zien ze');
    // The three positive questions of the bank; play and work ticked; no "rather not" question while they are off.
    const questions = page.getByRole('group', { name: 'Vragen' }).getByRole('checkbox');
    expect(await questions.count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: PLAY }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: WORK }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Naast wie zou je graag zitten in de klas?' }).isChecked()).toBe(false);
    expect(await page.getByText('"Liever niet"-vragen staan uit.', { exact: false }).count()).toBe(1);
    await audit.check(teacher);

    await page.getByRole('button', { name: 'Sociogram starten' }).click();
    await waitForPage(page, /^Sociogram van Groep 5, /);
    sociogramId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(sociogramId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(page.url()).toBe(`${server.baseUrl}/scholen/${schoolId}/sociogrammen/${sociogramId}`);
    expect(await page.getByText(`Dit sociogram loopt: 0 van de ${pupils.length} leerlingen hebben gekozen.`).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: PLAY }).textContent()).toContain('hoogstens 3');
    expect(await page.getByRole('listitem').filter({ hasText: WORK }).count()).toBe(1);
    await audit.check(teacher);
  });

  it('on the class device a pupil answers both questions; the next pupil sees none of it', async () => {
    const [chooser, friend, searched, partner, next] = [pupil(0), pupil(1), pupil(2), pupil(3), pupil(5)];
    const device = await devices.classDevice(classId, teacherId);
    const { page } = device;
    await page.goto(`${server.baseUrl}/klas`);
    await heading(page, PUPIL_TEXTS.nl.kioskWhoAreYou);
    // The way to the sociogram sits above the names.
    const entry = page.getByRole('button', { name: WORDS.open });
    const [entryBox, namesBox] = [await entry.boundingBox(), await page.locator('.pupil-names').boundingBox()];
    expect(entryBox!.y).toBeLessThan(namesBox!.y);
    await entry.click();
    await heading(page, WORDS.whoAnswers);
    expect(await page.locator('.pupil-names').getByRole('button').count()).toBe(pupils.length);

    await nameButton(page, chooser).click();
    await heading(page, `Hoi ${chooser.shortName}!`);
    expect(await page.getByText(WORDS.whoSees).count()).toBe(1);
    await page.getByRole('button', { name: WORDS.start }).click();
    await heading(page, 'Vraag 1 van 2');
    expect(await page.getByRole('group', { name: PLAY }).count()).toBe(1);
    // Everyone but the pupil answering.
    expect(await page.getByRole('checkbox').count()).toBe(pupils.length - 1);
    expect(await classmate(page, chooser).count()).toBe(0);
    await classmate(page, friend).check();
    // The search box keeps only the names that hold what was typed.
    await page.getByLabel(WORDS.search).fill(searched.firstName);
    const term = searched.firstName.toLocaleLowerCase('nl');
    const matching = pupils.filter((each) => each !== chooser && each.shortName.toLocaleLowerCase('nl').includes(term)).length;
    expect(matching).toBeLessThan(pupils.length - 1);
    await expect.poll(() => page.locator('.pupil-classmates > li:not([hidden])').count()).toBe(matching);
    await classmate(page, searched).check();
    expect(await page.getByText('Je mag er nog 1 kiezen.').count()).toBe(1);
    await audit.check(device);
    await page.getByRole('button', { name: WORDS.next }).click();
    await heading(page, 'Vraag 2 van 2');
    expect(await page.getByRole('group', { name: WORK }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await classmate(page, partner).check();
    await page.getByRole('button', { name: WORDS.finish }).click();
    await heading(page, `Dank je wel, ${chooser.shortName}! Je keuzes zijn opgeslagen.`);
    await audit.check(device);
    await page.getByRole('button', { name: WORDS.back }).click();
    await heading(page, WORDS.whoAnswers);
    // Back at the names: nothing of the earlier pupil, and the next pupil starts from nothing.
    expect(await page.locator('input').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Dank je wel');
    await nameButton(page, next).click();
    await page.getByRole('button', { name: WORDS.start }).click();
    await heading(page, 'Vraag 1 van 2');
    expect(await page.getByRole('checkbox').count()).toBe(pupils.length - 1);
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(await page.getByLabel(WORDS.search).inputValue()).toBe('');
    await page.getByRole('button', { name: WORDS.previous }).click();
    await page.getByRole('button', { name: WORDS.back }).click();
    await heading(page, WORDS.whoAnswers);
    audit.checkConsole(device);
  });

  it("on a pupil's own device the pupil answers and the choices are saved", async () => {
    const [me, chosen] = [pupil(1), pupil(0)];
    const device = await devices.ownDevice(me.id, classId);
    const { page } = device;
    await page.goto(`${server.baseUrl}/leerling`);
    await page.getByRole('button', { name: WORDS.open }).click();
    await heading(page, `Hoi ${me.firstName}!`);
    await page.getByRole('button', { name: WORDS.start }).click();
    await heading(page, 'Vraag 1 van 2');
    expect(await page.getByRole('checkbox').count()).toBe(pupils.length - 1);
    await classmate(page, chosen).check();
    await page.getByRole('button', { name: WORDS.next }).click();
    await heading(page, 'Vraag 2 van 2');
    await classmate(page, chosen).check();
    await audit.check(device);
    await page.getByRole('button', { name: WORDS.finish }).click();
    await heading(page, `Dank je wel, ${me.firstName}! Je keuzes zijn opgeslagen.`);
    await audit.check(device);
    // On their own device the pupil finds their choices again (and may change them until it closes).
    await page.getByRole('button', { name: WORDS.back }).click();
    await page.getByRole('button', { name: WORDS.open }).click();
    await page.getByRole('button', { name: WORDS.start }).click();
    await heading(page, 'Vraag 1 van 2');
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(1);
    expect(await classmate(page, chosen).isChecked()).toBe(true);
    audit.checkConsole(device);
  });

  it('the teacher sees who answered, closes the sociogram and reads the results; the pupil nobody chose is named', async () => {
    // Four pupils chose on paper; together everyone but the last pupil is chosen by someone.
    const teacherLogin = await login(server.app, TEACHER, DEMO_PASSWORD);
    const paper: [number, number[]][] = [[2, [4, 5]], [3, [6, 7]], [4, [8, 9]], [5, [10, 11]]];
    for (const [chooser, chosen] of paper) {
      const saved = await requestAs(server.app, teacherLogin, 'PUT', `/api/schools/${schoolId}/sociograms/${sociogramId}/pupils/${pupil(chooser).id}/answers`, {
        choices: [{ position: 1, chosen: chosen.map((index) => pupil(index).id) }, { position: 2, chosen: [] }],
      });
      expect(saved.statusCode).toBe(200);
    }
    const isolated = pupil(12);

    const teacher = await browsers.signedIn(TEACHER);
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/sociogrammen/${sociogramId}`);
    await waitForPage(page, /^Sociogram van Groep 5, /);
    expect(await page.getByText(`Dit sociogram loopt: 6 van de ${pupils.length} leerlingen hebben gekozen.`).count()).toBe(1);
    const roster = page.getByRole('region', { name: 'Wie heeft gekozen' });
    const answerOf = async (who: ClassPupil) => roster.getByRole('row').filter({ has: page.getByRole('rowheader', { name: who.name, exact: true }) }).getByRole('cell').textContent();
    expect(await answerOf(pupil(0))).toBe('ja');
    expect(await answerOf(pupil(1))).toBe('ja');
    expect(await answerOf(pupil(2))).toBe('ja, op papier');
    expect(await answerOf(pupil(5))).toBe('ja, op papier');
    expect(await answerOf(isolated)).toBe('nog niet');
    await audit.check(teacher);

    await page.getByRole('button', { name: 'Sociogram afsluiten en uitkomsten bekijken' }).click();
    await page.getByText('Het sociogram is afgesloten.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Sociomatrix' }).waitFor();
    expect(await page.getByText(/^Afgesloten op .+: 6 van de \d+ leerlingen hebben gekozen\.$/).count()).toBe(1);
    expect(await page.getByText(`Door niemand gekozen: ${isolated.name}.`, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Netwerk van de klas/ }).evaluate((node) => node.tagName.toLowerCase())).toBe('svg');
    // Negatives are off: no "rather not" layer to switch on, no column for it.
    expect(await page.getByLabel('Ook de "liever niet"-keuzes tonen').count()).toBe(0);

    const statusTable = page.getByRole('region', { name: 'Per leerling, volgens twee methoden' });
    const headers = await statusTable.getByRole('columnheader').allTextContents();
    expect(headers).toContain('Coie-Dodge-Coppotelli');
    expect(headers).toContain('Newcomb-Bukowski');
    expect(headers).not.toContain('"Liever niet" door');
    expect(await statusTable.getByRole('row').count()).toBe(pupils.length + 1);
    expect(await statusTable.getByRole('rowheader', { name: `${isolated.name} · door niemand gekozen · koos niet`, exact: true }).count()).toBe(1);

    const matrix = page.getByRole('region', { name: 'Sociomatrix' });
    // A header row, a row per pupil, the footer with the totals.
    expect(await matrix.getByRole('row').count()).toBe(pupils.length + 2);
    // The columns are in the order of the rows: a row per chooser, a column per chosen.
    const order = (await matrix.locator('tbody').getByRole('rowheader').allTextContents()).map((name) => pupils.find((each) => each.name === name)?.id);
    expect(new Set(order)).toEqual(new Set(pupils.map((each) => each.id)));
    const cellsOf = async (chooser: ClassPupil) => {
      const row = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: chooser.name, exact: true }) });
      const texts = await row.getByRole('cell').allTextContents();
      return (chosen: ClassPupil) => texts[order.indexOf(chosen.id)];
    };
    // The class-device pupil chose 1 and 2 (play) and 3 (work); the own-device pupil chose 0 at both questions.
    const byClassDevice = await cellsOf(pupil(0));
    expect([pupil(0), pupil(1), pupil(2), pupil(3), pupil(4)].map(byClassDevice)).toEqual(['·', '+1', '+1', '+1', '']);
    const byOwnDevice = await cellsOf(pupil(1));
    expect([pupil(0), pupil(1), pupil(2)].map(byOwnDevice)).toEqual(['+2', '·', '']);
    // Nobody's row has anything in the column of the pupil nobody chose.
    for (const chooser of pupils) expect((await cellsOf(chooser))(isolated)).toBe(chooser === isolated ? '·' : '');
    const totals = await matrix.locator('tfoot').getByRole('cell').allTextContents();
    expect(totals[order.indexOf(isolated.id)]).toBe('0');
    await audit.check(teacher);

    // The class's Groep page lists it as closed, and offers a new one again.
    await page.getByRole('link', { name: 'Terug naar de groep' }).click();
    await waitForPage(page, 'Groep 5: de groep');
    const listed = await page.getByRole('region', { name: 'Sociogrammen' }).getByRole('row').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed[1]).toMatch(new RegExp(`afgesloten op .+6 van ${pupils.length}$`));
    expect(await page.getByRole('link', { name: 'Nieuw sociogram starten' }).count()).toBe(1);
    await audit.check(teacher);
  });

  it("shows the pupil nobody chose as a signal on the class's check-in page", async () => {
    const isolated = pupil(12);
    const teacher = await browsers.signedIn(TEACHER);
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/klassen/${classId}`);
    await waitForPage(page, 'Check-in Groep 5');
    const signals = page.getByRole('region', { name: 'Signalen' }).locator('.checkin-signal-list > li');
    const withIsolation = signals.filter({ hasText: 'Sociogram: door niemand gekozen:' });
    expect(await withIsolation.count()).toBe(1);
    expect(await withIsolation.getByRole('link').first().textContent()).toBe(isolated.name);
    await audit.check(teacher);
  });

  it('the care team switches "rather not" questions on in the settings', async () => {
    const care = await browsers.signedIn(CARE_TEAM);
    const { page } = care;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/sociogram-instellingen`);
    await waitForPage(page, 'Instellingen voor sociogrammen');
    expect(await page.getByText('Staan uit.', { exact: true }).count()).toBe(1);
    await audit.check(care);
    await page.getByRole('button', { name: '"Liever niet"-vragen aanzetten' }).click();
    await page.getByText('"Liever niet"-vragen staan nu aan.').waitFor();
    expect(await page.getByText('Staan aan.', { exact: true }).count()).toBe(1);
    await audit.check(care);
    // It sticks: a new start page for the class now offers the three "rather not" questions too, with the warning.
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/groep/${classId}/sociogram/nieuw`);
    await waitForPage(page, 'Nieuw sociogram');
    expect(await page.getByRole('group', { name: 'Vragen' }).getByRole('checkbox').count()).toBe(6);
    expect(await page.getByRole('checkbox', { name: 'Met wie speel je liever niet? (liever niet)' }).isChecked()).toBe(false);
    await audit.check(care);
  });

  it('finds no accessibility problems or unexpected console errors on any page', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
