import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedProfiles } from './competence-profile-catalogue';
import type { AssessmentDetail, CompetenceFigures, CompetenceOverview, CompetenceShare, SharedProfile } from './competence.schemas';
import { closedPeriodsSince } from './competence.service';

const DAY = 24 * 60 * 60 * 1000;
const shipped = loadShippedProfiles()[0]!;
const [interpersonal, orthopedagogical] = shipped.competences as [(typeof shipped.competences)[number], (typeof shipped.competences)[number]];

describe('the competence profile file and the closed periods', () => {
  it('ships seven competences and two deepening dimensions, every text in Dutch and English', () => {
    expect(shipped.competences.filter((competence) => competence.kind === 'competence')).toHaveLength(7);
    expect(shipped.competences.filter((competence) => competence.kind === 'deepening')).toHaveLength(2);
    for (const indicator of shipped.competences.flatMap((competence) => competence.indicators)) expect([indicator.text.nl.length > 10, indicator.text.en.length > 10]).toEqual([true, true]);
  });

  it('counts only school-year halves that have ended, each once', () => {
    expect(closedPeriodsSince(undefined, '2027-03-01')).toEqual([]);
    expect(closedPeriodsSince('2026-11-21', '2027-01-31')).toEqual([]);
    expect(closedPeriodsSince('2026-11-21', '2027-02-01').map((period) => [period.schoolYear, period.half, period.firstDay, period.lastDay])).toEqual([['2026-2027', 1, '2026-08-01', '2027-01-31']]);
    expect(closedPeriodsSince('2026-11-21', '2027-08-01').map((period) => period.half)).toEqual([1, 2]);
  });
});

describe.each(testDialects())('the competence profile on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let buddyId: string;
  let colleagueId: string;
  const base = () => `/api/schools/${world.schoolA1}/team/competence`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  // Rates the first two indicators of two competences and completes the self-assessment.
  async function rateTwoCompetences(login: Login, steps: [number, number] = [2, 3]): Promise<AssessmentDetail> {
    const started = await requestAs(test.app, login, 'POST', `${base()}/assessments`);
    expect([200, 201], started.body).toContain(started.statusCode);
    const draft = started.json() as AssessmentDetail;
    const ratings = [
      { indicatorId: interpersonal.indicators[0]!.id, step: steps[0], evidence: 'Ik begroet iedereen bij de deur.' },
      { indicatorId: interpersonal.indicators[1]!.id, step: 0 },
      { indicatorId: orthopedagogical.indicators[0]!.id, step: steps[1] },
    ];
    const saved = await requestAs(test.app, login, 'PUT', `${base()}/assessments/${draft.id}`, { ratings, goals: 'Meer rust in de overgangen.' });
    expect(saved.statusCode, saved.body).toBe(200);
    const completed = await requestAs(test.app, login, 'POST', `${base()}/assessments/${draft.id}/completion`);
    expect(completed.statusCode, completed.body).toBe(200);
    return completed.json() as AssessmentDetail;
  }
  async function overview(login: Login): Promise<CompetenceOverview> {
    const response = await requestAs(test.app, login, 'GET', base());
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CompetenceOverview;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    buddyId = await addSchoolA1Staff(test, world, { name: 'Bram Buddy', role: 'teacher' });
    colleagueId = await addSchoolA1Staff(test, world, { name: 'Cato Collega', role: 'teacher' });
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['team_competence_shares', 'team_competence_ratings', 'team_competence_assessments'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
    await test.deps.db.kysely.deleteFrom('team_competence_profiles').where('school_id', 'is not', null).execute();
  });

  it('keeps each completed self-assessment, dated, with evidence and goals encrypted, and shows growth per competence', async () => {
    let teacher = await as('teacher');
    const first = await rateTwoCompetences(teacher, [2, 3]);
    expect([first.isCompleted, first.completedOn, first.goals]).toEqual([true, '2026-11-21', 'Meer rust in de overgangen.']);
    expect(first.ratings.find((rating) => rating.indicatorId === interpersonal.indicators[0]!.id)?.evidence).toBe('Ik begroet iedereen bij de deur.');
    // A completed one stays as it was.
    const late = await requestAs(test.app, teacher, 'PUT', `${base()}/assessments/${first.id}`, { ratings: [], goals: '' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'assessment_completed']);
    const stored = await test.deps.db.kysely.selectFrom('team_competence_assessments').select('goals_encrypted').executeTakeFirstOrThrow();
    const evidence = await test.deps.db.kysely.selectFrom('team_competence_ratings').select('evidence_encrypted').where('evidence_encrypted', '!=', '').executeTakeFirstOrThrow();
    expect([stored.goals_encrypted, evidence.evidence_encrypted]).toEqual([expect.stringMatching(/^gw1:/), expect.stringMatching(/^gw1:/)]);

    // The next one starts from the last steps (not its evidence), and shows growth once completed.
    test.clock.advance(30 * DAY);
    teacher = await as('teacher');
    const next = (await requestAs(test.app, teacher, 'POST', `${base()}/assessments`)).json() as AssessmentDetail;
    expect(next.ratings.map((rating) => [rating.step, rating.evidence])).toEqual(expect.arrayContaining([[2, ''], [0, ''], [3, '']]));
    const unknownIndicator = await requestAs(test.app, teacher, 'PUT', `${base()}/assessments/${next.id}`, { ratings: [{ indicatorId: 'made-up.indicator', step: 2 }] });
    expect(unknownIndicator.json().error.fields).toEqual({ 'body.ratings.0.indicatorId': ['not an indicator of this profile'] });
    await requestAs(test.app, teacher, 'PUT', `${base()}/assessments/${next.id}`, { ratings: [{ indicatorId: interpersonal.indicators[0]!.id, step: 4 }] });
    await requestAs(test.app, teacher, 'POST', `${base()}/assessments/${next.id}/completion`);
    const mine = await overview(teacher);
    // "Not yet applicable" counts in no mean; a competence with nothing rated has none.
    expect(mine.completed.map((entry) => [entry.completedOn, entry.means[interpersonal.id], entry.means[orthopedagogical.id]])).toEqual([
      ['2026-11-21', 2, 3],
      ['2026-12-21', 4, null],
    ]);
    expect([mine.draftId, mine.profile.key, mine.colleagues.some((colleague) => colleague.id === world.users.teacher.id)]).toEqual([null, 'special-education-teacher', false]);
  });

  it('is private until shared; a named colleague reads it read-only (audited) until it is revoked, the leader never without a share', async () => {
    const teacher = await as('teacher');
    await rateTwoCompetences(teacher);
    const buddy = await sessionFor(test, buddyId);
    const colleague = await sessionFor(test, colleagueId);
    const leadership = await as('leadership');
    const own = (await overview(teacher)).completed[0]!;
    const shared = `${base()}/shared/${world.users.teacher.id}`;
    // Everyone else: 404, as if there were nothing.
    for (const login of [buddy, leadership, await as('careTeam')]) {
      expect((await requestAs(test.app, login, 'GET', shared)).statusCode).toBe(404);
      expect((await requestAs(test.app, login, 'GET', `${base()}/assessments/${own.id}`)).statusCode).toBe(404);
    }

    const granted = await requestAs(test.app, teacher, 'POST', `${base()}/shares`, { audience: 'colleague', userId: buddyId });
    expect(granted.statusCode, granted.body).toBe(201);
    const share = granted.json() as CompetenceShare;
    expect(share.grantee).toEqual({ id: buddyId, name: 'Bram Buddy' });
    // Sharing twice is the same share.
    expect((await requestAs(test.app, teacher, 'POST', `${base()}/shares`, { audience: 'colleague', userId: buddyId })).statusCode).toBe(200);
    for (const userId of [world.users.teacher.id, world.users.teacherOtherSchool.id]) {
      const refused = await requestAs(test.app, teacher, 'POST', `${base()}/shares`, { audience: 'colleague', userId });
      expect(refused.json().error.fields).toEqual({ 'body.userId': ['not a colleague at this school'] });
    }

    const read = await requestAs(test.app, buddy, 'GET', shared);
    expect(read.statusCode, read.body).toBe(200);
    const profile = read.json() as SharedProfile;
    expect([profile.ownerName, profile.audience, profile.completed.length, profile.latest?.goals]).toEqual(['teacher', 'colleague', 1, 'Meer rust in de overgangen.']);
    expect((await overview(buddy)).sharedWithMe.map((entry) => entry.name)).toEqual(['teacher']);
    // Read-only: the grantee cannot reach the assessment itself, and others still get 404.
    expect((await requestAs(test.app, buddy, 'PUT', `${base()}/assessments/${own.id}`, { ratings: [] })).statusCode).toBe(404);
    for (const login of [colleague, leadership]) expect((await requestAs(test.app, login, 'GET', shared)).statusCode).toBe(404);

    const revoked = await requestAs(test.app, teacher, 'DELETE', `${base()}/shares/${share.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await requestAs(test.app, buddy, 'GET', shared)).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'DELETE', `${base()}/shares/${share.id}`)).statusCode).toBe(404);

    // Shared with the leadership for the appraisal cycle: the leader reads, a TSO lead does not.
    await requestAs(test.app, teacher, 'POST', `${base()}/shares`, { audience: 'leadership' });
    expect((await requestAs(test.app, leadership, 'GET', shared)).json().audience).toBe('leadership');
    expect((await requestAs(test.app, await as('tsoLead'), 'GET', shared)).statusCode).toBe(404);

    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'actor_user_id', 'target_id', 'detail']).where('action', 'like', 'competence.%').orderBy('seq').execute();
    const reads = events.filter((event) => event.action === 'competence.shared_read');
    expect(reads.map((event) => [event.actor_user_id, event.target_id])).toEqual([
      [buddyId, world.users.teacher.id],
      [world.users.leadership.id, world.users.teacher.id],
    ]);
    for (const event of events) expect(event.detail ?? '').not.toMatch(/rust|begroet/);
  });

  it('lets only the school import its own profile version, checked field by field, which new self-assessments then use', async () => {
    const own = { ...structuredClone(shipped), id: 'school-profile', version: '1.0.0' };
    expect((await requestAs(test.app, await as('teacher'), 'POST', `${base()}/profiles`, { definition: own })).statusCode).toBe(403);
    const admin = await as('schoolAdmin');
    const shippedAgain = await requestAs(test.app, admin, 'POST', `${base()}/profiles`, { definition: shipped });
    expect([shippedAgain.statusCode, shippedAgain.json().error.code]).toEqual([409, 'competence_profile_version_taken']);
    const broken = await requestAs(test.app, admin, 'POST', `${base()}/profiles`, { definition: { ...own, competences: [{ ...own.competences[0], indicators: [{ id: 'elsewhere.one', text: { nl: 'x', en: 'x' } }] }] } });
    expect(broken.json().error.fields).toEqual({ 'body.definition.competences.0.indicators.0.id': ['indicator id must start with "interpersonal."'] });
    const imported = await requestAs(test.app, admin, 'POST', `${base()}/profiles`, { definition: own });
    expect(imported.statusCode, imported.body).toBe(201);
    const draft = (await requestAs(test.app, await as('teacher'), 'POST', `${base()}/assessments`)).json() as AssessmentDetail;
    expect([draft.profile.key, draft.profile.isShipped]).toEqual(['school-profile', false]);
    // In use: that version no longer changes.
    expect((await requestAs(test.app, admin, 'POST', `${base()}/profiles`, { definition: own })).statusCode).toBe(409);
  });

  it('shows the school counts per competence only for closed periods and only from k people on', async () => {
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
    const figures = async (): Promise<CompetenceFigures> => {
      const response = await requestAs(test.app, await as('tsoLead'), 'GET', `${base()}/figures`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as CompetenceFigures;
    };
    expect((await requestAs(test.app, await as('teacher'), 'GET', `${base()}/figures`)).statusCode).toBe(403);
    const today = test.clock.now().toISOString().slice(0, 10);
    const extra = [await addSchoolA1Staff(test, world, { name: `Dirk ${today}`, role: 'teacher' }), await addSchoolA1Staff(test, world, { name: `Eva ${today}`, role: 'teacher' })];
    // Two people: an earlier and a later assessment of the same person count once (the latest).
    await rateTwoCompetences(await as('teacher'), [1, 1]);
    await rateTwoCompetences(await as('teacher'), [4, 4]);
    await rateTwoCompetences(await sessionFor(test, extra[0]!), [2, 4]);
    // While the half runs, nothing shows: a figure that moves with one completion would give that person away.
    expect((await figures()).periods).toEqual([]);

    const periodEnd = new Date(`${closedPeriodsSince(today, '2030-01-01')[0]!.lastDay}T12:00:00Z`);
    test.clock.advance(periodEnd.getTime() - test.clock.now().getTime() + 2 * DAY);
    const underK = await figures();
    expect(underK.periods.map((period) => period.profiles.map((profile) => profile.people))).toEqual([[null]]);
    expect(underK.periods[0]!.profiles[0]!.competences).toEqual([]);
    // A completion now lands in the running half: the closed one does not change.
    await rateTwoCompetences(await sessionFor(test, extra[1]!), [3, 3]);
    expect((await figures()).periods[0]!.profiles[0]!.people).toBeNull();
  });

  it('shows the cells of a closed period with at least k people, hiding cells that would narrow down to fewer', async () => {
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
    const people = [buddyId, colleagueId, world.users.teacher.id, world.users.careTeam.id];
    // Three build on interpersonal (step 2), one is secure (step 4); everyone is secure on orthopedagogical.
    for (const [index, userId] of people.entries()) await rateTwoCompetences(await sessionFor(test, userId), [index === 3 ? 4 : 2, 3]);
    test.clock.advance(200 * DAY);
    const response = await requestAs(test.app, await as('leadership'), 'GET', `${base()}/figures`);
    const [period] = (response.json() as CompetenceFigures).periods;
    const [profile] = period?.profiles ?? [];
    expect(profile?.people).toBe(4);
    const cells = (id: string) => profile?.competences.find((competence) => competence.competenceId === id);
    // One secure person is under k: hidden, and so is the other cell, or 4 − 3 would give them away.
    expect(cells(interpersonal.id)).toMatchObject({ building: null, secure: null, notRated: null });
    expect(cells(orthopedagogical.id)).toMatchObject({ building: null, secure: 4, notRated: null });
  });
});
