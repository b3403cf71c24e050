import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKIN_STATES_TOP_DOWN } from '../../src/shared/checkin';
import { DEFAULT_STATE_WORDS, PUPIL_TEXTS } from '../../src/shared/checkin-wording';
import { isoInstant, newId } from '../../src/server/deps';
import { recountClassDays } from '../../src/server/features/checkin/checkin-class-days.repository';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { schoolDateOf } from '../../src/shared/school-time';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

// Privacy in the classroom (issue 12), on the demo's groep 5 at a smartboard's 1920×1080:
// the class code full-screen with nothing of the class behind it; a signal that was talked about says so on
// the teacher's page, the care team's page and the pupil page; the class device with the states in the order
// of the thermometer, a picture next to each young pupil's name (chosen on the device or by the teacher, printed
// on the login card), and a close control that needs the teacher to hold it down.

const SCHOOL = 'Basisschool De Vlinderboom';
const TEACHER = 'leerkracht@voorbeeld.test';
const TEACHER_NAME = 'Sanne Verbeek';
const TEXTS = PUPIL_TEXTS.nl;
const SMARTBOARD = { width: 1920, height: 1080 };

interface Groep5Pupil {
  id: string;
  firstName: string;
  name: string;
}

describe('the check-in in the classroom, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let classId = '';
  let pupils: Groep5Pupil[] = [];
  let talker: Groep5Pupil;
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    const groep5 = await db
      .selectFrom('classes')
      .innerJoin('schools', 'schools.id', 'classes.school_id')
      .select(['classes.id', 'classes.school_id'])
      .where('schools.name', '=', SCHOOL)
      .where('classes.name', '=', 'Groep 5')
      .orderBy('classes.school_year', 'desc')
      .executeTakeFirstOrThrow();
    [schoolId, classId] = [groep5.school_id, groep5.id];
    const rows = await db
      .selectFrom('class_pupils')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.id', 'pupils.first_name', 'pupils.last_name'])
      .where('class_pupils.class_id', '=', classId)
      .orderBy('pupils.pupil_number')
      .execute();
    pupils = rows.map((row) => ({ id: row.id, firstName: row.first_name, name: `${row.first_name} ${row.last_name}` }));
    const [first, ...others] = pupils;
    if (!first || others.length < 3) throw new Error('groep 5 of the demo is too small');
    talker = first;
    // A known morning: the talker asked to talk a minute ago (a bit too high), three others are in the window.
    await db.deleteFrom('checkins').execute();
    await db.deleteFrom('checkin_class_days').execute();
    const today = schoolDateOf(new Date());
    const insert = async (pupil: Groep5Pupil, state: 'bit_high' | 'in_window', wantsTalk: boolean) =>
      db
        .insertInto('checkins')
        .values({
          id: newId(),
          idempotency_key: newId(),
          pupil_id: pupil.id,
          class_id: classId,
          school_id: schoolId,
          school_date: today,
          state,
          wants_talk: wantsTalk ? 1 : 0,
          word_encrypted: null,
          channel: 'kiosk',
          created_at: isoInstant(new Date(Date.now() - 60_000)),
        })
        .execute();
    await insert(talker, 'bit_high', true);
    for (const pupil of others.slice(0, 3)) await insert(pupil, 'in_window', false);
    await recountClassDays(db, [{ classId, date: today }]);
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await server?.close();
  });

  async function browserFor(email: string): Promise<BrowserSession> {
    const session = await openBrowser();
    sessions.push(session);
    await session.page.setViewportSize(SMARTBOARD);
    await signIn(session.page, server.baseUrl, email, DEMO_PASSWORD);
    return session;
  }

  async function openClassPage(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/klassen/${classId}`);
    await waitForPage(page, 'Check-in Groep 5');
  }

  /** Every name in the page's accessibility tree (Chromium's own, through CDP): what a screen reader can reach. */
  async function accessibleNames(page: Page): Promise<string> {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; name?: { value?: unknown } }[] };
      return nodes
        .filter((node) => !node.ignored)
        .map((node) => String(node.name?.value ?? ''))
        .join('\n');
    } finally {
      await cdp.detach();
    }
  }

  it('shows the class code full-screen at 1920×1080 with no pupil name or state visible or reachable, and closes back to the page', async () => {
    const teacher = await browserFor(TEACHER);
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in`);
    await waitForPage(page, 'Check-in');
    await page.getByRole('link', { name: 'Groep 5' }).click();
    await waitForPage(page, 'Check-in Groep 5');
    expect(await page.getByRole('region', { name: 'Wil graag met je praten' }).getByRole('link', { name: talker.name }).count()).toBe(1);

    const showCode = page.getByRole('button', { name: 'Klascode tonen' });
    await showCode.click();
    const screen = page.getByRole('dialog', { name: 'Klascode voor Groep 5' });
    await screen.waitFor();
    await screen.getByText(/^Nog \d+:\d\d geldig$/).waitFor();
    const code = (await screen.locator('.class-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await screen.textContent()).toContain('/leerling');
    // The dialog covers the whole smartboard.
    expect(await screen.boundingBox()).toEqual({ x: 0, y: 0, ...SMARTBOARD });
    // Nothing of the class is visible: every pupil tile's centre is covered by the dialog …
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll('.checkin-tile, .checkin-talk, .checkin-signal-list')].map((element) => {
        const box = element.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, Math.min(box.top + box.height / 2, window.innerHeight - 1));
        return top?.closest('dialog') !== null;
      }),
    );
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.every(Boolean)).toBe(true);
    // … and none of it is in the accessibility tree: no pupil's name, no state, no "wants to talk".
    const reachable = await accessibleNames(page);
    expect(reachable).toContain(code.charAt(0));
    for (const pupil of pupils) expect(reachable).not.toContain(pupil.name);
    for (const words of ['Een beetje te hoog', 'In het raampje', 'Wil graag met je praten', 'Wil praten']) expect(reachable).not.toContain(words);
    await audit.check(teacher);

    // Escape closes it; focus is back on the button that opened it, the page is there again.
    await page.keyboard.press('Escape');
    await screen.waitFor({ state: 'hidden' });
    // The browser moves the focus back when the dialog has closed, which can be a moment after it is hidden.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Klascode tonen', null, { timeout: 5000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Klascode tonen');
    expect(await accessibleNames(page)).toContain(talker.name);
    // The close button does the same.
    await showCode.click();
    await screen.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Klascode sluiten');
    await screen.getByRole('button', { name: 'Klascode sluiten' }).click();
    await screen.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Wil graag met je praten' }).waitFor();
    await audit.check(teacher);
  });

  it('marks a signal as talked about on the teacher’s page, the pupil page and the care team’s signals', async () => {
    const teacher = await browserFor(TEACHER);
    const { page } = teacher;
    await openClassPage(page);
    await page.getByRole('region', { name: 'Wil graag met je praten' }).getByRole('link', { name: talker.name }).click();
    await waitForPage(page, `Check-in van ${talker.name}`);
    expect(await page.getByLabel('Over welk signaal?').inputValue()).toBe('asked_to_talk');
    await page.getByLabel('Wat hebben jullie besproken?').fill('In de kring even apart gezeten; het ging om de zwemles.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De notitie is opgeslagen.' }).waitFor();
    const talkCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Wil graag praten' }) });
    await talkCard.locator('.checkin-handled').waitFor();
    expect(await talkCard.textContent()).toMatch(new RegExp(`Besproken op .+ door ${TEACHER_NAME}`));
    await audit.check(teacher);

    await openClassPage(page);
    // No longer asking for attention: out of "wants to talk" and the count, into "talked about today".
    expect(await page.getByRole('region', { name: 'Wil graag met je praten' }).count()).toBe(0);
    expect(await page.locator('.checkin-counts div').filter({ hasText: 'Wil praten' }).locator('dd').textContent()).toBe('0');
    const handledHere = page.getByRole('region', { name: 'Vandaag besproken' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: talker.name }) });
    expect(await handledHere.first().textContent()).toMatch(new RegExp(`Wil graag praten:\\s+Besproken op .+ door ${TEACHER_NAME}`));
    await audit.check(teacher);

    const care = await browserFor('ib@voorbeeld.test');
    await care.page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/signalen`);
    await waitForPage(care.page, 'Signalen in de school');
    const handledThere = care.page.getByRole('region', { name: 'Vandaag besproken' }).getByRole('listitem').filter({ has: care.page.getByRole('link', { name: talker.name }) });
    expect(await handledThere.first().textContent()).toMatch(new RegExp(`Wil graag praten:\\s+Besproken op .+ door ${TEACHER_NAME}`));
    const waiting = (await care.page.getByRole('region', { name: 'Groep 5' }).count()) === 0 ? '' : await care.page.getByRole('region', { name: 'Groep 5' }).textContent();
    expect(waiting ?? '').not.toContain('Wil graag praten');
    await audit.check(care);
  });

  it('runs the class device: pictures by the names (chosen once, set by the teacher, on the login card), states in thermometer order, closed only by holding', async () => {
    const db = server.db.kysely;
    await db.insertInto('checkin_class_settings').values({ class_id: classId, age_group: 'young', updated_by: null, updated_at: isoInstant(new Date()) })
      .onConflict((conflict) => conflict.column('class_id').doUpdateSet({ age_group: 'young' }))
      .execute();
    const [withFrog, chooser] = [pupils[1]!, pupils[2]!];
    const teacher = await browserFor(TEACHER);
    const { page } = teacher;

    // The teacher gives one pupil the frog.
    await openClassPage(page);
    const pictures = page.getByRole('region', { name: 'Plaatjes bij de namen' });
    await pictures.getByText('Plaatjes bekijken of veranderen').click();
    const select = pictures.getByRole('combobox', { name: new RegExp(`^Plaatje van ${withFrog.firstName} `) });
    await select.selectOption('frog');
    await pictures.getByRole('status').filter({ hasText: /^Het plaatje van .+ is opgeslagen\.$/ }).waitFor();
    expect(await db.selectFrom('checkin_pupil_symbols').select(['pupil_id', 'symbol']).execute()).toEqual([{ pupil_id: withFrog.id, symbol: 'frog' }]);
    await audit.check(teacher);

    // It is printed on the login card.
    await page.getByRole('link', { name: 'Inlogkaarten afdrukken' }).click();
    await waitForPage(page, 'Inlogkaarten');
    await page.getByRole('button', { name: 'Nieuwe inlogkaarten maken' }).click();
    await page.getByRole('button', { name: 'Ja, nieuwe kaarten maken' }).click();
    await waitForPage(page, 'Inlogkaarten Groep 5');
    const frogCard = page.getByRole('listitem').filter({ hasText: 'Jouw plaatje: Kikker' });
    expect(await frogCard.count()).toBe(1);
    expect(await frogCard.textContent()).toContain('🐸');
    expect(await frogCard.textContent()).toContain(withFrog.firstName);
    await audit.check(teacher);

    // This device becomes the class device.
    await openClassPage(page);
    await page.getByRole('button', { name: 'Check-in openen op dit apparaat' }).click();
    await page.getByRole('dialog', { name: 'Check-in openen voor Groep 5' }).getByRole('button', { name: 'Check-in openen' }).click();
    await page.waitForURL(`${server.baseUrl}/klas`);
    await page.getByRole('heading', { level: 1, name: TEXTS.kioskWhoAreYou }).waitFor();
    const nameButton = (pupil: Groep5Pupil) => page.getByRole('list').getByRole('button', { name: new RegExp(`^${pupil.firstName} `) });
    expect(await nameButton(withFrog).textContent()).toMatch(/^🐸/);
    expect(await page.getByRole('button', { name: TEXTS.kioskCloseOpen }).count()).toBe(1);
    await audit.check(teacher);

    // A young pupil without a picture chooses one the first time, then checks in: states from the top of the thermometer down.
    await nameButton(chooser).click();
    await page.getByRole('heading', { level: 1, name: TEXTS.kioskChooseSymbolTitle }).waitFor();
    await audit.check(teacher);
    await page.getByRole('button', { name: 'Uil', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TEXTS.pageTitle }).waitFor();
    const labels = await page.locator('.pupil-states .pupil-state-label').allTextContents();
    expect(labels).toEqual(CHECKIN_STATES_TOP_DOWN.map((state) => DEFAULT_STATE_WORDS.young[state].nl.label));
    await audit.check(teacher);
    await page.getByRole('button', { name: TEXTS.kioskBack }).click();
    await page.getByRole('heading', { level: 1, name: TEXTS.kioskWhoAreYou }).waitFor();
    expect(await nameButton(chooser).textContent()).toMatch(/^🦉/);
    expect(await db.selectFrom('checkin_pupil_symbols').select('symbol').where('pupil_id', '=', chooser.id).executeTakeFirst()).toEqual({ symbol: 'owl' });

    // Closing: a separate screen; a tap on the hold button does nothing, holding it for 3 s closes.
    await page.getByRole('button', { name: TEXTS.kioskCloseOpen }).click();
    await page.getByRole('heading', { level: 1, name: TEXTS.kioskCloseTitle }).waitFor();
    await audit.check(teacher);
    const hold = page.getByRole('button', { name: TEXTS.kioskCloseHold });
    await hold.click();
    await page.waitForTimeout(500);
    expect(await db.selectFrom('kiosk_devices').select('id').execute()).toHaveLength(1);
    await hold.hover();
    await page.mouse.down();
    await page.waitForTimeout(3300);
    await page.mouse.up();
    await page.getByText(TEXTS.kioskCloseDone).waitFor();
    expect(await db.selectFrom('kiosk_devices').select('id').execute()).toEqual([]);
    const closed = await db.selectFrom('audit_events').select(['actor_user_id', 'detail']).where('action', '=', 'checkin.kiosk_closed').execute();
    expect(closed).toHaveLength(1);
    expect(JSON.parse(closed[0]?.detail ?? '{}')).toMatchObject({ on: 'class_device' });
    await audit.check(teacher);
    // Reloaded, the device stays closed.
    await page.reload();
    await page.getByText(TEXTS.kioskClosed).waitFor();
    audit.checkConsole(teacher, [401]);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
