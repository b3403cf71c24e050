import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../src/server/crypto/encrypted-columns';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World } from './support/world';

// Issue 16: the free text of the partners register — notes about an organisation, the text of an agreement — is
// field-encrypted. A marker goes in through the real routes of every encrypted partners column (written, then changed);
// the API gives it back; the database holds only gw1 envelopes in every registered partners column (each written at
// least once here, so a new one without a canary fails), and the marker's bytes are nowhere in the SQLite file and WAL
// or in a pg_dump.

const execFileAsync = promisify(execFile);
const PARTNER_COLUMNS = ENCRYPTED_COLUMNS.filter((entry) => entry.table.startsWith('partner_'));

describe.each(testDialects())('field encryption of the partners register on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const marker = `CANARY-${randomBytes(8).toString('hex')}`;
  const partners = (path = '') => `/api/schools/${world.schoolA1}/partners${path}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('gives every text back through the API and stores only gw1 envelopes in every partners column', async () => {
    const careTeam: Login = await sessionFor(test, world.users.careTeam.id);
    const added = await requestAs(test.app, careTeam, 'POST', partners('/organisations'), { name: 'Veilig Thuis', kind: 'veilig_thuis', isKeyPartner: true, notes: `${marker} eerste notitie` });
    expect(added.statusCode, added.body).toBe(201);
    const organisationId = added.json().id as string;
    const organisation = partners(`/organisations/${organisationId}`);
    const changed = await requestAs(test.app, careTeam, 'PUT', organisation, { name: 'Veilig Thuis', kind: 'veilig_thuis', isKeyPartner: true, notes: `${marker} notitie` });
    expect(changed.statusCode, changed.body).toBe(200);
    const agreement = await requestAs(test.app, careTeam, 'POST', `${organisation}/agreements`, { title: 'Afspraak', agreedOn: '2026-09-01', text: `${marker} eerste afspraak` });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const changedAgreement = await requestAs(test.app, careTeam, 'PUT', `${organisation}/agreements/${agreement.json().id}`, { title: 'Afspraak', agreedOn: '2026-09-01', text: `${marker} afspraak` });
    expect(changedAgreement.statusCode, changedAgreement.body).toBe(200);

    const register = (await requestAs(test.app, careTeam, 'GET', partners())).body;
    for (const text of ['notitie', 'afspraak']) expect(register).toContain(`${marker} ${text}`);
    // The directory for the care pages holds no free text at all.
    expect((await requestAs(test.app, careTeam, 'GET', partners('/directory'))).body).not.toContain(marker);

    expect(PARTNER_COLUMNS.map((entry) => `${entry.table}.${entry.column}`).sort()).toEqual(['partner_agreements.text_encrypted', 'partner_organisations.notes_encrypted']);
    for (const { table, column } of PARTNER_COLUMNS) {
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
