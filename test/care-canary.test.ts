import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../src/server/crypto/encrypted-columns';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, WORLD_PASSWORD, type WorldUserKey } from './support/world';

// Issue 14, "Protection": every free text and special-category answer of a pupil's care is field-encrypted. A marker
// goes in through the real routes of every care field that holds text; the API gives it back; the database holds
// only gw1 envelopes in every registered care column (each one written at least once here, so a new care column
// without a canary fails), and the marker's bytes are nowhere in the SQLite file and WAL or in a pg_dump.

const execFileAsync = promisify(execFile);
const CARE_COLUMNS = ENCRYPTED_COLUMNS.filter((entry) => entry.table.startsWith('care_'));

describe.each(testDialects())('field encryption of a pupil\'s care on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const marker = `CANARY-${randomBytes(8).toString('hex')}`;
  const care = (path = '') => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care${path}`;

  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('gives every text back through the API and stores only gw1 envelopes in every care column', async () => {
    const teacher = await as('teacher');
    const careTeam = await as('careTeam');
    const writes = [
      await requestAs(test.app, teacher, 'POST', care('/trusted-adults'), { userId: world.users.careTeam.id, why: `${marker} waarom` }),
      await requestAs(test.app, teacher, 'PUT', care('/support-plan'), { content: { earlySigns: `${marker} signalen`, keyPeople: [{ relation: 'coach', name: `${marker} naam` }] }, reviewOn: '2027-01-15' }),
      await requestAs(test.app, careTeam, 'PUT', care('/aces'), { informant: 'file', recordedOn: '2026-11-20', answers: [{ category: 'poverty', answer: 'yes' }] }),
      await requestAs(test.app, careTeam, 'PUT', care('/aces/first-age'), { years: 7 }),
      await requestAs(test.app, careTeam, 'POST', care('/screenings'), { instrumentId: 'cries-8', informant: 'pupil', takenOn: '2026-11-20', answers: { '1': 3 } }),
      await requestAs(test.app, await as('leadership'), 'POST', care('/break-glass'), { reason: `${marker} reden`, password: WORLD_PASSWORD }),
      await requestAs(test.app, teacher, 'POST', care('/conversations'), {
        plannedOn: '2026-11-20',
        heldOn: '2026-11-20',
        note: `${marker} notitie`,
        sharedWithCareTeam: true,
        forCareTeam: `${marker} gedeeld`,
      }),
      await requestAs(test.app, careTeam, 'POST', care('/referrals'), { toWhom: `${marker} jeugdteam`, referredOn: '2026-11-20', reason: `${marker} verwijsreden`, followUpOn: '2026-11-21' }),
    ];
    for (const write of writes) expect(write.statusCode, write.body).toBeLessThan(300);
    const meldcodeCase = await requestAs(test.app, careTeam, 'POST', care('/meldcode-cases'), { openedOn: '2026-11-20' });
    expect(meldcodeCase.statusCode, meldcodeCase.body).toBe(201);
    const step = await requestAs(test.app, careTeam, 'PUT', care(`/meldcode-cases/${meldcodeCase.json().id}/steps/1`), { doneOn: '2026-11-20', notes: `${marker} signalen meldcode` });
    expect(step.statusCode, step.body).toBe(200);

    const file = (await requestAs(test.app, teacher, 'GET', care())).body;
    expect(file).toContain(`${marker} waarom`);
    expect(file).toContain(`${marker} signalen`);
    expect(file).toContain(`${marker} naam`);
    const overview = (await requestAs(test.app, careTeam, 'GET', `/api/schools/${world.schoolA1}/care/overview`)).body;
    for (const text of ['reden', 'gedeeld', 'jeugdteam']) expect(overview).toContain(`${marker} ${text}`);
    const conversations = (await requestAs(test.app, teacher, 'GET', care('/conversations'))).body;
    for (const text of ['notitie', 'gedeeld']) expect(conversations).toContain(`${marker} ${text}`);
    const referrals = (await requestAs(test.app, careTeam, 'GET', care('/referrals'))).body;
    for (const text of ['jeugdteam', 'verwijsreden']) expect(referrals).toContain(`${marker} ${text}`);
    expect((await requestAs(test.app, careTeam, 'GET', care('/meldcode-cases'))).body).toContain(`${marker} signalen meldcode`);

    expect(CARE_COLUMNS.map((entry) => entry.table).sort()).toEqual([
      'care_ace_answers',
      'care_ace_first_ages',
      'care_break_glass',
      'care_conversations',
      'care_conversations',
      'care_meldcode_steps',
      'care_referrals',
      'care_referrals',
      'care_screenings',
      'care_support_plans',
      'care_trusted_adults',
    ]);
    for (const { table, column } of CARE_COLUMNS) {
      const { rows } = await sql<{ value: string }>`select ${sql.ref(column)} as value from ${sql.table(table)}`.execute(test.deps.db.kysely);
      expect(rows.length, `${table}.${column} has a row`).toBeGreaterThan(0);
      for (const row of rows) expect(row.value, `${table}.${column}`).toMatch(/^gw1:/);
    }
  });

  it.runIf(dialect === 'sqlite')('leaves no trace of the marker in the SQLite file or its WAL', async () => {
    const path = test.deps.db.location;
    const bytes = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
    expect(bytes.includes(world.users.careTeam.email)).toBe(true);
    expect(bytes.includes('CANARY')).toBe(false);
  });

  it.runIf(dialect === 'postgres')('leaves no trace of the marker in a pg_dump', async () => {
    const { stdout: dump } = await execFileAsync('pg_dump', ['--format=plain', `--dbname=${test.database.url}`], { maxBuffer: 64 * 1024 * 1024 });
    expect(dump.includes(world.users.careTeam.email)).toBe(true);
    expect(dump.includes('CANARY')).toBe(false);
  });
});
