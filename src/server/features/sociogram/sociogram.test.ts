import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/support/pdf-text';
import { kioskDeviceFor, pupilDeviceFor } from '../../../../test/support/pupil-access';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { isoInstant, newId } from '../../deps';
import { purgeOldSociograms } from './sociogram-retention';
import type { OwnSociogram, PupilSociogram, SociogramDetail, SociogramResults, SociogramSettings } from './sociogram.schemas';

describe.each(testDialects())('sociograms on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let otherTeacherId: string;
  // Class A1 gets four more pupils: Anna, Bram, Cas, Daan (and Sanne from the world).
  const extra: Record<'anna' | 'bram' | 'cas' | 'daan', string> = { anna: newId(), bram: newId(), cas: newId(), daan: newId() };
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const base = () => `/api/schools/${world.schoolA1}`;
  const ofClass = (classId = world.classA1) => `${base()}/classes/${classId}/sociograms`;

  async function start(login: Login, questions: { key: string; maxChoices: number | null }[] = [{ key: 'play', maxChoices: 3 }, { key: 'work', maxChoices: 3 }]): Promise<SociogramDetail> {
    const response = await requestAs(test.app, login, 'POST', ofClass(), { questions });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as SociogramDetail;
  }
  const choose = (play: string[], work: string[] = []) => ({ choices: [{ position: 1, chosen: play }, { position: 2, chosen: work }] });

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    otherTeacherId = await addSchoolA1Staff(test, world, { name: 'OtherTeacher', role: 'teacher', classId: world.classA1Other });
    const now = isoInstant(test.clock.now());
    const names = { anna: ['Anna', 'Bakker'], bram: ['Bram', 'Smit'], cas: ['Cas', 'de Wit'], daan: ['Daan', 'Mulder'] } as const;
    for (const [key, id] of Object.entries(extra) as [keyof typeof extra, string][]) {
      const [first, last] = names[key];
      await test.deps.db.kysely
        .insertInto('pupils')
        .values({ id, school_id: world.schoolA1, pupil_number: `2${id.slice(0, 5)}`, first_name: first, last_name: last, birth_date: '2017-01-01', created_at: now, updated_at: now })
        .execute();
      await test.deps.db.kysely.insertInto('class_pupils').values({ class_id: world.classA1, pupil_id: id, created_at: now }).execute();
    }
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['sociograms', 'sociogram_settings', 'sociogram_school_questions'] as const) await test.deps.db.kysely.deleteFrom(table).execute();
  });

  it('keeps "rather not" questions off until the school switches them on, and runs one sociogram per class at a time', async () => {
    const teacher = await as('teacher');
    const settings = (await requestAs(test.app, teacher, 'GET', `${base()}/sociogram-questions`)).json() as SociogramSettings;
    expect((await requestAs(test.app, teacher, 'GET', `${base()}/sociogram-settings`)).statusCode).toBe(403);
    expect(settings.negativeQuestionsAllowed).toBe(false);
    expect(settings.questions.filter((question) => question.valence === 'negative').map((question) => question.key)).toEqual(['play-not', 'sit-not', 'work-not']);

    const refused = await requestAs(test.app, teacher, 'POST', ofClass(), { questions: [{ key: 'play', maxChoices: 3 }, { key: 'play-not', maxChoices: 3 }] });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'negative_questions_off']);
    // A teacher cannot switch them on; the care team can.
    expect((await requestAs(test.app, teacher, 'PUT', `${base()}/sociogram-settings`, { negativeQuestionsAllowed: true })).statusCode).toBe(403);
    expect((await requestAs(test.app, await as('careTeam'), 'PUT', `${base()}/sociogram-settings`, { negativeQuestionsAllowed: true })).statusCode).toBe(200);

    const onlyNegative = await requestAs(test.app, teacher, 'POST', ofClass(), { questions: [{ key: 'play-not', maxChoices: 3 }] });
    expect(onlyNegative.json().error.fields).toEqual({ 'body.questions': ['no_positive_question'] });
    const unknown = await requestAs(test.app, teacher, 'POST', ofClass(), { questions: [{ key: 'dance', maxChoices: 3 }] });
    expect(unknown.json().error.fields).toEqual({ 'body.questions.0.key': ['unknown_question'] });

    const sociogram = await start(teacher, [{ key: 'play', maxChoices: 3 }, { key: 'sit-not', maxChoices: null }]);
    expect(sociogram.questions.map((question) => [question.position, question.valence, question.maxChoices])).toEqual([
      [1, 'positive', 3],
      [2, 'negative', null],
    ]);
    expect(sociogram.roster.map((pupil) => pupil.name)).toEqual(['Anna Bakker', 'Bram Smit', 'Cas de Wit', 'Daan Mulder', 'Sanne de Vries']);
    const second = await requestAs(test.app, teacher, 'POST', ofClass(), { questions: [{ key: 'play', maxChoices: 3 }] });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'sociogram_already_open']);
  });

  it("lets a school add its own question, which a new sociogram copies (archiving it later changes nothing)", async () => {
    const careTeam = await as('careTeam');
    const added = await requestAs(test.app, careTeam, 'POST', `${base()}/sociogram-questions`, { text: 'Met wie lees je graag samen?', valence: 'positive' });
    expect(added.statusCode, added.body).toBe(201);
    const own = (added.json() as SociogramSettings).questions.find((question) => question.own)!;
    const sociogram = await start(await as('teacher'), [{ key: own.key, maxChoices: 2 }]);
    expect((await requestAs(test.app, careTeam, 'DELETE', `${base()}/sociogram-questions/${own.key}`)).statusCode).toBe(200);
    const again = (await requestAs(test.app, careTeam, 'GET', `${base()}/sociograms/${sociogram.id}`)).json() as SociogramDetail;
    expect(again.questions[0]?.text.nl).toBe('Met wie lees je graag samen?');
  });

  it('takes answers on the class device without ever showing them, and on the own device with the pupil\'s own answers', async () => {
    const teacher = await as('teacher');
    const sociogram = await start(teacher);
    const kiosk = await kioskDeviceFor(test, world.classA1, world.users.teacher.id);
    const listed = (await requestAs(test.app, kiosk, 'GET', '/api/kiosk/sociograms')).json() as PupilSociogram[];
    expect(listed).toHaveLength(1);
    expect(listed[0]!.classmates.map((classmate) => classmate.displayName)).toEqual(['Anna B.', 'Bram S.', 'Cas W.', 'Daan M.', 'Sanne V.']);
    expect(JSON.stringify(listed)).not.toContain('mine');

    const kioskSave = (pupilId: string, body: object) => requestAs(test.app, kiosk, 'PUT', `/api/kiosk/sociograms/${sociogram.id}/pupils/${pupilId}`, body);
    expect((await kioskSave(extra.anna, choose([extra.bram, extra.cas], [extra.bram]))).statusCode).toBe(200);
    const self = await kioskSave(extra.bram, choose([extra.bram]));
    expect([self.statusCode, self.json().error.fields]).toEqual([400, { 'body.choices.0.chosen': ['cannot_choose_self'] }]);
    const tooMany = await kioskSave(extra.bram, choose([extra.anna, extra.cas, extra.daan, world.pupilInClassA1]));
    expect(tooMany.json().error.fields).toEqual({ 'body.choices.0.chosen': ['too_many_choices'] });
    const outsider = await kioskSave(extra.bram, choose([world.pupilInClassA1Other]));
    expect(outsider.json().error.fields).toEqual({ 'body.choices.0.chosen': ['not_in_class'] });
    // A pupil of another class cannot answer on this class's device.
    expect((await kioskSave(world.pupilInClassA1Other, choose([]))).statusCode).toBe(404);

    const own = await pupilDeviceFor(test, extra.bram, world.classA1);
    const mine = () => requestAs(test.app, own, 'GET', '/api/pupil/sociograms').then((response) => response.json() as OwnSociogram[]);
    const before = await mine();
    expect(before[0]!.mine).toBeNull();
    expect(before[0]!.classmates.map((classmate) => classmate.pupilId)).not.toContain(extra.bram);
    expect((await requestAs(test.app, own, 'PUT', `/api/pupil/sociograms/${sociogram.id}`, choose([extra.anna], []))).statusCode).toBe(200);
    expect((await mine())[0]!.mine).toEqual([
      { position: 1, chosen: [extra.anna] },
    ]);
    // Changing is allowed while it is open; the last answer counts.
    expect((await requestAs(test.app, own, 'PUT', `/api/pupil/sociograms/${sociogram.id}`, choose([extra.anna, extra.cas], [extra.anna]))).statusCode).toBe(200);
    expect((await mine())[0]!.mine).toEqual([
      { position: 1, chosen: [extra.anna, extra.cas].sort() },
      { position: 2, chosen: [extra.anna] },
    ]);
    // A pupil of another class's own device sees nothing of it and cannot answer it.
    const otherPupil = await pupilDeviceFor(test, world.pupilInClassA1Other, world.classA1Other);
    expect((await requestAs(test.app, otherPupil, 'GET', '/api/pupil/sociograms')).json()).toEqual([]);
    expect((await requestAs(test.app, otherPupil, 'PUT', `/api/pupil/sociograms/${sociogram.id}`, choose([]))).statusCode).toBe(404);

    const detail = (await requestAs(test.app, teacher, 'GET', `${base()}/sociograms/${sociogram.id}`)).json() as SociogramDetail;
    expect(detail.answered).toBe(2);
    expect(detail.roster.filter((pupil) => pupil.answered).map((pupil) => pupil.name)).toEqual(['Anna Bakker', 'Bram Smit']);

    await requestAs(test.app, teacher, 'POST', `${base()}/sociograms/${sociogram.id}/close`);
    expect((await kioskSave(extra.cas, choose([extra.anna]))).statusCode).toBe(404);
    expect((await requestAs(test.app, own, 'PUT', `/api/pupil/sociograms/${sociogram.id}`, choose([]))).statusCode).toBe(404);
    expect((await mine())).toEqual([]);
  });

  it('shows results only once closed, with both status methods, isolation, groups and places; every view audited', async () => {
    const teacher = await as('teacher');
    const sociogram = await start(teacher);
    const paper = (pupilId: string, body: object) => requestAs(test.app, teacher, 'PUT', `${base()}/sociograms/${sociogram.id}/pupils/${pupilId}/answers`, body);
    // Anna, Bram and Cas choose each other; Daan chooses Anna; nobody chooses Daan or Sanne; Sanne chose nobody.
    expect((await paper(extra.anna, choose([extra.bram, extra.cas], [extra.bram]))).statusCode).toBe(200);
    await paper(extra.bram, choose([extra.anna, extra.cas]));
    await paper(extra.cas, choose([extra.anna, extra.bram]));
    await paper(extra.daan, choose([extra.anna]));
    await paper(world.pupilInClassA1, choose([], []));
    const read = (await requestAs(test.app, teacher, 'GET', `${base()}/sociograms/${sociogram.id}/pupils/${extra.anna}/answers`)).json();
    expect(read).toEqual({ pupilId: extra.anna, answered: true, choices: [{ position: 1, chosen: [extra.bram, extra.cas].sort() }, { position: 2, chosen: [extra.bram] }] });

    const early = await requestAs(test.app, teacher, 'GET', `${base()}/sociograms/${sociogram.id}/results`);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'sociogram_still_open']);
    await requestAs(test.app, teacher, 'POST', `${base()}/sociograms/${sociogram.id}/close`);
    const response = await requestAs(test.app, teacher, 'GET', `${base()}/sociograms/${sociogram.id}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json() as SociogramResults;
    expect(results.respondents).toBe(4);
    const byName = new Map(results.pupils.map((pupil) => [pupil.name, pupil]));
    expect(results.pupils.map((pupil) => pupil.name)).toEqual(['Anna Bakker', 'Bram Smit', 'Cas de Wit', 'Daan Mulder', 'Sanne de Vries']);
    expect(byName.get('Anna Bakker')!.positiveReceived).toBe(3);
    expect([byName.get('Daan Mulder')!.isolated, byName.get('Sanne de Vries')!.isolated, byName.get('Anna Bakker')!.isolated]).toEqual([true, true, false]);
    expect(byName.get('Sanne de Vries')!.answered).toBe(true);
    expect(byName.get('Anna Bakker')!.mutualFriends.sort()).toEqual([extra.bram, extra.cas].sort());
    expect(results.mutualPositivePairs).toHaveLength(3);
    for (const pupil of results.pupils) {
      expect(['popular', 'rejected', 'neglected', 'controversial', 'average', 'unclassified']).toContain(pupil.cdc);
      expect(pupil.x).toBeGreaterThanOrEqual(0);
      expect(pupil.y).toBeGreaterThanOrEqual(0);
    }
    // Anna, Bram and Cas are one group; the two nobody chose are each on their own or with Daan's choice.
    expect(byName.get('Anna Bakker')!.group).toBe(byName.get('Bram Smit')!.group);
    expect(byName.get('Sanne de Vries')!.group).not.toBe(byName.get('Anna Bakker')!.group);
    expect(results.comparison).toBeNull();

    const audited = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'sociogram.results_read').execute();
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.detail!)).toEqual({ sociogramId: sociogram.id });
    const paperAudit = await test.deps.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'sociogram.paper_answers_saved').execute();
    expect(paperAudit).toHaveLength(5);

    // The two pupils nobody chose are signals in the teacher's class overview and the care team's school list.
    const overview = (await requestAs(test.app, teacher, 'GET', `${base()}/classes/${world.classA1}/checkin/today`)).json() as {
      pupils: { pupilId: string; signals: { kind: string; explanation: string }[] }[];
    };
    const isolatedNow = overview.pupils.filter((pupil) => pupil.signals.some((signal) => signal.kind === 'sociogram_isolated')).map((pupil) => pupil.pupilId);
    expect(isolatedNow.sort()).toEqual([extra.daan, world.pupilInClassA1].sort());
    expect(overview.pupils.find((pupil) => pupil.pupilId === extra.daan)!.signals[0]!.explanation).toContain('koos geen enkele klasgenoot');
    const schoolList = (await requestAs(test.app, await as('careTeam'), 'GET', `${base()}/checkin/signals`)).json() as { pupilId: string; signals: { kind: string }[] }[];
    expect(schoolList.filter((pupil) => pupil.signals.some((signal) => signal.kind === 'sociogram_isolated')).map((pupil) => pupil.pupilId).sort()).toEqual(
      [extra.daan, world.pupilInClassA1].sort(),
    );

    // The PDF with status labels is the care team's own: a teacher is refused, the care team gets it (audited).
    const pdfUrl = `${base()}/sociograms/${sociogram.id}/results.pdf`;
    expect((await requestAs(test.app, teacher, 'GET', pdfUrl)).statusCode).toBe(403);
    const pdf = await requestAs(test.app, await as('careTeam'), 'GET', pdfUrl);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Door niemand gekozen');
    expect(text).toMatch(/Daan Mulder, Sanne de Vries|Sanne de Vries, Daan Mulder/);
    expect(text).toContain('Coie-Dodge-Coppotelli');
    const printed = await test.deps.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'sociogram.results_printed').execute();
    expect(printed).toHaveLength(1);
  });

  it("compares with the class's previous sociogram: friendships gained and lost, newly isolated", async () => {
    let teacher = await as('teacher');
    const first = await start(teacher);
    const paper = (id: string, pupilId: string, body: object) => requestAs(test.app, teacher, 'PUT', `${base()}/sociograms/${id}/pupils/${pupilId}/answers`, body);
    await paper(first.id, extra.anna, choose([extra.bram]));
    await paper(first.id, extra.bram, choose([extra.anna]));
    await paper(first.id, extra.cas, choose([extra.daan]));
    await requestAs(test.app, teacher, 'POST', `${base()}/sociograms/${first.id}/close`);
    test.clock.advance(7 * 24 * 3_600_000);
    teacher = await as('teacher');
    const second = await start(teacher);
    await paper(second.id, extra.anna, choose([extra.cas]));
    await paper(second.id, extra.cas, choose([extra.anna]));
    await requestAs(test.app, teacher, 'POST', `${base()}/sociograms/${second.id}/close`);
    const results = (await requestAs(test.app, teacher, 'GET', `${base()}/sociograms/${second.id}/results`)).json() as SociogramResults;
    expect(results.comparison?.previousId).toBe(first.id);
    const change = new Map(results.comparison!.pupils.map((pupil) => [pupil.pupil, pupil]));
    expect(change.get(extra.anna)).toMatchObject({ friendsGained: [extra.cas], friendsLost: [extra.bram], newlyIsolated: false });
    expect(change.get(extra.bram)).toMatchObject({ friendsLost: [extra.anna], newlyIsolated: true });
    expect(change.get(extra.daan)).toMatchObject({ newlyIsolated: true });
  });

  it('answers 404 to a teacher of another class and lets the teacher remove a sociogram', async () => {
    const sociogram = await start(await as('teacher'));
    const other = await sessionFor(test, otherTeacherId);
    for (const [method, url] of [
      ['GET', `${base()}/sociograms/${sociogram.id}`],
      ['GET', `${base()}/sociograms/${sociogram.id}/results`],
      ['POST', `${base()}/sociograms/${sociogram.id}/close`],
      ['GET', ofClass()],
      ['GET', `${base()}/sociograms/${sociogram.id}/pupils/${extra.anna}/answers`],
    ] as const) {
      expect((await requestAs(test.app, other, method, url)).statusCode, url).toBe(404);
    }
    // The care team sees every class's sociograms.
    expect((await requestAs(test.app, await as('careTeam'), 'GET', ofClass())).json()).toHaveLength(1);
    expect((await requestAs(test.app, await as('teacher'), 'DELETE', `${base()}/sociograms/${sociogram.id}`)).statusCode).toBe(204);
    expect((await requestAs(test.app, await as('teacher'), 'GET', `${base()}/sociograms/${sociogram.id}`)).statusCode).toBe(404);
  });

  it('keeps answers for the current school year plus the extra years, then only the class counts', async () => {
    const teacher = await as('teacher');
    const old = await start(teacher);
    const paper = (id: string, pupilId: string, body: object) => requestAs(test.app, teacher, 'PUT', `${base()}/sociograms/${id}/pupils/${pupilId}/answers`, body);
    await paper(old.id, extra.anna, choose([extra.bram]));
    await paper(old.id, extra.bram, choose([extra.anna]));
    await requestAs(test.app, teacher, 'POST', `${base()}/sociograms/${old.id}/close`);
    const recent = await start(teacher);
    await paper(recent.id, extra.cas, choose([extra.anna]));
    // The first one was held two school years ago (today is in 2026-2027; one extra year keeps 2025-2026).
    await test.deps.db.kysely.updateTable('sociograms').set({ opened_on: '2025-03-02' }).where('id', '=', old.id).execute();

    const result = await purgeOldSociograms(test.deps.db.kysely, test.clock, 1);
    expect(result).toEqual({ keptFrom: '2025-08-01', purgedSociograms: 1 });
    const left = async (table: 'sociogram_answers' | 'sociogram_choices', id: string) =>
      (await test.deps.db.kysely.selectFrom(table).select('sociogram_id').where('sociogram_id', '=', id).execute()).length;
    expect([await left('sociogram_answers', old.id), await left('sociogram_choices', old.id)]).toEqual([0, 0]);
    expect([await left('sociogram_answers', recent.id), await left('sociogram_choices', recent.id)]).toEqual([1, 1]);
    const listed = (await requestAs(test.app, teacher, 'GET', ofClass())).json() as SociogramDetail[];
    expect(listed.find((entry) => entry.id === old.id)).toMatchObject({ purged: true, pupils: 5, answered: 2 });
    expect((await requestAs(test.app, teacher, 'GET', `${base()}/sociograms/${old.id}/results`)).statusCode).toBe(404);
    // Running it again changes nothing.
    expect((await purgeOldSociograms(test.deps.db.kysely, test.clock, 1)).purgedSociograms).toBe(0);
  });
});
