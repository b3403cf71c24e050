import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/shared/demo-accounts';
import { HELP_TOPIC_IDS } from '../../src/web/pages/help/help-content';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const PHONE = { width: 390, height: 844 };
const OWN_TEXT = 'Onze school gebruikt Groeiwijzer voor het welzijn van de leerlingen.\n\nVragen? Mail <b>privacy@vlinderboom.test</b>.';

// Issue 12: help per main area and the school's own privacy statement. Help is reached from a page through
// "Hulp bij deze pagina"; the school admin adapts the statement, a teacher reads it, and the admin puts the
// default back after a confirmation. Every page is checked with axe and at 390 px for sideways scrolling.
describe('help pages and the privacy statement in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let schoolId = '';
  let adminName = '';
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    const db = server.db.kysely;
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    adminName = (await db.selectFrom('users').select('name').where('email', '=', DEMO_EMAILS.schoolAdmin).executeTakeFirstOrThrow()).name;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page's width against the screen's: equal when nothing scrolls sideways. */
  const widths = () =>
    browser.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
  const expectNoSidewaysScroll = async () => {
    const { scroll, client } = await widths();
    expect(scroll, `${browser.page.url()} is ${scroll} px wide on a ${client} px screen`).toBeLessThanOrEqual(client);
  };
  const statement = () => browser.page.getByRole('article', { name: 'Privacyverklaring' });

  it('opens the help of the current area from a page, and every topic from the overview', async () => {
    const { page } = browser;
    await signIn(page, server.baseUrl, DEMO_EMAILS.schoolAdmin, DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/leerlingen`);
    await waitForPage(page, 'Leerlingen');
    await page.getByRole('banner').getByRole('link', { name: 'Hulp bij deze pagina' }).click();
    await waitForPage(page, 'Leerlingen en import');
    expect(new URL(page.url()).pathname).toBe('/hulp/leerlingen');
    expect(await page.getByRole('heading', { level: 2, name: 'Importeren' }).isVisible()).toBe(true);
    await audit.check(browser);

    await page.getByRole('link', { name: 'Alle hulponderwerpen' }).click();
    await waitForPage(page, 'Hulp');
    const topics = page.getByRole('main').getByRole('list').first().getByRole('link');
    expect(await topics.count()).toBe(HELP_TOPIC_IDS.length);
    await audit.check(browser);
    // The privacy topic links to the school's own statement.
    await page.getByRole('link', { name: 'Privacy en veiligheid' }).click();
    await waitForPage(page, 'Privacy en veiligheid');
    expect(await page.getByRole('link', { name: `Privacyverklaring van ${SCHOOL}` }).isVisible()).toBe(true);
    await audit.check(browser);
  });

  it('shows every help page and the privacy statement on a 390 px phone without sideways scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize(PHONE);
    try {
      for (const path of ['/hulp', ...HELP_TOPIC_IDS.map((topic) => `/hulp/${topic}`), `/scholen/${schoolId}/privacy`]) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForFunction(() => document.querySelector('.app-loading, p.notice[role="status"]:not(.notice-success)') === null);
        expect(await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).count(), path).toBe(0);
        await expectNoSidewaysScroll();
      }
      await audit.check(browser);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('lets the school admin adapt the statement, starting from the default text', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring van deze school' }).click();
    await waitForPage(page, 'Privacyverklaring');
    expect(await page.getByText('Dit is de standaardtekst van Groeiwijzer.').isVisible()).toBe(true);
    expect(await statement().getByRole('heading', { level: 2, name: 'Wie ziet wat?' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Terug naar de standaardtekst' }).count()).toBe(0);
    await audit.check(browser);

    await page.getByRole('button', { name: 'Tekst aanpassen' }).click();
    const field = page.getByLabel('Tekst van de privacyverklaring');
    expect(await field.inputValue()).toContain('Waarvoor gebruikt de school Groeiwijzer?\n\n');
    // An empty text is refused on the page, with the error summary.
    await field.fill('   ');
    await page.getByRole('button', { name: 'Privacyverklaring opslaan' }).click();
    expect(await page.getByRole('alert').first().textContent()).toContain('De tekst is nog niet goed.');
    await audit.check(browser);
    await field.fill(OWN_TEXT);
    await page.getByRole('button', { name: 'Privacyverklaring opslaan' }).click();
    await page.getByText('De privacyverklaring van de school is opgeslagen.').waitFor();
    // Stored as typed, shown as text in two paragraphs: the markup is not made into an element.
    expect(await statement().locator('p').allTextContents()).toEqual(['Onze school gebruikt Groeiwijzer voor het welzijn van de leerlingen.', 'Vragen? Mail <b>privacy@vlinderboom.test</b>.']);
    expect(await statement().locator('b').count()).toBe(0);
    expect(await page.getByText(`Aangepast door ${adminName} op`).isVisible()).toBe(true);
    const row = await server.db.kysely.selectFrom('privacy_statements').select('text').where('school_id', '=', schoolId).executeTakeFirstOrThrow();
    expect(row.text).toBe(OWN_TEXT);
    await audit.check(browser);
  });

  it('shows a teacher the adapted statement, without the buttons to change it', async () => {
    const teacher = await openBrowser();
    try {
      await signIn(teacher.page, server.baseUrl, DEMO_EMAILS.teacher, DEMO_PASSWORD);
      await teacher.page.goto(`${server.baseUrl}/scholen/${schoolId}`);
      await waitForPage(teacher.page, SCHOOL);
      await teacher.page.getByRole('main').getByRole('link', { name: 'Privacyverklaring' }).click();
      await waitForPage(teacher.page, 'Privacyverklaring');
      const text = await teacher.page.getByRole('article', { name: 'Privacyverklaring' }).textContent();
      expect(text).toContain('Onze school gebruikt Groeiwijzer voor het welzijn van de leerlingen.');
      expect(text).not.toContain('Waarvoor gebruikt de school Groeiwijzer?');
      expect(await teacher.page.getByRole('button', { name: 'Tekst aanpassen' }).count()).toBe(0);
      expect(await teacher.page.getByRole('button', { name: 'Terug naar de standaardtekst' }).count()).toBe(0);
      await audit.check(teacher);
    } finally {
      await teacher.close();
    }
  });

  it('puts the default back only after the school admin confirms', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Terug naar de standaardtekst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terug naar de standaardtekst?' });
    await dialog.waitFor();
    await audit.check(browser);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    expect(await server.db.kysely.selectFrom('privacy_statements').selectAll().execute()).toHaveLength(1);

    await page.getByRole('button', { name: 'Terug naar de standaardtekst' }).click();
    await dialog.getByRole('button', { name: 'Standaardtekst terugzetten' }).click();
    await page.getByText('De standaardtekst staat weer op deze pagina.').waitFor();
    expect(await page.getByText('Dit is de standaardtekst van Groeiwijzer.').isVisible()).toBe(true);
    expect(await statement().getByRole('heading', { level: 2, name: 'Wie ziet wat?' }).isVisible()).toBe(true);
    expect(await server.db.kysely.selectFrom('privacy_statements').selectAll().execute()).toEqual([]);
    const events = await server.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'privacy_statement.updated').orderBy('seq').execute();
    expect(events.map((event) => JSON.parse(event.detail ?? '{}').change)).toEqual(['adapted', 'reset_to_default']);
    await audit.check(browser);
  });

  it('answers a request about a pupil: the downloads, what erasing would do, a wrong name refused, then the erasure with its report', async () => {
    const { page } = browser;
    const db = server.db.kysely;
    const pupil = await db.selectFrom('pupils').select(['id', 'first_name', 'last_name']).where('school_id', '=', schoolId).orderBy('last_name').orderBy('first_name').executeTakeFirstOrThrow();
    const name = `${pupil.first_name} ${pupil.last_name}`;
    const checkins = async () => (await db.selectFrom('checkins').select('id').where('pupil_id', '=', pupil.id).execute()).length;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/verzoeken`);
    await waitForPage(page, 'Verzoeken over een persoon');
    await page.getByLabel('Zoek op naam').fill(name);
    await page.getByRole('button', { name: `Kies ${name}` }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    expect(await page.getByRole('link', { name: 'Inzage als PDF' }).getAttribute('href')).toBe(`/api/schools/${schoolId}/subject-exports/pupils/${pupil.id}.pdf?lang=nl`);
    await audit.check(browser);

    await page.getByRole('button', { name: 'Bekijk wat verwijderen doet' }).click();
    await page.getByRole('table', { name: 'Wat verwijderen zou doen' }).waitFor();
    const before = await checkins();
    await audit.check(browser);
    await page.getByLabel('Naam ter bevestiging').fill('Iemand anders');
    await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await page.getByText('De naam klopt niet: typ de naam zoals hierboven.').first().waitFor();
    expect(await checkins()).toBe(before);
    // The server refused the name (400): the browser logs that refused request.
    await audit.check(browser, [400]);

    await page.getByLabel('Naam ter bevestiging').fill(name);
    await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await page.getByRole('table', { name: 'Wat er is verwijderd en wat blijft' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Verwijderd op');
    expect(await checkins()).toBe(0);
    expect(await db.selectFrom('audit_events').select('id').where('action', '=', 'privacy.subject_erased').where('target_id', '=', pupil.id).execute()).toHaveLength(1);
    await audit.check(browser);
  });

  it('found no accessibility problem and no console error on the way', () => {
    expect(audit.problems).toEqual([]);
  });
});
