import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageAudit, createSignedInBrowsers, demoClass, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';

// Issue 17, done-when 1 (onboarding), on the bare demo's De Vlinderboom (SQLite): the school leader appoints the TSO
// lead as chef-buddy of the Hoofdgebouw and publishes the default guide; the chef-buddy pairs a new colleague (the
// demo teacher) with a buddy (the care team's member); the newcomer ticks every item of week 1 and confirms a guide
// section; the buddy records a held conversation with a note; the leader sees the pair's progress without the note.
// axe finds nothing on any page visited.
describe('onboarding per location, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  const NOTE = 'Sanne wil de overdracht van groep 5 samen voorbereiden.';

  beforeAll(async () => {
    server = await startDemoServer();
    schoolId = (await demoClass(server, SCHOOL, 'Groep 5')).schoolId;
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  const openOnboarding = async (page: Page) => {
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/team/inwerken`);
    await waitForPage(page, 'Inwerken');
  };
  const saved = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('lets the school leader appoint a chef-buddy and publish the guide', async () => {
    const leader = await browsers.signedIn('directie@voorbeeld.test');
    const { page } = leader;
    await openOnboarding(page);
    await page.getByRole('heading', { level: 2, name: 'Instellingen van het inwerken' }).waitFor();
    await page.getByLabel('Chef-buddy van Hoofdgebouw').selectOption({ label: 'Fatima El Idrissi' });
    await page.locator('form', { has: page.getByLabel('Chef-buddy van Hoofdgebouw') }).getByRole('button', { name: 'Opslaan' }).click();
    await saved(page, 'De chef-buddy van Hoofdgebouw is opgeslagen.');
    await page.getByRole('button', { name: 'Concept publiceren als nieuwe versie' }).click();
    await saved(page, 'De nieuwe versie van het inwerkboek is gepubliceerd.');
    await page.getByText(/^Versie 1, van /).waitFor();
    await audit.check(leader);
  });

  it('lets the chef-buddy pair a new colleague with a buddy', async () => {
    const chefBuddy = await browsers.signedIn('kartrekker@voorbeeld.test');
    const { page } = chefBuddy;
    await openOnboarding(page);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nieuwe collega koppelen aan een buddy' }) });
    // Nothing chosen: a clear message at the fields, nothing stored.
    await form.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByText('Kies de nieuwe collega.').first().waitFor();
    await form.getByLabel('Nieuwe collega').selectOption({ label: 'Sanne Verbeek' });
    await form.getByLabel('Buddy').selectOption({ label: 'Joost van Dam' });
    await form.getByRole('button', { name: 'Koppelen' }).click();
    await saved(page, 'Sanne Verbeek heeft nu Joost van Dam als buddy.');
    await page.getByRole('row', { name: /Sanne Verbeek/ }).waitFor();
    await audit.check(chefBuddy);
  });

  it('lets the newcomer work through week 1 of the ramp and confirm a guide section', async () => {
    const newcomer = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = newcomer;
    await openOnboarding(page);
    const ramp = page.getByRole('region', { name: 'Mijn inwerkschema, met buddy Joost van Dam' });
    await ramp.waitFor();
    const weekOne = ramp.getByRole('group', { name: 'Week 1: kennismaken' });
    const boxes = weekOne.getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      await boxes.nth(index).click();
      await page.waitForFunction(
        ([name, position]) => {
          const group = [...document.querySelectorAll('fieldset')].find((fieldset) => fieldset.querySelector('legend')?.textContent === name);
          return (group?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[position]?.checked ?? false) === true;
        },
        ['Week 1: kennismaken', index] as const,
      );
    }
    expect(await boxes.evaluateAll((inputs) => inputs.every((input) => (input as HTMLInputElement).checked))).toBe(true);
    await audit.check(newcomer);

    await page.getByRole('button', { name: 'Ik heb “Wie is wie” gelezen' }).click();
    await saved(page, 'Je hebt bevestigd dat je “Wie is wie” hebt gelezen.');
    await page.getByText(/1 van \d+ hoofdstukken gelezen/).waitFor();
    await audit.check(newcomer);
  });

  it('lets the buddy record a conversation, whose note the school leader does not see', async () => {
    const buddy = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = buddy;
    await openOnboarding(page);
    const section = page.getByRole('region', { name: 'Je bent buddy van Sanne Verbeek' });
    await section.waitFor();
    const today = await section.getByLabel('Gepland op').inputValue();
    await section.getByLabel('Gehouden op (leeg als het nog moet gebeuren)').fill(today);
    await section.getByLabel('Vertrekpunt van het gesprek').selectOption({ label: 'Ontdekken' });
    await section.getByLabel('Korte notitie').fill(NOTE);
    await section.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await saved(page, 'Het gesprek is opgeslagen.');
    await section.getByText(NOTE).waitFor();
    await audit.check(buddy);

    const leader = await browsers.signedIn('directie@voorbeeld.test');
    await openOnboarding(leader.page);
    const row = leader.page.getByRole('row', { name: /Sanne Verbeek/ });
    await row.getByText('1 gehouden, 1 gepland').waitFor();
    expect(await leader.page.getByText(NOTE).count()).toBe(0);
    await audit.check(leader);

    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
