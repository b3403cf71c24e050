import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totpForStep, totpStepAt } from '../../auth/totp';
import { createTestApp, type Login, requestAs, sessionFor, TEST_TOTP_SECRET, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World, type WorldUserKey } from '../../../../test/support/world';
import type { CareFile, CareOverview, PupilAces, Screening } from './care.schemas';

const plan = {
  content: {
    earlySigns: 'Trekt de capuchon over het hoofd en tikt met de voet.',
    bottomUpHelps: ['movement', 'quiet-place'],
    bottomUp: 'Even een rondje lopen met de conciërge.',
    topDown: 'Samen benoemen wat er gebeurde.',
    notHelping: 'Hard roepen of wegsturen zonder uitleg.',
    agreements: 'Mag het stopkaartje op tafel leggen.',
    whoToCall: 'Intern begeleider, daarna moeder.',
    madeWith: 'Met Sam en moeder, 2 november.',
    keyPeople: [{ relation: 'parent', name: 'Moeder' }, { relation: 'coach' }],
  },
  reviewOn: '2027-01-15',
};

describe.each(testDialects())('a pupil\'s care on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const file = (pupilId = world.pupilInClassA1) => `/api/schools/${world.schoolA1}/pupils/${pupilId}/care`;

  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function auditCount(action: string): Promise<number> {
    return (await test.deps.db.kysely.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['care_break_glass', 'care_screenings', 'care_ace_answers', 'care_support_plans', 'care_trusted_adults', 'outbox_messages'] as const) {
      await test.deps.db.kysely.deleteFrom(table).execute();
    }
  });

  it('lets the pupil\'s teacher record a trusted adult and a plan, keeps every plan version, and stores the texts encrypted', async () => {
    const teacher = await as('teacher');
    const added = await requestAs(test.app, teacher, 'POST', `${file()}/trusted-adults`, { userId: world.users.careTeam.id, why: 'Zij luistert echt.' });
    expect(added.statusCode, added.body).toBe(201);
    expect((await requestAs(test.app, teacher, 'POST', `${file()}/trusted-adults`, { userId: world.users.careTeam.id })).json().error.code).toBe('already_trusted_adult');
    const first = await requestAs(test.app, teacher, 'PUT', `${file()}/support-plan`, plan);
    expect(first.statusCode, first.body).toBe(200);
    const second = await requestAs(test.app, teacher, 'PUT', `${file()}/support-plan`, { ...plan, content: { ...plan.content, agreements: 'Stopkaartje en een vaste plek bij het raam.' } });
    expect(second.json().version).toBe(2);

    const reads = await auditCount('care.file_read');
    const care = (await requestAs(test.app, teacher, 'GET', file())).json() as CareFile;
    expect(await auditCount('care.file_read')).toBe(reads + 1);
    expect(care.access).toEqual({ via: 'teacher' });
    expect(care.trustedAdults.map((adult) => [adult.name, adult.why])).toEqual([['careTeam', 'Zij luistert echt.']]);
    expect(care.plan?.content.agreements).toBe('Stopkaartje en een vaste plek bij het raam.');
    expect(care.plan?.content.keyPeople).toEqual([{ relation: 'parent', name: 'Moeder' }, { relation: 'coach' }]);
    expect(care.planVersions.map((version) => version.version)).toEqual([2, 1]);
    const older = await requestAs(test.app, teacher, 'GET', `${file()}/support-plan/versions/1`);
    expect(older.json().content.agreements).toBe('Mag het stopkaartje op tafel leggen.');

    const stored = await test.deps.db.kysely.selectFrom('care_support_plans').select('content_encrypted').execute();
    for (const row of stored) expect(row.content_encrypted).not.toContain('stopkaartje');
    const why = await test.deps.db.kysely.selectFrom('care_trusted_adults').select('why_encrypted').executeTakeFirstOrThrow();
    expect(why.why_encrypted).not.toContain('luistert');
  });

  it('answers 404 to a teacher for a pupil of another class, and keeps ACEs and screenings from every teacher', async () => {
    const teacher = await as('teacher');
    for (const [method, path] of [
      ['GET', file(world.pupilInClassA1Other)],
      ['PUT', `${file(world.pupilInClassA1Other)}/support-plan`],
    ] as const) {
      const response = await requestAs(test.app, teacher, method, path, method === 'PUT' ? plan : undefined);
      expect(response.statusCode, `${method} ${path}`).toBe(404);
    }
    for (const path of [`${file()}/aces`, `${file()}/screenings`]) expect((await requestAs(test.app, teacher, 'GET', path)).statusCode).toBe(403);
    expect((await requestAs(test.app, await as('leadership'), 'GET', file())).statusCode).toBe(404);
  });

  it('combines ACEs of two informants for the care team: a no never cancels a yes, the newest answer of an informant holds', async () => {
    const care = await as('careTeam');
    const fromFile = await requestAs(test.app, care, 'PUT', `${file()}/aces`, {
      informant: 'file',
      recordedOn: '2026-10-01',
      answers: [
        { category: 'parental-separation', answer: 'yes' },
        { category: 'poverty', answer: 'yes' },
        { category: 'bullying', answer: 'unknown' },
      ],
    });
    expect(fromFile.statusCode, fromFile.body).toBe(200);
    await requestAs(test.app, care, 'PUT', `${file()}/aces`, {
      informant: 'pupil',
      recordedOn: '2026-11-02',
      answers: [
        { category: 'parental-separation', answer: 'no' },
        { category: 'bullying', answer: 'yes' },
        { category: 'death-of-a-loved-one', answer: 'yes' },
      ],
    });
    const corrected = await requestAs(test.app, care, 'PUT', `${file()}/aces`, { informant: 'file', recordedOn: '2026-11-03', answers: [{ category: 'poverty', answer: 'no' }] });
    const aces = corrected.json() as PupilAces;
    expect(aces.combined).toEqual({
      count: 3,
      perInformant: { pupil: 2, parent: 0, file: 1 },
      fourOrMore: false,
      categories: [
        { category: 'bullying', sources: ['pupil'] },
        { category: 'death-of-a-loved-one', sources: ['pupil'] },
        { category: 'parental-separation', sources: ['file'] },
      ],
    });
    const unknown = await requestAs(test.app, care, 'PUT', `${file()}/aces`, { informant: 'parent', recordedOn: '2026-11-03', answers: [{ category: 'aliens', answer: 'yes' }] });
    expect(unknown.json().error.fields).toEqual({ 'body.answers.0.category': ['unknown_category'] });
    const sealed = await test.deps.db.kysely.selectFrom('care_ace_answers').select('answer_encrypted').execute();
    for (const row of sealed) expect(['yes', 'no', 'unknown']).not.toContain(row.answer_encrypted);

    const reads = await auditCount('care.aces_read');
    await requestAs(test.app, care, 'GET', `${file()}/aces`);
    expect(await auditCount('care.aces_read')).toBe(reads + 1);
  });

  it('scores a CRIES-8 entered from paper, proposes a referral above the cut-off and lists it in the care overview', async () => {
    const care = await as('careTeam');
    // Points 5 × 3 + 1 × 2 = 17: just at the cut-off.
    const answers = { '1': 3, '2': 3, '3': 3, '4': 1, '5': 1, '6': 0, '7': 0, '8': 0 };
    const created = await requestAs(test.app, care, 'POST', `${file()}/screenings`, { instrumentId: 'cries-8', informant: 'pupil', takenOn: '2026-11-20', answers });
    expect(created.statusCode, created.body).toBe(201);
    const screening = created.json() as Screening;
    expect([screening.total, screening.band?.id, screening.proposesReferral, screening.status]).toEqual([17, 'above', true, 'complete']);
    expect(screening.subscales.map((scale) => [scale.id, scale.score])).toEqual([
      ['intrusion', 10],
      ['avoidance', 7],
    ]);
    const incomplete = await requestAs(test.app, care, 'POST', `${file()}/screenings`, { instrumentId: 'cries-8', informant: 'pupil', takenOn: '2026-11-20', answers: { '1': 3 } });
    expect([incomplete.json().total, incomplete.json().band, incomplete.json().proposesReferral]).toEqual([null, null, false]);
    const badItem = await requestAs(test.app, care, 'POST', `${file()}/screenings`, { instrumentId: 'cries-8', informant: 'pupil', takenOn: '2026-11-20', answers: { '9': 1 } });
    expect(badItem.json().error.fields).toEqual({ 'body.answers.9': ['not_an_item'] });

    const overview = async () => ((await requestAs(test.app, care, 'GET', `/api/schools/${world.schoolA1}/care/overview`)).json() as CareOverview).screeningsAboveCutOff;
    // The incomplete screening decides nothing: the result above the cut-off stays on the caseload.
    expect((await overview()).map((entry) => [entry.pupilId, entry.screeningId, entry.bandName.nl])).toEqual([[world.pupilInClassA1, screening.id, 'Boven het afkappunt']]);
    // A later complete CRIES-8 below the cut-off (16 points) takes it off.
    test.clock.advance(60_000);
    const below = { ...answers, '5': 0 };
    expect((await requestAs(test.app, care, 'POST', `${file()}/screenings`, { instrumentId: 'cries-8', informant: 'pupil', takenOn: '2026-11-21', answers: below })).json().total).toBe(16);
    expect(await overview()).toEqual([]);
  });

  it('lets a colleague without need-to-know open one plan by break-glass after a reason and their password, and tells the care team', async () => {
    const teacher = await as('teacher');
    await requestAs(test.app, teacher, 'PUT', `${file(world.pupilInClassA1)}/support-plan`, plan);
    // Leadership has no relation to the pupil: nothing until break-glass.
    const leader = await as('leadership');
    expect((await requestAs(test.app, leader, 'GET', file())).statusCode).toBe(404);
    // Finding the child: part of a name, any case; wildcards are plain characters.
    const search = async (name: string) => (await requestAs(test.app, leader, 'GET', `/api/schools/${world.schoolA1}/care/break-glass/pupils?name=${encodeURIComponent(name)}`)).json();
    expect((await search('sAN')).map((pupil: { id: string }) => pupil.id)).toEqual([world.pupilInClassA1]);
    expect(await search('%%')).toEqual([]);
    expect(await search('_a')).toEqual([]);
    const wrong = await requestAs(test.app, leader, 'POST', `${file()}/break-glass`, { reason: 'Invalkracht, leerling in paniek op het plein', password: 'not it' });
    expect(wrong.json().error.code).toBe('wrong_current_password');
    const opened = await requestAs(test.app, leader, 'POST', `${file()}/break-glass`, { reason: 'Invalkracht, leerling in paniek op het plein', password: WORLD_PASSWORD });
    expect(opened.statusCode, opened.body).toBe(201);

    const care = (await requestAs(test.app, leader, 'GET', file())).json() as CareFile;
    expect(care.access).toEqual({ via: 'break_glass', expiresAt: opened.json().expiresAt });
    expect(care.plan?.content.earlySigns).toBe(plan.content.earlySigns);
    expect(care.staffChoices).toEqual([]);
    expect((await requestAs(test.app, leader, 'PUT', `${file()}/support-plan`, plan)).statusCode).toBe(403);
    expect((await requestAs(test.app, leader, 'GET', file(world.pupilInClassA1Other))).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'POST', `${file()}/break-glass`, { reason: 'Mijn eigen leerling, toch even', password: WORLD_PASSWORD })).json().error.code).toBe('break_glass_not_needed');

    const mails = await test.deps.db.kysely.selectFrom('outbox_messages').select(['to_address', 'body_text']).execute();
    expect(mails.map((mail) => mail.to_address)).toEqual([world.users.careTeam.email]);
    expect(mails[0]!.body_text).toContain('noodtoegang');
    expect(mails[0]!.body_text).not.toContain('paniek');
    const overview = (await requestAs(test.app, await as('careTeam'), 'GET', `/api/schools/${world.schoolA1}/care/overview`)).json() as CareOverview;
    expect(overview.breakGlass.map((entry) => [entry.userName, entry.reason])).toEqual([['leadership', 'Invalkracht, leerling in paniek op het plein']]);

    // Someone with two-step verification gives a current code as well: a stolen session plus the password is not enough.
    const secret = await test.deps.fieldCrypto.encrypt({ table: 'user_mfa', column: 'secret_encrypted', rowId: world.users.tsoLead.id }, TEST_TOTP_SECRET);
    const now = test.clock.now().toISOString();
    await test.deps.db.kysely.insertInto('user_mfa').values({ user_id: world.users.tsoLead.id, secret_encrypted: secret, confirmed_at: now, last_used_step: null, failed_attempts: 0, last_failed_at: null, created_at: now }).execute();
    const lead = await sessionFor(test, world.users.tsoLead.id, { mfaVerified: true });
    const reason = 'Invalbeurt, leerling raakt in paniek';
    const withoutCode = await requestAs(test.app, lead, 'POST', `${file()}/break-glass`, { reason, password: WORLD_PASSWORD });
    expect(withoutCode.json().error.fields).toEqual({ 'body.code': ['mfa_code_required'] });
    expect((await requestAs(test.app, lead, 'POST', `${file()}/break-glass`, { reason, password: WORLD_PASSWORD, code: '000000' })).json().error.code).toBe('invalid_mfa_code');
    const withCode = await requestAs(test.app, lead, 'POST', `${file()}/break-glass`, { reason, password: WORLD_PASSWORD, code: totpForStep(TEST_TOTP_SECRET, totpStepAt(test.clock.now())) });
    expect(withCode.statusCode, withCode.body).toBe(201);

    // Sixty minutes later the plan is closed again.
    test.clock.advance(60 * 60_000 + 1);
    expect((await requestAs(test.app, await as('leadership'), 'GET', file())).statusCode).toBe(404);
  });
});
