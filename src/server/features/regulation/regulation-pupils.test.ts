import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kioskDeviceFor, pupilDeviceFor } from '../../../../test/support/pupil-access';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World } from '../../../../test/support/world';
import type { AgeGroup } from '../../../shared/checkin';
import type { OutOfWindowState } from '../../../shared/regulation';
import { isoInstant, newId } from '../../deps';
import { loadShippedActivities } from './regulation-activities';
import type { RegulationActivityFile } from './regulation-activity.schema';
import type { OfferedActivity } from './regulation-pupils.schemas';

const DAY = 24 * 60 * 60 * 1000;
const SHIPPED = loadShippedActivities();

/** What the pupil page may offer, worked out here from the shipped files on their own: the test's oracle. */
function poolOf(state: OutOfWindowState, ageGroup: AgeGroup, hidden: readonly string[] = []): string[] {
  return SHIPPED.filter((activity) => activity.forPupils && activity.states.includes(state) && activity.ageGroups.includes(ageGroup) && !hidden.includes(activity.id))
    .map((activity) => activity.id)
    .sort();
}

/** A school's own activity for pupils, too low, for the middle age group. */
const OWN_ACTIVITY: RegulationActivityFile = {
  id: 'own-jumping-jacks',
  version: '1.0.0',
  name: { nl: 'Tien sprongen', en: 'Ten jumps' },
  kind: 'movement',
  states: ['too_low'],
  ageGroups: ['middle'],
  durationSeconds: 45,
  places: ['class'],
  materials: [],
  steps: [
    { nl: 'Ga naast je tafel staan.', en: 'Stand next to your desk.' },
    { nl: 'Spring tien keer zachtjes op en neer.', en: 'Jump up and down gently ten times.' },
  ],
  forPupils: { animation: 'none', prompt: { nl: 'Spring tien keer zachtjes.', en: 'Jump gently ten times.' } },
};

describe.each(testDialects())('the regulation moment on the pupil page on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let classmate = '';

  beforeAll(async () => {
    // Saturday 21 November 2026, 10:00 in Amsterdam.
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // A second pupil in groep 5, without a support plan.
    classmate = newId();
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely
      .insertInto('pupils')
      .values({ id: classmate, school_id: world.schoolA1, pupil_number: '1003', first_name: 'Fenna', last_name: 'Smit', birth_date: null, created_at: now, updated_at: now })
      .execute();
    await test.deps.db.kysely.insertInto('class_pupils').values({ class_id: world.classA1, pupil_id: classmate, created_at: now }).execute();
  });
  afterAll(async () => test.close());

  beforeEach(async () => {
    const db = test.deps.db.kysely;
    for (const table of ['regulation_moments', 'regulation_plan_activities', 'regulation_favourites', 'regulation_hidden_activities', 'regulation_school_activities'] as const) {
      await db.deleteFrom(table).execute();
    }
    await db.deleteFrom('checkin_class_settings').execute();
  });

  // A kiosk lasts a school day and a pupil session half an hour: every call gets a fresh one, so the clock may move.
  const kiosk = () => kioskDeviceFor(test, world.classA1, world.users.teacher.id);
  const ownDevice = (pupilId = world.pupilInClassA1) => pupilDeviceFor(test, pupilId, world.classA1);

  async function kioskOffer(state: OutOfWindowState, pupilId = world.pupilInClassA1): Promise<OfferedActivity[]> {
    const response = await requestAs(test.app, await kiosk(), 'GET', `/api/kiosk/regulation/offer?pupilId=${pupilId}&state=${state}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function ownOffer(state: OutOfWindowState, pupilId = world.pupilInClassA1): Promise<OfferedActivity[]> {
    const response = await requestAs(test.app, await ownDevice(pupilId), 'GET', `/api/pupil/regulation/offer?state=${state}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const idsOf = (offer: OfferedActivity[]) => offer.map((activity) => activity.id);

  /** Every activity offered on `days` school dates in a row, starting today (the clock goes back afterwards). */
  async function offeredOver(days: number, state: OutOfWindowState): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let day = 0; day < days; day += 1) {
      for (const id of idsOf(await ownOffer(state))) seen.add(id);
      test.clock.advance(DAY);
    }
    test.clock.advance(-days * DAY);
    return seen;
  }

  const setAgeGroup = (ageGroup: AgeGroup) =>
    test.deps.db.kysely.insertInto('checkin_class_settings').values({ class_id: world.classA1, age_group: ageGroup, updated_by: null, updated_at: isoInstant(test.clock.now()) }).execute();
  const hide = (...ids: string[]) =>
    test.deps.db.kysely
      .insertInto('regulation_hidden_activities')
      .values(ids.map((activityId) => ({ school_id: world.schoolA1, activity_id: activityId, hidden_by: null, hidden_at: isoInstant(test.clock.now()) })))
      .execute();
  const favour = (...ids: string[]) =>
    test.deps.db.kysely
      .insertInto('regulation_favourites')
      .values(ids.map((activityId) => ({ class_id: world.classA1, activity_id: activityId, added_by: null, added_at: isoInstant(test.clock.now()) })))
      .execute();
  const linkToPlan = (pupilId: string, ...ids: string[]) =>
    test.deps.db.kysely
      .insertInto('regulation_plan_activities')
      .values(ids.map((activityId) => ({ school_id: world.schoolA1, pupil_id: pupilId, activity_id: activityId, added_by: null, added_at: isoInstant(test.clock.now()) })))
      .execute();
  const addOwn = (definition: string, activityId: string) =>
    test.deps.db.kysely
      .insertInto('regulation_school_activities')
      .values({ id: newId(), school_id: world.schoolA1, activity_id: activityId, definition, created_by: null, created_at: isoInstant(test.clock.now()) })
      .execute();
  const momentsOf = (pupilId: string) =>
    test.deps.db.kysely
      .selectFrom('regulation_moments')
      .select(['school_id', 'class_id', 'pupil_id', 'school_date', 'state', 'activity_id', 'helped', 'channel'])
      .where('pupil_id', '=', pupilId)
      .orderBy('created_at')
      .execute();

  it('offers at most two activities with a pupil part, for the state and the class age group, each with what the page shows', async () => {
    const offer = await kioskOffer('too_high');
    expect(offer).toHaveLength(2);
    // Groep 5 of a primary school without a chosen age group: the middle group's activities.
    for (const activity of offer) expect(poolOf('too_high', 'middle')).toContain(activity.id);
    const shipped = SHIPPED.find((activity) => activity.id === offer[0]!.id)!;
    expect(offer[0]).toEqual({
      id: shipped.id,
      name: shipped.name,
      kind: shipped.kind,
      durationSeconds: shipped.durationSeconds,
      animation: shipped.forPupils!.animation ?? 'none',
      prompt: shipped.forPupils!.prompt,
      steps: shipped.steps,
    });
    // Over as many days as there are candidates, the rotation offers every one of them, and nothing else.
    expect([...(await offeredOver(poolOf('too_high', 'middle').length, 'too_high'))].sort()).toEqual(poolOf('too_high', 'middle'));
    expect([...(await offeredOver(poolOf('too_low', 'middle').length, 'too_low'))].sort()).toEqual(poolOf('too_low', 'middle'));
  });

  it("follows the class's age group", async () => {
    await setAgeGroup('older');
    const older = poolOf('too_low', 'older');
    expect(older).not.toEqual(poolOf('too_low', 'middle'));
    expect([...(await offeredOver(older.length, 'too_low'))].sort()).toEqual(older);
    await test.deps.db.kysely.updateTable('checkin_class_settings').set({ age_group: 'young' }).execute();
    expect([...(await offeredOver(poolOf('too_high', 'young').length, 'too_high'))].sort()).toEqual(poolOf('too_high', 'young'));
  });

  it('gives the same offer all day, on both devices, and turns it the next school day', async () => {
    const morning = idsOf(await kioskOffer('too_high'));
    expect(idsOf(await ownOffer('too_high'))).toEqual(morning);
    test.clock.advance(6 * 60 * 60 * 1000);
    expect(idsOf(await kioskOffer('too_high'))).toEqual(morning);
    test.clock.advance(DAY);
    const tomorrow = idsOf(await kioskOffer('too_high'));
    test.clock.advance(-DAY - 6 * 60 * 60 * 1000);
    // One place further: yesterday's second is today's first.
    expect(tomorrow).not.toEqual(morning);
    expect(tomorrow[0]).toBe(morning[1]);
  });

  it('leaves out what the school hid, and offers nothing when nothing is left', async () => {
    const [kept, ...others] = poolOf('too_low', 'middle') as [string, ...string[]];
    await hide(...others);
    expect(idsOf(await kioskOffer('too_low'))).toEqual([kept]);
    await hide(kept);
    expect(await kioskOffer('too_low')).toEqual([]);
    // Hiding is per state only through the activities: the too-high ones are still there.
    expect(await kioskOffer('too_high')).toHaveLength(2);
  });

  it("counts the school's own activities with a pupil part, and skips one that no longer parses", async () => {
    await addOwn(JSON.stringify(OWN_ACTIVITY), OWN_ACTIVITY.id);
    const { forPupils: _left, ...withoutPupilPart } = OWN_ACTIVITY;
    await addOwn(JSON.stringify({ ...withoutPupilPart, id: 'own-no-pupil-part' }), 'own-no-pupil-part');
    await addOwn('{"id":"own-broken"', 'own-broken');
    const expected = [...poolOf('too_low', 'middle'), OWN_ACTIVITY.id].sort();
    expect([...(await offeredOver(expected.length, 'too_low'))].sort()).toEqual(expected);
    await favour(OWN_ACTIVITY.id);
    expect((await ownOffer('too_low'))[0]).toMatchObject({ id: OWN_ACTIVITY.id, name: OWN_ACTIVITY.name, animation: 'none', prompt: OWN_ACTIVITY.forPupils!.prompt });
    // Not for the older pupils it was not written for.
    await setAgeGroup('older');
    expect(idsOf(await ownOffer('too_low'))).not.toContain(OWN_ACTIVITY.id);
  });

  it("puts the activities of the pupil's support plan first, then the class's favourites, then the rest", async () => {
    const pool = poolOf('too_high', 'middle');
    const [planned, favourite, secondFavourite] = [pool[3]!, pool[5]!, pool[7]!];
    const neverOffered = poolOf('too_low', 'older').find((id) => !pool.includes(id))!;
    // A plan activity not meant for this state or age group is not offered, also not first.
    await linkToPlan(world.pupilInClassA1, planned, neverOffered);
    await favour(favourite, neverOffered);
    expect(idsOf(await kioskOffer('too_high'))).toEqual([planned, favourite]);
    expect(idsOf(await ownOffer('too_high'))).toEqual([planned, favourite]);
    // A classmate without a plan gets the favourite first, then one of the rest.
    const theirs = idsOf(await kioskOffer('too_high', classmate));
    expect(theirs[0]).toBe(favourite);
    expect(theirs).toHaveLength(2);
    expect([planned, neverOffered]).not.toContain(theirs[1]);
    // Two favourites fill the offer; the two turn from day to day.
    await favour(secondFavourite);
    const today = idsOf(await kioskOffer('too_high', classmate));
    expect([...today].sort()).toEqual([favourite, secondFavourite].sort());
    test.clock.advance(DAY);
    expect(idsOf(await kioskOffer('too_high', classmate))).toEqual([...today].reverse());
    test.clock.advance(-DAY);
    // Two plan activities fill the offer before any favourite.
    await linkToPlan(world.pupilInClassA1, pool[0]!);
    expect(idsOf(await kioskOffer('too_high')).sort()).toEqual([pool[0]!, planned].sort());
  });

  it('stores a moment from the class device and from the own device, today, in the class and school, after which the answer comes', async () => {
    const [activityId] = poolOf('too_high', 'middle') as [string];
    const device = await kiosk();
    const fromKiosk = await requestAs(test.app, device, 'POST', '/api/kiosk/regulation/moments', { pupilId: world.pupilInClassA1, state: 'too_high', activityId, helped: true });
    expect(fromKiosk.statusCode, fromKiosk.body).toBe(201);
    expect(Object.keys(fromKiosk.json())).toEqual(['id']);
    const lowId = poolOf('too_low', 'middle')[0]!;
    const own = await ownDevice();
    const fromOwn = await requestAs(test.app, own, 'POST', '/api/pupil/regulation/moments', { state: 'too_low', activityId: lowId, helped: false });
    expect(fromOwn.statusCode, fromOwn.body).toBe(201);
    const skipped = await requestAs(test.app, own, 'POST', '/api/pupil/regulation/moments', { state: 'too_high', activityId, helped: null });
    expect(skipped.statusCode, skipped.body).toBe(201);
    const where = { school_id: world.schoolA1, class_id: world.classA1, pupil_id: world.pupilInClassA1, school_date: '2026-11-21' };
    expect(await momentsOf(world.pupilInClassA1)).toEqual([
      { ...where, state: 'too_high', activity_id: activityId, helped: 1, channel: 'kiosk' },
      { ...where, state: 'too_low', activity_id: lowId, helped: 0, channel: 'device' },
      { ...where, state: 'too_high', activity_id: activityId, helped: null, channel: 'device' },
    ]);
    const stored = await test.deps.db.kysely.selectFrom('regulation_moments').select('id').execute();
    expect(stored.map((row) => row.id)).toContain(fromKiosk.json().id);
  });

  it('refuses an activity that would not be offered for the state, naming the field, and stores nothing', async () => {
    const tooLowOnly = poolOf('too_low', 'middle').find((id) => !poolOf('too_high', 'middle').includes(id))!;
    const olderOnly = poolOf('too_high', 'older').find((id) => !poolOf('too_high', 'middle').includes(id))!;
    const withoutPupilPart = SHIPPED.find((activity) => !activity.forPupils && activity.states.includes('too_high') && activity.ageGroups.includes('middle'))!.id;
    const hidden = poolOf('too_high', 'middle')[0]!;
    await hide(hidden);
    const own = await ownDevice();
    for (const activityId of [tooLowOnly, olderOnly, withoutPupilPart, hidden, 'no-such-activity']) {
      const response = await requestAs(test.app, own, 'POST', '/api/pupil/regulation/moments', { state: 'too_high', activityId, helped: true });
      expect(response.statusCode, activityId).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(Object.keys(response.json().error.fields)).toEqual(['body.activityId']);
    }
    const device = await kiosk();
    const fromKiosk = await requestAs(test.app, device, 'POST', '/api/kiosk/regulation/moments', { pupilId: world.pupilInClassA1, state: 'too_high', activityId: tooLowOnly, helped: null });
    expect(Object.keys(fromKiosk.json().error.fields)).toEqual(['body.activityId']);
    expect(await momentsOf(world.pupilInClassA1)).toEqual([]);
  });

  it('refuses bodies and queries outside the contract', async () => {
    const activityId = poolOf('too_high', 'middle')[0]!;
    const own = await ownDevice();
    const device = await kiosk();
    const refused = async (login: Login, method: 'GET' | 'POST', url: string, body?: object) => {
      const response = await requestAs(test.app, login, method, url, body);
      expect(response.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      return Object.keys(response.json().error.fields ?? {});
    };
    const moment = { state: 'too_high', activityId, helped: true };
    expect(await refused(own, 'POST', '/api/pupil/regulation/moments', { ...moment, helped: undefined })).toEqual(['body.helped']);
    expect(await refused(own, 'POST', '/api/pupil/regulation/moments', { ...moment, helped: 'ja' })).toEqual(['body.helped']);
    expect(await refused(own, 'POST', '/api/pupil/regulation/moments', { ...moment, state: 'in_window' })).toEqual(['body.state']);
    expect(await refused(own, 'POST', '/api/pupil/regulation/moments', { ...moment, activityId: 'Not An Id' })).toEqual(['body.activityId']);
    // The own device cannot name another pupil: the pupil is the session's.
    expect(await refused(own, 'POST', '/api/pupil/regulation/moments', { ...moment, pupilId: classmate })).toEqual(['body']);
    expect(await refused(device, 'POST', '/api/kiosk/regulation/moments', moment)).toEqual(['body.pupilId']);
    expect(await refused(own, 'GET', '/api/pupil/regulation/offer')).toEqual(['querystring.state']);
    expect(await refused(own, 'GET', '/api/pupil/regulation/offer?state=far_high')).toEqual(['querystring.state']);
    expect(await refused(own, 'GET', `/api/pupil/regulation/offer?state=too_high&pupilId=${classmate}`)).toEqual(['querystring']);
    expect(await refused(device, 'GET', '/api/kiosk/regulation/offer?state=too_high')).toEqual(['querystring.pupilId']);
    expect(await momentsOf(world.pupilInClassA1)).toEqual([]);
    expect(await momentsOf(classmate)).toEqual([]);
  });

  it("answers a class device asking for another class's pupil, or another school's, with 404 and stores nothing", async () => {
    const device = await kiosk();
    const activityId = poolOf('too_high', 'middle')[0]!;
    for (const pupilId of [world.pupilInClassA1Other, world.pupilB1, newId()]) {
      const offer = await requestAs(test.app, device, 'GET', `/api/kiosk/regulation/offer?pupilId=${pupilId}&state=too_high`);
      expect(offer.statusCode).toBe(404);
      expect(offer.json().error.code).toBe('not_found');
      const saved = await requestAs(test.app, device, 'POST', '/api/kiosk/regulation/moments', { pupilId, state: 'too_high', activityId, helped: true });
      expect(saved.statusCode).toBe(404);
    }
    // The class device of the other class serves its own pupil.
    const otherKiosk = await kioskDeviceFor(test, world.classA1Other, await addSchoolA1Staff(test, world, { name: 'Juf Groep 6', role: 'teacher', classId: world.classA1Other }));
    const theirs = await requestAs(test.app, otherKiosk, 'POST', '/api/kiosk/regulation/moments', { pupilId: world.pupilInClassA1Other, state: 'too_high', activityId, helped: true });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(await momentsOf(world.pupilInClassA1Other)).toEqual([
      { school_id: world.schoolA1, class_id: world.classA1Other, pupil_id: world.pupilInClassA1Other, school_date: '2026-11-21', state: 'too_high', activity_id: activityId, helped: 1, channel: 'kiosk' },
    ]);
    expect(await momentsOf(world.pupilB1)).toEqual([]);
  });

  it('answers a staff session, and nobody, with 401 on every route of the regulation moment', async () => {
    const activityId = poolOf('too_high', 'middle')[0]!;
    const calls = [
      ['GET', `/api/kiosk/regulation/offer?pupilId=${world.pupilInClassA1}&state=too_high`, undefined],
      ['POST', '/api/kiosk/regulation/moments', { pupilId: world.pupilInClassA1, state: 'too_high', activityId, helped: true }],
      ['GET', '/api/pupil/regulation/offer?state=too_high', undefined],
      ['POST', '/api/pupil/regulation/moments', { state: 'too_high', activityId, helped: true }],
    ] as const;
    for (const login of [await sessionFor(test, world.users.teacher.id), await sessionFor(test, world.users.careTeam.id), null]) {
      for (const [method, url, body] of calls) {
        const response = await requestAs(test.app, login, method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(401);
      }
    }
    expect(await momentsOf(world.pupilInClassA1)).toEqual([]);
  });
});
