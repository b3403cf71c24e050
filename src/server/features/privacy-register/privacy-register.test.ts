import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/support/pdf-text';
import { createTestApp, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { CATEGORY_DESCRIPTIONS, REGISTER_CATEGORIES } from './register-categories';
import { dataLocationOf, SECURITY_HEADINGS_LEFT_OUT, SECURITY_MEASURES, secondLevelHeadings, subProcessorsOf } from './dpia-pack';
import type { ProcessingRegister, RetentionOverview } from './privacy-register.schemas';
import { claimJobLease } from '../../background-job';
import { newId } from '../../deps';
import { purgeOldCheckins } from '../checkin/checkin-retention';
import { TABLE_ENTRIES } from './register-tables';

const SECURITY_MD = readFileSync(new URL('../../../../SECURITY.md', import.meta.url), 'utf8');

describe('the DPIA pack’s security measures', () => {
  it('summarise every heading of SECURITY.md, in its order, and no heading it does not have', () => {
    const headings = secondLevelHeadings(SECURITY_MD).filter((heading) => !(heading in SECURITY_HEADINGS_LEFT_OUT));
    expect(SECURITY_MEASURES.map((measure) => measure.heading)).toEqual(headings);
    for (const measure of SECURITY_MEASURES) expect(measure.title.en).toBe(measure.heading);
  });

  it('name no sub-processor without SMTP, and the mail host (never its password) with it', () => {
    expect(subProcessorsOf({ smtpUrl: undefined } as never, 'nl')).toEqual([]);
    const [mail, ...more] = subProcessorsOf({ smtpUrl: 'smtps://school:geheim-wachtwoord@mail.example.nl:465' } as never, 'nl');
    expect(more).toEqual([]);
    expect(mail?.name).toContain('mail.example.nl');
    expect(JSON.stringify(mail)).not.toContain('geheim-wachtwoord');
  });

  it('say where PostgreSQL data lives without the password in its address', () => {
    const location = dataLocationOf({ config: { key: undefined, keyFile: '/etc/groeiwijzer/key' } as never, db: { dialect: 'postgres', location: 'postgres://app:pg-geheim@db.bestuur.nl:5432/groeiwijzer' } as never }, 'en');
    expect(location.database).toBe('PostgreSQL database groeiwijzer on db.bestuur.nl');
    expect(location.key).toContain('/etc/groeiwijzer/key');
    expect(JSON.stringify(location)).not.toContain('pg-geheim');
  });
});

describe.each(testDialects())('the processing register and DPIA pack routes on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const as = (key: WorldUserKey) => sessionFor(test, world.users[key].id);
  const auditCount = async () => Number((await test.deps.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('gives the school admin the school’s register with every described table, and the board admin the board’s', async () => {
    const response = await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/privacy-register?lang=nl`);
    expect(response.statusCode, response.body).toBe(200);
    const register = response.json<ProcessingRegister>();
    expect(register.scope).toEqual({ kind: 'school', name: 'School A1' });
    expect(register.categories.map((category) => category.category)).toEqual([...REGISTER_CATEGORIES]);
    expect(register.categories.flatMap((category) => category.tables.map((table) => table.table)).sort()).toEqual(Object.keys(TABLE_ENTRIES).sort());
    const aces = register.categories.find((category) => category.category === 'special_care')?.tables.find((table) => table.table === 'care_ace_answers');
    expect(aces).toMatchObject({ readers: ['Zorgteam'], encryptedColumns: ['answer_encrypted'] });
    expect(aces?.retention).toContain('24 maanden');

    const board = await requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/privacy-register?lang=en`);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json<ProcessingRegister>().scope).toEqual({ kind: 'board', name: 'Bestuur A' });
    expect(board.json<ProcessingRegister>().categories[0]?.name).toBe(CATEGORY_DESCRIPTIONS.pupil_identity.name.en);
  });

  it('shows a school’s own care term once its admin set one', async () => {
    const admin = await as('schoolAdmin');
    const set = await requestAs(test.app, admin, 'PUT', `/api/schools/${world.schoolA1}/care/retention`, { terms: { aces: 60 } });
    expect(set.statusCode, set.body).toBe(200);
    const register = (await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/privacy-register?lang=nl`)).json<ProcessingRegister>();
    const aces = register.categories.flatMap((category) => category.tables).find((table) => table.table === 'care_ace_answers');
    expect(aces?.retention).toContain('60 maanden');
    expect(aces?.retention).toContain('eigen termijn');
  });

  it('refuses everyone else, and reading writes nothing (not even an audit event)', async () => {
    for (const key of ['teacher', 'careTeam', 'leadership', 'tsoLead', 'boardAdmin', 'schoolAdminOtherBoard'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', `/api/schools/${world.schoolA1}/privacy-register`)).statusCode, key).toBe(403);
      expect((await requestAs(test.app, await as(key), 'GET', `/api/schools/${world.schoolA1}/dpia-pack.pdf`)).statusCode, key).toBe(403);
    }
    for (const key of ['schoolAdmin', 'boardAdminOtherBoard'] as const) {
      expect((await requestAs(test.app, await as(key), 'GET', `/api/boards/${world.boardA}/privacy-register.pdf`)).statusCode, key).toBe(403);
    }
    const before = await auditCount();
    const admin = await as('schoolAdmin');
    for (const path of ['privacy-register', 'privacy-register.pdf', 'dpia-pack.pdf']) {
      expect((await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/${path}`)).statusCode, path).toBe(200);
    }
    expect(await auditCount()).toBe(before);
  });

  it('writes the register as a PDF with every category, its purpose and legal basis', async () => {
    const response = await requestAs(test.app, await as('schoolAdmin'), 'GET', `/api/schools/${world.schoolA1}/privacy-register.pdf?lang=nl`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="verwerkingsregister.pdf"');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Verwerkingsregister');
    for (const category of REGISTER_CATEGORIES) expect(text, category).toContain(CATEGORY_DESCRIPTIONS[category].name.nl);
    expect(text).toContain('care_meldcode_steps');
    expect(text).toContain('art. 9 lid 2 AVG met art. 30 UAVG');
  });

  it('writes the DPIA pack with the register, every security heading, no sub-processor and where the data lives', async () => {
    const response = await requestAs(test.app, await as('boardAdmin'), 'GET', `/api/boards/${world.boardA}/dpia-pack.pdf?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="dpia-input.pdf"');
    const text = pdfText(response.rawPayload);
    for (const category of REGISTER_CATEGORIES) expect(text, category).toContain(CATEGORY_DESCRIPTIONS[category].name.en);
    for (const heading of secondLevelHeadings(SECURITY_MD).filter((heading) => !(heading in SECURITY_HEADINGS_LEFT_OUT))) expect(text, heading).toContain(heading);
    expect(text).toContain('None: Groeiwijzer runs on the board’s own server');
    expect(text).toContain(dialect === 'sqlite' ? 'SQLite file on the server' : 'PostgreSQL database');
    expect(text).not.toMatch(/postgres:\/\//);
  });

  it('lists each category’s term with what it would delete today, and when its job last ran and runs next', async () => {
    const url = `/api/schools/${world.schoolA1}/retention-overview?lang=nl`;
    // The clock reads 2026-11-21: with one extra school year, raw check-ins from before 2025-08-01 go.
    for (const schoolDate of ['2025-03-10', '2026-10-01']) {
      await test.deps.db.kysely
        .insertInto('checkins')
        .values({ id: newId(), idempotency_key: newId(), pupil_id: world.pupilInClassA1, class_id: world.classA1, school_id: world.schoolA1, school_date: schoolDate, state: 'green', wants_talk: 0, word_encrypted: null, channel: 'device', created_at: `${schoolDate}T08:00:00.000Z` })
        .execute();
    }
    const before = await auditCount();
    const overview = (await requestAs(test.app, await as('schoolAdmin'), 'GET', url)).json<RetentionOverview>();
    expect(overview.categories.map((category) => category.id)).toEqual([
      'checkins', 'sociograms', 'care.plans', 'care.aces', 'care.screenings', 'care.conversations', 'care.referrals', 'care.meldcode', 'care.break_glass', 'care.parent_contacts', 'outbox_links', 'staged_imports', 'audit',
    ]);
    const checkins = overview.categories[0];
    expect(checkins).toMatchObject({ dueNow: '1 check-in(s) van voor 1 augustus 2025', job: 'checkin-retention', lastRun: null, nextRunFrom: null });
    expect(overview.categories.find((category) => category.id === 'care.aces')?.term).toContain('60 maanden');
    expect(overview.categories.find((category) => category.id === 'audit')).toMatchObject({ dueNow: null, job: null });

    // After the check-in retention ran (its own purge, its own lease), nothing is due and its run shows.
    const now = test.clock.now();
    expect(await claimJobLease(test.deps.db.kysely, 'checkin-retention', 'test', now, 3_600_000)).toBe(true);
    await purgeOldCheckins(test.deps.db.kysely, test.clock, test.deps.config.checkinRetentionExtraYears);
    // The purge accounts for what it deleted in one audit event; reading the overview adds none.
    expect(await auditCount()).toBe(before + 1);
    const after = (await requestAs(test.app, await as('schoolAdmin'), 'GET', url)).json<RetentionOverview>().categories[0];
    expect(after).toMatchObject({ dueNow: '0 check-in(s) van voor 1 augustus 2025', lastRun: now.toISOString(), nextRunFrom: new Date(now.getTime() + 3_600_000).toISOString() });
    expect(await auditCount()).toBe(before + 1);
    expect((await requestAs(test.app, await as('careTeam'), 'GET', url)).statusCode).toBe(403);
  });
});
