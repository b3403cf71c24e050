import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { addDays, schoolDateOf } from '../../../shared/school-time';
import type { ClosedPulse, PulseOverview, PulsePeriod } from './pulse.schemas';

// The staff wellbeing pulse: planning, answering once, figures only for a closed pulse with at least k votes.
describe.each(testDialects())('the wellbeing pulse on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const base = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/team/pulse`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const today = () => schoolDateOf(test.clock.now());

  async function plan(login: Login, opensOn = today(), closesOn = addDays(opensOn, 13)): Promise<PulsePeriod> {
    const response = await requestAs(test.app, login, 'POST', `${base()}/pulses`, { opensOn, closesOn });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as PulsePeriod;
  }
  async function overview(login: Login): Promise<PulseOverview> {
    const response = await requestAs(test.app, login, 'GET', base());
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PulseOverview;
  }
  const answer = async (key: WorldUserKey, pulseId: string, answers: Record<string, number>) =>
    requestAs(test.app, await as(key), 'POST', `${base()}/pulses/${pulseId}/answers`, { answers });

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // The smallest k a board may set, so three colleagues make a shown pulse.
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['team_pulse_counts', 'team_pulse_votes', 'team_pulses', 'team_pulse_settings'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
    // A day later each test, so a pulse closed early in one test never stands in the way of the next.
    test.clock.advance(24 * 3600 * 1000);
  });

  it('lets leadership plan pulses that do not overlap, from today on, suggesting the next one six weeks later', async () => {
    const leadership = await as('leadership');
    const first = await plan(leadership);
    expect(first).toMatchObject({ opensOn: today(), closesOn: addDays(today(), 13), closedOn: null });
    const suggestion = (await overview(leadership)).suggestion;
    expect(suggestion).toEqual({ opensOn: addDays(today(), 42), closesOn: addDays(today(), 55) });

    const refused = async (body: object) => requestAs(test.app, leadership, 'POST', `${base()}/pulses`, body);
    const overlapping = await refused({ opensOn: addDays(today(), 13), closesOn: addDays(today(), 20) });
    expect([overlapping.statusCode, overlapping.json().error.code]).toEqual([409, 'pulse_overlaps']);
    expect((await refused({ opensOn: addDays(today(), -1), closesOn: addDays(today(), 20) })).json().error.fields).toEqual({ 'body.opensOn': ['in_the_past'] });
    expect((await refused({ opensOn: addDays(today(), 30), closesOn: addDays(today(), 29) })).json().error.fields).toEqual({ 'body.closesOn': ['before_opens'] });
    expect((await refused({ opensOn: addDays(today(), 30), closesOn: addDays(today(), 30 + 56) })).json().error.fields).toEqual({ 'body.closesOn': ['too_long'] });
    expect((await refused({ opensOn: 'morgen', closesOn: addDays(today(), 3) })).statusCode).toBe(400);

    const next = await plan(leadership, suggestion.opensOn, suggestion.closesOn);
    expect((await overview(leadership)).planned.map((pulse) => pulse.id)).toEqual([next.id]);
    // Only school.team.manage plans; a teacher and the TSO lead answer.
    for (const key of ['teacher', 'tsoLead', 'careTeam'] as const) {
      expect((await requestAs(test.app, await as(key), 'POST', `${base()}/pulses`, { opensOn: addDays(today(), 100), closesOn: addDays(today(), 101) })).statusCode).toBe(403);
    }
    // A planned pulse is removed; one that opened is not (close it instead).
    expect((await requestAs(test.app, leadership, 'DELETE', `${base()}/pulses/${next.id}`)).statusCode).toBe(204);
    const started = await requestAs(test.app, leadership, 'DELETE', `${base()}/pulses/${first.id}`);
    expect([started.statusCode, started.json().error.code]).toEqual([409, 'pulse_already_started']);

    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'target_id']).where('action', 'like', 'team.pulse%').orderBy('seq').execute();
    expect(events.map((event) => [event.action, event.target_id])).toEqual([
      ['team.pulse_planned', first.id],
      ['team.pulse_planned', next.id],
      ['team.pulse_removed', next.id],
    ]);
  });

  it('takes one answer per person, allows skipped items and refuses an answer that is not on the scale', async () => {
    const pulse = await plan(await as('schoolAdmin'));
    const wrong = await answer('teacher', pulse.id, { 'energy.1': 9, 'no-such-item': 3 });
    expect([wrong.statusCode, wrong.json().error.fields]).toEqual([400, { 'body.answers.energy.1': ['not_an_answer'], 'body.answers.no-such-item': ['not_an_answer'] }]);
    expect((await overview(await as('teacher'))).open).toMatchObject({ id: pulse.id, hasAnswered: false });

    const first = await answer('teacher', pulse.id, { 'energy.1': 4 });
    expect([first.statusCode, first.json()]).toEqual([200, { hasAnswered: true }]);
    const again = await answer('teacher', pulse.id, { 'energy.1': 1 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'pulse_already_answered']);
    // Nothing of the refused second answer was counted.
    const counted = await test.deps.db.kysely.selectFrom('team_pulse_counts').select(['item_id', 'value', 'count']).where('count', '>', 0).execute();
    expect(counted).toEqual([{ item_id: 'energy.1', value: 4, count: 1 }]);

    const open = await overview(await as('teacher'));
    expect(open.open).toMatchObject({ id: pulse.id, hasAnswered: true });
    expect(open.closed).toEqual([]);
    expect((await overview(await as('careTeam'))).open?.hasAnswered).toBe(false);
    // Every item and value has its counter from the start: answering never adds a row.
    expect((await test.deps.db.kysely.selectFrom('team_pulse_counts').select('item_id').execute()).length).toBe(10 * 5);
    // A pulse of another school is not found; a closed one takes no answers.
    expect((await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/team/pulse/pulses/${crypto.randomUUID()}/answers`, { answers: {} })).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('leadership'), 'POST', `${base()}/pulses/${pulse.id}/close`)).statusCode).toBe(200);
    const late = await answer('careTeam', pulse.id, { 'energy.1': 2 });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'pulse_not_open']);
  });

  it('shows nothing of an open pulse, and a closed one only with at least k votes', async () => {
    let leadership = await as('leadership');
    const small = await plan(leadership);
    expect((await answer('teacher', small.id, { 'energy.1': 5 })).statusCode).toBe(200);
    expect((await answer('careTeam', small.id, { 'energy.1': 4 })).statusCode).toBe(200);
    expect((await requestAs(test.app, leadership, 'POST', `${base()}/pulses/${small.id}/close`)).statusCode).toBe(200);
    const [hidden] = (await overview(leadership)).closed as [ClosedPulse];
    expect(hidden).toMatchObject({ id: small.id, votes: null, isLargeEnough: false });
    expect(hidden.scales.every((scale) => scale.figures.hidden && scale.items.every((item) => item.figures.hidden))).toBe(true);

    test.clock.advance(24 * 3600 * 1000);
    // A new day, a new session (the old one timed out).
    leadership = await as('leadership');
    const pulse = await plan(leadership);
    expect((await answer('teacher', pulse.id, { 'energy.1': 5, 'energy.2': 2, 'stress.1': 4 })).statusCode).toBe(200);
    expect((await answer('careTeam', pulse.id, { 'energy.1': 4, 'energy.2': 1 })).statusCode).toBe(200);
    expect((await overview(leadership)).closed.map((closed) => closed.id)).toEqual([small.id]);
    expect((await answer('tsoLead', pulse.id, { 'energy.1': 2, 'energy.2': 4 })).statusCode).toBe(200);
    // Three votes are in, but the pulse still runs: no figure may change while people answer.
    expect((await overview(leadership)).closed.map((closed) => closed.id)).toEqual([small.id]);
    expect((await requestAs(test.app, leadership, 'POST', `${base()}/pulses/${pulse.id}/close`)).statusCode).toBe(200);

    const trend = (await overview(await as('teacher'))).closed;
    expect(trend.map((closed) => closed.id)).toEqual([small.id, pulse.id]);
    const shown = trend[1]!;
    expect([shown.votes, shown.isLargeEnough]).toEqual([3, true]);
    const energy = shown.scales.find((scale) => scale.scaleId === 'energy')!;
    // energy.1: 5, 4, 2 → mean 11/3, favourable (4 or more) 2 of 3. energy.2 is reversed: 2, 1, 4 score 4, 5, 2.
    expect(energy.items.map((item) => item.figures)).toEqual([
      { hidden: false, answers: 3, mean: 11 / 3, favourableShare: 2 / 3 },
      { hidden: false, answers: 3, mean: 11 / 3, favourableShare: 2 / 3 },
    ]);
    // A scale's mean is the mean of its item means (the pulse keeps no one's answers together).
    expect(energy.figures).toEqual({ hidden: false, answers: 6, mean: 11 / 3, favourableShare: 4 / 6 });
    // stress.1 was answered by one person: below k, hidden, and so is its scale.
    const stress = shown.scales.find((scale) => scale.scaleId === 'stress')!;
    expect([stress.figures.hidden, stress.items.map((item) => item.figures.hidden)]).toEqual([true, [true, true]]);
  });

  it('keeps the school’s own help texts, which only leadership and the administrator change', async () => {
    const help = { contacts: 'Loop binnen bij Anouk (intern begeleider), kamer 12.', companyDoctor: null, confidant: 'Vertrouwenspersoon: Jan, 06-12345678' };
    expect((await requestAs(test.app, await as('teacher'), 'PUT', `${base()}/help`, help)).statusCode).toBe(403);
    const saved = await requestAs(test.app, await as('schoolAdmin'), 'PUT', `${base()}/help`, help);
    expect([saved.statusCode, saved.json()]).toEqual([200, help]);
    expect((await overview(await as('teacher'))).help).toEqual(help);
    const cleared = await requestAs(test.app, await as('leadership'), 'PUT', `${base()}/help`, { contacts: '', companyDoctor: null, confidant: null });
    expect(cleared.json()).toEqual({ contacts: null, companyDoctor: null, confidant: null });
    expect((await overview(await as('teacher'))).help.contacts).toBeNull();
  });

  it('refuses every pulse route to a board admin and to another school', async () => {
    const pulse = await plan(await as('leadership'));
    for (const key of ['boardAdmin', 'teacherOtherSchool', 'schoolAdminOtherBoard'] as const) {
      const login = await as(key);
      expect((await requestAs(test.app, login, 'GET', base())).statusCode).toBe(403);
      expect((await requestAs(test.app, login, 'POST', `${base()}/pulses/${pulse.id}/answers`, { answers: {} })).statusCode).toBe(403);
    }
  });
});
