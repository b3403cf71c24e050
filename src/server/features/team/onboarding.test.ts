import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { DEFAULT_GUIDE_SECTIONS, DEFAULT_RAMP_ITEMS, rampWeekOn } from '../../../shared/onboarding';
import { isoInstant, newId } from '../../deps';
import type { Evaluation, EvaluationResults, GuideView, OnboardingHome, OnboardingSettings, PairDetail } from './onboarding.schemas';

const DAY = 24 * 60 * 60 * 1000;
// The test clock starts on Saturday 2026-11-21: a pair that started on Monday 2026-11-16 is in week 1 of its ramp.
const STARTED_ON = '2026-11-16';

describe('the ramp week', () => {
  it('follows the start date: 0 before it, weeks 1–3, then 4', () => {
    expect(['2026-11-15', '2026-11-16', '2026-11-22', '2026-11-23', '2026-12-06', '2026-12-07'].map((today) => rampWeekOn(STARTED_ON, today))).toEqual([0, 1, 1, 2, 3, 4]);
  });
});

describe.each(testDialects())('onboarding per location on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let newcomerId: string;
  let secondLocationId: string;
  const base = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/team/onboarding`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const newcomer = (): Promise<Login> => sessionFor(test, newcomerId);

  async function ok<T>(login: Login, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object, status = 200): Promise<T> {
    const response = await requestAs(test.app, login, method, url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
    return response.json() as T;
  }

  // Leadership publishes the default guide and makes the TSO lead chef-buddy of location A1; the TSO lead pairs the
  // newcomer with the world's teacher as buddy.
  async function pairNewcomer(): Promise<PairDetail> {
    const leadership = await as('leadership');
    await ok(leadership, 'POST', `${base()}/guide/publish`);
    await ok(leadership, 'PUT', `${base()}/chef-buddies/${world.locationA1}`, { userId: world.users.tsoLead.id });
    return ok<PairDetail>(await as('tsoLead'), 'POST', `${base()}/pairs`, { locationId: world.locationA1, newcomerUserId: newcomerId, buddyUserId: world.users.teacher.id, startedOn: STARTED_ON }, 201);
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    newcomerId = await addSchoolA1Staff(test, world, { name: 'Noor', role: 'teacher' });
    secondLocationId = newId();
    await test.deps.db.kysely.insertInto('locations').values({ id: secondLocationId, school_id: world.schoolA1, name: 'Locatie Zuid', created_at: isoInstant(test.clock.now()) }).execute();
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['team_onboarding_pairs', 'team_chef_buddies', 'team_guide_confirmations', 'team_guide_sections', 'team_guide_versions', 'team_ramp_template_items', 'team_onboarding_texts', 'team_onboarding_setups', 'trainings'] as const) {
      await test.deps.db.kysely.deleteFrom(table).execute();
    }
  });

  it('starts a school with our default guide draft, ramp and role texts, kept by school.team.manage only', async () => {
    const settings = await ok<OnboardingSettings>(await as('schoolAdmin'), 'GET', `${base()}/settings`);
    expect(settings.draft.map((section) => section.title)).toEqual(DEFAULT_GUIDE_SECTIONS.map((section) => section.title));
    expect(settings.rampItems.map((item) => [item.week, item.text])).toEqual(DEFAULT_RAMP_ITEMS.map((item) => [item.week, item.text]));
    expect(settings.texts.buddyRole).toContain('neemt geen werk over');
    expect(settings.versions).toEqual([]);
    // A second visit adds nothing.
    expect((await ok<OnboardingSettings>(await as('leadership'), 'GET', `${base()}/settings`)).draft).toHaveLength(DEFAULT_GUIDE_SECTIONS.length);
    for (const key of ['teacher', 'tsoLead', 'careTeam'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', `${base()}/settings`)).statusCode).toBe(403);
    }
    const texts = await ok<OnboardingSettings>(await as('leadership'), 'PUT', `${base()}/texts`, { buddyRole: 'Je helpt, je neemt niets over.', chefBuddyTasks: 'Koppelen en volgen.' });
    expect(texts.texts).toEqual({ buddyRole: 'Je helpt, je neemt niets over.', chefBuddyTasks: 'Koppelen en volgen.' });
    expect((await ok<OnboardingHome>(await as('teacher'), 'GET', base())).texts.buddyRole).toBe('Je helpt, je neemt niets over.');
  });

  it('publishes versions: a changed section asks for a new confirmation, older versions stay readable', async () => {
    const leadership = await as('leadership');
    expect((await ok<OnboardingHome>(await newcomer(), 'GET', base())).guide).toBeNull();
    const published = await ok<OnboardingSettings>(leadership, 'POST', `${base()}/guide/publish`);
    expect(published.versions.map((version) => version.version)).toEqual([1]);
    expect(published.draft.every((section) => !section.isChanged)).toBe(true);

    const guide = (await ok<OnboardingHome>(await newcomer(), 'GET', base())).guide!;
    const [first, second] = guide.sections as [GuideView['sections'][number], GuideView['sections'][number]];
    let confirmed = await ok<GuideView>(await newcomer(), 'POST', `${base()}/guide/sections/${first.id}/confirmation`);
    confirmed = await ok<GuideView>(await newcomer(), 'POST', `${base()}/guide/sections/${second.id}/confirmation`);
    expect(confirmed.sections.filter((section) => section.isConfirmed).map((section) => section.key)).toEqual([first.key, second.key]);

    // The first section changes, a location section is added; the second stays as it was.
    const draftFirst = published.draft.find((section) => section.key === first.key)!;
    const changed = await ok<OnboardingSettings>(leadership, 'PUT', `${base()}/guide/draft/sections/${draftFirst.id}`, { kind: draftFirst.kind, title: draftFirst.title, body: 'Nieuwe tekst over wie wie is.' });
    expect(changed.draft.filter((section) => section.isChanged).map((section) => section.key)).toEqual([first.key]);
    const withLocation = await ok<OnboardingSettings>(leadership, 'POST', `${base()}/guide/draft/sections`, { locationId: secondLocationId, kind: 'routines', title: 'Zuid: de ochtend', body: 'We starten om half negen.', position: 1 }, 201);
    expect(withLocation.draft[0]?.title).toBe('Zuid: de ochtend');
    const unknownLocation = await requestAs(test.app, leadership, 'POST', `${base()}/guide/draft/sections`, { locationId: newId(), kind: 'rules', title: 'X', body: 'Y' });
    expect([unknownLocation.statusCode, unknownLocation.json().error.fields]).toEqual([400, { 'body.locationId': ['unknown_location'] }]);
    await ok(leadership, 'POST', `${base()}/guide/publish`);

    const after = (await ok<OnboardingHome>(await newcomer(), 'GET', base())).guide!;
    expect(after.version).toBe(2);
    const byKey = new Map(after.sections.map((section) => [section.key, section]));
    expect(byKey.get(first.key)).toMatchObject({ changedIn: 2, isConfirmed: false, hasChangedSinceConfirmed: true, body: 'Nieuwe tekst over wie wie is.' });
    expect(byKey.get(second.key)).toMatchObject({ changedIn: 1, isConfirmed: true, hasChangedSinceConfirmed: false });
    expect((await ok<OnboardingHome>(await newcomer(), 'GET', base())).olderVersions.map((version) => version.version)).toEqual([1]);
    const older = await ok<GuideView>(await as('careTeam'), 'GET', `${base()}/guide/versions/1`);
    expect([older.isCurrent, older.sections.find((section) => section.key === first.key)?.body]).toEqual([false, DEFAULT_GUIDE_SECTIONS[0]!.body]);
    expect((await requestAs(test.app, await as('careTeam'), 'GET', `${base()}/guide/versions/9`)).statusCode).toBe(404);

    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'onboarding.guide_published').orderBy('seq').execute();
    expect(events.map((event) => JSON.parse(event.detail ?? '{}'))).toEqual(expect.arrayContaining([expect.objectContaining({ version: 2, changedSections: 2 })]));
  });

  it('lets only the chef-buddy of the location pair a newcomer with a buddy from the school’s staff, and audits it', async () => {
    const leadership = await as('leadership');
    const settings = await ok<OnboardingSettings>(leadership, 'PUT', `${base()}/chef-buddies/${world.locationA1}`, { userId: world.users.tsoLead.id });
    expect(settings.chefBuddies.find((chef) => chef.locationId === world.locationA1)?.user?.id).toBe(world.users.tsoLead.id);
    const outsider = await requestAs(test.app, leadership, 'PUT', `${base()}/chef-buddies/${world.locationA1}`, { userId: world.users.teacherOtherSchool.id });
    expect([outsider.statusCode, outsider.json().error.fields]).toEqual([400, { 'body.userId': ['not_staff'] }]);

    const body = { locationId: world.locationA1, newcomerUserId: newcomerId, buddyUserId: world.users.teacher.id, startedOn: STARTED_ON };
    for (const key of ['careTeam', 'leadership', 'schoolAdmin'] as const) {
      const refused = await requestAs(test.app, await as(key), 'POST', `${base()}/pairs`, body);
      expect([key, refused.statusCode, refused.json().error.code]).toEqual([key, 403, 'not_chef_buddy']);
    }
    const otherLocation = await requestAs(test.app, await as('tsoLead'), 'POST', `${base()}/pairs`, { ...body, locationId: secondLocationId });
    expect(otherLocation.json().error.code).toBe('not_chef_buddy');
    const self = await requestAs(test.app, await as('tsoLead'), 'POST', `${base()}/pairs`, { ...body, buddyUserId: newcomerId });
    expect(self.json().error.fields).toEqual({ 'body.buddyUserId': ['same_as_newcomer'] });
    const foreign = await requestAs(test.app, await as('tsoLead'), 'POST', `${base()}/pairs`, { ...body, buddyUserId: world.users.teacherOtherSchool.id });
    expect(foreign.json().error.fields).toEqual({ 'body.buddyUserId': ['not_staff'] });

    const pair = await ok<PairDetail>(await as('tsoLead'), 'POST', `${base()}/pairs`, body, 201);
    expect([pair.relation, pair.week, pair.newcomer.name, pair.buddy.name]).toEqual(['chef_buddy', 1, 'Noor', 'teacher']);
    const twice = await requestAs(test.app, await as('tsoLead'), 'POST', `${base()}/pairs`, body);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'newcomer_already_paired']);
    const changed = await ok<PairDetail>(await as('tsoLead'), 'PUT', `${base()}/pairs/${pair.id}`, { buddyUserId: world.users.careTeam.id, startedOn: STARTED_ON });
    expect(changed.buddy.id).toBe(world.users.careTeam.id);
    const notTheirs = await requestAs(test.app, await as('careTeam'), 'DELETE', `${base()}/pairs/${pair.id}`);
    expect(notTheirs.json().error.code).toBe('not_chef_buddy');
    expect((await requestAs(test.app, await as('tsoLead'), 'DELETE', `${base()}/pairs/${pair.id}`)).statusCode).toBe(204);
    await ok(leadership, 'PUT', `${base()}/chef-buddies/${world.locationA1}`, { userId: null });

    const events = await test.deps.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', 'like', 'onboarding.%')
      .where('action', '!=', 'onboarding.guide_published')
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.action).slice(-5)).toEqual([
      'onboarding.chef_buddy_appointed',
      'onboarding.pair_added',
      'onboarding.pair_changed',
      'onboarding.pair_removed',
      'onboarding.chef_buddy_removed',
    ]);
  });

  it('shows a pair to its newcomer, buddy, chef-buddy and leadership only; notes to the newcomer and buddy only', async () => {
    const pair = await pairNewcomer();
    const note = 'Noor vond de eerste dag spannend maar fijn.';
    const withConversation = await ok<PairDetail>(await as('teacher'), 'POST', `${base()}/pairs/${pair.id}/conversations`, { plannedOn: '2026-11-20', heldOn: '2026-11-20', stage: 'discover', note }, 201);
    expect(withConversation.conversations).toEqual([expect.objectContaining({ heldOn: '2026-11-20', stage: 'discover', note })]);
    const stored = await test.deps.db.kysely.selectFrom('team_buddy_conversations').select('note_encrypted').executeTakeFirstOrThrow();
    expect(stored.note_encrypted).toMatch(/^gw1:/);

    const seen = async (key: WorldUserKey | 'newcomer') => {
      const response = await requestAs(test.app, key === 'newcomer' ? await newcomer() : await as(key), 'GET', `${base()}/pairs/${pair.id}`);
      return response.statusCode === 200 ? [(response.json() as PairDetail).relation, (response.json() as PairDetail).conversations[0]?.note] : [response.statusCode];
    };
    expect(await seen('newcomer')).toEqual(['newcomer', note]);
    expect(await seen('teacher')).toEqual(['buddy', note]);
    expect(await seen('tsoLead')).toEqual(['chef_buddy', null]);
    expect(await seen('leadership')).toEqual(['leadership', null]);
    expect(await seen('careTeam')).toEqual([404]);
    expect(await seen('schoolAdmin')).toEqual([404]);
    expect(await seen('teacherOtherSchool')).toEqual([403]);
    expect((await requestAs(test.app, await as('careTeam'), 'GET', `${base()}/pairs/${pair.id}/evaluation`)).statusCode).toBe(404);

    // The home page: the newcomer their own ramp, the buddy theirs, the followers a summary without notes.
    const home = async (login: Login) => ok<OnboardingHome>(login, 'GET', base());
    expect((await home(await newcomer())).ownPair?.id).toBe(pair.id);
    expect((await home(await as('teacher'))).buddyPairs.map((entry) => entry.id)).toEqual([pair.id]);
    const followed = (await home(await as('tsoLead'))).followedPairs;
    expect(followed.map((entry) => [entry.id, entry.conversationsHeld])).toEqual([[pair.id, 1]]);
    expect(JSON.stringify(followed)).not.toContain('spannend');
    expect((await home(await as('leadership'))).followedPairs.map((entry) => entry.id)).toEqual([pair.id]);
    const careHome = await home(await as('careTeam'));
    expect([careHome.ownPair, careHome.buddyPairs, careHome.followedPairs, careHome.colleagues]).toEqual([null, [], [], []]);
    expect((await home(await as('tsoLead'))).colleagues.map((colleague) => colleague.name)).toContain('Noor');
  });

  it('lets the newcomer and the buddy tick the ramp and keep conversations; the chef-buddy follows without changing', async () => {
    const pair = await pairNewcomer();
    const [firstItem, secondItem] = pair.ramp[0]!.items;
    let detail = await ok<PairDetail>(await newcomer(), 'PUT', `${base()}/pairs/${pair.id}/ticks/${firstItem!.id}`, { isTicked: true });
    detail = await ok<PairDetail>(await as('teacher'), 'PUT', `${base()}/pairs/${pair.id}/ticks/${secondItem!.id}`, { isTicked: true });
    expect(detail.progress[0]).toEqual({ week: 1, ticked: 2, total: DEFAULT_RAMP_ITEMS.filter((item) => item.week === 1).length });
    detail = await ok<PairDetail>(await newcomer(), 'PUT', `${base()}/pairs/${pair.id}/ticks/${secondItem!.id}`, { isTicked: false });
    expect(detail.ramp[0]!.items.filter((item) => item.isTicked).map((item) => item.id)).toEqual([firstItem!.id]);
    const chef = await requestAs(test.app, await as('tsoLead'), 'PUT', `${base()}/pairs/${pair.id}/ticks/${firstItem!.id}`, { isTicked: false });
    expect([chef.statusCode, chef.json().error.code]).toEqual([403, 'not_in_pair']);
    const chefConversation = await requestAs(test.app, await as('leadership'), 'POST', `${base()}/pairs/${pair.id}/conversations`, { plannedOn: '2026-11-25', stage: 'dream' });
    expect(chefConversation.json().error.code).toBe('not_in_pair');
    expect((await requestAs(test.app, await as('teacher'), 'PUT', `${base()}/pairs/${pair.id}/ticks/${newId()}`, { isTicked: true })).statusCode).toBe(404);

    const planned = await ok<PairDetail>(await newcomer(), 'POST', `${base()}/pairs/${pair.id}/conversations`, { plannedOn: '2026-11-25', stage: 'dream' }, 201);
    const conversationId = planned.conversations[0]!.id;
    const held = await ok<PairDetail>(await as('teacher'), 'PUT', `${base()}/pairs/${pair.id}/conversations/${conversationId}`, { plannedOn: '2026-11-25', heldOn: '2026-11-25', stage: 'design', note: 'Samen een plan gemaakt.' });
    expect(held.conversations[0]).toMatchObject({ heldOn: '2026-11-25', stage: 'design', note: 'Samen een plan gemaakt.' });
    expect((await requestAs(test.app, await as('teacher'), 'DELETE', `${base()}/pairs/${pair.id}/conversations/${conversationId}`)).statusCode).toBe(204);
    expect((await ok<PairDetail>(await newcomer(), 'GET', `${base()}/pairs/${pair.id}`)).conversations).toEqual([]);
  });

  it('shows the new-staff TSO training from the register: due by the start plus twelve weeks, or planned', async () => {
    const pair = await pairNewcomer();
    expect(pair.training).toEqual({ status: 'due', date: '2027-02-08', title: null });
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely.insertInto('trainings').values({ id: newId(), school_id: world.schoolA1, kind: 'new_staff', title: null, held_on: '2026-12-10', created_by: null, created_at: now, updated_at: now }).execute();
    expect((await ok<PairDetail>(await newcomer(), 'GET', `${base()}/pairs/${pair.id}`)).training).toEqual({ status: 'planned', date: '2026-12-10', title: null });
  });

  it('opens the evaluation in week 3, keeps it editable until handed in, and shows figures only under the k rule', async () => {
    const pair = await pairNewcomer();
    const evaluationUrl = `${base()}/pairs/${pair.id}/evaluation`;
    const evaluation = await ok<Evaluation>(await newcomer(), 'GET', evaluationUrl);
    expect([evaluation.isOpen, evaluation.instrument.id, evaluation.instrument.options.length]).toEqual([false, 'onboarding-evaluation', 5]);
    const early = await requestAs(test.app, await newcomer(), 'PUT', evaluationUrl, { answers: {}, submit: false });
    expect(early.json().error.code).toBe('evaluation_not_open');

    test.clock.advance(9 * DAY);
    try {
      const itemIds = evaluation.instrument.items.map((item) => item.id);
      const partial = await ok<Evaluation>(await newcomer(), 'PUT', evaluationUrl, { answers: { [itemIds[0]!]: 4 }, submit: false });
      expect([partial.submittedAt, partial.answers]).toEqual([null, { [itemIds[0]!]: 4 }]);
      const incomplete = await requestAs(test.app, await newcomer(), 'PUT', evaluationUrl, { answers: { [itemIds[0]!]: 4 }, submit: true });
      expect(incomplete.json().error.fields[`body.answers.${itemIds[1]}`]).toBeDefined();
      const outOfRange = await requestAs(test.app, await newcomer(), 'PUT', evaluationUrl, { answers: { [itemIds[0]!]: 9 }, submit: false });
      expect(outOfRange.statusCode).toBe(400);
      const all = Object.fromEntries(itemIds.map((id) => [id, 5]));
      expect((await ok<Evaluation>(await newcomer(), 'PUT', evaluationUrl, { answers: all, submit: true })).submittedAt).not.toBeNull();
      const again = await requestAs(test.app, await newcomer(), 'PUT', evaluationUrl, { answers: all, submit: false });
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'evaluation_submitted']);
      expect((await requestAs(test.app, await as('teacher'), 'GET', evaluationUrl)).statusCode).toBe(404);

      // One evaluation: nothing to see under k = 5. Two more newcomers at k = 3: figures appear.
      const results = (login: Login) => ok<EvaluationResults>(login, 'GET', `${base()}/evaluation-results`);
      const hidden = await results(await as('leadership'));
      expect([hidden.submitted, hidden.scales.every((scale) => scale.figures.hidden)]).toEqual([1, true]);
      expect((await requestAs(test.app, await as('teacher'), 'GET', `${base()}/evaluation-results`)).statusCode).toBe(403);
      for (const name of ['Sem', 'Lotte']) {
        const userId = await addSchoolA1Staff(test, world, { name: `${name}-${dialect}-${newId().slice(0, 4)}`, role: 'teacher' });
        const other = await ok<PairDetail>(await as('tsoLead'), 'POST', `${base()}/pairs`, { locationId: world.locationA1, newcomerUserId: userId, buddyUserId: world.users.teacher.id, startedOn: STARTED_ON }, 201);
        await ok(await sessionFor(test, userId), 'PUT', `${base()}/pairs/${other.id}/evaluation`, { answers: Object.fromEntries(itemIds.map((id) => [id, 3])), submit: true });
      }
      await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
      const shown = await results(await as('tsoLead'));
      expect(shown.k).toBe(3);
      const support = shown.scales.find((scale) => scale.id === 'support')!.figures;
      expect(support.hidden ? null : [support.n, Number(support.mean.toFixed(3)), Number(support.favourableShare.toFixed(3))]).toEqual([3, 3.667, 0.333]);
    } finally {
      await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 5 }).where('id', '=', world.boardA).execute();
      test.clock.advance(-9 * DAY);
    }
  });
});
