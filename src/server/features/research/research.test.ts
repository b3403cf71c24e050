import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { ResearchOverview } from './research.schemas';

/** The answers CSV as rows of cells (`;` between cells, text quoted; no value of this file holds a `;`). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
}

describe.each(testDialects())('the research export on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const pupils: string[] = [];
  const base = () => `/api/schools/${world.schoolA1}/research`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  beforeAll(async () => {
    // Saturday 21 November 2026: two closed pupil waves of class A1, six pupils answering both, and a teacher wave.
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    pupils.push(world.pupilInClassA1);
    for (let index = 0; index < 5; index++) {
      const id = newId();
      pupils.push(id);
      await db.insertInto('pupils').values({ id, school_id: world.schoolA1, pupil_number: `20${index}`, first_name: `Kind${index}`, last_name: 'Test', birth_date: `2016-0${index + 1}-15`, created_at: now, updated_at: now }).execute();
      await db.insertInto('class_pupils').values({ class_id: world.classA1, pupil_id: id, created_at: now }).execute();
    }
    const wave = async (name: string, audience: string, opensOn: string, instrumentId: string, closesOn = opensOn.replace(/-(\d\d)$/, '-12')) => {
      const id = newId();
      await db.insertInto('questionnaire_waves').values({ id, school_id: world.schoolA1, name, audience, opens_on: opensOn, closes_on: closesOn, created_by: null, created_at: now, updated_at: now }).execute();
      await db.insertInto('questionnaire_wave_instruments').values({ wave_id: id, instrument_id: instrumentId, instrument_version: '1.0.0', position: 0 }).execute();
      return id;
    };
    const answer = async (waveId: string, instrumentId: string, kind: string, respondentId: string, answers: object) =>
      db
        .insertInto('questionnaire_responses')
        .values({ id: newId(), wave_id: waveId, instrument_id: instrumentId, respondent_kind: kind, respondent_id: respondentId, class_id: null, answers: JSON.stringify(answers), is_complete: 1, created_at: now, updated_at: now })
        .execute();
    for (const [name, opensOn] of [['Najaar', '2026-10-05'], ['Winter', '2026-11-02']] as const) {
      const id = await wave(name, 'pupils', opensOn, 'pupil-wellbeing');
      for (const pupil of pupils) await answer(id, 'pupil-wellbeing', 'pupil', pupil, { 'wellbeing.1': 3, 'wellbeing.2': 4, 'belonging.1': 2 });
    }
    const team = await wave('Team', 'teachers', '2026-10-05', 'teacher-competence');
    await answer(team, 'teacher-competence', 'staff', world.users.teacher.id, { 'keeping-order.1': 4 });
    // An open wave is not exported.
    const open = await wave('Open', 'pupils', '2026-11-16', 'class-climate-pupil', '2026-11-27');
    await answer(open, 'class-climate-pupil', 'pupil', pupils[0]!, { 'atmosphere.1': 1 });
  });
  afterAll(async () => test.close());

  it('adds studies with their own key, stored encrypted, and lists what can be exported', async () => {
    const admin = await as('schoolAdmin');
    for (const name of ['Landelijke TSO-studie', 'Masterthesis Pabo']) {
      const created = await requestAs(test.app, admin, 'POST', `${base()}/studies`, { name });
      expect(created.statusCode, created.body).toBe(201);
    }
    const overview = (await requestAs(test.app, admin, 'GET', base())).json() as ResearchOverview;
    expect(overview.studies.map((study) => study.name)).toEqual(['Landelijke TSO-studie', 'Masterthesis Pabo']);
    expect(overview.instruments.map((instrument) => [instrument.id, instrument.waves])).toEqual([
      ['pupil-wellbeing', 2],
      ['teacher-competence', 1],
    ]);
    const keys = await test.deps.db.kysely.selectFrom('research_studies').select('key_encrypted').execute();
    for (const { key_encrypted } of keys) expect(Buffer.from(key_encrypted, 'base64').length).not.toBe(32);
    const audited = await test.deps.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'research.study_created').execute();
    expect(audited).toHaveLength(2);
  });

  it('leaves out a pupil who objected, and gives pseudonyms stable within a study and different between studies', async () => {
    const admin = await as('schoolAdmin');
    const objected = pupils[2]!;
    expect((await requestAs(test.app, admin, 'PUT', `${base()}/objections/${objected}`)).statusCode).toBe(204);
    const overview = (await requestAs(test.app, admin, 'GET', base())).json() as ResearchOverview;
    expect(overview.objections.map((objection) => [objection.pupilId, objection.name])).toEqual([[objected, 'Kind1 Test']]);
    const [first, second] = overview.studies;
    const download = async (studyId: string) => {
      const response = await requestAs(test.app, admin, 'GET', `${base()}/studies/${studyId}/pupil-wellbeing/answers.csv`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="onderzoek-[a-z0-9-]+-pupil-wellbeing\.csv"$/);
      return csvRows(response.body);
    };
    const [header, ...rows] = await download(first!.id);
    expect(header!.slice(0, 7)).toEqual(['pseudonym', 'respondent', 'wave', 'wave_opens_on', 'training', 'school_type', 'birth_year']);
    expect(header).toContain('wellbeing.1');
    expect(header).toContain('score.wellbeing');
    // Five pupils in two waves: the one who objected is not in it.
    expect(rows).toHaveLength(10);
    const column = (name: string) => header!.indexOf(name);
    const pseudonyms = new Set(rows.map((row) => row[column('pseudonym')]));
    expect(pseudonyms.size).toBe(5);
    for (const pseudonym of pseudonyms) expect(pseudonym).toMatch(/^P[0-9a-f]{16}$/);
    expect(new Set(rows.map((row) => row[column('birth_year')]))).toEqual(new Set(['2016', '2017']));
    // Nothing that names a pupil, their birth date or their id.
    const text = rows.flat().join(' ');
    for (const pupil of pupils) expect(text).not.toContain(pupil);
    expect(text).not.toMatch(/Kind\d|Sanne|2016-0\d-15|2017-03-04/);

    // The same file again: the same pseudonyms. Another study: none of them.
    const again = (await download(first!.id)).slice(1).map((row) => row[column('pseudonym')]);
    expect(new Set(again)).toEqual(pseudonyms);
    const other = new Set((await download(second!.id)).slice(1).map((row) => row[column('pseudonym')]));
    expect(other.size).toBe(5);
    expect([...other].filter((pseudonym) => pseudonyms.has(pseudonym))).toEqual([]);

    const audits = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'research.exported').execute();
    expect(audits).toHaveLength(3);
    expect(JSON.parse(audits[0]!.detail!)).toMatchObject({ file: 'answers', instrumentId: 'pupil-wellbeing', rows: 10, persons: 5, pupilsLeftOut: 1 });
  });

  it('brings a pupil back in when the objection is withdrawn', async () => {
    const admin = await as('schoolAdmin');
    expect((await requestAs(test.app, admin, 'DELETE', `${base()}/objections/${pupils[2]}`)).statusCode).toBe(204);
    const [study] = ((await requestAs(test.app, admin, 'GET', base())).json() as ResearchOverview).studies;
    const rows = csvRows((await requestAs(test.app, admin, 'GET', `${base()}/studies/${study!.id}/pupil-wellbeing/answers.csv`)).body).slice(1);
    expect(rows).toHaveLength(12);
    const changes = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'research.objection_changed').execute();
    expect(changes.map((change) => JSON.parse(change.detail!))).toEqual([{ objects: true }, { objects: false }]);
  });

  it('writes a codebook with every column, the items in the language asked for and how scales are scored', async () => {
    const admin = await as('schoolAdmin');
    const [study] = ((await requestAs(test.app, admin, 'GET', base())).json() as ResearchOverview).studies;
    const response = await requestAs(test.app, admin, 'GET', `${base()}/studies/${study!.id}/pupil-wellbeing/codebook.csv?lang=nl`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain('"wellbeing.1";"Ik voel me meestal goed op school.";"1 = Klopt niet; 2 = Klopt een beetje');
    expect(response.body).toMatch(/"score\.wellbeing";"[^"]+";"gemiddelde van wellbeing\.1, wellbeing\.2, wellbeing\.3/);
    expect(response.body).toContain('birth_year');
    const english = await requestAs(test.app, admin, 'GET', `${base()}/studies/${study!.id}/pupil-wellbeing/codebook.csv?lang=en`);
    expect(english.body).toContain('"I usually feel good at school."');
  });

  it('refuses an instrument no closed wave asked, a study of another school and a pupil of another school', async () => {
    const admin = await as('schoolAdmin');
    const [study] = ((await requestAs(test.app, admin, 'GET', base())).json() as ResearchOverview).studies;
    expect((await requestAs(test.app, admin, 'GET', `${base()}/studies/${study!.id}/class-climate-pupil/answers.csv`)).statusCode).toBe(404);
    expect((await requestAs(test.app, admin, 'GET', `${base()}/studies/${newId()}/pupil-wellbeing/answers.csv`)).statusCode).toBe(404);
    expect((await requestAs(test.app, admin, 'PUT', `${base()}/objections/${world.pupilB1}`)).statusCode).toBe(404);
    for (const key of ['tsoLead', 'leadership', 'teacher', 'careTeam'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', `${base()}/studies/${study!.id}/pupil-wellbeing/answers.csv`)).statusCode, key).toBe(403);
    }
  });
});
