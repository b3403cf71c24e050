import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, newId } from '../../src/server/deps';
import { DEMO_ROUNDS } from '../../src/server/features/demo/demo-school-year.data';
import { DEFAULT_STATE_WORDS } from '../../src/shared/checkin-wording';
import { addDays, schoolDateOf, schoolYearAt } from '../../src/shared/school-time';
import { WINDOW_LESSONS } from '../../src/shared/window-lessons';
import { formatDate } from '../../src/web/i18n/format';
import { type BrowserSession, type ClassPupil, createPageAudit, createSignedInBrowsers, demoClass, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const TEACHER = 'leerkracht@voorbeeld.test';
const TSO_LEAD = 'kartrekker@voorbeeld.test';
const CALM_WAVE = 'Rustige golf'; // breathing-calm-wave
const [LESSON_1, LESSON_2] = WINDOW_LESSONS as [(typeof WINDOW_LESSONS)[number], (typeof WINDOW_LESSONS)[number]];
// Groep 5 of a primary school: the 'middle' check-in words and lesson versions.
const VERSION_1 = LESSON_1.versions.middle;
const VERSION_2 = LESSON_2.versions.middle;
const WORDS = DEFAULT_STATE_WORDS.middle;

// Issue 19, done-when 1 (the staff's part) and the "know your window" lessons, on the demo with its school year
// (SQLite): the teacher opens Regulatie, chooses groep 5, marks a favourite and plans a routine moment that shows on
// the class's check-in page; opens the class's lessons, shows lesson 1 full-screen slide by slide (Escape and close
// give focus back to the button), records it as given, and sees the class's own check-in words on lesson 2's window
// slide; reads what helped a pupil on the pupil's check-in page; the TSO lead finds the lessons as evidence beside
// layers 1 and 3B of the demo's closed self-scan round. axe finds nothing on the new pages and the full-screen lesson.
describe('regulation for staff and the "know your window" lessons, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let classId = '';
  let pupils: ClassPupil[] = [];
  let teacher: BrowserSession;
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  const today = () => schoolDateOf(new Date());

  beforeAll(async () => {
    server = await startDemoServer({}, { withSchoolYear: true });
    ({ schoolId, classId, pupils } = await demoClass(server, SCHOOL, 'Groep 5'));
    // The demo's groep 5 already uses regulation (favourites, a routine moment, lessons, last week's moments): start
    // from a class that does not, so every step below is the teacher's own.
    const db = server.db.kysely;
    for (const table of ['regulation_favourites', 'regulation_routines', 'regulation_lessons_given', 'regulation_moments'] as const) {
      await db.deleteFrom(table).where('class_id', '=', classId).execute();
    }
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  /** The element that has the focus now, by its text, once the browser has moved it there. */
  const waitForFocusOn = (page: Page, text: string) => page.waitForFunction((expected) => document.activeElement?.textContent?.trim() === expected, text);

  it('the teacher chooses groep 5 in Regulatie, marks a favourite and plans a routine moment that shows on the class page', async () => {
    teacher = await browsers.signedIn(TEACHER);
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Regulatie', exact: true }).click();
    await waitForPage(page, 'Regulatie');
    await page.getByLabel('Klas', { exact: true }).selectOption({ label: 'Groep 5' });
    await page.getByRole('heading', { name: 'Vaste momenten van Groep 5' }).waitFor();
    expect(new URL(page.url()).searchParams.get('klas')).toBe(classId);

    const favourite = page.getByRole('button', { name: `Favoriet van de klas: ${CALM_WAVE}` });
    expect(await favourite.getAttribute('aria-pressed')).toBe('false');
    await favourite.click();
    await page.waitForFunction((name) => [...document.querySelectorAll('button[aria-pressed="true"]')].some((button) => button.textContent?.includes(name)), CALM_WAVE);
    expect(await server.db.kysely.selectFrom('regulation_favourites').select('activity_id').where('class_id', '=', classId).execute()).toEqual([{ activity_id: 'breathing-calm-wave' }]);

    await page.getByLabel('Tijd', { exact: true }).fill('10:30');
    await page.getByLabel('Naam van het moment').fill('Na de pauze');
    await page.getByLabel('Activiteit', { exact: true }).selectOption({ label: `${CALM_WAVE} (favoriet)` });
    await page.getByRole('button', { name: 'Moment plannen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het vaste moment is gepland.' }).waitFor();
    await audit.check(teacher);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/klassen/${classId}`);
    await waitForPage(page, 'Check-in Groep 5');
    const routines = page.getByRole('region', { name: 'Vaste regulatiemomenten' });
    await routines.getByRole('listitem').first().waitFor();
    expect(await routines.getByRole('listitem').allTextContents()).toEqual([`10:30 Na de pauze: ${CALM_WAVE}`]);
    audit.checkConsole(teacher);
  });

  it('the teacher shows lesson 1 full-screen, slide by slide, and records it as given', async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/regulatie?klas=${classId}`);
    await waitForPage(page, 'Regulatie');
    await page.getByRole('link', { name: 'Ken je raampje: vier lessen voor deze klas' }).click();
    await waitForPage(page, 'Ken je raampje');
    expect(new URL(page.url()).pathname).toBe(`/scholen/${schoolId}/regulatie/lessen`);
    await page.getByText('Versie voor Groep 5: Midden (groep 4 tot en met 8).').waitFor();
    const cards = page.getByRole('article');
    expect(await cards.getByRole('heading', { level: 2 }).allTextContents()).toEqual(WINDOW_LESSONS.map((lesson) => `Les ${lesson.number}: ${lesson.staffTitle.nl}`));
    const card = page.getByRole('article', { name: `Les 1: ${LESSON_1.staffTitle.nl}` });
    expect(await card.getByText('Nog niet gegeven in dit schooljaar.').count()).toBe(1);
    await audit.check(teacher);

    // Full screen: the dialog covers the whole viewport; Next goes through every slide, then the questions.
    const show = card.getByRole('button', { name: 'Les tonen (les 1)' });
    await show.click();
    const screen = page.getByRole('dialog', { name: `Les 1: ${VERSION_1.title.nl}` });
    await screen.waitFor();
    const viewport = page.viewportSize()!;
    expect(await screen.boundingBox()).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    const total = VERSION_1.slides.length + 1;
    for (const [index, slide] of VERSION_1.slides.entries()) {
      await screen.getByText(`Dia ${index + 1} van ${total}`).waitFor();
      expect(await screen.getByRole('heading', { level: 3 }).textContent()).toBe(slide.heading.nl);
      expect(await screen.locator('.window-lesson-text > p').allTextContents()).toEqual(slide.lines.map((line) => line.nl));
      expect(await screen.locator('svg.window-drawing').count()).toBe(slide.drawing ? 1 : 0);
      if (index === 0) await audit.check(teacher);
      await screen.getByRole('button', { name: 'Volgende' }).click();
    }
    await screen.getByText(`Dia ${total} van ${total}`).waitFor();
    expect(await screen.getByRole('heading', { level: 3 }).textContent()).toBe('Praat er samen over');
    expect(await screen.locator('.window-lesson-questions li').allTextContents()).toEqual(VERSION_1.questions.map((question) => question.nl));
    // Next is gone on the last screen: the focus went to the screen's heading, not out of the lesson.
    expect(await screen.getByRole('button', { name: 'Volgende' }).count()).toBe(0);
    await waitForFocusOn(page, 'Praat er samen over');
    await audit.check(teacher);
    // A presenter's keys go back and forth as well.
    await page.keyboard.press('ArrowLeft');
    await screen.getByText(`Dia ${total - 1} van ${total}`).waitFor();
    await page.keyboard.press('ArrowRight');
    await screen.getByText(`Dia ${total} van ${total}`).waitFor();

    // Escape ends it: the page is back and the focus on the button that opened it.
    await page.keyboard.press('Escape');
    await screen.waitFor({ state: 'hidden' });
    await waitForFocusOn(page, 'Les tonen (les 1)');

    // Shown again, from the first slide; the last screen records it as given today.
    await show.click();
    await screen.getByText(`Dia 1 van ${total}`).waitFor();
    for (let step = 1; step < total; step++) await screen.getByRole('button', { name: 'Volgende' }).click();
    const todayText = formatDate(today(), 'nl');
    await screen.getByRole('button', { name: `Les gegeven op ${todayText}` }).click();
    await screen.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: `Les 1 is vastgelegd als gegeven op ${todayText}.` }).waitFor();
    await waitForFocusOn(page, 'Les tonen (les 1)');
    expect(await card.getByRole('listitem').allTextContents()).toEqual([`Gegeven op ${todayText} Ongedaan maken (les 1 op ${todayText})`]);
    const stored = await server.db.kysely.selectFrom('regulation_lessons_given').select(['class_id', 'lesson_id', 'age_group', 'given_on']).execute();
    expect(stored).toEqual([{ class_id: classId, lesson_id: LESSON_1.id, age_group: 'middle', given_on: today() }]);
    await audit.check(teacher);
  });

  it("shows the class's own check-in words on lesson 2's window slide, and closing gives the focus back", async () => {
    const { page } = teacher;
    const show = page.getByRole('article', { name: `Les 2: ${LESSON_2.staffTitle.nl}` }).getByRole('button', { name: 'Les tonen (les 2)' });
    await show.click();
    const screen = page.getByRole('dialog', { name: `Les 2: ${VERSION_2.title.nl}` });
    const wordsSlide = VERSION_2.slides.findIndex((slide) => slide.showsCheckinWords);
    expect(wordsSlide).toBeGreaterThan(0);
    for (let step = 0; step < wordsSlide; step++) await screen.getByRole('button', { name: 'Volgende' }).click();
    await screen.getByRole('heading', { level: 3, name: VERSION_2.slides[wordsSlide]!.heading.nl }).waitFor();
    const words = screen.getByRole('list', { name: 'Woorden van de check-in van Groep 5' });
    // In the thermometer order, as on the pupils' check-in.
    expect(await words.getByRole('listitem').allTextContents()).toEqual([WORDS.far_high.nl.label, WORDS.bit_high.nl.label, WORDS.in_window.nl.label, WORDS.low.nl.label]);
    await audit.check(teacher);
    await screen.getByRole('button', { name: 'Les sluiten' }).click();
    await screen.waitFor({ state: 'hidden' });
    await waitForFocusOn(page, 'Les tonen (les 2)');
    expect(await server.db.kysely.selectFrom('regulation_lessons_given').select('lesson_id').execute()).toEqual([{ lesson_id: LESSON_1.id }]);

    // Without a class the page asks for one first.
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/regulatie/lessen`);
    await waitForPage(page, 'Ken je raampje');
    await page.getByText('Kies eerst een klas.').waitFor();
    await audit.check(teacher);
  });

  it('the teacher sees what helped a pupil on their check-in page', async () => {
    const { page } = teacher;
    const pupil = pupils[0]!;
    // On the latest weekday (a school day in the trend, also when the test runs in a weekend).
    const weekday = new Date(`${today()}T12:00:00Z`).getUTCDay();
    const schoolDay = addDays(today(), weekday === 0 ? -2 : weekday === 6 ? -1 : 0);
    await server.db.kysely
      .insertInto('regulation_moments')
      .values({ id: newId(), school_id: schoolId, class_id: classId, pupil_id: pupil.id, school_date: schoolDay, state: 'too_high', activity_id: 'breathing-calm-wave', helped: 1, channel: 'device', created_at: isoInstant(new Date()) })
      .execute();
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/leerlingen/${pupil.id}?klas=${classId}`);
    await waitForPage(page, `Check-in van ${pupil.name}`);
    const helps = page.getByRole('region', { name: 'Wat helpt om weer in het raampje te komen' });
    const table = helps.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Activiteit', 'Gedaan', 'Hielp', 'Hielp niet']);
    expect(await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(['1', '1', '0']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([CALM_WAVE]);
    // The same moment on the trend: a filled diamond under that day.
    expect(await page.locator('.trend-chart .trend-regulation--helped').count()).toBe(1);
    await audit.check(teacher);
  });

  it('the TSO lead finds the lessons as evidence beside layers 1 and 3B of the closed self-scan round', async () => {
    const lead = await browsers.signedIn(TSO_LEAD);
    const { page } = lead;
    const db = server.db.kysely;
    const round = await db.selectFrom('selfscan_rounds').select('id').where('school_id', '=', schoolId).where('name', '=', DEMO_ROUNDS[1].name).executeTakeFirstOrThrow();
    const classes = (await db.selectFrom('classes').select('id').where('school_id', '=', schoolId).where('school_year', '=', schoolYearAt(new Date())).execute()).length;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${round.id}/uitkomsten`);
    await waitForPage(page, `Uitkomsten: ${DEMO_ROUNDS[1].name}`);
    const lines = WINDOW_LESSONS.map((lesson) => `Les ${lesson.number}, ${lesson.staffTitle.nl}: gegeven in ${lesson.number === 1 ? 1 : 0} van ${classes} klassen`);
    for (const name of ['Ken je raampje (laag 1, gedeelde taal)', 'Ken je raampje (laag 3B, omgaan met stress en ontspanning)']) {
      const evidence = page.getByRole('region', { name });
      // Folded beside its layer: open it.
      await evidence.locator('summary').click();
      await evidence.getByRole('listitem').first().waitFor();
      expect(await evidence.getByRole('listitem').allTextContents()).toEqual(lines);
    }
    // Right under their layers: layer 1's overview, then its evidence, then layer 2's; layer 3B's after its own table.
    const order = await page.evaluate(() => {
      const layers = [...document.querySelectorAll('.overview-layer')];
      const [first, third] = [...document.querySelectorAll('.window-lesson-evidence')];
      const follows = (before: Element, after: Element) => (before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return first && third && layers.length === 4 ? [follows(layers[0]!, first), follows(first, layers[1]!), follows(layers[3]!, third)] : null;
    });
    expect(order).toEqual([true, true, true]);
    await audit.check(lead);
    expect(audit.problems).toEqual([]);
  });
});
