import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedProfiles } from '../../src/server/features/team/competence-profile-catalogue';
import { createPageAudit, createSignedInBrowsers, demoClass, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const profile = loadShippedProfiles()[0]!;
const [INTERPERSONAL, ORTHOPEDAGOGICAL] = profile.competences as [(typeof profile.competences)[number], (typeof profile.competences)[number]];

// Issue 17, done-when 1 (the competence part), on the demo (SQLite): a teacher rates two competences and completes the
// self-assessment, shares it with a named colleague (the intern begeleider as buddy), who then reads it while the
// school leader does not; the teacher logs an intervision session, first refused for a pupil's full name; axe finds
// nothing on any of these pages.
describe('the competence profile and the intervision log, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let pupilName = '';
  let teacherName = '';
  let buddyName = '';
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);

  beforeAll(async () => {
    server = await startDemoServer();
    const groep5 = await demoClass(server, SCHOOL, 'Groep 5');
    schoolId = groep5.schoolId;
    pupilName = groep5.pupils[0]!.name;
    const nameOf = async (email: string) => (await server.db.kysely.selectFrom('users').select('name').where('email', '=', email).executeTakeFirstOrThrow()).name;
    teacherName = await nameOf('leerkracht@voorbeeld.test');
    buddyName = await nameOf('ib@voorbeeld.test');
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  const competencePage = async (page: Page) => {
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/team/competenties`);
    await waitForPage(page, 'Mijn competentieprofiel');
  };
  const rate = async (page: Page, competence: typeof INTERPERSONAL, step: '2' | '3') => {
    await page.locator('summary', { hasText: competence.name.nl }).click();
    const indicator = page.getByRole('group', { name: competence.indicators[0]!.text.nl });
    await indicator.getByLabel(`${step} – ${profile.steps[step].nl}`).check();
  };

  it('lets a teacher rate two competences, complete the self-assessment and share it with a colleague', async () => {
    const teacher = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = teacher;
    await competencePage(page);
    await page.getByText('Niemand heeft een profiel met je gedeeld.').waitFor();
    await audit.check(teacher);
    await page.getByRole('button', { name: 'Nieuwe zelfbeoordeling beginnen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Je zelfbeoordeling' }).waitFor();
    await rate(page, INTERPERSONAL, '3');
    await rate(page, ORTHOPEDAGOGICAL, '2');
    await page.getByLabel('Mijn doelen').fill('Rustiger starten na de pauze.');
    await audit.check(teacher);
    await page.getByRole('button', { name: 'Afronden en bewaren' }).click();
    await page.getByText('Je zelfbeoordeling is afgerond en bewaard.', { exact: false }).waitFor();
    const growth = page.getByRole('table', { name: 'Mijn gemiddelde stap per competentie' });
    // The growth table reloads after the message: wait for the new assessment's column before reading the rows.
    await growth.getByRole('row', { name: new RegExp(INTERPERSONAL.name.nl) }).getByRole('cell').first().waitFor();
    expect(await growth.getByRole('row', { name: new RegExp(INTERPERSONAL.name.nl) }).getByRole('cell').allTextContents()).toEqual(['3']);
    expect(await growth.getByRole('row', { name: new RegExp(ORTHOPEDAGOGICAL.name.nl) }).getByRole('cell').allTextContents()).toEqual(['2']);

    await page.getByLabel('Delen met').selectOption({ label: buddyName });
    await page.getByRole('button', { name: 'Profiel delen' }).click();
    await page.getByText(`Je profiel is gedeeld met ${buddyName}.`).waitFor();
    await page.getByRole('button', { name: `Intrekken: ${buddyName}` }).waitFor();
    await audit.check(teacher);
  });

  it('shows the shared profile to that colleague, read-only', async () => {
    const buddy = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = buddy;
    await competencePage(page);
    await page.getByRole('button', { name: `Profiel van ${teacherName} bekijken` }).click();
    await page.getByRole('heading', { level: 3, name: `Het profiel van ${teacherName}` }).waitFor();
    await page.getByText('Rustiger starten na de pauze.').waitFor();
    expect(await page.getByRole('button', { name: 'Afronden en bewaren' }).count()).toBe(0);
    await audit.check(buddy);
  });

  it('shows the school leader nothing of it', async () => {
    const leader = await browsers.signedIn('directie@voorbeeld.test');
    const { page } = leader;
    await competencePage(page);
    await page.getByText('Niemand heeft een profiel met je gedeeld.').waitFor();
    // The anonymous figures only: no finished period yet, so no counts.
    await page.getByText('Er is nog geen afgelopen periode met zelfbeoordelingen.').waitFor();
    expect(await page.getByRole('button', { name: new RegExp(teacherName) }).count()).toBe(0);
    const teacherId = (await server.db.kysely.selectFrom('users').select('id').where('email', '=', 'leerkracht@voorbeeld.test').executeTakeFirstOrThrow()).id;
    const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/schools/${schoolId}/team/competence/shared/${teacherId}`);
    expect(status).toBe(404);
    await audit.check(leader, [404]);
  });

  it('logs an intervision session, refusing a pupil’s full name with a clear message first', async () => {
    const teacher = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/team/intervisie`);
    await waitForPage(page, 'Intervisie en supervisie');
    await audit.check(teacher);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Bijeenkomst vastleggen' }) });
    await form.getByLabel('TSO-kernbegrip dat aan bod kwam').selectOption({ label: 'Regulatie' });
    await form.getByLabel('Thema', { exact: true }).fill(`Onrust bij ${pupilName}`);
    await form.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();
    await page.getByText('In het thema of de notitie staat de naam van een leerling.', { exact: false }).first().waitFor();
    await audit.check(teacher, [400]);
    await form.getByLabel('Thema', { exact: true }).fill('Rust na de pauze');
    await form.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();
    await page.getByText('De bijeenkomst is vastgelegd.').waitFor();
    await page.getByRole('heading', { level: 3, name: /Intervisie: Rust na de pauze$/ }).waitFor();
    await audit.check(teacher);
    expect(audit.problems).toEqual([]);
  });
});
