import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageAudit, createSignedInBrowsers, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const NOTE = 'Na de ruzie op het plein samen afspraken gemaakt; het ging daarna beter.';

// Issue 15, the class's Groep page: a teacher opens it through the menu, rates the class climate with a note, sets the
// group phase and sees both histories; axe finds nothing on the way.
describe("a class's Groep page, in the browser", () => {
  let server: RunningServer;
  let schoolId = '';
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);

  beforeAll(async () => {
    server = await startDemoServer();
    schoolId = (await server.db.kysely.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  it('the teacher rates the climate with a note, sets the group phase and sees the history', async () => {
    const teacher = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Groep', exact: true }).click();
    await waitForPage(page, 'Groep');
    // A teacher sees only the classes they teach.
    expect(await page.getByRole('region', { name: 'Kies een klas' }).getByRole('listitem').allTextContents()).toEqual(['Groep 5']);
    await audit.check(teacher);
    await page.getByRole('link', { name: 'Groep 5', exact: true }).click();
    await waitForPage(page, 'Groep 5: de groep');
    expect(await page.getByText('Nog geen groepsfase gekozen.', { exact: false }).count()).toBe(1);
    expect(await page.getByText('Nog geen inschattingen dit schooljaar.').count()).toBe(1);
    await audit.check(teacher);

    // Saving without a step is refused in the page, with the error tied to the group of radio buttons.
    await page.getByRole('button', { name: 'Inschatting opslaan' }).click();
    await page.getByRole('alert').getByText('Kies een van de vier stappen.').waitFor();
    await audit.check(teacher);

    await page.getByLabel('3 – Meestal goed: af en toe een incident').check();
    await page.getByLabel('Notitie (mag leeg blijven)').fill(NOTE);
    await page.getByRole('button', { name: 'Inschatting opslaan' }).click();
    await page.getByText('Je inschatting is opgeslagen.').waitFor();
    await page.getByLabel('2 – Wisselend: vaak moeizaam, met goede momenten').check();
    await page.getByRole('button', { name: 'Inschatting opslaan' }).click();
    await page.getByRole('region', { name: /^Inschattingen van het klassenklimaat in / }).getByRole('row').nth(2).waitFor();
    const climate = page.getByRole('region', { name: /^Inschattingen van het klassenklimaat in / });
    const rows = await climate.getByRole('row').allTextContents();
    // Newest first, both by the teacher, the note in full; from two ratings on the line is drawn too.
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('2 – Wisselend');
    expect(rows[2]).toContain('3 – Meestal goed');
    expect(rows[2]).toContain(NOTE);
    expect(rows[2]).toContain('Sanne Verbeek');
    expect(await page.getByRole('img', { name: /^Klassenklimaat door het jaar/ }).count()).toBe(1);
    await audit.check(teacher);

    await page.getByLabel('Norming: afspraken maken').check();
    await page.getByRole('button', { name: 'Groepsfase opslaan' }).click();
    await page.getByText('De groepsfase is opgeslagen.').waitFor();
    const phase = page.getByRole('region', { name: 'Groepsfase', exact: true });
    await phase.getByRole('heading', { level: 3, name: 'Norming: afspraken maken' }).first().waitFor();
    expect(await phase.getByText('Welke afspraak maakt onze klas een fijne plek?').count()).toBeGreaterThan(0);
    const phases = await page.getByRole('region', { name: 'Groepsfasen van dit schooljaar' }).getByRole('row').allTextContents();
    expect(phases).toHaveLength(2);
    expect(phases[1]).toContain('Norming: afspraken maken');
    await audit.check(teacher);

    // Undo the last rating: only the first one stays.
    await climate.getByRole('button', { name: /^Inschatting van .* ongedaan maken$/ }).first().click();
    await page.getByText(/^Je inschatting van .* is ongedaan gemaakt\.$/).waitFor();
    await expect.poll(() => climate.getByRole('row').count()).toBe(2);
    await audit.check(teacher);
    expect(audit.problems).toEqual([]);
  });
});
