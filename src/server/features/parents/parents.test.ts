import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARENT_COOKIE, PARENT_INSTRUMENTS, PARENT_LINK_DAYS, PARENT_SESSION_HOURS } from '../../../shared/parents';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';

// Parent access (issue 16): one-time links that work once and expire, a parent session that reaches only its own
// children, questionnaires through the engine with the ACE answers landing in the care team's view, and the
// school's added languages.

describe.each(testDialects())('parents and their parent page on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const parentsOf = (pupilId: string, path = '') => `/api/schools/${world.schoolA1}/pupils/${pupilId}/parents${path}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  async function addParent(pupilId: string, fields: Partial<{ name: string; email: string | null; language: string }> = {}): Promise<string> {
    const response = await requestAs(test.app, await as('teacher'), 'POST', parentsOf(pupilId), {
      name: fields.name ?? 'Yasmina Bakker',
      relation: 'moeder',
      email: fields.email === undefined ? 'yasmina@voorbeeld.test' : fields.email,
      phone: '06 1234 5678',
      language: fields.language ?? 'nl',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function letterLink(pupilId: string, parentId: string, by: WorldUserKey = 'teacher'): Promise<string> {
    const response = await requestAs(test.app, await as(by), 'POST', parentsOf(pupilId, `/${parentId}/links`), { channel: 'letter' });
    expect(response.statusCode, response.body).toBe(201);
    const url = new URL(response.json().letter.url);
    expect(url.pathname).toBe('/ouder');
    return url.hash.replace('#link=', '');
  }

  function openLink(token: string) {
    return test.app.inject({ method: 'POST', url: '/api/parent/session', payload: { token } });
  }

  async function parentSession(token: string): Promise<Login> {
    const opened = await openLink(token);
    expect(opened.statusCode, opened.body).toBe(200);
    const header = [opened.headers['set-cookie']].flat().find((cookie) => cookie?.startsWith(`${PARENT_COOKIE}=`));
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    const cookie = header!.split(';')[0]!;
    const home = await test.app.inject({ method: 'GET', url: '/api/parent/home', headers: { cookie } });
    expect(home.statusCode, home.body).toBe(200);
    return { cookie, csrfToken: home.json().csrfToken };
  }

  it('lets the mentor send a link that opens a parent session once, and never again', async () => {
    const parentId = await addParent(world.pupilInClassA1);
    const token = await letterLink(world.pupilInClassA1, parentId);
    // At least 128 bits: 32 random bytes as base64url.
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await test.deps.db.kysely.selectFrom('parent_links').select('token_hash').where('parent_id', '=', parentId).execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const parent = await parentSession(token);
    const home = (await requestAs(test.app, parent, 'GET', '/api/parent/home')).json();
    expect(home.children.map((child: { id: string }) => child.id)).toEqual([world.pupilInClassA1]);
    expect(home.parent.name).toBe('Yasmina Bakker');
    expect(home.tsoPage).toContain('traumasensitief');

    const again = await openLink(token);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('parent_link_invalid');
    const refused = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'parent.link_open_failed').execute();
    expect(refused.map((event) => JSON.parse(event.detail ?? '{}').reason)).toContain('used');

    // The parent asks for a new link; the answer is the same for an unknown token, and the mentor sees the request.
    expect((await test.app.inject({ method: 'POST', url: '/api/parent/new-link-requests', payload: { token } })).statusCode).toBe(202);
    expect((await test.app.inject({ method: 'POST', url: '/api/parent/new-link-requests', payload: { token: 'x'.repeat(43) } })).statusCode).toBe(202);
    const staffView = (await requestAs(test.app, await as('teacher'), 'GET', parentsOf(world.pupilInClassA1))).json();
    const shown = staffView.parents.find((candidate: { id: string }) => candidate.id === parentId);
    expect(shown.link.state).toBe('used');
    expect(shown.newLinkRequestedAt).not.toBeNull();
  });

  it('refuses an expired link, a link replaced by a newer one and a revoked one, and ends sessions on revocation', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Kees Bakker' });
    const first = await letterLink(world.pupilInClassA1, parentId);
    const second = await letterLink(world.pupilInClassA1, parentId);
    expect((await openLink(first)).statusCode).toBe(410);
    const session = await parentSession(second);

    const third = await letterLink(world.pupilInClassA1, parentId);
    test.clock.advance(PARENT_LINK_DAYS * 86_400_000 + 1000);
    expect((await openLink(third)).statusCode).toBe(410);

    const fourth = await letterLink(world.pupilInClassA1, parentId);
    const revoked = await requestAs(test.app, await as('teacher'), 'POST', parentsOf(world.pupilInClassA1, `/${parentId}/revoke`));
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await openLink(fourth)).statusCode).toBe(410);
    expect((await requestAs(test.app, session, 'GET', '/api/parent/home')).statusCode).toBe(401);
  });

  it('ends a parent session after its hours', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Lotte Visser' });
    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId));
    test.clock.advance(PARENT_SESSION_HOURS * 3_600_000 + 1000);
    expect((await requestAs(test.app, session, 'GET', '/api/parent/home')).statusCode).toBe(401);
  });

  it('keeps parents need-to-know: another class\'s teacher 404, leadership 403, a parent session never on staff routes', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Ahmed El Amrani' });
    // The world's teacher teaches classA1 only: the pupil of the other class is out of reach.
    expect((await requestAs(test.app, await as('teacher'), 'GET', parentsOf(world.pupilInClassA1Other))).statusCode).toBe(404);
    expect((await requestAs(test.app, await as('leadership'), 'GET', parentsOf(world.pupilInClassA1))).statusCode).toBe(403);
    expect((await requestAs(test.app, await as('careTeam'), 'GET', parentsOf(world.pupilInClassA1Other))).statusCode).toBe(200);
    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId));
    expect((await requestAs(test.app, session, 'GET', parentsOf(world.pupilInClassA1))).statusCode).toBe(401);
    // A child that is not theirs is not found, whatever they try.
    expect((await requestAs(test.app, session, 'PUT', `/api/parent/children/${world.pupilInClassA1Other}/research`, { takesPart: false })).statusCode).toBe(404);
    expect((await requestAs(test.app, session, 'POST', '/api/parent/conversation-requests', { pupilId: world.pupilB1, message: 'Hallo' })).statusCode).toBe(404);
    // A change without the session's CSRF token is refused.
    expect((await requestAs(test.app, { cookie: session.cookie, csrfToken: 'wrong' }, 'PUT', '/api/parent/language', { code: 'en' })).statusCode).toBe(403);
  });

  it('shields a child from an excluded parent: no link, and open sessions end', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Rob de Vries' });
    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId));
    const noReason = await requestAs(test.app, await as('teacher'), 'PUT', parentsOf(world.pupilInClassA1, `/${parentId}/exclusion`), { excluded: true });
    expect(noReason.statusCode).toBe(400);
    const excluded = await requestAs(test.app, await as('teacher'), 'PUT', parentsOf(world.pupilInClassA1, `/${parentId}/exclusion`), { excluded: true, reason: 'Beschikking rechtbank' });
    expect(excluded.statusCode, excluded.body).toBe(204);
    expect((await requestAs(test.app, session, 'GET', '/api/parent/home')).statusCode).toBe(401);
    const link = await requestAs(test.app, await as('teacher'), 'POST', parentsOf(world.pupilInClassA1, `/${parentId}/links`), { channel: 'letter' });
    expect(link.json().error.code).toBe('parent_excluded');
    const view = (await requestAs(test.app, await as('teacher'), 'GET', parentsOf(world.pupilInClassA1))).json();
    expect(view.parents.find((parent: { id: string }) => parent.id === parentId)).toMatchObject({ excluded: true, exclusionReason: 'Beschikking rechtbank' });
  });

  it('mails a link only to a parent with an e-mail address, with the secret sealed in the outbox', async () => {
    const withoutMail = await addParent(world.pupilInClassA1, { name: 'Sem Jansen', email: null });
    const refused = await requestAs(test.app, await as('teacher'), 'POST', parentsOf(world.pupilInClassA1, `/${withoutMail}/links`), { channel: 'email' });
    expect(refused.json().error.code).toBe('parent_email_missing');
    const withMail = await addParent(world.pupilInClassA1, { name: 'Mila Jansen', email: 'mila@voorbeeld.test' });
    const sent = await requestAs(test.app, await as('teacher'), 'POST', parentsOf(world.pupilInClassA1, `/${withMail}/links`), { channel: 'email' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().letter).toBeNull();
    const mail = await test.deps.db.kysely.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'mila@voorbeeld.test').executeTakeFirstOrThrow();
    expect(mail.subject).toContain('ouderpagina');
  });

  it('lets the parent answer the ACE questionnaire partly; the care team sees the parent informant, the teacher never sees it', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Fatma Yilmaz' });
    const byTeacher = await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId, instrumentId: PARENT_INSTRUMENTS.aces });
    expect(byTeacher.statusCode).toBe(403);
    const sent = await requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId, instrumentId: PARENT_INSTRUMENTS.aces });
    expect(sent.statusCode, sent.body).toBe(201);
    const again = await requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId, instrumentId: PARENT_INSTRUMENTS.aces });
    expect(again.json().error.code).toBe('parent_questionnaire_open');

    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId));
    const home = (await requestAs(test.app, session, 'GET', '/api/parent/home')).json();
    const questionnaire = home.questionnaires.find((candidate: { id: string }) => candidate.id === sent.json().id);
    expect(questionnaire.careTeamOnly).toBe(true);
    const wrong = await requestAs(test.app, session, 'PUT', `/api/parent/questionnaires/${questionnaire.id}`, { answers: { 'parental-separation': 7 } });
    expect(wrong.statusCode).toBe(400);
    const saved = await requestAs(test.app, session, 'PUT', `/api/parent/questionnaires/${questionnaire.id}`, { answers: { 'parental-separation': 1, poverty: 0 }, note: 'We zijn twee keer verhuisd.' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ answered: 2, isComplete: false });

    const aces = (await requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/aces`)).json();
    expect(aces.combined.perInformant.parent).toBe(1);
    expect(aces.combined.categories).toContainEqual({ category: 'parental-separation', sources: ['parent'] });
    expect(aces.answers.filter((answer: { informant: string }) => answer.informant === 'parent').map((answer: { category: string; answer: string }) => `${answer.category}:${answer.answer}`).sort()).toEqual(['parental-separation:yes', 'poverty:no']);
    const careView = (await requestAs(test.app, await as('careTeam'), 'GET', parentsOf(world.pupilInClassA1))).json();
    expect(careView.questionnaires.find((candidate: { id: string }) => candidate.id === questionnaire.id).note).toBe('We zijn twee keer verhuisd.');
    const teacherView = (await requestAs(test.app, await as('teacher'), 'GET', parentsOf(world.pupilInClassA1))).json();
    expect(teacherView.questionnaires.map((candidate: { instrumentId: string }) => candidate.instrumentId)).not.toContain(PARENT_INSTRUMENTS.aces);
    expect(teacherView.instruments.map((instrument: { id: string }) => instrument.id)).toEqual([PARENT_INSTRUMENTS.strengths]);
    expect((await requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care/aces`)).statusCode).toBe(403);
  });

  it('asks consent before the parent answers questions about themselves', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Olena Kovalenko' });
    const sent = await requestAs(test.app, await as('careTeam'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId, instrumentId: PARENT_INSTRUMENTS.ownWellbeing });
    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId, 'careTeam'));
    const url = `/api/parent/questionnaires/${sent.json().id}`;
    expect((await requestAs(test.app, session, 'PUT', url, { answers: { 'event-money': 1 } })).json().error.code).toBe('parent_consent_needed');
    expect((await requestAs(test.app, session, 'POST', `${url}/consent`)).statusCode).toBe(200);
    expect((await requestAs(test.app, session, 'PUT', url, { answers: { 'event-money': 1 } })).statusCode).toBe(200);
  });

  it('lets the parent correct their details, choose research and ask for a conversation, all seen by the mentor', async () => {
    const parentId = await addParent(world.pupilInClassA1, { name: 'Noor de Boer' });
    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId));
    expect((await requestAs(test.app, session, 'PUT', '/api/parent/details', { email: 'niet-een-adres', phone: null })).statusCode).toBe(400);
    expect((await requestAs(test.app, session, 'PUT', '/api/parent/details', { email: 'noor@voorbeeld.test', phone: '+31 6 98765432' })).statusCode).toBe(204);
    expect((await requestAs(test.app, session, 'PUT', `/api/parent/children/${world.pupilInClassA1}/research`, { takesPart: false })).statusCode).toBe(204);
    const objection = await test.deps.db.kysely.selectFrom('research_objections').selectAll().where('pupil_id', '=', world.pupilInClassA1).executeTakeFirst();
    expect(objection).toBeDefined();
    expect((await requestAs(test.app, session, 'POST', '/api/parent/conversation-requests', { pupilId: world.pupilInClassA1, message: 'Kunnen we praten over de ochtenden?' })).statusCode).toBe(200);
    const view = (await requestAs(test.app, await as('teacher'), 'GET', parentsOf(world.pupilInClassA1))).json();
    expect(view.parents.find((parent: { id: string }) => parent.id === parentId)).toMatchObject({ email: 'noor@voorbeeld.test', phone: '+31 6 98765432' });
    const request = view.requests.find((candidate: { parentId: string }) => candidate.parentId === parentId);
    expect(request.message).toBe('Kunnen we praten over de ochtenden?');
    const handled = await requestAs(test.app, await as('teacher'), 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-requests/${request.id}/handled`);
    expect(handled.statusCode).toBe(200);
    expect((await requestAs(test.app, session, 'PUT', `/api/parent/children/${world.pupilInClassA1}/research`, { takesPart: true })).statusCode).toBe(204);
    expect(await test.deps.db.kysely.selectFrom('research_objections').selectAll().where('pupil_id', '=', world.pupilInClassA1).executeTakeFirst()).toBeUndefined();
  });

  it('serves an added right-to-left language over Dutch, refusing unknown keys', async () => {
    const settingsUrl = `/api/schools/${world.schoolA1}/parent-settings/languages/ar`;
    const unknownKey = await requestAs(test.app, await as('leadership'), 'PUT', settingsUrl, { code: 'ar', name: 'العربية', direction: 'rtl', texts: { notAKey: 'x' } });
    expect(unknownKey.statusCode).toBe(400);
    expect((await requestAs(test.app, await as('teacher'), 'PUT', settingsUrl, { code: 'ar', name: 'العربية', direction: 'rtl', texts: {} })).statusCode).toBe(403);
    const saved = await requestAs(test.app, await as('leadership'), 'PUT', settingsUrl, { code: 'ar', name: 'العربية', direction: 'rtl', texts: { menuTso: 'كيف نعمل في المدرسة' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const parentId = await addParent(world.pupilInClassA1, { name: 'Samira Haddad', language: 'ar' });
    const session = await parentSession(await letterLink(world.pupilInClassA1, parentId));
    const home = (await requestAs(test.app, session, 'GET', '/api/parent/home')).json();
    expect(home).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(home.texts.menuTso).toBe('كيف نعمل في المدرسة');
    // A key the file leaves out shows in Dutch.
    expect(home.texts.menuDetails).toBe('Uw gegevens');
    expect((await requestAs(test.app, session, 'PUT', '/api/parent/language', { code: 'xx' })).statusCode).toBe(400);
    expect((await requestAs(test.app, session, 'PUT', '/api/parent/language', { code: 'en' })).statusCode).toBe(204);
    expect((await requestAs(test.app, session, 'GET', '/api/parent/home')).json()).toMatchObject({ direction: 'ltr', texts: { menuDetails: 'Your details' } });
  });
});

describe.each(testDialects())('opening parent links is throttled on %s', (dialect) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp(dialect, { config: { pupilSignInRateLimitPerMinute: 3 } });
  });
  afterAll(async () => test.close());

  it('answers 429 after the limit, for a real link as for a guess', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await test.app.inject({ method: 'POST', url: '/api/parent/session', payload: { token: `${'a'.repeat(42)}${attempt}` } })).statusCode);
    expect(statuses).toEqual([410, 410, 410, 429]);
  });
});
