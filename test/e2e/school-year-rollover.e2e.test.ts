import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { schoolYearAt } from '../../src/shared/school-time';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

// The August rollover in the browser: the demo school prepares next school year with a re-import from its pupil
// administration — a pupil who moves to another class than the default, a new pupil, a pupil who leaves and a
// class the file names that next year does not have (asked about) — confirms it, and undoes it. Axe on each step.
// The server runs on the real clock, so the years are this school year and the next one.

const SCHOOL = 'Basisschool De Vlinderboom';
const PHONE = { width: 390, height: 844 };

describe('preparing the next school year, in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let schoolId = '';
  const year = schoolYearAt(new Date());
  const start = Number(year.slice(0, 4));
  const nextYear = `${start + 1}-${start + 2}`;
  const audit = createPageAudit();
  let mover = { id: '', number: '', firstName: '' };
  let leaver = { id: '', number: '', firstName: '' };
  let csv = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    const db = server.db.kysely;
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    const pupils = await db
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.id', 'pupils.pupil_number', 'pupils.first_name', 'pupils.last_name', 'classes.name as class_name'])
      .where('classes.school_id', '=', schoolId)
      .where('classes.school_year', '=', year)
      .where('pupils.left_on', 'is', null)
      .orderBy('pupils.pupil_number')
      .execute();
    const inGroup = (name: string) => pupils.filter((pupil) => pupil.class_name === name);
    const [firstOfFive] = inGroup('Groep 5');
    const [firstOfThree] = inGroup('Groep 3');
    if (!firstOfFive || !firstOfThree) throw new Error('the demo school has no pupils in Groep 3 and Groep 5');
    mover = { id: firstOfFive.id, number: firstOfFive.pupil_number, firstName: firstOfFive.first_name };
    leaver = { id: firstOfThree.id, number: firstOfThree.pupil_number, firstName: firstOfThree.first_name };
    const nextName = (name: string) => name.replace(/\d+/, (group) => String(Number(group) + 1));
    const lines = pupils
      .filter((pupil) => pupil.id !== leaver.id)
      .map((pupil) => [pupil.pupil_number, pupil.first_name, pupil.last_name, pupil.id === mover.id ? 'Groep 8' : nextName(pupil.class_name)].join(';'));
    csv = ['Leerlingnummer;Roepnaam;Achternaam;Groep', ...lines, '990001;Lotte;Visser;Instroomgroep'].join('\n');
    await signIn(browser.page, server.baseUrl, 'beheer@voorbeeld.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const classesOfNextYear = async () =>
    (await server.db.kysely.selectFrom('classes').select('name').where('school_id', '=', schoolId).where('school_year', '=', nextYear).orderBy('name').execute()).map((row) => row.name);
  const leftOnOf = async (pupilId: string) => (await server.db.kysely.selectFrom('pupils').select('left_on').where('id', '=', pupilId).executeTakeFirstOrThrow()).left_on;

  it('opens from the classes page with the default new names', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/klassen`);
    await waitForPage(page, 'Klassen');
    await page.getByRole('link', { name: 'Nieuw schooljaar voorbereiden' }).click();
    await waitForPage(page, 'Nieuw schooljaar voorbereiden');
    expect(await page.getByLabel(`Naam in ${nextYear} van Groep 5`).inputValue()).toBe('Groep 6');
    expect(await page.getByLabel(`Naam in ${nextYear} van Groep 7`).inputValue()).toBe('Groep 8');
    await audit.check(browser);
  });

  it('reads the file, asks about the unknown class and previews moves, new pupils and leavers', async () => {
    const { page } = browser;
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByText('leerlingen.csv is ingelezen.').waitFor();
    await audit.check(browser);

    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const question = page.getByLabel('Klas „Instroomgroep” (1 leerling in het bestand)');
    await question.waitFor();
    expect(await page.getByRole('button', { name: 'Schooljaar voorbereiden' }).isDisabled()).toBe(true);
    await audit.check(browser);

    await question.selectOption({ label: 'Nieuwe klas „Instroomgroep” aanmaken' });
    await page.getByRole('button', { name: 'Voorbeeld bijwerken' }).click();
    await page.getByRole('button', { name: 'Schooljaar voorbereiden' }).and(page.locator(':enabled')).waitFor();
    const moves = page.getByRole('table', { name: 'Leerlingen die doorschuiven' });
    const moverRow = moves.getByRole('row').filter({ has: page.getByRole('cell', { name: mover.number, exact: true }) });
    expect(await moverRow.getByRole('cell').allTextContents()).toEqual([mover.number, 'Groep 5', 'Groep 8']);
    await page.getByRole('table', { name: 'Nieuwe leerlingen' }).getByRole('rowheader', { name: 'Lotte Visser' }).waitFor();
    await page.getByRole('table', { name: 'Leerlingen die de school verlaten' }).getByRole('cell', { name: leaver.number, exact: true }).waitFor();
    // Nothing has changed yet.
    expect(await classesOfNextYear()).toEqual([]);
    await audit.check(browser);

    // On a phone the page does not scroll sideways (wide tables scroll in their own frame).
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await audit.check(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('confirms after a confirmation dialog', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Schooljaar voorbereiden' }).click();
    const dialog = page.getByRole('dialog', { name: `${nextYear} voorbereiden?` });
    await dialog.waitFor();
    await audit.check(browser);
    await dialog.getByRole('button', { name: 'Ja, voorbereiden' }).click();
    const done = page.getByRole('status').getByText(`Schooljaar ${nextYear} is voorbereid.`);
    await done.or(dialog.getByRole('alert')).waitFor();
    expect(await dialog.getByRole('alert').allTextContents()).toEqual([]);
    await page.getByRole('heading', { name: `${nextYear} is voorbereid` }).waitFor();
    expect(await classesOfNextYear()).toEqual(['Groep 4', 'Groep 6', 'Groep 8', 'Instroomgroep']);
    const moverClasses = await server.db.kysely
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select('classes.name')
      .where('class_pupils.pupil_id', '=', mover.id)
      .where('classes.school_year', '=', nextYear)
      .execute();
    expect(moverClasses).toEqual([{ name: 'Groep 8' }]);
    // The leaver stays at school until 31 July; they are marked as left once that day has passed.
    expect(await leftOnOf(leaver.id)).toBeNull();
    expect(await server.db.kysely.selectFrom('pupils').select('first_name').where('pupil_number', '=', '990001').executeTakeFirst()).toEqual({ first_name: 'Lotte' });
    await audit.check(browser);
  });

  it('undoes the preparation after a confirmation dialog', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Voorbereiding ongedaan maken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Voorbereiding ongedaan maken?' });
    await dialog.waitFor();
    await audit.check(browser);
    await dialog.getByRole('button', { name: 'Ja, ongedaan maken' }).click();
    await page.getByRole('status').getByText(`De voorbereiding van ${nextYear} is ongedaan gemaakt.`).waitFor();
    await page.getByRole('heading', { name: `Stap 1: klassen in ${nextYear}` }).waitFor();
    expect(await classesOfNextYear()).toEqual([]);
    expect(await leftOnOf(leaver.id)).toBeNull();
    await audit.check(browser);
  });

  it('found no accessibility violations and no console errors on any step', () => {
    expect(audit.problems).toEqual([]);
  });
});
