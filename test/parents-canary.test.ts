import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../src/server/crypto/encrypted-columns';
import { parentSessionFor } from './support/pupil-access';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, type WorldUserKey } from './support/world';

// Issue 16: every free text about a pupil's parents is field-encrypted. A marker goes in through the real routes of
// every parent field that holds text; the API gives it back to whoever may read it; the database holds only gw1
// envelopes in every registered parent column (each one written at least once here, so a new parent column without
// a canary fails), and the marker's bytes are nowhere in the SQLite file and WAL or in a pg_dump.

const execFileAsync = promisify(execFile);
const PARENT_COLUMNS = ENCRYPTED_COLUMNS.filter((entry) => entry.table.startsWith('parent_'));

describe.each(testDialects())("field encryption of what the school knows about a pupil's parents on %s", (dialect) => {
  let test: TestApp;
  let world: World;
  const marker = `CANARY-${randomBytes(8).toString('hex')}`;
  const contacts = () => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-contacts`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('gives every text back through the API and stores only gw1 envelopes in every parent column', async () => {
    const careTeam = await as('careTeam');
    const written = await requestAs(test.app, careTeam, 'POST', contacts(), {
      heldOn: '2026-09-01',
      kind: 'at_school',
      withWhom: 'moeder',
      topic: 'Intakegesprek',
      isEnrolment: true,
      note: `${marker} notitie`,
      careNotes: `${marker} levensloop`,
    });
    expect(written.statusCode, written.body).toBe(201);
    const log = (await requestAs(test.app, careTeam, 'GET', contacts())).body;
    for (const text of ['notitie', 'levensloop']) expect(log).toContain(`${marker} ${text}`);

    // Parent access: a parent answers a questionnaire with a closing note and asks for a conversation; a second
    // parent is shielded from the child with a reason.
    const parent = await parentSessionFor(test, world.schoolA1, world.pupilInClassA1);
    const sent = await requestAs(test.app, careTeam, 'POST', `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parent-questionnaires`, { parentId: parent.parentId, instrumentId: 'parent-aces' });
    expect(sent.statusCode, sent.body).toBe(201);
    const answered = await requestAs(test.app, parent, 'PUT', `/api/parent/questionnaires/${sent.json().id}`, { answers: { poverty: 1 }, note: `${marker} slotnotitie` });
    expect(answered.statusCode, answered.body).toBe(200);
    const asked = await requestAs(test.app, parent, 'POST', '/api/parent/conversation-requests', { pupilId: world.pupilInClassA1, message: `${marker} gesprek` });
    expect(asked.statusCode, asked.body).toBe(200);
    const parents = `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/parents`;
    const other = await requestAs(test.app, careTeam, 'POST', parents, { name: 'Ouder Twee', relation: 'vader', email: null, phone: null, language: 'nl' });
    const shielded = await requestAs(test.app, careTeam, 'PUT', `${parents}/${other.json().id}/exclusion`, { excluded: true, reason: `${marker} beschikking` });
    expect(shielded.statusCode, shielded.body).toBe(204);
    const view = (await requestAs(test.app, careTeam, 'GET', parents)).body;
    for (const text of ['slotnotitie', 'gesprek', 'beschikking']) expect(view).toContain(`${marker} ${text}`);

    expect(PARENT_COLUMNS.map((entry) => `${entry.table}.${entry.column}`)).toEqual(expect.arrayContaining(['parent_contacts.note_encrypted', 'parent_contacts.care_notes_encrypted']));
    // Every registered parent column must have been written above: a new one needs its write in this test.
    for (const { table, column } of PARENT_COLUMNS) {
      const { rows } = await sql<{ value: string }>`select ${sql.ref(column)} as value from ${sql.table(table)}`.execute(test.deps.db.kysely);
      // An empty text ('' = none, the column's default: no note, not shielded) is stored as it is.
      const stored = rows.filter((row) => row.value !== '');
      expect(stored.length, `${table}.${column} has a row`).toBeGreaterThan(0);
      for (const row of stored) expect(row.value, `${table}.${column}`).toMatch(/^gw1:/);
    }
  });

  it("never gives the care team's notes to the pupil's teacher", async () => {
    const teacher = await as('teacher');
    const response = await requestAs(test.app, teacher, 'GET', contacts());
    expect(response.statusCode, response.body).toBe(200);
    // The teacher reads the short note, and not a byte of the care team's notes.
    expect(response.body).toContain(`${marker} notitie`);
    expect(response.body).not.toContain('levensloop');
    const overview = await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/parent-contacts`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.body).not.toContain(marker);
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
