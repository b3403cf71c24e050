import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/server/deps';
import { loadShippedActivities } from '../../src/server/features/regulation/regulation-activities';
import { BREATHING_PACE_SECONDS } from '../../src/shared/regulation';
import { DEFAULT_STATE_WORDS, PUPIL_TEXTS } from '../../src/shared/checkin-wording';
import { fillIn } from '../../src/shared/questionnaire-wording';
import { PUPIL_REGULATION_TEXTS } from '../../src/shared/regulation-wording';
import { type BrowserSession, type ClassPupil, createDeviceBrowsers, createPageAudit, demoClass, type RunningServer, startDemoServer } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const TEACHER = 'leerkracht@voorbeeld.test';
const TEXTS = PUPIL_TEXTS.nl;
const WORDS = DEFAULT_STATE_WORDS.middle; // Groep 5 of a primary school: the 'middle' words
const REGULATION = PUPIL_REGULATION_TEXTS.nl;
// The one shipped activity with the breathing animation; groep 5's teacher marked it as a favourite, so it is offered first.
const CALM_WAVE = loadShippedActivities().find((activity) => activity.id === 'breathing-calm-wave')!;


// Issue 19, done-when 1 (the pupil's part), on the demo's groep 5 (SQLite): after a check-in outside the window the
// pupil page offers a regulation moment. On their own device a pupil checks in "far too high", is offered the
// breathing activity, sees the circle breathe, and says it helped; with reduced motion the circle is replaced by its
// steps, still; on the class device a pupil checks in "low", does an activity, skips the question, and the names come
// back with nothing of it left. axe finds nothing on the offer and activity screens.
describe('the regulation moment after a check-in, in the browser', () => {
  let server: RunningServer;
  let classId = '';
  let teacherId = '';
  let pupils: ClassPupil[] = [];
  const audit = createPageAudit();
  const devices = createDeviceBrowsers(() => server);
  const pupil = (index: number): ClassPupil => {
    const found = pupils[index];
    if (!found) throw new Error(`groep 5 has no pupil ${index}`);
    return found;
  };

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    ({ classId, pupils } = await demoClass(server, SCHOOL, 'Groep 5'));
    teacherId = (await db.selectFrom('users').select('id').where('email', '=', TEACHER).executeTakeFirstOrThrow()).id;
    await db.insertInto('regulation_favourites').values({ class_id: classId, activity_id: CALM_WAVE.id, added_by: teacherId, added_at: isoInstant(new Date()) }).execute();
  });
  afterAll(async () => {
    await devices.closeAll();
    await server?.close();
  });

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const stateButton = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}`) });
  const momentsOf = (pupilId: string) =>
    server.db.kysely.selectFrom('regulation_moments').select(['class_id', 'state', 'activity_id', 'helped', 'channel']).where('pupil_id', '=', pupilId).execute();

  /** How the page draws an element now: whether it takes up room, and which animation runs on it. */
  const drawn = (page: Page, selector: string) =>
    page.locator(selector).evaluate((node) => {
      const style = getComputedStyle(node);
      return { display: style.display, animation: style.animationName };
    });

  /** On the own device: check in with the form's highest state, open the offer and choose the breathing activity. */
  async function checkInFarTooHighAndOpenBreathing(device: BrowserSession): Promise<void> {
    const { page } = device;
    await page.goto(`${server.baseUrl}/leerling`);
    await heading(page, TEXTS.pageTitle);
    // The states are listed from the top of the thermometer down: the first is "far too high".
    expect(await page.locator('.pupil-state-label').first().textContent()).toBe(WORDS.far_high.nl.label);
    await stateButton(page, WORDS.far_high.nl.label).click();
    await page.getByRole('button', { name: TEXTS.submit, exact: true }).click();
    await page.getByRole('status').filter({ hasText: TEXTS.sent }).waitFor();
    await page.getByRole('button', { name: REGULATION.offer.too_high }).click();
    await heading(page, REGULATION.chooseTitle);
    const choices = page.locator('.regulation-choice');
    expect(await choices.count()).toBe(2);
    expect(await choices.first().textContent()).toContain(CALM_WAVE.name.nl);
    await audit.check(device);
    await page.getByRole('button', { name: new RegExp(`^${CALM_WAVE.name.nl}`) }).click();
    await heading(page, CALM_WAVE.name.nl);
    expect(await page.getByText(CALM_WAVE.forPupils!.prompt.nl, { exact: true }).count()).toBe(1);
    expect(await page.locator('.regulation-steps > li').allTextContents()).toEqual(CALM_WAVE.steps.map((step) => step.nl));
    expect(await page.getByRole('button', { name: REGULATION.readAloud }).count()).toBe(1);
  }

  it('on their own device a pupil checks in far too high, breathes with the circle and says it helped', async () => {
    const me = pupil(0);
    const device = await devices.ownDevice(me.id, classId);
    const { page } = device;
    await checkInFarTooHighAndOpenBreathing(device);
    // The circle grows and shrinks (CSS keyframes), with the words in, wait, out; the still steps are not shown.
    expect(await page.locator('.regulation-breathing-circle').isVisible()).toBe(true);
    expect(await drawn(page, '.regulation-breathing-circle')).toEqual({ display: 'block', animation: 'regulation-breathe' });
    expect(await page.locator('.regulation-breathing-word').allTextContents()).toEqual([REGULATION.breatheIn, REGULATION.breatheHold, REGULATION.breatheOut]);
    expect(await page.locator('.regulation-still').isVisible()).toBe(false);
    await audit.check(device);

    await page.getByRole('button', { name: REGULATION.done, exact: true }).click();
    await heading(page, REGULATION.helpedTitle);
    await audit.check(device);
    await page.getByRole('button', { name: REGULATION.yes, exact: true }).click();
    await heading(page, fillIn(REGULATION.thanks, { name: me.firstName }));
    expect(await momentsOf(me.id)).toEqual([{ class_id: classId, state: 'too_high', activity_id: CALM_WAVE.id, helped: 1, channel: 'device' }]);
    // Back to the check-in's result, without the offer a second time.
    await page.getByRole('button', { name: REGULATION.back, exact: true }).click();
    await heading(page, TEXTS.pageTitle);
    await page.getByRole('status').filter({ hasText: TEXTS.sent }).waitFor();
    expect(await page.getByRole('button', { name: REGULATION.offer.too_high }).count()).toBe(0);
    expect(await page.getByRole('button', { name: TEXTS.checkInAgain }).count()).toBe(1);
    audit.checkConsole(device);
  });

  it('with reduced motion the breathing circle is replaced by its steps, still', async () => {
    const me = pupil(1);
    const device = await devices.ownDevice(me.id, classId);
    const { page } = device;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await checkInFarTooHighAndOpenBreathing(device);
    expect(await page.locator('.regulation-motion').isVisible()).toBe(false);
    expect(await drawn(page, '.regulation-motion')).toEqual({ display: 'none', animation: 'none' });
    expect(await drawn(page, '.regulation-breathing-circle')).toMatchObject({ animation: 'none' });
    const still = page.locator('.regulation-still');
    expect(await still.isVisible()).toBe(true);
    expect(await still.locator('li').allTextContents()).toEqual(REGULATION.breathingStill.map((line) => fillIn(line, BREATHING_PACE_SECONDS)));
    await audit.check(device);
    await page.getByRole('button', { name: REGULATION.done, exact: true }).click();
    await page.getByRole('button', { name: REGULATION.no, exact: true }).click();
    await heading(page, fillIn(REGULATION.thanks, { name: me.firstName }));
    expect(await momentsOf(me.id)).toEqual([{ class_id: classId, state: 'too_high', activity_id: CALM_WAVE.id, helped: 0, channel: 'device' }]);
    audit.checkConsole(device);
  });

  it('on the class device a pupil checks in low, does an activity, skips the question, and the names come back clean', async () => {
    const me = pupil(2);
    const device = await devices.classDevice(classId, teacherId);
    const { page } = device;
    await page.goto(`${server.baseUrl}/klas`);
    await heading(page, TEXTS.kioskWhoAreYou);
    await page.locator('.pupil-names').getByRole('button', { name: me.shortName, exact: true }).click();
    await heading(page, TEXTS.pageTitle);
    await stateButton(page, WORDS.low.nl.label).click();
    await page.getByRole('button', { name: TEXTS.submit, exact: true }).click();
    await page.getByRole('status').filter({ hasText: TEXTS.sent }).waitFor();
    await page.getByRole('button', { name: REGULATION.offer.too_low }).click();
    await heading(page, REGULATION.chooseTitle);
    expect(await page.getByText(me.shortName, { exact: true }).count()).toBe(1);
    await audit.check(device);
    const choice = page.locator('.regulation-choice-name').first();
    const chosen = (await choice.textContent()) ?? '';
    const activity = loadShippedActivities().find((candidate) => candidate.name.nl === chosen)!;
    expect(activity.states).toContain('too_low');
    await choice.click();
    await heading(page, chosen);
    await audit.check(device);
    await page.getByRole('button', { name: REGULATION.done, exact: true }).click();
    await heading(page, REGULATION.helpedTitle);
    await page.getByRole('button', { name: REGULATION.skip, exact: true }).click();
    await heading(page, fillIn(REGULATION.thanks, { name: me.shortName }));
    expect(await momentsOf(me.id)).toEqual([{ class_id: classId, state: 'too_low', activity_id: activity.id, helped: null, channel: 'kiosk' }]);

    // A few seconds later the names come back by themselves, with nothing left of the pupil's moment.
    await heading(page, TEXTS.kioskWhoAreYou);
    const screen = await page.locator('body').innerText();
    for (const leftover of [chosen, REGULATION.offer.too_low, REGULATION.helpedTitle, REGULATION.thanks.split(',')[0]!, TEXTS.sent, WORDS.low.nl.label]) expect(screen).not.toContain(leftover);
    expect(await page.locator('.regulation-choices, .regulation-steps, .pupil-regulation-place').count()).toBe(0);
    audit.checkConsole(device);
  });

  it('finds no accessibility problems or unexpected console errors on the way', () => {
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
