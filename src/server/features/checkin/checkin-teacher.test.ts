import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { SIGNAL_KINDS, type CheckinState } from '../../../shared/checkin';
import { startSession } from '../../auth/sessions.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { isoInstant, newId } from '../../deps';
import { recountClassDays } from './checkin-class-days.repository';

// The clock stands on Friday 27 November 2026, 10:00 in Amsterdam. Monday 23 – Friday 27 is the week
// the signals look at; check-ins are put straight into the table and their class-day counted, as the
// write queue does (submission has its own tests).
const TODAY = '2026-11-27';
const NOW = new Date('2026-11-27T09:00:00.000Z');

describe.each(testDialects())('the teacher side of the check-in on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const pupils: Record<string, string> = {};
  const names: string[] = [];

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  async function addPupil(name: string, classId: string): Promise<string> {
    const id = newId();
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely
      .insertInto('pupils')
      .values({ id, school_id: world.schoolA1, pupil_number: `n-${name}`, first_name: name, last_name: 'Achternaam', birth_date: null, created_at: now, updated_at: now })
      .execute();
    await test.deps.db.kysely.insertInto('class_pupils').values({ class_id: classId, pupil_id: id, created_at: now }).execute();
    pupils[name] = id;
    names.push(name);
    return id;
  }

  async function addCheckin(pupilId: string, classId: string, date: string, state: CheckinState, options: { wantsTalk?: boolean; word?: string; time?: string } = {}) {
    const id = newId();
    const word = options.word === undefined ? null : await test.deps.fieldCrypto.encrypt(encryptedFieldRef('checkins', 'word_encrypted', [id]), options.word);
    await test.deps.db.kysely
      .insertInto('checkins')
      .values({
        id,
        idempotency_key: newId(),
        pupil_id: pupilId,
        class_id: classId,
        school_id: world.schoolA1,
        school_date: date,
        state,
        wants_talk: options.wantsTalk ? 1 : 0,
        word_encrypted: word,
        channel: 'kiosk',
        created_at: `${date}T${options.time ?? '07:45:00.000'}Z`,
      })
      .execute();
    await recountClassDays(test.deps.db.kysely, [{ classId, date }]);
    return id;
  }

  const base = () => `/api/schools/${world.schoolA1}`;
  const overviewUrl = (classId = world.classA1) => `${base()}/classes/${classId}/checkin/today`;
  const historyUrl = (pupilId: string) => `${base()}/pupils/${pupilId}/checkin/history`;
  const kindsOf = (overview: { pupils: { pupilId: string; signals: { kind: string }[] }[] }, pupilId: string) =>
    overview.pupils.find((pupil) => pupil.pupilId === pupilId)?.signals.map((signal) => signal.kind);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    test.clock.advance(NOW.getTime() - test.clock.now().getTime());
    pupils.Sanne = world.pupilInClassA1;
    pupils.Milan = world.pupilInClassA1Other;
    names.push('Sanne', 'de Vries', 'Milan', 'Jansen', 'Achternaam');
    for (const name of ['Daan', 'Lotte', 'Finn', 'Emma', 'Sem', 'Julia']) await addPupil(name, world.classA1);
    for (const name of ['Noah', 'Tess']) await addPupil(name, world.classA1Other);

    // Sanne: far too high today, asked to talk, with a word. Later in the morning she checked in again
    // the same way; an earlier, calmer check-in of today no longer counts.
    await addCheckin(pupils.Sanne!, world.classA1, TODAY, 'in_window', { time: '07:30:00.000' });
    await addCheckin(pupils.Sanne!, world.classA1, TODAY, 'far_high', { wantsTalk: true, word: 'moe 😴', time: '08:05:00.000' });
    await addCheckin(pupils.Daan!, world.classA1, TODAY, 'in_window');
    // Lotte: outside her window on Monday, Tuesday and Wednesday (a streak), nothing since.
    await addCheckin(pupils.Lotte!, world.classA1, '2026-11-23', 'bit_high');
    await addCheckin(pupils.Lotte!, world.classA1, '2026-11-24', 'low');
    await addCheckin(pupils.Lotte!, world.classA1, '2026-11-25', 'far_high');
    for (const name of ['Finn', 'Emma', 'Sem', 'Julia']) await addCheckin(pupils[name]!, world.classA1, '2026-11-23', 'in_window');
    // The other class: three pupils, fewer than the board's minimum group of 5.
    for (const name of ['Milan', 'Noah', 'Tess']) await addCheckin(pupils[name]!, world.classA1Other, '2026-11-23', 'in_window');
  });
  afterAll(async () => test.close());

  describe("today's class overview", () => {
    it('shows who checked in with what (latest counts), who did not yet and who asked to talk, with the signals', async () => {
      const response = await requestAs(test.app, await as('teacher'), 'GET', overviewUrl());
      expect(response.statusCode, response.body).toBe(200);
      const overview = response.json();
      expect(overview).toMatchObject({ classId: world.classA1, className: 'Groep 5', date: TODAY, ageGroup: 'middle' });
      expect(overview.counts).toEqual({ checkedIn: 2, notYet: 5, wantsTalk: 1 });
      expect(overview.choices.map((choice: { state: string }) => choice.state)).toEqual(['far_high', 'bit_high', 'in_window', 'low']);
      const sanne = overview.pupils.find((pupil: { pupilId: string }) => pupil.pupilId === pupils.Sanne);
      expect(sanne).toMatchObject({ displayName: 'Sanne de Vries', today: { state: 'far_high', wantsTalk: true, word: 'moe 😴', at: `${TODAY}T08:05:00.000Z` } });
      expect(sanne.signals.map((signal: { kind: string }) => signal.kind)).toEqual(['asked_to_talk', 'far_high_today']);
      expect(sanne.signals[0].explanation).toContain('praten');
      expect(overview.pupils.find((pupil: { pupilId: string }) => pupil.pupilId === pupils.Daan)).toMatchObject({ today: { state: 'in_window', word: null }, signals: [] });
      expect(overview.pupils.find((pupil: { pupilId: string }) => pupil.pupilId === pupils.Lotte)).toMatchObject({ today: null });
      expect(kindsOf(overview, pupils.Lotte!)).toEqual(['out_of_window_streak']);
      // Only the pupils of this class.
      expect(overview.pupils.map((pupil: { pupilId: string }) => pupil.pupilId)).not.toContain(pupils.Milan);
      expect(overview.pupils).toHaveLength(7);
    });

    it("explains the signals in the viewer's language", async () => {
      const login = await as('teacher');
      const response = await test.app.inject({ method: 'GET', url: overviewUrl(), headers: { cookie: login.cookie, 'accept-language': 'en' } });
      const sanne = response.json().pupils.find((pupil: { pupilId: string }) => pupil.pupilId === pupils.Sanne);
      expect(sanne.signals[0].explanation).toContain('talk with you');
    });

    it('records one audit event per look, without pupil text', async () => {
      const db = test.deps.db.kysely;
      const before = await db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow();
      await requestAs(test.app, await as('careTeam'), 'GET', overviewUrl());
      const events = await db.selectFrom('audit_events').selectAll().where('seq', '>', before.seq).execute();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'checkin.overview_read', actor_user_id: world.users.careTeam.id, target_type: 'class', target_id: world.classA1, school_id: world.schoolA1 });
      expect(events[0]?.detail).not.toContain('moe');
    });

    it("answers 404 to a teacher for a class that is not theirs, and the care team sees every class", async () => {
      expect((await requestAs(test.app, await as('teacher'), 'GET', overviewUrl(world.classA1Other))).statusCode).toBe(404);
      expect((await requestAs(test.app, await as('teacher'), 'GET', overviewUrl(newId()))).statusCode).toBe(404);
      const other = await requestAs(test.app, await as('careTeam'), 'GET', overviewUrl(world.classA1Other));
      expect(other.statusCode, other.body).toBe(200);
      expect(other.json().counts).toEqual({ checkedIn: 0, notYet: 3, wantsTalk: 0 });
      // Policy: leadership and teachers of other schools never reach the overview.
      expect((await requestAs(test.app, await as('leadership'), 'GET', overviewUrl())).statusCode).toBe(403);
      expect((await requestAs(test.app, await as('teacherOtherSchool'), 'GET', overviewUrl())).statusCode).toBe(403);
    });
  });

  describe('closed days', () => {
    it('change the streak signal: closing Tuesday and Wednesday leaves Lotte one day out of the last five school days', async () => {
      const admin = await as('schoolAdmin');
      const added = await requestAs(test.app, admin, 'POST', `${base()}/closed-days`, { startDate: '2026-11-24', endDate: '2026-11-25', name: 'Studiedagen' });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toEqual({ id: expect.any(String), startDate: '2026-11-24', endDate: '2026-11-25', name: 'Studiedagen' });
      expect((await requestAs(test.app, admin, 'GET', `${base()}/closed-days`)).json()).toEqual([added.json()]);

      const teacher = await as('teacher');
      expect(kindsOf((await requestAs(test.app, teacher, 'GET', overviewUrl())).json(), pupils.Lotte!)).toEqual([]);

      expect((await requestAs(test.app, admin, 'DELETE', `${base()}/closed-days/${added.json().id}`)).json()).toEqual({ ok: true });
      expect(kindsOf((await requestAs(test.app, teacher, 'GET', overviewUrl())).json(), pupils.Lotte!)).toEqual(['out_of_window_streak']);
      expect((await requestAs(test.app, admin, 'DELETE', `${base()}/closed-days/${added.json().id}`)).statusCode).toBe(404);
    });

    it('refuses a period that ends before it starts, and only the school admin and leadership manage them', async () => {
      const admin = await as('schoolAdmin');
      const backwards = await requestAs(test.app, admin, 'POST', `${base()}/closed-days`, { startDate: '2026-12-02', endDate: '2026-12-01', name: 'Verkeerd' });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.fields).toEqual({ 'body.endDate': ['before_start'] });
      for (const key of ['teacher', 'careTeam', 'tsoLead', 'boardAdmin'] as const) {
        expect((await requestAs(test.app, await as(key), 'GET', `${base()}/closed-days`)).statusCode, key).toBe(403);
      }
      expect((await requestAs(test.app, await as('leadership'), 'GET', `${base()}/closed-days`)).statusCode).toBe(200);
    });
  });

  describe("a pupil's history and the \"we talked\" notes", () => {
    it('gives the school days of the last weeks, the signals and conversation starters for every kind of signal', async () => {
      const response = await requestAs(test.app, await as('teacher'), 'GET', `${historyUrl(pupils.Lotte!)}?weeks=2`);
      expect(response.statusCode, response.body).toBe(200);
      const history = response.json();
      expect(history.displayName).toBe('Lotte Achternaam');
      // Two weeks: 16 – 27 November, ten school days, the weekend left out.
      expect(history.days.map((day: { date: string }) => day.date)).toEqual([
        '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27',
      ]);
      expect(history.days.slice(5)).toEqual([
        { date: '2026-11-23', state: 'bit_high', wantsTalk: false },
        { date: '2026-11-24', state: 'low', wantsTalk: false },
        { date: '2026-11-25', state: 'far_high', wantsTalk: false },
        { date: '2026-11-26', state: null, wantsTalk: false },
        { date: '2026-11-27', state: null, wantsTalk: false },
      ]);
      expect(history.signals.map((signal: { kind: string }) => signal.kind)).toEqual(['out_of_window_streak']);
      expect(Object.keys(history.starters).sort()).toEqual([...SIGNAL_KINDS].sort());
      for (const kind of SIGNAL_KINDS) expect(history.starters[kind].length).toBeGreaterThanOrEqual(3);
      expect((await requestAs(test.app, await as('teacher'), 'GET', historyUrl(pupils.Lotte!))).json().days).toHaveLength(30);
    });

    it('answers 404 to a teacher for a pupil of another class', async () => {
      const teacher = await as('teacher');
      expect((await requestAs(test.app, teacher, 'GET', historyUrl(pupils.Milan!))).statusCode).toBe(404);
      expect((await requestAs(test.app, teacher, 'POST', `${historyUrl(pupils.Milan!).replace('/history', '/notes')}`, { signalKind: null, text: 'Hallo' })).statusCode).toBe(404);
      expect((await requestAs(test.app, teacher, 'GET', historyUrl(world.pupilB1))).statusCode).toBe(404);
      expect((await requestAs(test.app, await as('careTeam'), 'GET', historyUrl(pupils.Milan!))).statusCode).toBe(200);
    });

    it('stores a note encrypted; the teacher and the care team read it, leadership cannot', async () => {
      const text = 'We hebben in de pauze gepraat over thuis; ze slaapt slecht.';
      const notesUrl = historyUrl(pupils.Sanne!).replace('/history', '/notes');
      const written = await requestAs(test.app, await as('teacher'), 'POST', notesUrl, { signalKind: 'asked_to_talk', text });
      expect(written.statusCode, written.body).toBe(201);
      expect(written.json()).toEqual({ id: expect.any(String), date: TODAY, signalKind: 'asked_to_talk', text, authorName: 'teacher', createdAt: NOW.toISOString() });

      const row = await test.deps.db.kysely.selectFrom('checkin_notes').selectAll().where('id', '=', written.json().id).executeTakeFirstOrThrow();
      expect(row.note_encrypted).not.toBe(text);
      expect(row.note_encrypted).not.toContain('pauze');
      expect(row.note_encrypted.startsWith('gw1:')).toBe(true);

      for (const key of ['teacher', 'careTeam'] as const) {
        const history = await requestAs(test.app, await as(key), 'GET', historyUrl(pupils.Sanne!));
        expect(history.json().notes, key).toEqual([written.json()]);
      }
      for (const key of ['leadership', 'tsoLead', 'schoolAdmin', 'boardAdmin'] as const) {
        expect((await requestAs(test.app, await as(key), 'GET', historyUrl(pupils.Sanne!))).statusCode, key).toBe(403);
        expect((await requestAs(test.app, await as(key), 'POST', notesUrl, { signalKind: null, text: 'x' })).statusCode, key).toBe(403);
      }
      const events = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'checkin.note_added').execute();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor_user_id: world.users.teacher.id, target_type: 'pupil', target_id: pupils.Sanne });
      expect(events[0]?.detail).not.toContain('pauze');
    });

    it('refuses an empty or over-long note', async () => {
      const notesUrl = historyUrl(pupils.Sanne!).replace('/history', '/notes');
      for (const body of [{ signalKind: null, text: '   ' }, { signalKind: null, text: 'x'.repeat(2001) }, { signalKind: 'unknown', text: 'x' }]) {
        expect((await requestAs(test.app, await as('teacher'), 'POST', notesUrl, body)).statusCode).toBe(400);
      }
    });
  });

  describe('signals across the school', () => {
    it('shows the care team every pupil with a signal, by class, and nobody else', async () => {
      const response = await requestAs(test.app, await as('careTeam'), 'GET', `${base()}/checkin/signals`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().map((entry: { pupilId: string; className: string; signals: { kind: string }[] }) => [entry.pupilId, entry.className, entry.signals.map((signal) => signal.kind)])).toEqual([
        [pupils.Lotte, 'Groep 5', ['out_of_window_streak']],
        [pupils.Sanne, 'Groep 5', ['asked_to_talk', 'far_high_today']],
      ]);
      const event = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'checkin.school_signals_read').executeTakeFirstOrThrow();
      expect(event).toMatchObject({ actor_user_id: world.users.careTeam.id, target_type: 'school', target_id: world.schoolA1 });
      for (const key of ['teacher', 'leadership', 'schoolAdmin'] as const) {
        expect((await requestAs(test.app, await as(key), 'GET', `${base()}/checkin/signals`)).statusCode, key).toBe(403);
      }
    });
  });

  describe('anonymous figures', () => {
    function expectNoPupil(body: string): void {
      for (const id of Object.values(pupils)) expect(body).not.toContain(id);
      for (const name of names) expect(body).not.toContain(name);
    }

    // Groep 5: Monday the 23rd five pupils (four in the window), Tuesday and Wednesday only Lotte, today
    // Sanne and Daan. Groep 6: Monday three pupils. The board's minimum group is 5.
    const week48 = { period: '2026-W48', days: 1, pupilsCheckedIn: 5, shareInWindow: 0.8 };

    it('shows leadership the share in the window per week from days of at least k pupils only, never today, hiding a class without such a day', async () => {
      const response = await requestAs(test.app, await as('leadership'), 'GET', `${base()}/checkin/aggregates`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        schoolId: world.schoolA1,
        minGroupSize: 5,
        classes: [{ classId: world.classA1, className: 'Groep 5', periods: [week48] }],
        hiddenClasses: 1,
      });
      expectNoPupil(response.body);
    });

    it('leaves out a day with fewer pupils than the minimum group, and today', async () => {
      const response = await requestAs(test.app, await as('tsoLead'), 'GET', `${base()}/checkin/aggregates?groupBy=day&from=2026-11-23&to=2026-11-27`);
      expect(response.json().classes).toEqual([{ classId: world.classA1, className: 'Groep 5', periods: [{ period: '2026-11-23', days: 1, pupilsCheckedIn: 5, shareInWindow: 0.8 }] }]);
      expect(response.json().hiddenClasses).toBe(1);
      expectNoPupil(response.body);
    });

    it('reads the class-day counts that remain once retention purged the raw check-ins', async () => {
      const stored = (classId: string, date: string, pupilsCheckedIn: number, inWindow: number) => ({
        class_id: classId,
        school_date: date,
        pupils_checked_in: pupilsCheckedIn,
        in_window: inWindow,
        bit_high: pupilsCheckedIn - inWindow,
        far_high: 0,
        low: 0,
        wants_talk: 0,
      });
      await test.deps.db.kysely
        .insertInto('checkin_class_days')
        .values([
          ...['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'].map((date) => stored(world.classA1, date, 6, 3)),
          stored(world.classA1, '2026-10-09', 8, 8),
          stored(world.classA1Other, '2026-10-05', 2, 2),
        ])
        .execute();
      const response = await requestAs(test.app, await as('leadership'), 'GET', `${base()}/checkin/aggregates?from=2026-10-05&to=2026-11-27`);
      expect(response.json()).toMatchObject({
        classes: [
          {
            classId: world.classA1,
            // (4 × 3 + 8) of (4 × 6 + 8) in the window; 32 check-ins over five days.
            periods: [{ period: '2026-W41', days: 5, pupilsCheckedIn: 6, shareInWindow: 0.625 }, week48],
          },
        ],
        hiddenClasses: 1,
      });
    });

    it('refuses a period that ends before it starts or is longer than a year', async () => {
      const leadership = await as('leadership');
      expect((await requestAs(test.app, leadership, 'GET', `${base()}/checkin/aggregates?from=2026-11-27&to=2026-11-01`)).statusCode).toBe(400);
      expect((await requestAs(test.app, leadership, 'GET', `${base()}/checkin/aggregates?from=2025-01-01&to=2026-11-01`)).statusCode).toBe(400);
      // Per day at most 62 days; longer periods go per week.
      const byDay = await requestAs(test.app, leadership, 'GET', `${base()}/checkin/aggregates?from=2026-09-01&to=2026-11-27&groupBy=day`);
      expect(byDay.json().error.fields).toEqual({ 'query.groupBy': ['period_too_long_by_day'] });
      expect((await requestAs(test.app, leadership, 'GET', `${base()}/checkin/aggregates?from=2026-09-27&to=2026-11-27&groupBy=day`)).statusCode).toBe(200);
      expect((await requestAs(test.app, await as('teacher'), 'GET', `${base()}/checkin/aggregates`)).statusCode).toBe(403);
    });

    it('shows the board only the schools that share, without pupils', async () => {
      const url = `/api/boards/${world.boardA}/checkin/aggregates`;
      const board = await as('boardAdmin');
      expect((await requestAs(test.app, board, 'GET', url)).json()).toEqual({ schools: [] });
      const shared = await requestAs(test.app, await as('leadership'), 'PUT', `${base()}/settings`, { sharesCheckinWithBoard: true });
      expect(shared.json()).toMatchObject({ sharesCheckinWithBoard: true, sharesSelfscanWithBoard: false });
      const response = await requestAs(test.app, board, 'GET', url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().schools).toEqual([
        {
          schoolId: world.schoolA1,
          schoolName: 'School A1',
          minGroupSize: 5,
          classes: [{ classId: world.classA1, className: 'Groep 5', periods: [week48] }],
          hiddenClasses: 1,
        },
      ]);
      expectNoPupil(response.body);
      expect((await requestAs(test.app, await as('boardAdminOtherBoard'), 'GET', url)).statusCode).toBe(403);
      expect((await requestAs(test.app, await as('leadership'), 'GET', url)).statusCode).toBe(403);
    });
  });

  describe("the school's own words", () => {
    it('replaces a label for an age group and language, shows it in the overview legend, and an empty label goes back', async () => {
      const admin = await as('schoolAdmin');
      const url = `${base()}/checkin/wording`;
      expect((await requestAs(test.app, admin, 'GET', url)).json()).toEqual({ entries: [] });
      const entry = { ageGroup: 'middle', state: 'in_window', locale: 'nl', label: 'Lekker rustig' };
      const saved = await requestAs(test.app, admin, 'PUT', url, { entries: [entry] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ entries: [entry] });
      const legend = (await requestAs(test.app, await as('teacher'), 'GET', overviewUrl())).json().choices;
      expect(legend.find((choice: { state: string }) => choice.state === 'in_window')).toMatchObject({ label: 'Lekker rustig' });

      expect((await requestAs(test.app, await as('leadership'), 'PUT', url, { entries: [{ ...entry, label: '' }] })).json()).toEqual({ entries: [] });
      const reset = (await requestAs(test.app, await as('teacher'), 'GET', overviewUrl())).json().choices;
      expect(reset.find((choice: { state: string }) => choice.state === 'in_window').label).not.toBe('Lekker rustig');
      expect((await requestAs(test.app, await as('teacher'), 'PUT', url, { entries: [entry] })).statusCode).toBe(403);
      const events = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'checkin.wording_changed').execute();
      expect(events.map((event) => JSON.parse(event.detail ?? '{}'))).toEqual([{ set: 1, reset: 0 }, { set: 0, reset: 1 }]);
    });
  });

  // Runs last: it adds a pupil and moves the clock.
  describe('a signal that was talked about', () => {
    type Signal = { kind: string; handled: { date: string; at: string; byName: string | null } | null };
    const handledOf = (signals: Signal[]) => Object.fromEntries(signals.map((signal) => [signal.kind, signal.handled]));
    const notesUrl = (pupilId: string) => historyUrl(pupilId).replace('/history', '/notes');

    it("says so on the teacher's class page, the care team's signals and the pupil page, until a new check-in opens it again", async () => {
      const noor = await addPupil('Noor', world.classA1);
      await addCheckin(noor, world.classA1, TODAY, 'far_high', { wantsTalk: true, time: '08:20:00.000' });
      const overview = async () => (await requestAs(test.app, await as('teacher'), 'GET', overviewUrl())).json();
      const noorIn = (body: { pupils: { pupilId: string; signals: Signal[] }[] }) => body.pupils.find((pupil) => pupil.pupilId === noor)!.signals;
      const before = await overview();
      expect(handledOf(noorIn(before))).toEqual({ asked_to_talk: null, far_high_today: null });

      // The care team talked with Noor about her wish to talk (clock: 09:00 UTC, after her check-in).
      const note = await requestAs(test.app, await as('careTeam'), 'POST', notesUrl(noor), { signalKind: 'asked_to_talk', text: 'Even samen gewandeld.' });
      expect(note.statusCode, note.body).toBe(201);
      const talkedAbout = { date: TODAY, at: NOW.toISOString(), byName: 'careTeam' };
      const after = await overview();
      expect(handledOf(noorIn(after))).toEqual({ asked_to_talk: talkedAbout, far_high_today: null });
      // The wish to talk no longer waits: one fewer in the count.
      expect(after.counts.wantsTalk).toBe(before.counts.wantsTalk - 1);
      const schoolSignals = (await requestAs(test.app, await as('careTeam'), 'GET', `${base()}/checkin/signals`)).json();
      expect(handledOf(schoolSignals.find((entry: { pupilId: string }) => entry.pupilId === noor).signals)).toEqual({ asked_to_talk: talkedAbout, far_high_today: null });
      const history = (await requestAs(test.app, await as('teacher'), 'GET', historyUrl(noor))).json();
      expect(handledOf(history.signals)).toEqual({ asked_to_talk: talkedAbout, far_high_today: null });

      // A note about no signal in particular covers every signal of today.
      test.clock.advance(5 * 60_000);
      expect((await requestAs(test.app, await as('teacher'), 'POST', notesUrl(noor), { signalKind: null, text: 'Gesprek in de klas.' })).statusCode).toBe(201);
      const byTeacher = { date: TODAY, at: new Date(NOW.getTime() + 5 * 60_000).toISOString(), byName: 'teacher' };
      expect(handledOf(noorIn(await overview()))).toEqual({ asked_to_talk: byTeacher, far_high_today: byTeacher });

      // Noor checks in again later and asks once more: her signals wait again.
      await addCheckin(noor, world.classA1, TODAY, 'far_high', { wantsTalk: true, time: '09:30:00.000' });
      expect(handledOf(noorIn(await overview()))).toEqual({ asked_to_talk: null, far_high_today: null });
    });
  });
});
