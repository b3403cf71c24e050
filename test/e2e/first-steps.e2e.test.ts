import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, startServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'SO De Wilgenhoek';
const ADMIN = 'Ilse Hendriks';

// Issue 12, first steps: a new school (kind "speciaal onderwijs (SO)") set up on the first-run page sees its
// getting-started checklist on the home page; its admin imports the team from a staff CSV (a preview with an
// error per row first, nothing written; then a clean file, confirmed), edits a start date, and the checklist follows.
describe('the first steps of a new school in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const checklist = () => browser.page.getByRole('region', { name: `Aan de slag met ${SCHOOL}` });
  const stepTexts = async () => (await checklist().getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());

  it('sets up an SO school and shows its checklist, every step still to do, each linked to its page', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, 'Welkom bij Groeiwijzer');
    await page.getByLabel('Naam van het bestuur').fill('Stichting Wilgen');
    await page.getByLabel('Naam van de school').fill(SCHOOL);
    await page.getByLabel('Soort school').selectOption({ label: 'Speciaal onderwijs (SO)' });
    await page.getByLabel('Je naam').fill(ADMIN);
    await page.getByLabel('E-mailadres').fill('ilse@wilgen.test');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Groeiwijzer inrichten' }).click();
    await waitForPage(page, `Welkom, ${ADMIN}`);
    expect(await server.db.kysely.selectFrom('schools').select('kind').executeTakeFirstOrThrow()).toEqual({ kind: 'special' });

    await checklist().waitFor();
    expect(await checklist().getByText('0 van de 5 eerste stappen gedaan.').isVisible()).toBe(true);
    const steps = await stepTexts();
    expect(steps).toHaveLength(5);
    for (const step of steps) expect(step).toMatch(/— nog te doen/);
    const links = checklist().getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Voeg de locaties (gebouwen) van de school toe',
      'Maak de groepen of klassen van dit schooljaar aan',
      'Nodig je team uit',
      'Importeer de leerlingen uit je leerlingadministratie',
      // The school admin does not plan the self-scan: that step is named, not linked.
    ]);
    expect(steps[4]).toContain('nog te doen, door de kartrekker of de directie');
    // Nothing is done yet, so there is nothing to hide.
    expect(await checklist().getByRole('button', { name: 'Lijst verbergen' }).count()).toBe(0);
    await audit.check(browser);
  });

  it('imports the team from a staff CSV: errors per row first and nothing written, then a clean file confirmed', async () => {
    const { page } = browser;
    await checklist().getByRole('link', { name: 'Nodig je team uit' }).click();
    await waitForPage(page, 'Personeel');
    await page.getByRole('link', { name: 'Personeel importeren' }).click();
    await waitForPage(page, 'Personeel importeren');
    await audit.check(browser);

    const broken = ['Naam,E-mailadres,Rollen,Startdatum', 'Joris Kok,joris@wilgen.test,Leerkracht,31-02-2015', 'Mila,geen-adres,conciërge,'].join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') });
    const check = page.getByRole('region', { name: 'Stap 2: controleren' });
    await check.waitFor();
    await page.waitForFunction(() => document.querySelector('p.notice[role="status"]:not(.notice-success)') === null);
    expect(await check.getByRole('status').textContent()).toBe('2 regels, 2 met fouten');
    const rows = check.getByRole('table', { name: 'Zo wordt het bestand gelezen' }).getByRole('row');
    expect((await rows.nth(1).textContent())?.replace(/\s+/g, ' ')).toContain('Startdatum is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)');
    const second = (await rows.nth(2).textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(second).toContain('E-mailadres is geen geldig e-mailadres');
    expect(second).toContain('Rollen bevat een rol die Groeiwijzer niet kent');
    expect(await check.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    expect(await server.db.kysely.selectFrom('staff_invitations').selectAll().execute()).toEqual([]);
    await audit.check(browser);

    // A Dutch spreadsheet's export: BOM, semicolons, dd-mm-jjjj and yyyy-mm-dd.
    const clean = ['\uFEFFNaam;E-mailadres;Rollen;Startdatum', 'Joris Kok;joris@wilgen.test;Leerkracht;01-08-2015', 'Mila de Boer;mila@wilgen.test;Leerkracht / Kartrekker;2026-08-24'].join('\r\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(clean, 'utf8') });
    await check.getByRole('status').filter({ hasText: '2 regels, 0 met fouten' }).waitFor();
    expect(await check.getByRole('cell', { name: 'Wordt uitgenodigd' }).count()).toBe(2);
    await audit.check(browser);
    await check.getByRole('button', { name: 'Importeren' }).click();
    const done = page.getByRole('region', { name: 'Klaar' });
    await done.waitFor();
    // No mail server in this installation: the invitations wait in the outbox, and the page says so.
    expect(await done.textContent()).toContain('2 uitnodigingen klaargezet in het postvak');
    await audit.check(browser);

    const invitations = await server.db.kysely.selectFrom('staff_invitations').select(['email', 'started_on']).orderBy('email').execute();
    expect(invitations).toEqual([
      { email: 'joris@wilgen.test', started_on: '2015-08-01' },
      { email: 'mila@wilgen.test', started_on: '2026-08-24' },
    ]);
  });

  it('edits a start date on the staff page, and the checklist counts the invited team', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Terug naar Personeel' }).click();
    await waitForPage(page, 'Personeel');
    // The open invitations load on their own, after the page's heading: wait for their table before counting.
    const invitations = page.getByRole('region', { name: 'Openstaande uitnodigingen' }).getByRole('row');
    await invitations.first().waitFor();
    expect(await invitations.count()).toBe(3);
    await page.getByRole('button', { name: `Startdatum van ${ADMIN} wijzigen` }).click();
    const dialog = page.getByRole('dialog', { name: `Startdatum van ${ADMIN}` });
    await dialog.waitFor();
    await audit.check(browser);
    await dialog.getByLabel('In dienst sinds').fill('2009-08-17');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(`De startdatum van ${ADMIN} is opgeslagen.`).waitFor();
    // The message shows at once; the list is read again after it, so wait for the row to show the new date.
    await page.getByRole('row', { name: new RegExp(ADMIN) }).filter({ hasText: '17 augustus 2009' }).waitFor({ timeout: 10_000 });
    await audit.check(browser);

    // The invite form suggests the name from the typed address (nothing looked up) and says where the mail went.
    const invite = page.getByRole('region', { name: 'Collega uitnodigen' });
    await invite.getByLabel('E-mailadres').fill('sanne.de.jong@wilgen.test');
    expect(await invite.getByLabel('Naam').inputValue()).toBe('Sanne de Jong');
    await invite.getByLabel('Leerkracht').check();
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByText('De uitnodiging voor Sanne de Jong staat in het postvak.', { exact: false }).waitFor();
    await audit.check(browser);

    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, `Welkom, ${ADMIN}`);
    await checklist().getByText('1 van de 5 eerste stappen gedaan.').waitFor();
    expect((await stepTexts())[2]).toBe('✓ Nodig je team uit — gedaan');
    await audit.check(browser);
    expect(audit.problems).toEqual([]);
  });
});
