import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../src/server/crypto/encrypted-columns';
import type { AssessmentDetail, SharedProfile } from '../src/server/features/team/competence.schemas';
import type { IntervisionSession } from '../src/server/features/team/intervision.schemas';
import type { JournalEntry } from '../src/server/features/team/journal.schemas';
import type { PairDetail } from '../src/server/features/team/onboarding.schemas';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { addSchoolA1Staff, createWorld, type World, type WorldUserKey } from './support/world';

// Issue 17: the free text of the team area — a buddy conversation's note, a self-assessment's evidence and goals, an
// intervision session's theme and note, a reflection journal entry — is field-encrypted. A marker goes in through the
// real routes of every encrypted team column (written, then changed); the API gives it back to its author or allowed
// reader; the database holds only gw1 envelopes in every registered team column (each written at least once here, so
// a new one without a canary fails), and the marker's bytes are nowhere in the SQLite file and WAL or in a pg_dump.

const execFileAsync = promisify(execFile);
const TEAM_COLUMNS = ENCRYPTED_COLUMNS.filter((entry) => entry.table.startsWith('team_'));

describe.each(testDialects())('field encryption of the team area on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let newcomerId: string;
  let pairId: string;
  const marker = `CANARY-${randomBytes(8).toString('hex')}`;
  const team = (path: string) => `/api/schools/${world.schoolA1}/team${path}`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function ok<T>(login: Login, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object, status = 200): Promise<T> {
    const response = await requestAs(test.app, login, method, url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
    return response.json() as T;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    newcomerId = await addSchoolA1Staff(test, world, { name: 'Noor Nieuw', role: 'teacher' });
  });
  afterAll(async () => test.close());

  it('gives every text back through the API and stores only gw1 envelopes in every team column', async () => {
    const teacher = await as('teacher');
    const leadership = await as('leadership');
    const careTeam = await as('careTeam');
    const newcomer = await sessionFor(test, newcomerId);

    // Onboarding: leadership publishes the guide and appoints the TSO lead chef-buddy of the location; the chef-buddy
    // pairs the newcomer with the teacher as buddy; the buddy records a conversation with a note, then changes it.
    await ok(leadership, 'POST', team('/onboarding/guide/publish'));
    await ok(leadership, 'PUT', team(`/onboarding/chef-buddies/${world.locationA1}`), { userId: world.users.tsoLead.id });
    const pair = await ok<PairDetail>(await as('tsoLead'), 'POST', team('/onboarding/pairs'), { locationId: world.locationA1, newcomerUserId: newcomerId, buddyUserId: world.users.teacher.id, startedOn: '2026-11-16' }, 201);
    pairId = pair.id;
    const conversation = await ok<PairDetail>(teacher, 'POST', team(`/onboarding/pairs/${pairId}/conversations`), { plannedOn: '2026-11-20', heldOn: '2026-11-20', stage: 'discover', note: `${marker} eerste gesprek` }, 201);
    const conversationId = conversation.conversations[0]!.id;
    await ok(teacher, 'PUT', team(`/onboarding/pairs/${pairId}/conversations/${conversationId}`), { plannedOn: '2026-11-20', heldOn: '2026-11-20', stage: 'dream', note: `${marker} gesprek` });
    const seenByNewcomer = await ok<PairDetail>(newcomer, 'GET', team(`/onboarding/pairs/${pairId}`));
    expect(seenByNewcomer.conversations.map((entry) => entry.note)).toEqual([`${marker} gesprek`]);

    // Competence: the teacher rates an indicator with evidence and writes goals, changes both, completes the
    // self-assessment and shares it with leadership, who reads it back.
    const draft = await ok<AssessmentDetail>(teacher, 'POST', team('/competence/assessments'), undefined, 201);
    const indicatorId = draft.profile.definition.competences[0]!.indicators[0]!.id;
    const assessment = team(`/competence/assessments/${draft.id}`);
    await ok(teacher, 'PUT', assessment, { ratings: [{ indicatorId, step: 2, evidence: `${marker} eerste bewijs` }], goals: `${marker} eerste doelen` });
    const saved = await ok<AssessmentDetail>(teacher, 'PUT', assessment, { ratings: [{ indicatorId, step: 3, evidence: `${marker} bewijs` }], goals: `${marker} doelen` });
    expect([saved.goals, saved.ratings.map((rating) => rating.evidence)]).toEqual([`${marker} doelen`, [`${marker} bewijs`]]);
    await ok(teacher, 'POST', `${assessment}/completion`);
    await ok(teacher, 'POST', team('/competence/shares'), { audience: 'leadership' }, 201);
    const shared = await ok<SharedProfile>(leadership, 'GET', team(`/competence/shared/${world.users.teacher.id}`));
    expect([shared.latest?.goals, shared.latest?.ratings.map((rating) => rating.evidence)]).toEqual([`${marker} doelen`, [`${marker} bewijs`]]);

    // Intervision: the teacher records a session with the care team member (no pupil's name), then changes it; the
    // participant reads it back.
    const sessionBody = (theme: string, note: string) => ({ heldOn: '2026-11-20', kind: 'intervision', coreConcept: 'regulation', theme, note, participantIds: [world.users.teacher.id, world.users.careTeam.id] });
    const session = await ok<IntervisionSession>(teacher, 'POST', team('/intervision/sessions'), sessionBody(`${marker} eerste thema`, `${marker} eerste notitie`), 201);
    await ok(teacher, 'PUT', team(`/intervision/sessions/${session.id}`), sessionBody(`${marker} thema`, `${marker} notitie`));
    const seenByParticipant = await ok<IntervisionSession>(careTeam, 'GET', team(`/intervision/sessions/${session.id}`));
    expect([seenByParticipant.theme, seenByParticipant.note]).toEqual([`${marker} thema`, `${marker} notitie`]);

    // Journal: the teacher writes an entry, then changes it, and reads it back.
    const entry = await ok<JournalEntry>(teacher, 'POST', team('/journal/entries'), { body: `${marker} eerste reflectie` }, 201);
    await ok(teacher, 'PUT', team(`/journal/entries/${entry.id}`), { promptId: null, body: `${marker} reflectie` });
    const journal = await requestAs(test.app, teacher, 'GET', team('/journal'));
    expect(journal.statusCode, journal.body).toBe(200);
    expect(journal.body).toContain(`${marker} reflectie`);

    expect(TEAM_COLUMNS.map((entry) => `${entry.table}.${entry.column}`).sort()).toEqual([
      'team_buddy_conversations.note_encrypted',
      'team_competence_assessments.goals_encrypted',
      'team_competence_ratings.evidence_encrypted',
      'team_intervision_sessions.note_encrypted',
      'team_intervision_sessions.theme_encrypted',
      'team_journal_entries.body_encrypted',
    ]);
    // Every registered team column must have been written above: a new one needs its write in this test.
    for (const { table, column } of TEAM_COLUMNS) {
      const { rows } = await sql<{ value: string }>`select ${sql.ref(column)} as value from ${sql.table(table)}`.execute(test.deps.db.kysely);
      expect(rows.length, `${table}.${column} has a row`).toBeGreaterThan(0);
      for (const row of rows) expect(row.value, `${table}.${column}`).toMatch(/^gw1:/);
    }
  });

  it('never gives the buddy conversation note to the chef-buddy or leadership, nor the journal to anyone else', async () => {
    for (const key of ['tsoLead', 'leadership'] as const) {
      const response = await requestAs(test.app, await as(key), 'GET', team(`/onboarding/pairs/${pairId}`));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain(marker);
    }
    for (const key of ['leadership', 'careTeam'] as const) {
      const response = await requestAs(test.app, await as(key), 'GET', team('/journal'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain(marker);
    }
  });

  it.runIf(dialect === 'sqlite')('leaves no trace of the marker in the SQLite file or its WAL', async () => {
    const path = test.deps.db.location;
    const bytes = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
    expect(bytes.includes(world.users.teacher.email)).toBe(true);
    expect(bytes.includes('CANARY')).toBe(false);
  });

  it.runIf(dialect === 'postgres')('leaves no trace of the marker in a pg_dump', async () => {
    const { stdout: dump } = await execFileAsync('pg_dump', ['--format=plain', `--dbname=${test.database.url}`], { maxBuffer: 64 * 1024 * 1024 });
    expect(dump.includes(world.users.teacher.email)).toBe(true);
    expect(dump.includes('CANARY')).toBe(false);
  });
});
