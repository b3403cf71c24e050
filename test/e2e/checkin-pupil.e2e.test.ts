import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TEXTS } from '../../src/pupil/bootstrap-texts';
import { CHECKIN_STATES_TOP_DOWN } from '../../src/shared/checkin';
import { DEFAULT_STATE_WORDS, PUPIL_TEXTS } from '../../src/shared/checkin-wording';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { login, requestAs } from '../support/test-app';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, startDemoServer } from './support/browser-harness';

// The light pupil pages in Chromium: the class device (kiosk) and the pupil's own device (class code +
// card code), a check-in whose answer is lost on the way back (retried with the same key, stored
// once), and axe on every state of both pages. Runs against the demo school, SQLite.

const TEXTS = PUPIL_TEXTS.nl;
const WORDS = DEFAULT_STATE_WORDS.middle; // Groep 5 of a primary school: the 'middle' words
const TEACHER = 'leerkracht@voorbeeld.test';

/** The statuses a pupil page provokes on purpose: signed-out checks (401) and wrong codes. */
const SIGNED_OUT = [401];

async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

// An aborted request shows up as a console error of its own; the retry test provokes exactly that.
function dropAbortedRequestErrors(browser: BrowserSession): void {
  const kept = browser.consoleErrors.filter((error) => !/net::ERR_(CONNECTION_RESET|FAILED)/.test(error));
  browser.consoleErrors.splice(0, browser.consoleErrors.length, ...kept);
}

describe('the pupil check-in pages in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let classId = '';
  let pupils: { id: string; firstName: string }[] = [];
  const audit = createPageAudit();
  const browsers: BrowserSession[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    const teacherClass = await server.db.kysely
      .selectFrom('class_teachers')
      .innerJoin('users', 'users.id', 'class_teachers.user_id')
      .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
      .select(['classes.id as classId', 'classes.school_id as schoolId'])
      .where('users.email', '=', TEACHER)
      .orderBy('classes.school_year', 'desc')
      .executeTakeFirstOrThrow();
    ({ classId, schoolId } = teacherClass);
    pupils = await server.db.kysely
      .selectFrom('class_pupils')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.id as id', 'pupils.first_name as firstName'])
      .where('class_pupils.class_id', '=', classId)
      .orderBy('pupils.last_name')
      .orderBy('pupils.first_name')
      .execute();
    expect(pupils.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.close();
  });

  async function newBrowser(): Promise<BrowserSession> {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser;
  }

  // The demo holds weeks of earlier check-ins; a test looks only at the rows it added.
  async function checkinsOf(pupilId: string, before: readonly string[] = []) {
    const rows = await server.db.kysely.selectFrom('checkins').selectAll().where('pupil_id', '=', pupilId).execute();
    return rows.filter((row) => !before.includes(row.id));
  }

  async function checkinIdsOf(pupilId: string): Promise<string[]> {
    return (await checkinsOf(pupilId)).map((row) => row.id);
  }

  it('on the class device, a pupil taps their name and checks in; nobody else sees the answer', async () => {
    const browser = await newBrowser();
    const { page } = browser;
    await page.goto(`${server.baseUrl}/klas`);
    await waitForHeading(page, TEXTS.kioskPageTitle);
    await page.getByText(TEXTS.kioskClosed).waitFor();
    await audit.check(browser, SIGNED_OUT);

    // The teacher opens kiosk mode on this device, as the staff app's button does.
    const opened = await page.evaluate(
      async ({ email, password, url }) => {
        const session = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
        const { csrfToken } = (await session.json()) as { csrfToken: string };
        const kiosk = await fetch(url, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
        return kiosk.status;
      },
      { email: TEACHER, password: DEMO_PASSWORD, url: `/api/schools/${schoolId}/classes/${classId}/checkin/kiosk` },
    );
    expect(opened).toBe(200);
    await page.reload();
    await waitForHeading(page, TEXTS.kioskWhoAreYou);
    const names = await page.getByRole('list').getByRole('button').allTextContents();
    expect(names).toHaveLength(pupils.length);
    // First name and an initial only: never a pupil's full last name.
    for (const name of names) expect(pupils.some((pupil) => name.startsWith(`${pupil.firstName} `))).toBe(true);
    await audit.check(browser);

    const pupil = pupils[0];
    if (!pupil) throw new Error('no pupil');
    const before = await checkinIdsOf(pupil.id);
    const name = names.find((candidate) => candidate.startsWith(`${pupil.firstName} `)) ?? '';
    await page.getByRole('button', { name, exact: true }).click();
    await waitForHeading(page, TEXTS.pageTitle);
    await page.getByText(name, { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: TEXTS.submit }).isVisible()).toBe(false);
    await audit.check(browser);

    const state = page.getByRole('button', { name: new RegExp(`^${WORDS.far_high.nl.label}`) });
    await state.click();
    expect(await state.getAttribute('aria-pressed')).toBe('true');
    const talk = page.getByRole('button', { name: TEXTS.talkToggle });
    await talk.click();
    expect(await talk.getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel(TEXTS.wordLabel).fill('🌋');
    await audit.check(browser);
    await page.getByRole('button', { name: TEXTS.submit, exact: true }).click();
    await waitForStatus(page, TEXTS.sent);
    await audit.check(browser);

    const rows = await checkinsOf(pupil.id, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'far_high', wants_talk: 1, channel: 'kiosk', class_id: classId });
    expect(rows[0]?.word_encrypted).toBeTruthy();
    expect(rows[0]?.word_encrypted).not.toContain('🌋');

    // After a few seconds the names come back, with nothing left of the answer on screen.
    await waitForHeading(page, TEXTS.kioskWhoAreYou);
    const screen = await page.locator('body').innerText();
    for (const leftover of [WORDS.far_high.nl.label, '🌋', TEXTS.sent, TEXTS.kioskCheckedIn]) expect(screen).not.toContain(leftover);
    await audit.check(browser);
  });

  it('on their own device, a pupil signs in with the class code and the card (QR link) and checks in', async () => {
    const teacher = await login(server.app, TEACHER, DEMO_PASSWORD);
    const classCode = await requestAs(server.app, teacher, 'POST', `/api/schools/${schoolId}/classes/${classId}/checkin/class-code`);
    expect(classCode.statusCode).toBe(200);
    const pupil = pupils[1];
    if (!pupil) throw new Error('no pupil');
    const cards = await requestAs(server.app, teacher, 'POST', `/api/schools/${schoolId}/classes/${classId}/checkin/cards`, { pupilIds: [pupil.id] });
    expect(cards.statusCode).toBe(200);
    const cardCode: string = cards.json().cards[0].code;
    const before = await checkinIdsOf(pupil.id);

    const browser = await newBrowser();
    const { page } = browser;
    // No network at first: the page's own "could not load" text, then "try again" works.
    await page.route('**/api/pupil/session', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.baseUrl}/leerling`);
    await page.getByText(BOOTSTRAP_TEXTS.nl.loadFailed).waitFor();
    browser.consoleErrors.splice(0);
    await audit.check(browser);
    await page.unroute('**/api/pupil/session');
    await page.getByRole('button', { name: BOOTSTRAP_TEXTS.nl.tryAgain }).click();
    await waitForHeading(page, TEXTS.signInTitle);
    await audit.check(browser, SIGNED_OUT);

    // The card's QR code opens the page with the personal code in the fragment; the page takes it and drops it.
    await page.goto(`${server.baseUrl}/leerling#kaart=${cardCode}`);
    await waitForHeading(page, TEXTS.signInTitle);
    expect(page.url()).toBe(`${server.baseUrl}/leerling`);
    expect(await page.getByLabel(TEXTS.personalCodeLabel).inputValue()).toBe(cardCode);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('class-code');

    await page.getByLabel(TEXTS.classCodeLabel).fill('AAAAAA');
    await page.getByRole('button', { name: TEXTS.signIn, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: TEXTS.signInFailed }).waitFor();
    await audit.check(browser, [400, 401, 404]);

    await page.getByLabel(TEXTS.classCodeLabel).fill(classCode.json().code);
    await page.getByRole('button', { name: TEXTS.signIn, exact: true }).click();
    await waitForHeading(page, TEXTS.pageTitle);
    await page.getByText(pupil.firstName, { exact: true }).waitFor();
    // The states from the top of the thermometer down, as on the class device and the staff pages.
    expect(await page.locator('.pupil-states .pupil-state-label').allTextContents()).toEqual(CHECKIN_STATES_TOP_DOWN.map((state) => WORDS[state].nl.label));
    await audit.check(browser);
    // "Wie ziet wat ik invul?" (issue 12): folded away under the form, opened with one tap.
    expect(await page.getByText(TEXTS.whoSees).isVisible()).toBe(false);
    await page.getByText(TEXTS.whoSeesTitle, { exact: true }).click();
    expect(await page.getByText(TEXTS.whoSees).isVisible()).toBe(true);
    await audit.check(browser);

    await page.getByRole('button', { name: new RegExp(`^${WORDS.in_window.nl.label}`) }).click();
    await page.getByRole('button', { name: TEXTS.submit, exact: true }).click();
    await waitForStatus(page, TEXTS.sent);
    await audit.check(browser);
    const rows = await checkinsOf(pupil.id, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'in_window', wants_talk: 0, word_encrypted: null, channel: 'device', class_id: classId });

    // Checking in again is allowed (the latest counts); it says so.
    await page.getByRole('button', { name: TEXTS.checkInAgain, exact: true }).click();
    await page.getByText(TEXTS.alreadyToday).waitFor();
    await audit.check(browser);

    await page.getByRole('button', { name: TEXTS.signOut, exact: true }).click();
    await waitForHeading(page, TEXTS.signInTitle);
    await page.getByText(TEXTS.signedOut).waitFor();
    await audit.check(browser);
    const session = await page.evaluate(async () => (await fetch('/api/pupil/session')).status);
    expect(session).toBe(401);
    browser.consoleErrors.splice(0);
  });

  it('keeps a check-in whose answer was lost and sends it again with the same key: stored once', async () => {
    const teacher = await login(server.app, TEACHER, DEMO_PASSWORD);
    const classCode = (await requestAs(server.app, teacher, 'POST', `/api/schools/${schoolId}/classes/${classId}/checkin/class-code`)).json().code as string;
    const pupil = pupils[2];
    if (!pupil) throw new Error('no pupil');
    const cardCode = (await requestAs(server.app, teacher, 'POST', `/api/schools/${schoolId}/classes/${classId}/checkin/cards`, { pupilIds: [pupil.id] })).json()
      .cards[0].code as string;
    const before = await checkinIdsOf(pupil.id);

    const browser = await newBrowser();
    const { page } = browser;
    await page.goto(`${server.baseUrl}/leerling#kaart=${cardCode}`);
    await page.getByLabel(TEXTS.classCodeLabel).fill(classCode);
    await page.getByRole('button', { name: TEXTS.signIn, exact: true }).click();
    await waitForHeading(page, TEXTS.pageTitle);

    // The first attempt reaches the server (and is stored), but its answer never gets back to the page.
    const sentBodies: string[] = [];
    const firstAnswers: number[] = [];
    let releaseRetry: () => void = () => undefined;
    const retryMayPass = new Promise<void>((resolve) => {
      releaseRetry = resolve;
    });
    await page.route('**/api/pupil/checkins', async (route: Route) => {
      sentBodies.push(route.request().postData() ?? '');
      if (sentBodies.length === 1) {
        const answer = await route.fetch();
        firstAnswers.push(answer.status());
        await route.abort('connectionreset');
        return;
      }
      await retryMayPass;
      await route.continue();
    });

    // This time with the keyboard only: from the heading, Tab to the fourth state, Enter; Tab, Space on
    // "I'd like to talk"; Tab into the word field and Enter sends.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.id ?? '');
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Tab');
    expect(await focused()).toContain(WORDS.low.nl.label);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(TEXTS.talkToggle);
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: TEXTS.talkToggle }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pupil-word');
    await page.keyboard.press('Enter');
    await waitForStatus(page, TEXTS.retrying);
    expect(firstAnswers).toEqual([201]);
    expect(await checkinsOf(pupil.id, before)).toHaveLength(1);
    dropAbortedRequestErrors(browser);
    await audit.check(browser);

    releaseRetry();
    await waitForStatus(page, TEXTS.sent);
    await audit.check(browser);
    expect(sentBodies.length).toBeGreaterThanOrEqual(2);
    const keys = new Set(sentBodies.map((body) => (JSON.parse(body) as { idempotencyKey: string }).idempotencyKey));
    expect(keys.size).toBe(1);
    const rows = await checkinsOf(pupil.id, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotency_key: [...keys][0], state: 'low', wants_talk: 1 });

    // A final refusal (here a made-up 400) is not retried: the pupil is told to ask the teacher.
    await page.unroute('**/api/pupil/checkins');
    let refused = 0;
    await page.route('**/api/pupil/checkins', (route) => {
      refused += 1;
      return route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":{"code":"validation_failed","message":"x"}}' });
    });
    await page.getByRole('button', { name: TEXTS.checkInAgain, exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^${WORDS.in_window.nl.label}`) }).click();
    await page.getByRole('button', { name: TEXTS.submit, exact: true }).click();
    await waitForStatus(page, TEXTS.failed);
    await audit.check(browser, [400]);
    expect(refused).toBe(1);
    expect(await checkinsOf(pupil.id, before)).toHaveLength(1);
  });

  it('finds no accessibility problems or console errors on any state of the pupil pages', () => {
    expect(audit.problems).toEqual([]);
  });
});
