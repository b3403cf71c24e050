import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinState } from '../../src/shared/checkin';
import { PUPIL_TEXTS } from '../../src/shared/checkin-wording';
import { isoInstant, newId } from '../../src/server/deps';
import { schoolDaysBefore } from '../../src/server/features/demo/demo-checkins.data';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { recountClassDays } from '../../src/server/features/checkin/checkin-class-days.repository';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';
import { schoolDateOf } from '../../src/shared/school-time';

const SCHOOL = 'Basisschool De Vlinderboom';
const NOTE = 'Samen de ochtend doorgenomen; ze mag morgen even bij de deur beginnen.';

interface SeededPupil {
  id: string;
  name: string;
}

// The demo with its check-ins replaced by a known morning: in groep 5 one pupil asked to talk, one is
// out of the window three school days running, five more are in the window today and on the school day
// before. On that day groep 5 had six pupils checking in (the anonymous figures show it) and groep 3 only
// two (under the board's minimum group of 5, so leadership must not see that class; today never counts).
describe('the daily check-in for staff, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let boardId = '';
  let talker: SeededPupil;
  let streak: SeededPupil;
  const groep5Names: string[] = [];
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];
  /** The browser the teacher turned into the class device of groep 5. */
  let classDevice: BrowserSession;

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    const school = await db.selectFrom('schools').select(['id', 'board_id']).where('name', '=', SCHOOL).executeTakeFirstOrThrow();
    schoolId = school.id;
    boardId = school.board_id;
    const pupilsOf = async (className: string) => {
      const rows = await db
        .selectFrom('class_pupils')
        .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
        .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
        .select(['pupils.id', 'pupils.first_name', 'pupils.last_name', 'classes.id as class_id'])
        .where('classes.school_id', '=', schoolId)
        .where('classes.name', '=', className)
        .orderBy('pupils.pupil_number')
        .execute();
      return rows.map((row) => ({ id: row.id, classId: row.class_id, name: `${row.first_name} ${row.last_name}` }));
    };
    const groep5 = await pupilsOf('Groep 5');
    const groep3 = await pupilsOf('Groep 3');
    groep5Names.push(...groep5.map((pupil) => pupil.name));
    await db.deleteFrom('checkins').execute();
    await db.deleteFrom('checkin_class_days').execute();

    const today = schoolDateOf(new Date());
    const insert = async (pupil: (typeof groep5)[number], date: string, state: CheckinState, wantsTalk = false) => {
      await db
        .insertInto('checkins')
        .values({
          id: newId(),
          idempotency_key: newId(),
          pupil_id: pupil.id,
          class_id: pupil.classId,
          school_id: schoolId,
          school_date: date,
          state,
          wants_talk: wantsTalk ? 1 : 0,
          word_encrypted: null,
          channel: 'kiosk',
          created_at: isoInstant(new Date(Date.now() - 60_000)),
        })
        .execute();
    };
    const [first, second, ...others] = groep5;
    if (!first || !second || others.length < 5) throw new Error('groep 5 of the demo is too small');
    talker = first;
    streak = second;
    await insert(first, today, 'bit_high', true);
    for (const date of schoolDaysBefore(today, 3)) await insert(second, date, 'far_high');
    for (const pupil of others.slice(0, 5)) await insert(pupil, today, 'in_window');
    for (const pupil of groep3.slice(0, 2)) await insert(pupil, today, 'in_window');
    const [dayBefore = ''] = schoolDaysBefore(today, 1);
    for (const pupil of [...others.slice(0, 5), ...groep3.slice(0, 2)]) await insert(pupil, dayBefore, 'in_window');
    // Counted as the write queue counts what it stores.
    const stored = await db.selectFrom('checkins').select(['class_id', 'school_date']).distinct().execute();
    await recountClassDays(db, stored.map((row) => ({ classId: row.class_id, date: row.school_date })));
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await server?.close();
  });

  async function browserFor(email: string): Promise<BrowserSession> {
    const session = await openBrowser();
    sessions.push(session);
    await signIn(session.page, server.baseUrl, email, DEMO_PASSWORD);
    return session;
  }

  it('the teacher sees who asked to talk and a signal, opens the pupil and records a "we talked" note', async () => {
    const teacher = await browserFor('leerkracht@voorbeeld.test');
    classDevice = teacher;
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Check-in' }).click();
    await waitForPage(page, 'Check-in');
    await audit.check(teacher);
    await page.getByRole('link', { name: 'Groep 5' }).click();
    await waitForPage(page, 'Check-in Groep 5');

    const talk = page.getByRole('region', { name: 'Wil graag met je praten' });
    expect(await talk.getByRole('link', { name: talker.name }).count()).toBe(1);
    expect(await talk.textContent()).toContain('Een beetje te hoog');
    const signals = page.getByRole('region', { name: 'Signalen' });
    const streakItem = signals.getByRole('listitem').filter({ has: page.getByRole('link', { name: streak.name }) });
    expect(await streakItem.textContent()).toContain('Vaak buiten het raampje');
    expect(await page.locator('.checkin-counts div').filter({ hasText: 'Ingecheckt' }).locator('dd').textContent()).toBe('6');
    expect(await page.getByRole('region', { name: 'Nog niet ingecheckt' }).textContent()).toContain(streak.name);
    await audit.check(teacher);

    // The class code, full-screen, with the time it stays valid (test/e2e/checkin-classroom.e2e.test.ts checks what it hides).
    await page.getByRole('button', { name: 'Klascode tonen' }).click();
    const codeScreen = page.getByRole('dialog', { name: 'Klascode voor Groep 5' });
    await codeScreen.getByText(/^Nog \d+:\d\d geldig$/).waitFor();
    expect((await codeScreen.locator('.class-code').textContent())?.length).toBe(6);
    await audit.check(teacher);
    await codeScreen.getByRole('button', { name: 'Klascode sluiten' }).click();
    await codeScreen.waitFor({ state: 'hidden' });

    await streakItem.getByRole('link', { name: streak.name }).click();
    await waitForPage(page, `Check-in van ${streak.name}`);
    const signalCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Vaak buiten het raampje' }) });
    expect(await signalCard.getByRole('list').getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /Check-ins per schooldag/ }).count()).toBe(1);
    await page.getByText('Alle dagen als tabel').click();
    const days = page.getByRole('table', { name: 'Check-ins per schooldag' });
    expect(await days.getByRole('cell', { name: 'Veel te hoog' }).count()).toBe(3);
    await audit.check(teacher);

    await page.getByLabel('Over welk signaal?').selectOption({ label: 'Vaak buiten het raampje' });
    await page.getByLabel('Wat hebben jullie besproken?').fill(NOTE);
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De notitie is opgeslagen.' }).waitFor();
    const note = page.getByRole('listitem').filter({ hasText: NOTE });
    expect(await note.textContent()).toContain('Sanne Verbeek');
    expect(await note.textContent()).toContain('Vaak buiten het raampje');
    // Stored encrypted: the text is not in the database as written.
    const stored = await server.db.kysely.selectFrom('checkin_notes').select('note_encrypted').executeTakeFirstOrThrow();
    expect(stored.note_encrypted).not.toContain('ochtend');
    await audit.check(teacher);

    // Login cards: asked first, because new cards revoke the old codes.
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in`);
    await page.getByRole('link', { name: 'Groep 5' }).click();
    await waitForPage(page, 'Check-in Groep 5');
    await page.getByRole('link', { name: 'Inlogkaarten afdrukken' }).click();
    await waitForPage(page, 'Inlogkaarten');
    await page.getByRole('button', { name: 'Nieuwe inlogkaarten maken' }).click();
    await page.getByRole('dialog', { name: 'Nieuwe inlogkaarten maken?' }).waitFor();
    await audit.check(teacher);
    await page.getByRole('button', { name: 'Ja, nieuwe kaarten maken' }).click();
    await waitForPage(page, 'Inlogkaarten Groep 5');
    const cards = page.getByRole('list', { name: 'Inlogkaarten' }).getByRole('listitem');
    expect(await cards.count()).toBe(groep5Names.length);
    expect(await cards.first().getByRole('img', { name: /^QR-code om in te checken als / }).count()).toBe(1);
    await audit.check(teacher);

    // Last: this device becomes the class device, and the teacher's own session on it ends.
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in`);
    await page.getByRole('link', { name: 'Groep 5' }).click();
    await waitForPage(page, 'Check-in Groep 5');
    await page.getByRole('button', { name: 'Check-in openen op dit apparaat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check-in openen voor Groep 5' });
    expect(await dialog.getByRole('checkbox', { name: 'Mij op dit apparaat uitloggen' }).isChecked()).toBe(true);
    await audit.check(teacher);
    await dialog.getByRole('button', { name: 'Check-in openen' }).click();
    await page.waitForURL(`${server.baseUrl}/klas`);
    const session = (await (await page.request.get(`${server.baseUrl}/api/session`)).json()) as { user: unknown };
    expect(session.user).toBeNull();
    expect(await server.db.kysely.selectFrom('kiosk_devices').select('class_id').execute()).toHaveLength(1);
  });

  it('the teacher sees the open class device from another device and closes it, after confirming', async () => {
    const teacher = await browserFor('leerkracht@voorbeeld.test');
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in`);
    await page.getByRole('link', { name: 'Groep 5' }).click();
    await waitForPage(page, 'Check-in Groep 5');
    const open = page.getByRole('region', { name: 'Open klasapparaten' }).getByRole('table');
    await open.waitFor();
    expect(await open.getByRole('row').count()).toBe(2);
    expect(await open.getByRole('rowheader').textContent()).toBe('Sanne Verbeek');
    await audit.check(teacher);

    await open.getByRole('button', { name: /^Sluiten Sanne Verbeek, / }).click();
    const dialog = page.getByRole('dialog', { name: 'Klasapparaat sluiten?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('stopt de check-in meteen');
    await audit.check(teacher);
    await dialog.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Het klasapparaat dat Sanne Verbeek op .+ opende is gesloten\.$/ }).waitFor();
    await page.getByText('Er staat nu geen klasapparaat open voor Groep 5.').waitFor();
    expect(await server.db.kysely.selectFrom('kiosk_devices').select('id').execute()).toEqual([]);
    const closed = await server.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'checkin.kiosk_closed').execute();
    expect(closed).toHaveLength(1);
    await audit.check(teacher);

    // The class device stops at once: reloaded, it says the check-in is closed.
    await classDevice.page.reload();
    await classDevice.page.getByText(PUPIL_TEXTS.nl.kioskClosed).waitFor();
  });

  it('the care team sees the signals of the whole school and the teacher’s note', async () => {
    const care = await browserFor('ib@voorbeeld.test');
    const { page } = care;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in`);
    await waitForPage(page, 'Check-in');
    await page.getByRole('link', { name: 'Signalen in de school' }).click();
    await waitForPage(page, 'Signalen in de school');
    const groep5 = page.getByRole('region', { name: 'Groep 5' });
    expect(await groep5.getByRole('link', { name: talker.name }).count()).toBe(1);
    // The teacher's note on the streak marks it as talked about: not waiting in groep 5, but under "talked about today".
    expect(await groep5.getByRole('link', { name: streak.name }).count()).toBe(0);
    const streakItem = page.getByRole('region', { name: 'Vandaag besproken' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: streak.name }) });
    expect(await streakItem.first().textContent()).toMatch(/Vaak buiten het raampje:\s+Besproken op .+ door Sanne Verbeek/);
    await audit.check(care);
    await streakItem.first().getByRole('link', { name: streak.name }).click();
    await waitForPage(page, `Check-in van ${streak.name}`);
    expect(await page.getByRole('listitem').filter({ hasText: NOTE }).count()).toBe(1);
    await audit.check(care);
  });

  it('leadership sees anonymous figures without a pupil name, sets closed days and shares the figures with the board', async () => {
    const leadership = await browserFor('directie@voorbeeld.test');
    const { page } = leadership;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in`);
    await waitForPage(page, 'Check-in');
    expect(await page.getByRole('link', { name: 'Groep 5' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Check-in in cijfers' }).click();
    await waitForPage(page, 'Check-in in cijfers');
    await page.getByRole('heading', { name: 'Groep 5' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Groep 3' }).count()).toBe(0);
    // Groep 3 (two pupils) and groep 7 (nobody) have no day of at least five pupils.
    expect(await page.getByText('2 klassen niet getoond').count()).toBe(1);
    const body = (await page.locator('body').textContent()) ?? '';
    for (const name of groep5Names) expect(body).not.toContain(name);
    await audit.check(leadership);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/instellingen`);
    await waitForPage(page, 'Check-in instellen');
    await audit.check(leadership);
    await page.getByLabel('In het raampje, Midden (groep 4 tot en met 8), Nederlands').fill('Lekker bezig');
    await page.getByRole('button', { name: 'Woorden opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De woorden zijn opgeslagen.' }).waitFor();
    const words = await server.db.kysely.selectFrom('checkin_wording').select(['age_group', 'state', 'locale', 'label']).execute();
    expect(words).toEqual([{ age_group: 'middle', state: 'in_window', locale: 'nl', label: 'Lekker bezig' }]);
    await page.getByLabel('Naam').fill('Kerstvakantie');
    await page.getByLabel('Eerste dag').fill('2026-12-21');
    await page.getByLabel('Laatste dag').fill('2027-01-01');
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Kerstvakantie is toegevoegd.' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'Kerstvakantie' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Verwijderen Kerstvakantie' }).click();
    await page.getByRole('dialog', { name: 'Kerstvakantie verwijderen?' }).waitFor();
    await audit.check(leadership);
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kerstvakantie is verwijderd.' }).waitFor();
    expect(await server.db.kysely.selectFrom('school_closed_days').select('id').execute()).toEqual([]);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('checkbox', { name: 'Anonieme check-incijfers delen met het bestuur' }).check();
    await page.getByRole('region', { name: 'Check-incijfers delen met het bestuur' }).getByRole('button', { name: 'Keuze over check-in opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het bestuur ziet nu de anonieme check-incijfers van de school.' }).waitFor();
    const stored = await server.db.kysely.selectFrom('school_settings').selectAll().where('school_id', '=', schoolId).executeTakeFirstOrThrow();
    expect([stored.shares_checkin_with_board, stored.shares_selfscan_with_board]).toEqual([1, 0]);
    await audit.check(leadership);
  });

  it('the board admin sees the sharing school’s anonymous figures', async () => {
    const board = await browserFor('bestuur@voorbeeld.test');
    const { page } = board;
    await page.goto(`${server.baseUrl}/besturen/${boardId}`);
    await page.getByRole('navigation', { name: 'Bestuursmenu' }).getByRole('link', { name: 'Check-in per school' }).click();
    await waitForPage(page, 'Check-in per school');
    const school = page.getByRole('region', { name: SCHOOL });
    await school.getByRole('heading', { name: 'Groep 5' }).waitFor();
    expect(await page.getByRole('region', { name: 'VSO De Horizon' }).count()).toBe(0);
    const body = (await page.locator('body').textContent()) ?? '';
    for (const name of groep5Names) expect(body).not.toContain(name);
    await audit.check(board);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});
