import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { schoolYearAt } from '../../../shared/school-time';
import { isoInstant, newId } from '../../deps';
import { purgeCareData } from '../care/care-retention';
import type { ParentContact, ParentContactCoverage, ParentContactLog, ParentContactsOverview } from './parent-contacts.schemas';

// The test world's clock stands at 2026-11-21; the teacher teaches classA1 (Sanne) and not classA1Other (Milan).
describe.each(testDialects())('the contact log with parents on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const log = (pupilId = world.pupilInClassA1) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/parent-contacts`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function add(login: Login, body: object, pupilId = world.pupilInClassA1): Promise<ParentContact> {
    const response = await requestAs(test.app, login, 'POST', log(pupilId), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ParentContact;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    await test.deps.db.kysely.deleteFrom('parent_contacts').execute();
  });

  it("keeps the care team's notes of the enrolment conversation from the pupil's teacher, and stores every note encrypted", async () => {
    const careTeam = await as('careTeam');
    const enrolment = await add(careTeam, {
      heldOn: '2026-09-02',
      kind: 'at_school',
      withWhom: 'moeder en stiefvader',
      topic: 'Intakegesprek',
      isEnrolment: true,
      note: 'Fijne kennismaking; moeder wil graag wekelijks horen hoe het gaat.',
      careNotes: 'Verhuisd na de scheiding; eerdere school liep vast.',
      followUpOn: '2026-10-01',
    });
    expect([enrolment.isEnrolment, enrolment.careNotes, enrolment.createdByName, enrolment.isFollowUpDue]).toEqual([true, 'Verhuisd na de scheiding; eerdere school liep vast.', 'careTeam', true]);

    const teacherRead = await requestAs(test.app, await as('teacher'), 'GET', log());
    expect(teacherRead.statusCode, teacherRead.body).toBe(200);
    expect(teacherRead.body).not.toContain('Verhuisd na de scheiding');
    const forTeacher = teacherRead.json() as ParentContactLog;
    expect(forTeacher.access).toBe('teacher');
    expect(forTeacher.pupil).toEqual({ id: world.pupilInClassA1, firstName: 'Sanne', lastName: 'de Vries', className: 'Groep 5' });
    expect(forTeacher.contacts.map((contact) => [contact.withWhom, contact.note, contact.careNotes, contact.mayChange])).toEqual([
      ['moeder en stiefvader', 'Fijne kennismaking; moeder wil graag wekelijks horen hoe het gaat.', null, false],
    ]);
    const forCareTeam = (await requestAs(test.app, careTeam, 'GET', log())).json() as ParentContactLog;
    expect([forCareTeam.access, forCareTeam.contacts[0]?.careNotes]).toEqual(['care_team', 'Verhuisd na de scheiding; eerdere school liep vast.']);

    const stored = await test.deps.db.kysely.selectFrom('parent_contacts').select(['note_encrypted', 'care_notes_encrypted', 'with_whom', 'is_enrolment']).executeTakeFirstOrThrow();
    expect([stored.note_encrypted, stored.care_notes_encrypted]).toEqual([expect.stringMatching(/^gw1:/), expect.stringMatching(/^gw1:/)]);
    expect([stored.with_whom, stored.is_enrolment]).toEqual(['moeder en stiefvader', 1]);
    // One audit event per read and write; the detail never holds a text.
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail', 'actor_user_id']).where('action', 'like', 'parents.contact%').orderBy('seq').execute();
    expect(events.map((event) => event.action)).toEqual(['parents.contact_added', 'parents.contacts_read', 'parents.contacts_read']);
    expect(JSON.parse(events[1]!.detail ?? '{}')).toEqual({ via: 'teacher', contacts: 1 });
    for (const event of events) expect(event.detail ?? '').not.toMatch(/Verhuisd|kennismaking|stiefvader/);
  });

  it('lets a teacher record a contact but not write or overwrite the care notes, nor change a colleague\'s contact', async () => {
    const teacher = await as('teacher');
    const careTeam = await as('careTeam');
    const refused = await requestAs(test.app, teacher, 'POST', log(), { heldOn: '2026-11-20', kind: 'phone', withWhom: 'vader', topic: 'Slaap', careNotes: 'Mag niet' });
    expect(refused.json().error.fields).toEqual({ 'body.careNotes': ['care_team_only'] });
    const own = await add(teacher, { heldOn: '2026-11-20', kind: 'phone', withWhom: 'vader', topic: 'Slaap', note: 'Slaapt slecht sinds de verhuizing.' });
    expect([own.mayChange, own.careNotes, own.followUpOn]).toEqual([true, null, null]);

    const changed = await requestAs(test.app, teacher, 'PUT', `${log()}/${own.id}`, { topic: 'Slapen en eten', followUpOn: '2026-12-01' });
    expect([changed.json().topic, changed.json().followUpOn, changed.json().note]).toEqual(['Slapen en eten', '2026-12-01', 'Slaapt slecht sinds de verhuizing.']);
    const overwrite = await requestAs(test.app, teacher, 'PUT', `${log()}/${own.id}`, { careNotes: '' });
    expect(overwrite.json().error.fields).toEqual({ 'body.careNotes': ['care_team_only'] });

    const colleagues = await add(careTeam, { heldOn: '2026-11-19', kind: 'visit', withWhom: 'moeder', topic: 'Huisbezoek', careNotes: 'Alleen voor het zorgteam' });
    for (const [method, body] of [['PUT', { topic: 'Anders' }], ['DELETE', undefined]] as const) {
      const response = await requestAs(test.app, teacher, method, `${log()}/${colleagues.id}`, body);
      expect([response.statusCode, response.json().error.code], method).toEqual([403, 'not_own_contact']);
    }
    // The care team changes any contact; the care notes stay when they are left out.
    const byCareTeam = await requestAs(test.app, careTeam, 'PUT', `${log()}/${own.id}`, { kind: 'video' });
    expect([byCareTeam.json().kind, byCareTeam.json().careNotes]).toEqual(['video', '']);

    const future = await requestAs(test.app, teacher, 'POST', log(), { heldOn: '2026-11-22', kind: 'phone', withWhom: 'vader', topic: 'Morgen' });
    expect(future.json().error.fields).toEqual({ 'body.heldOn': ['in_the_future'] });
    const early = await requestAs(test.app, teacher, 'POST', log(), { heldOn: '2026-11-20', kind: 'phone', withWhom: 'vader', topic: 'Terug', followUpOn: '2026-11-19' });
    expect(early.json().error.fields).toEqual({ 'body.followUpOn': ['before_held_on'] });
    expect((await requestAs(test.app, teacher, 'PUT', `${log()}/${newId()}`, { topic: 'Niets' })).statusCode).toBe(404);

    const removed = await requestAs(test.app, teacher, 'DELETE', `${log()}/${own.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await test.deps.db.kysely.selectFrom('parent_contacts').select('id').execute()).map((row) => row.id)).toEqual([colleagues.id]);
  });

  it('marks a follow-up done for everyone who sees the log, and opens it again with a new date', async () => {
    const teacher = await as('teacher');
    const contact = await add(await as('careTeam'), { heldOn: '2026-11-10', kind: 'visit', withWhom: 'oma (verzorger)', topic: 'Huisbezoek', followUpOn: '2026-11-17' });
    expect(contact.isFollowUpDue).toBe(true);
    const done = await requestAs(test.app, teacher, 'PUT', `${log()}/${contact.id}/follow-up`, { done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect([done.json().isFollowUpDue, done.json().followUpDoneAt]).toEqual([false, isoInstant(test.clock.now())]);
    const reopened = await requestAs(test.app, await as('careTeam'), 'PUT', `${log()}/${contact.id}`, { followUpOn: '2026-11-21' });
    expect([reopened.json().followUpDoneAt, reopened.json().isFollowUpDue]).toEqual([null, true]);
    const none = await add(teacher, { heldOn: '2026-11-10', kind: 'phone', withWhom: 'vader', topic: 'Kort belletje' });
    const refused = await requestAs(test.app, teacher, 'PUT', `${log()}/${none.id}/follow-up`, { done: true });
    expect(refused.json().error.fields).toEqual({ 'body.done': ['no_follow_up'] });
  });

  it("answers 404 for a pupil outside the teacher's classes and 403 for roles without the permission", async () => {
    const teacher = await as('teacher');
    const other = log(world.pupilInClassA1Other);
    const contact = await add(await as('careTeam'), { heldOn: '2026-11-20', kind: 'phone', withWhom: 'moeder', topic: 'Ziek' }, world.pupilInClassA1Other);
    for (const [method, path, body] of [
      ['GET', other, undefined],
      ['POST', other, { heldOn: '2026-11-20', kind: 'phone', withWhom: 'moeder', topic: 'Ziek' }],
      ['PUT', `${other}/${contact.id}`, { topic: 'Anders' }],
      ['PUT', `${other}/${contact.id}/follow-up`, { done: true }],
      ['DELETE', `${other}/${contact.id}`, undefined],
    ] as const) {
      expect((await requestAs(test.app, teacher, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    }
    // A pupil of another school answers 404 to the care team too.
    expect((await requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilB1}/parent-contacts`)).statusCode).toBe(404);
    for (const key of ['leadership', 'tsoLead', 'schoolAdmin'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', log())).statusCode, key).toBe(403);
      expect((await requestAs(test.app, await as(key), 'GET', `/api/schools/${world.schoolA1}/parent-contacts`)).statusCode, key).toBe(403);
    }
    expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/parent-contacts/coverage`)).statusCode).toBe(403);
  });

  it("lists the pupils a caller may see with the last contact, the enrolment conversation and the next open follow-up", async () => {
    const careTeam = await as('careTeam');
    await add(careTeam, { heldOn: '2026-09-01', kind: 'at_school', withWhom: 'ouders', topic: 'Intake', isEnrolment: true });
    await add(careTeam, { heldOn: '2026-11-12', kind: 'phone', withWhom: 'vader', topic: 'Ziek', followUpOn: '2026-11-26' });
    const done = await add(careTeam, { heldOn: '2026-10-01', kind: 'phone', withWhom: 'vader', topic: 'Oud', followUpOn: '2026-10-08' });
    await requestAs(test.app, careTeam, 'PUT', `${log()}/${done.id}/follow-up`, { done: true });
    await add(careTeam, { heldOn: '2026-11-01', kind: 'video', withWhom: 'moeder', topic: 'Rapport', followUpOn: '2026-11-15' }, world.pupilInClassA1Other);

    const forTeacher = (await requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/parent-contacts`)).json() as ParentContactsOverview;
    expect(forTeacher.pupils).toEqual([
      { pupilId: world.pupilInClassA1, firstName: 'Sanne', lastName: 'de Vries', className: 'Groep 5', lastContactOn: '2026-11-12', hasEnrolmentConversation: true, nextFollowUpOn: '2026-11-26', isFollowUpDue: false },
    ]);
    const forCareTeam = (await requestAs(test.app, careTeam, 'GET', `/api/schools/${world.schoolA1}/parent-contacts`)).json() as ParentContactsOverview;
    expect(forCareTeam.pupils.map((pupil) => [pupil.firstName, pupil.lastContactOn, pupil.hasEnrolmentConversation, pupil.isFollowUpDue])).toEqual([
      ['Sanne', '2026-11-12', true, false],
      ['Milan', '2026-11-01', false, true],
    ]);
    const event = await test.deps.db.kysely.selectFrom('audit_events').select(['target_type', 'detail']).where('action', '=', 'parents.contacts_overview_read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([event.target_type, JSON.parse(event.detail ?? '{}')]).toEqual(['school', { via: 'care_team', pupils: 2 }]);
  });

  it('deletes the log of a pupil who left once the retention term for the contact log has passed', async () => {
    const careTeam = await as('careTeam');
    await add(careTeam, { heldOn: '2026-09-01', kind: 'at_school', withWhom: 'ouders', topic: 'Intake', isEnrolment: true }, world.pupilInClassA1Other);
    await add(careTeam, { heldOn: '2026-09-01', kind: 'phone', withWhom: 'ouders', topic: 'Blijft' });
    const report = await requestAs(test.app, await as('schoolAdmin'), 'PUT', `/api/schools/${world.schoolA1}/care/retention`, { terms: { parent_contacts: 0 } });
    expect(report.statusCode, report.body).toBe(200);
    await test.deps.db.kysely.updateTable('pupils').set({ left_on: '2026-11-01' }).where('id', '=', world.pupilInClassA1Other).execute();
    try {
      const result = await purgeCareData(test.deps.db.kysely, test.clock, { dryRun: false });
      expect(result.schools.find((school) => school.schoolId === world.schoolA1)?.categories).toEqual([{ category: 'parent_contacts', pupils: 1, records: 1 }]);
      expect((await test.deps.db.kysely.selectFrom('parent_contacts').select('pupil_id').execute()).map((row) => row.pupil_id)).toEqual([world.pupilInClassA1]);
    } finally {
      await test.deps.db.kysely.updateTable('pupils').set({ left_on: null }).where('id', '=', world.pupilInClassA1Other).execute();
      await test.deps.db.kysely.deleteFrom('care_retention_terms').execute();
    }
  });
});

// Coverage: school A1 gets three more classes of this school year — 6, 5 and 2 pupils — beside the world's two
// classes of one pupil each; k is the default 5.
describe.each(testDialects())('the evidence of contact with parents on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const classes: Record<'big' | 'middle' | 'small', string[]> = { big: [], middle: [], small: [] };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    let number = 4000;
    for (const [key, size] of [['big', 6], ['middle', 5], ['small', 2]] as const) {
      const classId = newId();
      await db.insertInto('classes').values({ id: classId, school_id: world.schoolA1, location_id: null, school_year: schoolYearAt(test.clock.now()), name: `Klas ${key}`, created_at: now }).execute();
      for (let index = 0; index < size; index++) {
        const pupilId = newId();
        number += 1;
        classes[key].push(pupilId);
        await db.insertInto('pupils').values({ id: pupilId, school_id: world.schoolA1, pupil_number: String(number), first_name: `Kind${number}`, last_name: 'Test', birth_date: '2016-01-01', created_at: now, updated_at: now }).execute();
        await db.insertInto('class_pupils').values({ class_id: classId, pupil_id: pupilId, created_at: now }).execute();
      }
    }
  });
  afterAll(async () => test.close());

  it('counts pupils with a contact in the last three months and with an enrolment conversation, hiding a class under k and the class that would give it away', async () => {
    const careTeam = await sessionFor(test, world.users.careTeam.id);
    const contact = (pupilId: string, heldOn: string, isEnrolment = false) =>
      requestAs(test.app, careTeam, 'POST', `/api/schools/${world.schoolA1}/pupils/${pupilId}/parent-contacts`, { heldOn, kind: 'phone', withWhom: 'ouders', topic: 'Contact', isEnrolment });
    const [first, second, third] = classes.big as [string, string, string];
    // Three months back from 2026-11-21 on the school calendar is 2026-08-21: that day counts, the day before not.
    for (const [pupilId, heldOn, isEnrolment] of [
      [first, '2026-08-21', true],
      [first, '2026-11-01', false],
      [second, '2026-08-20', true],
      [third, '2026-11-20', false],
      [classes.small[0]!, '2026-11-20', true],
    ] as const) {
      const response = await contact(pupilId, heldOn, isEnrolment);
      expect(response.statusCode, response.body).toBe(201);
    }
    const response = await requestAs(test.app, await sessionFor(test, world.users.tsoLead.id), 'GET', `/api/schools/${world.schoolA1}/parent-contacts/coverage`);
    expect(response.statusCode, response.body).toBe(200);
    const coverage = response.json() as ParentContactCoverage;
    expect([coverage.minGroupSize, coverage.recentSince, coverage.schoolYear]).toEqual([5, '2026-08-21', '2026-2027']);
    const byName = Object.fromEntries(coverage.classes.map((entry) => [entry.className, entry.figures]));
    expect(byName['Klas big']).toEqual({ pupils: 6, withRecentContact: 2, withEnrolmentConversation: 2 });
    // The world's two one-pupil classes and the small class hold 4 pupils together, under k: the middle class is
    // hidden as well, so the school's figure minus the shown ones never tells about fewer than 5 pupils.
    for (const name of ['Klas middle', 'Klas small', 'Groep 5', 'Groep 6']) expect(byName[name], name).toBeNull();
    expect(coverage.school).toEqual({ pupils: 15, withRecentContact: 3, withEnrolmentConversation: 3 });
    // Counts only: no pupil, no name, no text leaves.
    expect(response.body).not.toMatch(/Kind40|ouders|Test/);
  });

  it('hides the school figure too while the school has fewer than k pupils placed', async () => {
    const db = test.deps.db.kysely;
    const placements = await db.selectFrom('class_pupils').innerJoin('classes', 'classes.id', 'class_pupils.class_id').select(['class_pupils.pupil_id']).where('classes.school_id', '=', world.schoolA1).execute();
    const moved = placements.slice(4).map((row) => row.pupil_id);
    await db.updateTable('pupils').set({ left_on: '2026-11-01' }).where('id', 'in', moved).execute();
    try {
      const coverage = (await requestAs(test.app, await sessionFor(test, world.users.leadership.id), 'GET', `/api/schools/${world.schoolA1}/parent-contacts/coverage`)).json() as ParentContactCoverage;
      expect(coverage.school).toBeNull();
      expect(coverage.classes.every((entry) => entry.figures === null)).toBe(true);
    } finally {
      await db.updateTable('pupils').set({ left_on: null }).where('id', 'in', moved).execute();
    }
  });
});

// A second teacher of the same school: the log follows this school year's class, not who the pupil's teacher was.
describe.each(testDialects())('a colleague who teaches the other class on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it("reads the log of their own pupil and not of the first teacher's", async () => {
    const colleagueId = await addSchoolA1Staff(test, world, { name: 'Juf Fatima', role: 'teacher', classId: world.classA1Other });
    const colleague = await sessionFor(test, colleagueId);
    const own = await requestAs(test.app, colleague, 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1Other}/parent-contacts`, { heldOn: '2026-11-20', kind: 'at_school', withWhom: 'moeder', topic: 'Bij het hek' });
    expect(own.statusCode, own.body).toBe(201);
    expect((await requestAs(test.app, colleague, 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-contacts`)).statusCode).toBe(404);
    const overview = (await requestAs(test.app, colleague, 'GET', `/api/schools/${world.schoolA1}/parent-contacts`)).json() as ParentContactsOverview;
    expect(overview.pupils.map((pupil) => pupil.pupilId)).toEqual([world.pupilInClassA1Other]);
  });
});
