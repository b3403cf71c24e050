import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { schoolYearAt } from '../../src/shared/school-time';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';

describe('a pupil through the school year, in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let schoolId = '';
  const year = schoolYearAt(new Date());
  const audit = createPageAudit();
  // A pupil of Groep 5 of the demo school, followed through the tests.
  let pupil = { id: '', firstName: '', lastName: '' };
  const nameOf = () => `${pupil.firstName} ${pupil.lastName}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    const db = server.db.kysely;
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    pupil = await db
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.id', 'pupils.first_name as firstName', 'pupils.last_name as lastName'])
      .where('classes.school_id', '=', schoolId)
      .where('classes.school_year', '=', year)
      .where('classes.name', '=', 'Groep 5')
      .orderBy('pupils.pupil_number')
      .executeTakeFirstOrThrow();
    await signIn(browser.page, server.baseUrl, 'beheer@voorbeeld.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPupils(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/leerlingen`);
    await waitForPage(page, 'Leerlingen');
  }
  const storedPupil = () => server.db.kysely.selectFrom('pupils').selectAll().where('id', '=', pupil.id).executeTakeFirstOrThrow();
  const classesOfPupil = async () =>
    (
      await server.db.kysely
        .selectFrom('class_pupils')
        .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
        .select('classes.name')
        .where('class_pupils.pupil_id', '=', pupil.id)
        .where('classes.school_year', '=', year)
        .execute()
    ).map((row) => row.name);
  const rowOf = (page: Page, firstName: string) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: firstName, exact: true }) });

  it("corrects a pupil's first name, after refusing an empty one with a clear message", async () => {
    const { page } = browser;
    await openPupils(page);
    await audit.check(browser);
    await page.getByRole('button', { name: `Gegevens van ${nameOf()} wijzigen` }).click();
    const dialog = page.getByRole('dialog', { name: `Gegevens van ${nameOf()} wijzigen` });
    expect(await dialog.getByLabel('Roepnaam').inputValue()).toBe(pupil.firstName);
    await audit.check(browser);

    await dialog.getByLabel('Roepnaam').fill('');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByRole('alert').getByText('Roepnaam: Vul een roepnaam in.').waitFor();
    await audit.check(browser);

    await dialog.getByLabel('Roepnaam').fill(`${pupil.firstName}je`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    pupil = { ...pupil, firstName: `${pupil.firstName}je` };
    await page.getByRole('status').getByText(`De gegevens van ${nameOf()} zijn opgeslagen.`).waitFor();
    expect((await storedPupil()).first_name).toBe(pupil.firstName);
    await rowOf(page, pupil.firstName).waitFor();
    await audit.check(browser);
  });

  it('moves the pupil to Groep 7', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: `${nameOf()} naar een andere klas` }).click();
    const dialog = page.getByRole('dialog', { name: `${nameOf()} naar een andere klas` });
    await dialog.getByText('Nu in Groep 5.', { exact: false }).waitFor();
    await audit.check(browser);
    await dialog.getByLabel(`Nieuwe klas in ${year}`).selectOption({ label: 'Groep 7' });
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();
    await page.getByRole('status').getByText(`${nameOf()} zit nu in Groep 7.`).waitFor();
    expect(await classesOfPupil()).toEqual(['Groep 7']);
    // The list reloads after the message: the row then shows the new class.
    await rowOf(page, pupil.firstName).getByRole('cell', { name: 'Groep 7', exact: true }).waitFor();
  });

  it('marks the pupil as left after a confirmation, shows them under former pupils, and puts them back', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: `${nameOf()} is vertrokken` }).click();
    const dialog = page.getByRole('dialog', { name: `Is ${nameOf()} vertrokken?` });
    expect(await dialog.getByLabel('Vertrokken op').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Nothing happens before the confirmation.
    expect((await storedPupil()).left_on).toBeNull();
    await audit.check(browser);
    await dialog.getByLabel('Vertrokken op').fill(`${year.slice(0, 4)}-09-15`);
    await dialog.getByRole('button', { name: 'Ja, markeer als vertrokken' }).click();
    await page.getByRole('status').getByText(`${nameOf()} staat nu bij de oud-leerlingen.`).waitFor();
    await page.getByRole('button', { name: 'Ongedaan maken' }).waitFor();
    expect((await storedPupil()).left_on).toBe(`${year.slice(0, 4)}-09-15`);
    await page.waitForFunction((name) => ![...document.querySelectorAll('tbody th')].some((cell) => cell.textContent === name), pupil.firstName);
    await audit.check(browser);

    await page.getByLabel('Welke leerlingen').selectOption({ label: 'Oud-leerlingen (vertrokken)' });
    await page.getByRole('table', { name: /^Oud-leerlingen/ }).waitFor();
    const former = rowOf(page, pupil.firstName);
    expect(await former.locator('td').nth(4).textContent()).toBe(`15 september ${year.slice(0, 4)}`);
    await audit.check(browser);

    await page.getByRole('button', { name: `${nameOf()} terugzetten` }).click();
    await page.getByRole('status').getByText(`${nameOf()} is teruggezet en staat weer bij de leerlingen op school.`).waitFor();
    await page.getByText('Er zijn geen oud-leerlingen.').waitFor();
    expect((await storedPupil()).left_on).toBeNull();
    await page.getByLabel('Welke leerlingen').selectOption({ label: 'Leerlingen op school' });
    await rowOf(page, pupil.firstName).waitFor();
    expect(await classesOfPupil()).toEqual(['Groep 7']);
    await audit.check(browser);
  });

  it('asks per unknown class of an import file to create it or map it, and refuses to start without an answer', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Leerlingen importeren' }).click();
    await waitForPage(page, 'Leerlingen importeren');
    const csv = 'Leerlingnummer;Roepnaam;Achternaam;Groep\n9101;Lieke;Brouwer;Groep 8\n9102;Noah;Visser;Groep 5b\n';
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('heading', { name: `Klassen die nog niet bestaan in ${year}` }).waitFor();
    const createChoice = page.getByLabel('Klas „Groep 8” (1 leerling in het bestand)');
    const mapChoice = page.getByLabel('Klas „Groep 5b” (1 leerling in het bestand)');
    expect(await createChoice.inputValue()).toBe('');
    // The school's other pupils are listed as not in the file, for information.
    await page.getByRole('heading', { name: /leerlingen van de school staan niet in het bestand$/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Leerlingen die niet in het bestand staan' }).getByRole('rowheader', { name: pupil.firstName, exact: true }).count()).toBe(1);
    await audit.check(browser);

    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Kies eerst bij elke klas die nog niet bestaat wat ermee gebeurt. Er is nog niets geïmporteerd.').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Klas „Groep 5b” (1 leerling in het bestand): Kies of Groeiwijzer deze klas aanmaakt of bij welke bestaande klas hij hoort.',
      'Klas „Groep 8” (1 leerling in het bestand): Kies of Groeiwijzer deze klas aanmaakt of bij welke bestaande klas hij hoort.',
    ]);
    const arrived = () => server.db.kysely.selectFrom('pupils').select('pupil_number').where('pupil_number', 'in', ['9101', '9102']).execute();
    expect(await arrived()).toEqual([]);
    await audit.check(browser);

    await createChoice.selectOption({ label: 'Nieuwe klas „Groep 8” aanmaken' });
    await mapChoice.selectOption({ label: 'Hoort bij de bestaande klas Groep 5' });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('region', { name: 'Import klaar' }).waitFor();
    const placed = await server.db.kysely
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.pupil_number', 'classes.name'])
      .where('pupils.pupil_number', 'in', ['9101', '9102'])
      .orderBy('pupils.pupil_number')
      .execute();
    expect(placed.map((row) => `${row.pupil_number} ${row.name}`)).toEqual(['9101 Groep 8', '9102 Groep 5']);
    const classNames = await server.db.kysely.selectFrom('classes').select('name').where('school_id', '=', schoolId).where('school_year', '=', year).orderBy('name').execute();
    expect(classNames.map((row) => row.name)).toEqual(['Groep 3', 'Groep 5', 'Groep 7', 'Groep 8']);
    await audit.check(browser);
  });

  it('links a teacher to a class on the class page, and unlinks them', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/klassen`);
    await waitForPage(page, 'Klassen');
    const groep3 = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Groep 3', exact: true }) });
    await groep3.getByText('Nog geen leerkracht').waitFor();
    await audit.check(browser);

    await page.getByRole('button', { name: 'Leerkrachten van Groep 3' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leerkrachten van Groep 3' });
    await dialog.getByText('Deze klas heeft nog geen leerkracht.').waitFor();
    await audit.check(browser);
    await dialog.getByLabel('Leerkracht toevoegen').selectOption({ label: 'Sanne Verbeek' });
    await dialog.getByRole('button', { name: 'Koppelen' }).click();
    await dialog.getByRole('status').getByText('Sanne Verbeek is gekoppeld aan Groep 3.').waitFor();
    await dialog.getByRole('button', { name: 'Sanne Verbeek ontkoppelen van Groep 3' }).waitFor();
    await audit.check(browser);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await groep3.getByText('Sanne Verbeek').waitFor();
    const teachersOfGroep3 = () =>
      server.db.kysely
        .selectFrom('class_teachers')
        .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
        .innerJoin('users', 'users.id', 'class_teachers.user_id')
        .select('users.name')
        .where('classes.school_id', '=', schoolId)
        .where('classes.school_year', '=', year)
        .where('classes.name', '=', 'Groep 3')
        .execute();
    expect(await teachersOfGroep3()).toEqual([{ name: 'Sanne Verbeek' }]);

    await page.getByRole('button', { name: 'Leerkrachten van Groep 3' }).click();
    await dialog.getByRole('button', { name: 'Sanne Verbeek ontkoppelen van Groep 3' }).click();
    await dialog.getByRole('status').getByText('Sanne Verbeek is ontkoppeld van Groep 3.').waitFor();
    expect(await teachersOfGroep3()).toEqual([]);
    await audit.check(browser);
  });

  it('finds no accessibility or console problems in any state', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
