import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import { MIN_GROUP_SIZE_FLOOR } from '../../src/shared/anonymity';
import { type BrowserSession, createPageAudit, createSignedInBrowsers, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';

// Issue 17, done-when 1 (the pulse part) on the demo (SQLite): the school leader plans a wellbeing pulse; three staff
// answer it; while it runs, and with fewer than k answers, leadership sees no figure at all; with the smallest k a
// board may set (3), closing the pulse after the third answer shows the figures. A teacher writes a journal entry and
// reads it back. axe finds nothing on any page visited.
describe('the wellbeing pulse and the reflection journal, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  let leader: BrowserSession;

  beforeAll(async () => {
    server = await startDemoServer();
    const school = await server.db.kysely.selectFrom('schools').select(['id', 'board_id']).where('name', '=', SCHOOL).executeTakeFirstOrThrow();
    schoolId = school.id;
    await server.db.kysely.updateTable('boards').set({ min_group_size: MIN_GROUP_SIZE_FLOOR }).where('id', '=', school.board_id).execute();
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  const pulsePage = async (page: Page) => {
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/team/welzijn`);
    await waitForPage(page, 'Welzijn van het team');
  };
  const noFigures = async (page: Page) => {
    await page.getByText('Er is nog geen afgesloten peiling.', { exact: false }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  };

  it('lets the school leader plan a pulse in the suggested rhythm', async () => {
    leader = await browsers.signedIn(DEMO_EMAILS.leadership);
    const { page } = leader;
    await pulsePage(page);
    await page.getByRole('heading', { level: 2, name: 'Waar vind je hulp?' }).waitFor();
    await audit.check(leader);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Peiling plannen' }) });
    await form.getByRole('button', { name: 'Peiling plannen' }).click();
    await page.getByText('is gepland.', { exact: false }).waitFor();
    await page.getByText('Deze peiling staat open tot en met', { exact: false }).waitFor();
    await noFigures(page);
    await audit.check(leader);
  });

  it('takes three colleagues’ answers, and shows leadership nothing while the pulse runs', async () => {
    const answers: [string, string][] = [
      [DEMO_EMAILS.teacher, 'Mee eens'],
      [DEMO_EMAILS.careTeam, 'Neutraal'],
      [DEMO_EMAILS.tsoLead, 'Helemaal mee eens'],
    ];
    for (const [index, [email, answer]] of answers.entries()) {
      const colleague = await browsers.signedIn(email);
      const { page } = colleague;
      await pulsePage(page);
      await audit.check(colleague);
      await page.getByRole('group', { name: 'Ik begin de meeste werkdagen met genoeg energie.' }).getByRole('radio', { name: answer, exact: true }).check();
      await page.getByRole('group', { name: 'Ik voel me gesteund door mijn team.' }).getByRole('radio', { name: 'Mee eens', exact: true }).check();
      // The other questions are skipped.
      await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
      await page.getByText('Je hebt deze peiling ingevuld, dank je wel.', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Antwoorden versturen' }).count()).toBe(0);
      await audit.check(colleague);
      // Below k, and while the pulse runs, the leader sees no figure at all.
      if (index < answers.length - 1) {
        await pulsePage(leader.page);
        await noFigures(leader.page);
      }
    }
    await pulsePage(leader.page);
    await noFigures(leader.page);
  });

  it('shows the figures once the leader closes the pulse with k answers in', async () => {
    const { page } = leader;
    await page.getByRole('button', { name: 'Nu afsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Peiling nu afsluiten?' });
    await dialog.waitFor();
    await audit.check(leader);
    await dialog.getByRole('button', { name: 'Afsluiten' }).click();
    await page.getByText('De peiling is afgesloten.', { exact: false }).waitFor();
    const table = page.getByRole('table', { name: 'Uitkomsten per peiling' });
    await table.waitFor();
    const row = table.getByRole('row').nth(1);
    // Three answered; energy: 4, 3 and 5 → mean 4, two of three favourable; the skipped questions' scales stay hidden.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('4 · 67% gunstig');
    expect(cells).toContain('verborgen');
    await audit.check(leader);
  });

  it('keeps a journal entry the teacher writes and reads back', async () => {
    const teacher = await browsers.signedIn(DEMO_EMAILS.teacher);
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/team/reflectie`);
    await waitForPage(page, 'Mijn reflectie');
    await page.getByText('Je hebt nog niets opgeschreven.').waitFor();
    await audit.check(teacher);
    await page.getByLabel('Vraag om mee te beginnen').selectOption('calm-need');
    await page.getByText('Wat heb ik vandaag nodig om rustig voor de klas te staan?', { exact: true }).waitFor();
    await page.getByLabel('Wat wil je opschrijven?').fill('Een rustige start: eerst thee, dan de kring.');
    await page.getByRole('button', { name: 'Opslaan in mijn reflectie' }).click();
    await page.getByText('Opgeslagen in je reflectie.').waitFor();
    const entries = page.getByRole('region', { name: 'Mijn stukjes' });
    await entries.getByText('Een rustige start: eerst thee, dan de kring.').waitFor();
    await audit.check(teacher);
    await page.reload();
    await page.getByRole('region', { name: 'Mijn stukjes' }).getByText('Een rustige start: eerst thee, dan de kring.').waitFor();
    await audit.check(teacher);
  });

  it('found no accessibility problems or console errors on any page', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
