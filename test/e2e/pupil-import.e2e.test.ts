import { fileURLToPath } from 'node:url';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
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
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/pupil-imports/${name}`, import.meta.url));

describe('pupil import wizard in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let schoolId = '';
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    schoolId = (await server.db.kysely.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    await signIn(browser.page, server.baseUrl, 'beheer@voorbeeld.test', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every bad row of a file with errors and imports only the valid rows when asked to', async () => {
    const { page } = browser;
    await openImportPage(page);
    await audit.check(browser);
    const pupilsBefore = await pupilNumbers();
    const sent = recordImportRequests(page);

    await page.getByLabel('CSV-bestand').setInputFiles(fixture('with-errors.csv'));
    await page.getByText('10 rijen, 3 met fouten', { exact: true }).waitFor();
    await waitForPage(page, 'Leerlingen importeren');
    // The columns were recognised from the header.
    expect(await page.getByLabel('Leerlingnummer', { exact: true }).inputValue()).toBe('Leerlingnummer');
    expect(await page.getByLabel('Roepnaam', { exact: true }).inputValue()).toBe('Roepnaam');
    expect(await page.getByLabel('Achternaam', { exact: true }).inputValue()).toBe('Achternaam');
    expect(await page.getByLabel('Geboortedatum (niet verplicht)').inputValue()).toBe('Geboortedatum');

    const report = page.getByRole('region', { name: 'Foutenrapport: elk probleem per regel' }).getByRole('table');
    const problems = await report.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
    expect(problems).toEqual([
      ['4', 'Leerlingnummer', 'Niet ingevuld'],
      ['5', 'Geboortedatum', 'Geen geldige datum (gebruik bijvoorbeeld 31-12-2015)'],
      ['8', 'Leerlingnummer', 'Dit leerlingnummer staat vaker in het bestand'],
    ]);

    const importButton = page.getByRole('button', { name: 'Importeren', exact: true });
    const onlyValid = page.getByLabel('Alleen de geldige rijen importeren');
    expect(await importButton.isDisabled()).toBe(true);
    expect(await onlyValid.isChecked()).toBe(false);
    await audit.check(browser);

    await onlyValid.check();
    expect(await importButton.isEnabled()).toBe(true);
    await audit.check(browser);
    // Unticking blocks the import again: nothing from a file with errors goes in by accident.
    await onlyValid.uncheck();
    expect(await importButton.isDisabled()).toBe(true);
    await onlyValid.check();

    // Groep 6 is not a class of the demo school: the wizard asks about it and starts nothing without an answer.
    const groep6 = page.getByLabel('Klas „Groep 6” (4 leerlingen in het bestand)');
    expect(await groep6.inputValue()).toBe('');
    await importButton.click();
    await page.locator('.error-summary').getByText('Kies eerst bij elke klas die nog niet bestaat wat ermee gebeurt. Er is nog niets geïmporteerd.').waitFor();
    expect(sent.batches).toEqual([]);
    await audit.check(browser);
    await groep6.selectOption({ label: 'Nieuwe klas „Groep 6” aanmaken' });

    await importButton.click();
    const result = page.getByRole('region', { name: 'Import klaar' });
    await result.waitFor();
    expect(await resultCounts(page)).toEqual({ Nieuw: '7', Bijgewerkt: '0', Ongewijzigd: '0' });
    const progress = page.getByRole('progressbar', { name: 'Voortgang van de import' });
    expect(await progress.evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([7, 7]);
    await audit.check(browser);
    // The file went up once; the batch named the staged import and where to go on, and carried no file.
    sent.stop();
    expect(sent.uploads).toHaveLength(1);
    expect(sent.uploads[0]).toHaveProperty('csv');
    expect(sent.batches).toEqual([{ schoolYear: expect.any(String), classChoices: [{ name: 'Groep 6', action: 'create' }], onlyValidRows: true, offset: 0, limit: 200 }]);

    // Exactly the valid rows arrived: the first 5002 stays, its duplicate on line 8 does not.
    const arrived = (await pupilRows()).filter((row) => !pupilsBefore.includes(row.pupil_number));
    expect(arrived.map((row) => [row.pupil_number, row.first_name])).toEqual([
      ['5001', 'Tess'],
      ['5002', 'Olivier'],
      ['5005', 'Saar'],
      ['5006', 'Mats'],
      ['5008', 'Julia'],
      ['5009', 'Stijn'],
      ['5010', 'Lina'],
    ]);
    const olivier = await server.db.kysely
      .selectFrom('pupils')
      .select(['first_name', 'last_name', 'birth_date'])
      .where('school_id', '=', schoolId)
      .where('pupil_number', '=', '5002')
      .executeTakeFirstOrThrow();
    expect(olivier).toEqual({ first_name: 'Olivier', last_name: 'de Bruijn', birth_date: '2016-09-03' });
    // The new pupils sit in their groups of the chosen school year; Groep 6 did not exist and was made, as asked.
    const placed = await server.db.kysely
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.pupil_number', 'classes.name'])
      .where('pupils.pupil_number', 'in', arrived.map((row) => row.pupil_number))
      .orderBy('pupils.pupil_number')
      .execute();
    expect(placed.map((row) => `${row.pupil_number} ${row.name}`)).toEqual([
      '5001 Groep 5',
      '5002 Groep 5',
      '5005 Groep 6',
      '5006 Groep 6',
      '5008 Groep 6',
      '5009 Groep 6',
      '5010 Groep 5',
    ]);
  });

  it('imports a ParnasSys export, and importing the same file again changes nothing', async () => {
    const { page } = browser;
    await openImportPage(page);
    await page.getByLabel('CSV-bestand').setInputFiles(fixture('parnassys.csv'));
    await page.getByText('8 rijen, 0 met fouten', { exact: true }).waitFor();
    await waitForPage(page, 'Leerlingen importeren');
    expect(await page.getByRole('region', { name: 'Foutenrapport: elk probleem per regel' }).count()).toBe(0);
    expect(await page.getByLabel('Alleen de geldige rijen importeren').count()).toBe(0);
    // Groep 6 was made by the import above; Groep 4 is still unknown.
    await page.getByLabel('Klas „Groep 4” (3 leerlingen in het bestand)').selectOption({ label: 'Nieuwe klas „Groep 4” aanmaken' });
    expect(await page.getByLabel(/^Klas „Groep 6”/).count()).toBe(0);
    await audit.check(browser);

    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('region', { name: 'Import klaar' }).waitFor();
    expect(await resultCounts(page)).toEqual({ Nieuw: '8', Bijgewerkt: '0', Ongewijzigd: '0' });
    await audit.check(browser);
    const afterFirst = await pupilRows();
    expect(afterFirst.filter((row) => row.pupil_number.startsWith('200'))).toHaveLength(8);

    // The pupils page lists them in their groups.
    await page.getByRole('link', { name: 'Naar de leerlingen' }).click();
    await waitForPage(page, 'Leerlingen');
    const table = page.getByRole('region', { name: /^Leerlingen in / }).getByRole('table');
    const fenna = table.getByRole('row').filter({ has: page.getByRole('cell', { name: '2001', exact: true }) });
    // The last cell holds the school admin's buttons for the pupil (change, other class, left).
    expect(await fenna.locator('th, td').allTextContents()).toEqual(['2001', 'Fenna', 'de Wit', expect.any(String), 'Groep 4', 'WijzigenAndere klasVertrokken']);

    await page.getByRole('link', { name: 'Leerlingen importeren' }).click();
    await waitForPage(page, 'Leerlingen importeren');
    await page.getByLabel('CSV-bestand').setInputFiles(fixture('parnassys.csv'));
    await page.getByText('8 rijen, 0 met fouten', { exact: true }).waitFor();
    // Every class of the file exists now: nothing to ask.
    await page.getByRole('heading', { name: /niet in het bestand$/ }).waitFor();
    expect(await page.getByRole('heading', { name: /^Klassen die nog niet bestaan/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('region', { name: 'Import klaar' }).waitFor();
    expect(await resultCounts(page)).toEqual({ Nieuw: '0', Bijgewerkt: '0', Ongewijzigd: '8' });
    expect(await pupilRows()).toEqual(afterFirst);
    await audit.check(browser);
  });

  it('finds no accessibility or console problems in any step', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });

  async function openImportPage(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/leerlingen`);
    await waitForPage(page, 'Leerlingen');
    await page.getByRole('link', { name: 'Leerlingen importeren' }).click();
    await waitForPage(page, 'Leerlingen importeren');
  }

  async function pupilNumbers(): Promise<string[]> {
    return (await pupilRows()).map((row) => row.pupil_number);
  }

  async function pupilRows() {
    return server.db.kysely
      .selectFrom('pupils')
      .select(['pupil_number', 'first_name', 'last_name', 'birth_date', 'updated_at'])
      .where('school_id', '=', schoolId)
      .orderBy('pupil_number')
      .execute();
  }
});

// The JSON bodies the page sends to the upload and to the batches, until stopped.
function recordImportRequests(page: Page) {
  const uploads: unknown[] = [];
  const batches: unknown[] = [];
  const listener = (request: Request) => {
    if (request.method() !== 'POST') return;
    const path = new URL(request.url()).pathname;
    if (/\/pupil-imports$/.test(path)) uploads.push(request.postDataJSON());
    if (/\/pupil-imports\/[^/]+\/batches$/.test(path)) batches.push(request.postDataJSON());
  };
  page.on('request', listener);
  return { uploads, batches, stop: () => page.off('request', listener) };
}

// The result's facts as { term: value }.
async function resultCounts(page: Page): Promise<Record<string, string>> {
  return page
    .getByRole('region', { name: 'Import klaar' })
    .locator('dl')
    .evaluate((list) => Object.fromEntries([...list.querySelectorAll('div')].map((pair) => [pair.querySelector('dt')?.textContent ?? '', pair.querySelector('dd')?.textContent ?? ''])));
}
