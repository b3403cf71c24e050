import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/server/deps';
import { PARENT_TEXTS_NL } from '../../src/shared/parent-wording';
import { type BrowserSession, createPageAudit, createSignedInBrowsers, demoClass, openBrowser, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const PHONE = { width: 360, height: 740 };
const TEXTS = PARENT_TEXTS_NL;
const PARENT = 'Amira Haddad';

// Issue 16, done-when 1, on the demo's groep 5 (SQLite): the mentor adds a parent and prints a letter with a one-time
// link; the care team sends the ACE questionnaire; on a phone-sized screen the parent opens the link, answers part of
// the ACE questionnaire and the strengths questionnaire (skipping a question, stopping halfway); opening the same link
// again fails with a clear Dutch message and a way to ask for a new one; the care team sees the parent as an
// informant in the combined ACE view while the teacher does not; a page in an added right-to-left language renders
// right to left; axe finds nothing on any parent page.
describe('parents and their parent page, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let pupil = { id: '', name: '' };
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  const phones: BrowserSession[] = [];
  let link = '';

  beforeAll(async () => {
    server = await startDemoServer();
    const groep5 = await demoClass(server, SCHOOL, 'Groep 5');
    schoolId = groep5.schoolId;
    const first = groep5.pupils[0]!;
    pupil = { id: first.id, name: first.name };
  });
  afterAll(async () => {
    for (const phone of phones.splice(0)) await phone.close();
    await browsers.closeAll();
    await server?.close();
  });

  async function onPhone(): Promise<BrowserSession> {
    const phone = await openBrowser();
    phones.push(phone);
    await phone.page.setViewportSize(PHONE);
    return phone;
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const parentsPage = (page: Page) => page.goto(`${server.baseUrl}/scholen/${schoolId}/ouders/${pupil.id}`);
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('lets the mentor add a parent and print a letter with a one-time link', async () => {
    const mentor = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = mentor;
    await parentsPage(page);
    await waitForPage(page, /^Ouders van /);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Ouder of verzorger toevoegen' }) });
    // Wrong input first: a clear message at the field, nothing stored.
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Vul een naam in van hoogstens 120 tekens.').first().waitFor();
    await form.getByLabel('Naam', { exact: true }).fill(PARENT);
    await form.getByLabel('Relatie tot het kind').fill('moeder');
    await form.getByLabel('E-mailadres').fill('geen-adres');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Vul een geldig e-mailadres in, of laat het veld leeg.').first().waitFor();
    await form.getByLabel('E-mailadres').fill('');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('heading', { level: 3, name: new RegExp(`^${PARENT}`) }).waitFor();
    await audit.check(mentor);

    await page.getByRole('button', { name: 'Brief met link maken' }).click();
    const letter = page.getByRole('region', { name: `Brief voor ${PARENT}` });
    await letter.waitFor();
    link = (await letter.locator('.break-anywhere').textContent()) ?? '';
    expect(link).toMatch(/\/ouder#link=[A-Za-z0-9_-]{43}$/);
    expect(await letter.getByRole('img', { name: 'QR-code van de link naar de ouderpagina' }).count()).toBe(1);
    await audit.check(mentor);
    // The mentor may send the strengths questionnaire, never the ACE one.
    const send = page.locator('form', { has: page.getByRole('heading', { name: 'Vragenlijst sturen' }) });
    expect(await send.getByLabel('Vragenlijst').locator('option').allTextContents()).toEqual(['Waar uw kind goed in is en wat thuis helpt']);
    await send.getByRole('button', { name: 'Vragenlijst sturen' }).click();
    await page.getByText('De vragenlijst staat klaar op de ouderpagina', { exact: false }).waitFor();
  });

  it('lets the care team send the ACE questionnaire to the same parent', async () => {
    const careTeam = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = careTeam;
    await parentsPage(page);
    await waitForPage(page, /^Ouders van /);
    const send = page.locator('form', { has: page.getByRole('heading', { name: 'Vragenlijst sturen' }) });
    await send.getByLabel('Vragenlijst').selectOption({ label: 'Wat uw kind heeft meegemaakt' });
    await send.getByRole('button', { name: 'Vragenlijst sturen' }).click();
    await page.getByText('De vragenlijst staat klaar op de ouderpagina', { exact: false }).waitFor();
    await audit.check(careTeam);
  });

  it('opens the parent page once on a phone, where the parent answers part of both questionnaires', async () => {
    const phone = await onPhone();
    const { page } = phone;
    await page.goto(link);
    await heading(page, `Welkom, ${PARENT}`);
    // The secret is out of the address at once.
    expect(page.url()).toBe(`${server.baseUrl}/ouder`);
    expect(await noSidewaysScroll(page)).toBe(true);
    await audit.check(phone);

    await page.getByRole('button', { name: /^Vragenlijsten/ }).click();
    await heading(page, TEXTS.menuQuestionnaires);
    await audit.check(phone);
    await page.getByRole('button', { name: `${TEXTS.questionnaireStart}: Wat uw kind heeft meegemaakt` }).click();
    await page.getByText('Vraag 1 van 14', { exact: false }).waitFor();
    await page.getByRole('radio', { name: 'Nee' }).check();
    await page.getByRole('button', { name: TEXTS.questionnaireNext }).click();
    await page.getByText('Vraag 2 van 14', { exact: false }).waitFor();
    await page.getByRole('button', { name: TEXTS.questionnaireSkip }).click();
    await page.getByText('Vraag 3 van 14', { exact: false }).waitFor();
    await audit.check(phone);
    expect(await noSidewaysScroll(page)).toBe(true);
    // Question 9 is the parents' separation: answered yes, then the parent stops.
    for (let question = 3; question < 9; question++) {
      await page.getByRole('button', { name: TEXTS.questionnaireSkip }).click();
      await page.getByText(`Vraag ${question + 1} van 14`, { exact: false }).waitFor();
    }
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: TEXTS.questionnaireStop }).click();
    await heading(page, `Welkom, ${PARENT}`);
    await page.getByRole('status').filter({ hasText: TEXTS.questionnaireStopped }).waitFor();

    await page.getByRole('button', { name: /^Vragenlijsten/ }).click();
    await page.getByRole('button', { name: `${TEXTS.questionnaireStart}: Waar uw kind goed in is en wat thuis helpt` }).click();
    await page.getByRole('radio', { name: 'Helemaal waar' }).check();
    await page.getByRole('button', { name: TEXTS.questionnaireNext }).click();
    await page.getByText('Vraag 2 van 15', { exact: false }).waitFor();
    await page.getByRole('button', { name: TEXTS.questionnaireStop }).click();
    await heading(page, `Welkom, ${PARENT}`);

    // Wrong input on the details form: a message at the field, then a correction that is kept.
    await page.getByRole('button', { name: TEXTS.menuDetails }).click();
    await heading(page, TEXTS.menuDetails);
    await page.getByLabel(TEXTS.detailsEmail).fill('amira@');
    await page.getByRole('button', { name: TEXTS.save }).click();
    await page.getByText(TEXTS.detailsInvalidEmail).waitFor();
    await audit.check(phone);
    await page.getByLabel(TEXTS.detailsEmail).fill('amira@voorbeeld.test');
    await page.getByRole('button', { name: TEXTS.save }).click();
    await page.getByRole('status').filter({ hasText: TEXTS.saved }).waitFor();
    for (const part of [TEXTS.menuTso, TEXTS.menuResearch, TEXTS.menuConversation]) {
      await page.getByRole('button', { name: TEXTS.back }).click();
      await heading(page, `Welkom, ${PARENT}`);
      await page.getByRole('button', { name: part }).click();
      await heading(page, part);
      expect(await noSidewaysScroll(page)).toBe(true);
      await audit.check(phone);
    }

    const answers = await server.db.kysely.selectFrom('parent_questionnaires').select(['instrument_id', 'answered', 'is_complete']).orderBy('instrument_id').execute();
    expect(answers).toEqual([
      { instrument_id: 'parent-aces', answered: 2, is_complete: 0 },
      { instrument_id: 'parent-strengths', answered: 1, is_complete: 0 },
    ]);
  });

  it('refuses the same link a second time, in Dutch, with a way to ask for a new one', async () => {
    const phone = await onPhone();
    const { page } = phone;
    await page.goto(link);
    await heading(page, 'Deze link werkt niet meer');
    await page.getByText('Een link van school werkt één keer', { exact: false }).waitFor();
    await audit.check(phone, [410]);
    await page.getByRole('button', { name: 'Vraag een nieuwe link aan' }).click();
    await page.getByRole('status').filter({ hasText: 'Uw vraag is doorgegeven aan de school' }).waitFor();
    const requested = await server.db.kysely.selectFrom('parent_links').select('new_link_requested_at').executeTakeFirstOrThrow();
    expect(requested.new_link_requested_at).not.toBeNull();
  });

  it('shows the care team the parent as an informant in the combined ACE view, and the teacher nothing of it', async () => {
    const careTeam = await browsers.signedIn('ib@voorbeeld.test');
    await careTeam.page.goto(`${server.baseUrl}/scholen/${schoolId}/leerlingen/${pupil.id}/zorg`);
    await waitForPage(careTeam.page, new RegExp(pupil.name));
    const combined = careTeam.page.locator('.card', { has: careTeam.page.getByRole('heading', { name: 'Samen gezien' }) });
    await combined.getByText('Scheiding van de ouders — volgens ouders').waitFor();
    await audit.check(careTeam);

    const mentor = await browsers.signedIn('leerkracht@voorbeeld.test');
    await mentor.page.goto(`${server.baseUrl}/scholen/${schoolId}/leerlingen/${pupil.id}/zorg`);
    await waitForPage(mentor.page, new RegExp(pupil.name));
    expect(await mentor.page.getByRole('heading', { name: 'Ingrijpende jeugdervaringen' }).count()).toBe(0);
    expect(await mentor.page.getByText('volgens ouders').count()).toBe(0);
    await parentsPage(mentor.page);
    await waitForPage(mentor.page, /^Ouders van /);
    expect(await mentor.page.getByText('Wat uw kind heeft meegemaakt').count()).toBe(0);
  });

  it('renders a page in an added right-to-left language right to left', async () => {
    const db = server.db.kysely;
    await db
      .insertInto('parent_languages')
      .values({ school_id: schoolId, code: 'ar', name: 'العربية', direction: 'rtl', texts: JSON.stringify({ texts: { menuTso: 'كيف نعمل في المدرسة', back: 'رجوع' }, tsoPage: 'نعمل في مدرستنا بطريقة تراعي الصدمات.' }), updated_by: null, updated_at: isoInstant(new Date()) })
      .execute();
    // A new link for the parent (the mentor's page), opened on the phone; the parent chooses Arabic.
    const mentor = await browsers.signedIn('leerkracht@voorbeeld.test');
    await parentsPage(mentor.page);
    await waitForPage(mentor.page, /^Ouders van /);
    await mentor.page.getByRole('button', { name: 'Brief met link maken' }).click();
    const fresh = (await mentor.page.getByRole('region', { name: `Brief voor ${PARENT}` }).locator('.break-anywhere').textContent()) ?? '';
    const phone = await onPhone();
    const { page } = phone;
    await page.goto(fresh);
    await heading(page, `Welkom, ${PARENT}`);
    await page.getByLabel(TEXTS.language).selectOption('ar');
    await page.getByRole('button', { name: TEXTS.languageSave }).click();
    await page.getByRole('button', { name: 'كيف نعمل في المدرسة' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    // Right to left: the menu's text starts at the right edge.
    const menuItem = page.getByRole('button', { name: 'كيف نعمل في المدرسة' });
    expect(await menuItem.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    await audit.check(phone);
    await menuItem.click();
    await heading(page, 'كيف نعمل في المدرسة');
    await page.getByText('نعمل في مدرستنا بطريقة تراعي الصدمات.').waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await audit.check(phone);
  });

  it('found no accessibility problems or console errors on any page', () => {
    expect(audit.problems).toEqual([]);
  });
});
