import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import type { SchoolRole } from '../../../shared/roles';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { pdfText } from '../../../../test/support/pdf-text';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedModels } from './model-catalogue';
import { shippedModelId } from './selfscan.service';

// Regression tests for the finding "self-scan anonymity can be bypassed": one test per way in, each
// through the API as a browser would use it. Board A's k is 5 unless a test sets it.

const model = loadShippedModels()[0]!;
const ASPECTS = aspectIdsOf(model);
const [MOTIVATION, KNOWLEDGE, LANGUAGE] = ASPECTS as [string, string, string];
const MODEL_ID = shippedModelId(model.id, model.version);
const DAY = 86_400_000;
type Phase = 1 | 2 | 3 | 4 | null;

describe.each(testDialects())('self-scan anonymity (the k rule) on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  /** Six more teachers, so the school has 7 teachers and 11 staff. */
  const extraTeachers = Array.from({ length: 6 }, (_, index) => ({ id: newId(), email: `extra${index}@world.test` }));
  let sessions = new Map<string, Login>();

  async function as(userId: string): Promise<Login> {
    const known = sessions.get(userId);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(userId, login);
    return login;
  }
  const user = (key: WorldUserKey) => as(world.users[key].id);
  const base = () => `/api/schools/${world.schoolA1}/selfscan`;
  const today = () => isoInstant(test.clock.now()).slice(0, 10);
  const setK = (k: number) => test.deps.db.kysely.updateTable('boards').set({ min_group_size: k }).where('id', '=', world.boardA).execute();
  /** The next school day begins: rounds that closed today are closed, sessions have expired. */
  const nextDay = () => {
    test.clock.advance(DAY);
    sessions = new Map();
  };

  async function openRound(name: string, roles: SchoolRole[] = []): Promise<string> {
    const response = await requestAs(test.app, await user('tsoLead'), 'POST', `${base()}/rounds`, {
      name,
      modelId: MODEL_ID,
      opensOn: today(),
      closesOn: today(),
      audience: { roles, locationIds: [] },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }
  async function rate(roundId: string, userId: string, aspect: string, phase: Phase, note?: string) {
    const response = await requestAs(test.app, await as(userId), 'PUT', `${base()}/rounds/${roundId}/ratings/${aspect}`, { phase, ...(note ? { note } : {}) });
    expect(response.statusCode, response.body).toBe(200);
  }
  const get = async (key: WorldUserKey, path: string) => requestAs(test.app, await user(key), 'GET', `${base()}${path}`);
  const teachers = () => [world.users.teacher.id, ...extraTeachers.map((teacher) => teacher.id)];
  const others = () => [world.users.leadership.id, world.users.tsoLead.id, world.users.careTeam.id, world.users.schoolAdmin.id];

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    for (const [index, teacher] of extraTeachers.entries()) {
      await db.insertInto('users').values({ id: teacher.id, email: teacher.email, name: `Leerkracht ${index}`, password_hash: null, locale: 'nl', disabled_at: null, created_at: now }).execute();
      await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: teacher.id, role: 'teacher', created_at: now }).execute();
    }
  });
  afterAll(async () => test.close());

  it('refuses an audience smaller than k with a Dutch explanation, and tells the size of an audience before opening', async () => {
    const before = await test.deps.db.kysely.selectFrom('selfscan_rounds').select('id').execute();
    // The care team of school A1 is one person: a round for it alone would show that person's answers.
    const response = await test.app.inject({
      method: 'POST',
      url: `${base()}/rounds`,
      headers: { cookie: (await user('tsoLead')).cookie, 'x-csrf-token': (await user('tsoLead')).csrfToken, 'accept-language': 'nl' },
      payload: { name: 'Alleen het zorgteam', modelId: MODEL_ID, opensOn: today(), closesOn: today(), audience: { roles: ['care_team', 'leadership'], locationIds: [] } },
    });
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('audience_too_small');
    expect(error.message).toMatch(/minstens/);
    expect(error.fields['body.audience']).toEqual(['2 people; at least 5 needed']);
    expect(await test.deps.db.kysely.selectFrom('selfscan_rounds').select('id').execute()).toEqual(before);

    const preview = async (roles: SchoolRole[]) => requestAs(test.app, await user('tsoLead'), 'POST', `${base()}/audience`, { roles, locationIds: [] });
    expect((await preview(['care_team', 'leadership'])).json()).toEqual({ people: 2, minGroupSize: 5 });
    expect((await preview([])).json()).toEqual({ people: 11, minGroupSize: 5 });
    expect((await preview(['teacher'])).json()).toEqual({ people: 7, minGroupSize: 5 });
    expect((await requestAs(test.app, await user('teacher'), 'POST', `${base()}/audience`, { roles: [], locationIds: [] })).statusCode).toBe(403);
    // Seven teachers are enough.
    await openRound('Alleen leerkrachten', ['teacher']);
  });

  it('shows nothing of a round while it is open (progress stays counts), and the lead may close it early', async () => {
    const roundId = await openRound('Nog open');
    for (const [index, userId] of teachers().slice(0, 5).entries()) await rate(roundId, userId, MOTIVATION, ((index % 4) + 1) as Phase, 'Een toelichting');
    for (const path of ['results', 'results.csv', 'report.pdf', 'shift?against=' + roundId]) {
      const response = await get('tsoLead', `/rounds/${roundId}/${path}`);
      expect(response.statusCode, path).not.toBe(200);
      expect(response.body).not.toContain('Een toelichting');
    }
    const results = await get('leadership', `/rounds/${roundId}/results`);
    expect(results.statusCode).toBe(409);
    expect(results.json().error.code).toBe('round_still_open');
    expect((await get('schoolAdmin', `/rounds/${roundId}/ratings.csv`)).statusCode).toBe(409);
    const round = (await get('tsoLead', `/rounds/${roundId}`)).json();
    expect(round).toMatchObject({ status: 'open', canSeeResults: false, closedAt: null, progress: { invited: 11, responded: 5 } });

    // Closing is for the lead and leadership; afterwards nobody can answer and the results are readable.
    expect((await requestAs(test.app, await user('teacher'), 'POST', `${base()}/rounds/${roundId}/close`)).statusCode).toBe(403);
    const closed = await requestAs(test.app, await user('leadership'), 'POST', `${base()}/rounds/${roundId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', canSeeResults: true, closedAt: isoInstant(test.clock.now()) });
    const late = await requestAs(test.app, await as(extraTeachers[5]!.id), 'PUT', `${base()}/rounds/${roundId}/ratings/${MOTIVATION}`, { phase: 2 });
    expect(late.statusCode).toBe(409);
    expect((await get('tsoLead', `/rounds/${roundId}/results`)).statusCode).toBe(200);
    // Closing twice changes nothing and records one event.
    expect((await requestAs(test.app, await user('tsoLead'), 'POST', `${base()}/rounds/${roundId}/close`)).json().closedAt).toBe(closed.json().closedAt);
    const events = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'selfscan.round_closed').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: world.users.leadership.id, target_id: roundId, school_id: world.schoolA1 });
  });

  it('hides the whole team when fewer than k answered: no number in the results, the PDF or the CSV', async () => {
    const roundId = await openRound('Twee mensen');
    await rate(roundId, world.users.careTeam.id, MOTIVATION, 4, 'Alleen ik zie dit');
    await rate(roundId, world.users.careTeam.id, KNOWLEDGE, 1);
    await rate(roundId, world.users.leadership.id, MOTIVATION, 2);
    nextDay();
    const results = (await get('tsoLead', `/rounds/${roundId}/results`)).json();
    expect(results.aggregate.respondents).toBe(2);
    expect(results.aggregate.aspects).toEqual(ASPECTS.map((aspect) => ({ aspect, hidden: true })));
    expect(results.aggregate.groups).toEqual([]);
    expect(results.notes.find((entry: { aspectId: string }) => entry.aspectId === MOTIVATION)).toEqual({ aspectId: MOTIVATION, hidden: true });
    expect(JSON.stringify(results)).not.toContain('Alleen ik zie dit');

    const csv = await get('tsoLead', `/rounds/${roundId}/results.csv`);
    const [header, ...rows] = parse(csv.body, { bom: true, delimiter: ';' }) as string[][];
    const numbers = header!.indexOf('n');
    for (const row of rows) {
      expect(row[header!.indexOf('hidden')]).toBe('true');
      expect(row.slice(numbers, header!.indexOf('consensusPhase')).every((value) => value === '')).toBe(true);
    }
    const pdf = pdfText((await get('tsoLead', `/rounds/${roundId}/report.pdf?lang=nl`)).rawPayload);
    expect(pdf).toContain('te weinig antwoorden (minder dan 5)');
    expect(pdf).not.toMatch(/Mediaan \d/);
  });

  it('hides an aspect that fewer than k rated with a phase, whatever the rest of the round; "weet ik niet" opens nothing', async () => {
    const roundId = await openRound('Eén kenner');
    // Six people rate motivation; on knowledge only the director gives a phase, five say "weet ik niet".
    for (const userId of teachers().slice(0, 5)) {
      await rate(roundId, userId, MOTIVATION, 2);
      await rate(roundId, userId, KNOWLEDGE, null, userId === world.users.teacher.id ? 'Geen idee wat de directie doet' : undefined);
    }
    await rate(roundId, world.users.leadership.id, MOTIVATION, 3);
    await rate(roundId, world.users.leadership.id, KNOWLEDGE, 4, 'De directie weet het wel');
    // Two people answer language, one with a note: too few to show the note.
    await rate(roundId, world.users.careTeam.id, LANGUAGE, 2, 'Zorgteam-notitie');
    await rate(roundId, world.users.tsoLead.id, LANGUAGE, 3);
    nextDay();
    expect((await requestAs(test.app, await user('tsoLead'), 'POST', `${base()}/rounds/${roundId}/share`)).statusCode).toBe(200);
    const response = await get('teacher', `/rounds/${roundId}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const { aggregate, notes } = response.json();
    const team = new Map(aggregate.aspects.map((cell: { aspect: string }) => [cell.aspect, cell]));
    expect(team.get(MOTIVATION)).toMatchObject({ hidden: false, n: 6, dontKnow: 0, median: 2 });
    // The director's 4 must not be readable: one rating with a phase is below k, the five "weet ik niet" do not lift it.
    expect(team.get(KNOWLEDGE)).toEqual({ aspect: KNOWLEDGE, hidden: true });
    expect(team.get(LANGUAGE)).toEqual({ aspect: LANGUAGE, hidden: true });
    const notesOf = new Map(notes.map((entry: { aspectId: string }) => [entry.aspectId, entry]));
    // Six people answered knowledge (a phase or "weet ik niet"): its notes show, unattributed; language's do not.
    expect(notesOf.get(KNOWLEDGE)).toEqual({ aspectId: KNOWLEDGE, hidden: false, notes: ['De directie weet het wel', 'Geen idee wat de directie doet'] });
    expect(notesOf.get(LANGUAGE)).toEqual({ aspectId: LANGUAGE, hidden: true });
    expect(response.body).not.toContain('Zorgteam-notitie');
  });

  it('hides role groups per aspect so that the team minus the shown groups never leaves fewer than k ratings', async () => {
    await setK(3);
    try {
      const roundId = await openRound('Per rolgroep');
      // Seven teachers and four others (one per role, so they form "other"). On motivation all seven
      // teachers and only the director give a phase: team 8, teachers 7, other 1.
      for (const userId of teachers()) await rate(roundId, userId, MOTIVATION, 2);
      await rate(roundId, world.users.leadership.id, MOTIVATION, 4);
      for (const userId of others()) await rate(roundId, userId, KNOWLEDGE, 3);
      for (const userId of teachers().slice(0, 3)) await rate(roundId, userId, KNOWLEDGE, 1);
      nextDay();
      const { aggregate } = (await get('tsoLead', `/rounds/${roundId}/results`)).json();
      expect(aggregate.groups.map((group: { group: string; respondents: number }) => [group.group, group.respondents])).toEqual([
        ['teacher', 7],
        ['other', 4],
      ]);
      const cell = (group: string, aspect: string) =>
        aggregate.groups.find((entry: { group: string }) => entry.group === group).aspects.find((entry: { aspect: string }) => entry.aspect === aspect);
      expect(aggregate.aspects[0]).toMatchObject({ aspect: MOTIVATION, hidden: false, n: 8 });
      // Showing the teachers' 7 would give the director's 4 as team minus teachers: both hidden.
      expect(cell('teacher', MOTIVATION)).toEqual({ aspect: MOTIVATION, hidden: true });
      expect(cell('other', MOTIVATION)).toEqual({ aspect: MOTIVATION, hidden: true });
      // Knowledge: teachers 3, other 4 — both at least k = 3, both shown; no "weet ik niet" per group.
      expect(cell('teacher', KNOWLEDGE)).toMatchObject({ hidden: false, n: 3, median: 1 });
      expect(cell('other', KNOWLEDGE)).toMatchObject({ hidden: false, n: 4, median: 3 });
      expect(cell('other', KNOWLEDGE)).not.toHaveProperty('dontKnow');
    } finally {
      await setK(5);
    }
  });

  it('coarsens roles in the raw ratings CSV: a role keeps its name only as a shown group, everything else is "other"', async () => {
    const rolesIn = async (roundId: string) => {
      const response = await get('schoolAdmin', `/rounds/${roundId}/ratings.csv`);
      expect(response.statusCode, response.body).toBe(200);
      const [header, ...rows] = parse(response.body, { bom: true, delimiter: ';' }) as string[][];
      return new Set(rows.map((row) => row[header!.indexOf('role')]));
    };
    const roundId = await openRound('Ruwe export');
    for (const userId of [...teachers(), ...others()]) await rate(roundId, userId, MOTIVATION, 2);
    const small = await openRound('Ruwe export, klein');
    await rate(small, world.users.leadership.id, MOTIVATION, 3);
    await rate(small, world.users.teacher.id, MOTIVATION, 1);
    nextDay();
    // k = 5: teachers 7, the four others one each: hiding the four alone would leave 4 < k, so the teachers hide too.
    expect(await rolesIn(roundId)).toEqual(new Set(['other']));
    await setK(3);
    try {
      expect(await rolesIn(roundId)).toEqual(new Set(['teacher', 'other']));
      // Two respondents are fewer than k together: every row is "other".
      expect(await rolesIn(small)).toEqual(new Set(['other']));
    } finally {
      await setK(5);
    }
  });

  it("uses the board's own k for the timeline and the shift, and hides a median of fewer than k ratings", async () => {
    await setK(3);
    try {
      const earlier = await openRound('Verloop eerder');
      for (const userId of teachers().slice(0, 3)) await rate(earlier, userId, MOTIVATION, 1);
      for (const userId of teachers().slice(0, 2)) await rate(earlier, userId, KNOWLEDGE, 4);
      nextDay();
      const later = await openRound('Verloop later');
      for (const userId of teachers().slice(0, 4)) await rate(later, userId, MOTIVATION, 3);
      for (const userId of teachers().slice(0, 4)) await rate(later, userId, KNOWLEDGE, 2);
      const open = (await get('tsoLead', '/history')).json();
      const pointOf = (history: { aspects: { aspectId: string; points: { roundId: string }[] }[] }, aspect: string, roundId: string) =>
        history.aspects.find((entry) => entry.aspectId === aspect)!.points.find((point) => point.roundId === roundId);
      // The later round is still open: no median yet, whatever the number of ratings.
      expect(pointOf(open, MOTIVATION, later)).toEqual({ roundId: later, consensusPhase: null, median: { hidden: true } });
      nextDay();
      const history = (await get('tsoLead', '/history')).json();
      // k = 3 (the board's, not the default 5): three ratings show, two do not.
      expect(pointOf(history, MOTIVATION, earlier)).toEqual({ roundId: earlier, consensusPhase: null, median: { hidden: false, value: 1 } });
      expect(pointOf(history, KNOWLEDGE, earlier)).toEqual({ roundId: earlier, consensusPhase: null, median: { hidden: true } });
      expect(pointOf(history, MOTIVATION, later)).toEqual({ roundId: later, consensusPhase: null, median: { hidden: false, value: 3 } });

      const shift = (await get('tsoLead', `/rounds/${later}/shift?against=${earlier}`)).json();
      const row = (aspect: string) => shift.aspects.find((entry: { aspectId: string }) => entry.aspectId === aspect);
      expect(row(MOTIVATION)).toEqual({ aspectId: MOTIVATION, current: { basis: 'median', value: 3 }, earlier: { basis: 'median', value: 1 }, difference: 2 });
      expect(row(KNOWLEDGE)).toEqual({ aspectId: KNOWLEDGE, current: { basis: 'median', value: 2 }, earlier: { basis: 'hidden' }, difference: null });

      await setK(4);
      const stricter = (await get('tsoLead', '/history')).json();
      expect(pointOf(stricter, MOTIVATION, earlier)).toEqual({ roundId: earlier, consensusPhase: null, median: { hidden: true } });
    } finally {
      await setK(5);
    }
  });

  it('shows the board only agreed phases of closed rounds with at least k respondents', async () => {
    const shares = await requestAs(test.app, await user('leadership'), 'PUT', `/api/schools/${world.schoolA1}/settings`, { sharesSelfscanWithBoard: true });
    expect(shares.statusCode).toBe(200);
    const latestShown = async () => {
      const response = await requestAs(test.app, await user('boardAdmin'), 'GET', `/api/boards/${world.boardA}/selfscan`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().schools.find((school: { schoolId: string }) => school.schoolId === world.schoolA1).latest?.round.name ?? null;
    };
    const agree = async (roundId: string, status = 200) =>
      expect((await requestAs(test.app, await user('tsoLead'), 'PUT', `${base()}/rounds/${roundId}/consensus/${MOTIVATION}`, { phase: 3, rationale: 'Samen besproken' })).statusCode).toBe(status);

    const large = await openRound('Bestuur: groot genoeg');
    for (const userId of teachers().slice(0, 5)) await rate(large, userId, MOTIVATION, 3);
    nextDay();
    await agree(large);
    expect(await latestShown()).toBe('Bestuur: groot genoeg');

    // A later round that two people answered: its agreed phase stays in the school.
    const tooSmall = await openRound('Bestuur: te klein');
    await rate(tooSmall, world.users.careTeam.id, MOTIVATION, 1);
    await rate(tooSmall, world.users.leadership.id, MOTIVATION, 1);
    nextDay();
    await agree(tooSmall);
    expect(await latestShown()).toBe('Bestuur: groot genoeg');

    // A round still open takes no agreed phase (409), so it shows nothing to the board either.
    const open = await openRound('Bestuur: nog open');
    for (const userId of teachers().slice(0, 5)) await rate(open, userId, MOTIVATION, 3);
    await agree(open, 409);
    expect(await latestShown()).toBe('Bestuur: groot genoeg');
    nextDay();
    await agree(open);
    expect(await latestShown()).toBe('Bestuur: nog open');
  });

  it('stores the rationale of an agreed phase encrypted, and reads it back', async () => {
    const roundId = await openRound('Onderbouwing versleuteld');
    const rationale = 'Marker-rationale-7f3a: juf Anouk twijfelt';
    nextDay();
    const saved = await requestAs(test.app, await user('tsoLead'), 'PUT', `${base()}/rounds/${roundId}/consensus/${MOTIVATION}`, { phase: 2, rationale });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rationale).toBe(rationale);
    const stored = await test.deps.db.kysely.selectFrom('selfscan_consensus').select('rationale').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    expect(stored.rationale).not.toContain('Marker-rationale');
    expect(stored.rationale.startsWith('gw1:')).toBe(true);
    const results = (await get('tsoLead', `/rounds/${roundId}/results`)).json();
    expect(results.consensus).toEqual([{ aspectId: MOTIVATION, phase: 2, rationale, recordedAt: expect.any(String) }]);
  });
});
