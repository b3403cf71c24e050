import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MELDCODE_STEP_TEXTS } from '../../../shared/meldcode';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { AttentionOfficer, MeldcodeCase, MeldcodeCases, MeldcodeCaseSummaries } from './care-meldcode.schemas';

describe.each(testDialects())('the meldcode on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let colleagueId: string;
  const cases = (pupilId = world.pupilInClassA1) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/care/meldcode-cases`;
  const schoolCases = () => `/api/schools/${world.schoolA1}/care/meldcode-cases`;
  const officer = () => `/api/schools/${world.schoolA1}/care/attention-officer`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function openCase(login: Login, pupilId = world.pupilInClassA1): Promise<MeldcodeCase> {
    const response = await requestAs(test.app, login, 'POST', cases(pupilId), { openedOn: '2026-11-16' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as MeldcodeCase;
  }
  async function recordStep(login: Login, caseId: string, step: number, body: object) {
    return requestAs(test.app, login, 'PUT', `${cases()}/${caseId}/steps/${step}`, body);
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // A second member of the care team, to be named attention officer or not.
    colleagueId = await addSchoolA1Staff(test, world, { name: 'Zorgcollega', role: 'care_team' });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['care_meldcode_steps', 'care_meldcode_cases', 'care_attention_officers'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
  });

  it('keeps the meldcode from every teacher, and the naming of the attention officer from the care team', async () => {
    const teacher = await as('teacher');
    const opened = await openCase(await as('careTeam'));
    for (const [method, path, body] of [
      ['GET', cases(), undefined],
      ['POST', cases(), { openedOn: '2026-11-16' }],
      ['PUT', `${cases()}/${opened.id}/steps/1`, { notes: 'x' }],
      ['PUT', `${cases()}/${opened.id}/closing`, { closedOn: '2026-11-20', outcome: 'no_concern' }],
      ['GET', schoolCases(), undefined],
    ] as const) {
      expect((await requestAs(test.app, teacher, method, path, body)).statusCode, `${method} ${path}`).toBe(403);
    }
    expect((await requestAs(test.app, await as('careTeam'), 'PUT', officer(), { userId: world.users.careTeam.id })).statusCode).toBe(403);
  });

  it('shows a case only to who opened it or recorded a step in it, and every case to the attention officer', async () => {
    const careTeam = await as('careTeam');
    const colleague = await sessionFor(test, colleagueId);
    const opened = await openCase(careTeam);
    expect((await recordStep(careTeam, opened.id, 1, { doneOn: '2026-11-16', notes: 'Blauwe plekken op de armen, zegt gevallen te zijn.' })).statusCode).toBe(200);

    // Another member of the care team does not learn the case exists.
    expect((await requestAs(test.app, colleague, 'GET', cases())).json()).toEqual([]);
    expect((await requestAs(test.app, colleague, 'GET', schoolCases())).json()).toEqual([]);
    expect((await recordStep(colleague, opened.id, 2, { notes: 'x' })).statusCode).toBe(404);
    expect((await requestAs(test.app, colleague, 'PUT', `${cases()}/${opened.id}/closing`, { closedOn: '2026-11-20', outcome: 'no_concern' })).statusCode).toBe(404);

    // Only a member of the care team can be named; then they see every case of the school.
    const admin = await as('schoolAdmin');
    const notCare = await requestAs(test.app, admin, 'PUT', officer(), { userId: world.users.teacher.id });
    expect([notCare.statusCode, notCare.json().error.fields]).toEqual([400, { 'body.userId': ['not_care_team'] }]);
    const named = await requestAs(test.app, admin, 'PUT', officer(), { userId: colleagueId });
    expect((named.json() as AttentionOfficer).officer).toEqual({ userId: colleagueId, name: 'Zorgcollega' });
    expect(((await requestAs(test.app, await as('leadership'), 'GET', officer())).json() as AttentionOfficer).careTeam.map((member) => member.name)).toEqual(['careTeam', 'Zorgcollega']);

    const seen = (await requestAs(test.app, colleague, 'GET', cases())).json() as MeldcodeCases;
    expect(seen.map((entry) => [entry.id, entry.via, entry.openedByName, entry.steps.map((step) => step.notes)])).toEqual([
      [opened.id, 'attention_officer', 'careTeam', ['Blauwe plekken op de armen, zegt gevallen te zijn.']],
    ]);
    expect(((await requestAs(test.app, colleague, 'GET', schoolCases())).json() as MeldcodeCaseSummaries).map((entry) => [entry.id, entry.pupilName])).toEqual([[opened.id, 'Sanne de Vries']]);
    // The officer consults (step 2) and so stays involved when someone else becomes the officer.
    expect((await recordStep(colleague, opened.id, 2, { doneOn: '2026-11-17', notes: 'Besproken; Veilig Thuis gebeld voor advies.' })).statusCode).toBe(200);
    expect((await requestAs(test.app, admin, 'PUT', officer(), { userId: null })).json()).toMatchObject({ officer: null, setAt: null });
    expect(((await requestAs(test.app, colleague, 'GET', cases())).json() as MeldcodeCases).map((entry) => [entry.id, entry.via])).toEqual([[opened.id, 'involved']]);
  });

  it('records the five steps (the newest recording of a step holds), closes the case with an outcome and then refuses changes', async () => {
    const careTeam = await as('careTeam');
    const opened = await openCase(careTeam);
    expect(opened.closedOn).toBeNull();
    await recordStep(careTeam, opened.id, 1, { notes: 'Eerste aanzet' });
    for (const { step } of MELDCODE_STEP_TEXTS) {
      const recorded = await recordStep(careTeam, opened.id, step, { doneOn: '2026-11-18', notes: `Stap ${step} gedaan` });
      expect(recorded.statusCode, recorded.body).toBe(200);
    }
    const future = await recordStep(careTeam, opened.id, 3, { doneOn: '2026-11-22' });
    expect(future.json().error.fields).toEqual({ 'body.doneOn': ['in_the_future'] });
    expect((await recordStep(careTeam, opened.id, 6, { notes: 'x' })).statusCode).toBe(400);

    const [current] = (await requestAs(test.app, careTeam, 'GET', cases())).json() as MeldcodeCases;
    expect(current?.stepsDone).toEqual([1, 2, 3, 4, 5]);
    expect(current?.steps.map((step) => step.notes)).toEqual(['Stap 1 gedaan', 'Stap 2 gedaan', 'Stap 3 gedaan', 'Stap 4 gedaan', 'Stap 5 gedaan']);

    const early = await requestAs(test.app, careTeam, 'PUT', `${cases()}/${opened.id}/closing`, { closedOn: '2026-11-15', outcome: 'reported' });
    expect(early.json().error.fields).toEqual({ 'body.closedOn': ['before_opened'] });
    const closed = await requestAs(test.app, careTeam, 'PUT', `${cases()}/${opened.id}/closing`, { closedOn: '2026-11-20', outcome: 'reported_and_help' });
    expect([closed.json().closedOn, closed.json().outcome]).toEqual(['2026-11-20', 'reported_and_help']);
    for (const response of [
      await recordStep(careTeam, opened.id, 5, { notes: 'Later nog iets' }),
      await requestAs(test.app, careTeam, 'PUT', `${cases()}/${opened.id}/closing`, { closedOn: '2026-11-21', outcome: 'no_concern' }),
    ]) {
      expect([response.statusCode, response.json().error.code]).toEqual([409, 'meldcode_case_closed']);
    }
    // The school-wide list holds open cases only; the pupil's own list keeps the closed one.
    expect((await requestAs(test.app, careTeam, 'GET', schoolCases())).json()).toEqual([]);
    expect((await requestAs(test.app, careTeam, 'GET', cases())).json()).toHaveLength(1);

    const notes = await test.deps.db.kysely.selectFrom('care_meldcode_steps').select('notes_encrypted').execute();
    expect(notes).toHaveLength(6);
    for (const row of notes) expect(row.notes_encrypted).toMatch(/^gw1:/);
  });
});
