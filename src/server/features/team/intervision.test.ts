import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { containsFullName } from '../../../shared/intervision';
import type { IntervisionFigures, IntervisionLog, IntervisionSession } from './intervision.schemas';

describe('finding a pupil’s full name in a text', () => {
  it('matches whole names regardless of case, accents and punctuation, never a first name alone', () => {
    const names = ['Sanne de Vries', 'Milan Jansen'];
    expect(containsFullName('Gesprek over SANNE de vries, na de pauze', names)).toBe(true);
    expect(containsFullName('Milan  Jánsen: onrust', names)).toBe(true);
    expect(containsFullName('Sanne was er niet', names)).toBe(false);
    expect(containsFullName('Milan Jansens broer', names)).toBe(false);
  });
});

describe.each(testDialects())('the intervision log on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let colleagueId: string;
  let outsiderId: string;
  const base = () => `/api/schools/${world.schoolA1}/team/intervision`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const body = (overrides: object = {}) => ({
    heldOn: '2026-11-20',
    kind: 'intervision',
    coreConcept: 'regulation',
    theme: 'Rust brengen na de pauze',
    note: 'We oefenen met een vaste landingsplek.',
    participantIds: [world.users.teacher.id, colleagueId],
    ...overrides,
  });

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    colleagueId = await addSchoolA1Staff(test, world, { name: 'Cato Collega', role: 'teacher' });
    outsiderId = await addSchoolA1Staff(test, world, { name: 'Otto Anders', role: 'teacher' });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    await test.deps.db.kysely.deleteFrom('team_intervision_participants').execute();
    await test.deps.db.kysely.deleteFrom('team_intervision_sessions').execute();
  });

  it('logs a session that its participants and recorder read, theme and note encrypted; others get 404', async () => {
    const teacher = await as('teacher');
    const recorded = await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body());
    expect(recorded.statusCode, recorded.body).toBe(201);
    const session = recorded.json() as IntervisionSession;
    expect([session.theme, session.isRecordedByMe, session.participants.map((person) => person.name)]).toEqual(['Rust brengen na de pauze', true, ['Cato Collega', 'teacher']]);
    const stored = await test.deps.db.kysely.selectFrom('team_intervision_sessions').select(['theme_encrypted', 'note_encrypted']).executeTakeFirstOrThrow();
    expect([stored.theme_encrypted, stored.note_encrypted]).toEqual([expect.stringMatching(/^gw1:/), expect.stringMatching(/^gw1:/)]);

    const colleague = await sessionFor(test, colleagueId);
    expect((await requestAs(test.app, colleague, 'GET', `${base()}/sessions/${session.id}`)).json().isRecordedByMe).toBe(false);
    expect(((await requestAs(test.app, colleague, 'GET', base())).json() as IntervisionLog).sessions.map((entry) => entry.id)).toEqual([session.id]);
    // A participant reads but does not change it; someone who was not there does not even learn it exists.
    expect((await requestAs(test.app, colleague, 'PUT', `${base()}/sessions/${session.id}`, body())).statusCode).toBe(403);
    for (const login of [await sessionFor(test, outsiderId), await as('leadership'), await as('tsoLead')]) {
      expect((await requestAs(test.app, login, 'GET', `${base()}/sessions/${session.id}`)).statusCode).toBe(404);
      expect((await requestAs(test.app, login, 'DELETE', `${base()}/sessions/${session.id}`)).statusCode).toBe(404);
      expect(((await requestAs(test.app, login, 'GET', base())).json() as IntervisionLog).sessions).toEqual([]);
    }

    const changed = await requestAs(test.app, teacher, 'PUT', `${base()}/sessions/${session.id}`, body({ kind: 'supervision', participantIds: [colleagueId] }));
    expect((changed.json() as IntervisionSession).participants.map((person) => person.name)).toEqual(['Cato Collega']);
    // Still the recorder's to read after leaving the participants.
    expect((await requestAs(test.app, teacher, 'GET', `${base()}/sessions/${session.id}`)).statusCode).toBe(200);
    expect((await requestAs(test.app, teacher, 'DELETE', `${base()}/sessions/${session.id}`)).statusCode).toBe(204);
    expect((await requestAs(test.app, colleague, 'GET', `${base()}/sessions/${session.id}`)).statusCode).toBe(404);

    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).where('action', 'like', 'intervision.%').orderBy('seq').execute();
    expect(events.map((event) => event.action)).toEqual(['intervision.session_recorded', 'intervision.session_changed', 'intervision.session_removed']);
    for (const event of events) expect(event.detail ?? '').not.toMatch(/pauze|landingsplek|Cato/);
  });

  it('refuses a pupil’s full name unless the care team runs the session, a flag only the care team sets', async () => {
    const teacher = await as('teacher');
    const named = await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ theme: 'Casus Sanne de Vries', note: 'Over sanne DE VRIES.' }));
    expect([named.statusCode, named.json().error.code, named.json().error.fields]).toEqual([400, 'pupil_name_in_text', { 'body.theme': ['pupil_name'], 'body.note': ['pupil_name'] }]);
    expect(named.json().error.message).toMatch(/zorgteam/);
    const flagged = await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ theme: 'Casus Sanne de Vries', isCareTeamRun: true }));
    expect([flagged.statusCode, flagged.json().error.code]).toEqual([403, 'care_team_run_not_allowed']);
    const careTeam = await as('careTeam');
    const careRun = await requestAs(test.app, careTeam, 'POST', `${base()}/sessions`, body({ theme: 'Casus Sanne de Vries', isCareTeamRun: true, participantIds: [world.users.careTeam.id, world.users.teacher.id] }));
    expect(careRun.statusCode, careRun.body).toBe(201);
    expect((careRun.json() as IntervisionSession).isCareTeamRun).toBe(true);
    // It may tell about a pupil: reading it is audited, the log as well as the session itself (recording it is not a read).
    const careSessionId = (careRun.json() as IntervisionSession).id;
    expect((await requestAs(test.app, teacher, 'GET', `${base()}/sessions/${careSessionId}`)).statusCode).toBe(200);
    expect((await requestAs(test.app, teacher, 'GET', base())).statusCode).toBe(200);
    const reads = await test.deps.db.kysely.selectFrom('audit_events').select(['target_type', 'actor_user_id']).where('action', '=', 'intervision.care_sessions_read').orderBy('seq').execute();
    expect(reads).toEqual([
      { target_type: 'intervision_session', actor_user_id: world.users.teacher.id },
      { target_type: 'intervision_log', actor_user_id: world.users.teacher.id },
    ]);
    // Participants are staff of this school; a session is logged once it was held.
    const stranger = await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ participantIds: [world.users.teacherOtherSchool.id] }));
    expect(stranger.json().error.fields).toEqual({ 'body.participantIds.0': ['not a colleague at this school'] });
    const future = await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ heldOn: '2027-01-10' }));
    expect(future.json().error.fields).toEqual({ 'body.heldOn': ['a session is logged once it was held'] });
    expect(await test.deps.db.kysely.selectFrom('team_intervision_sessions').select('id').execute()).toHaveLength(1);
  });

  it('gives leadership and TSO leads counts per school year, distinct people only from k on', async () => {
    const teacher = await as('teacher');
    await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body());
    await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ kind: 'supervision', coreConcept: 'stress', heldOn: '2026-09-03' }));
    await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ heldOn: '2026-05-12', coreConcept: 'trauma' }));
    const figures = async (key: WorldUserKey) => requestAs(test.app, await as(key), 'GET', `${base()}/figures`);
    expect((await figures('teacher')).statusCode).toBe(403);
    const [thisYear, lastYear] = ((await figures('leadership')).json() as IntervisionFigures).years;
    expect(thisYear).toEqual({
      schoolYear: '2026-2027',
      sessions: 2,
      intervision: 1,
      supervision: 1,
      participants: null,
      concepts: [
        { concept: 'stress', sessions: 1 },
        { concept: 'regulation', sessions: 1 },
      ],
    });
    expect([lastYear?.schoolYear, lastYear?.sessions]).toEqual(['2025-2026', 1]);

    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
    await requestAs(test.app, teacher, 'POST', `${base()}/sessions`, body({ participantIds: [world.users.teacher.id, colleagueId, outsiderId] }));
    expect(((await figures('tsoLead')).json() as IntervisionFigures).years[0]?.participants).toBe(3);
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 5 }).where('id', '=', world.boardA).execute();
  });
});
