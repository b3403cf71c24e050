import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, newId } from '../src/server/deps';
import { addDays, schoolDateOf } from '../src/shared/school-time';
import { urlFor } from './support/route-urls';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World, type WorldUserKey } from './support/world';

// Issue 17, done-when 2. (a) No query can link a pulse answer to its author: the schema of every team_pulse* table
// holds no user beside an answer, no time finer than the pulse and no ordering column — answers exist only as
// counters — and the stored rows are the same whatever the order colleagues answered in. (b) The reflection journal
// is unreadable for everyone but its author: every other world user (and a second teacher) reaches no entry through
// a journal route, an export, any GET route of the app or the audit log, and the text is encrypted at rest.

describe.each(testDialects())('privacy of the team area on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let otherTeacher: string;
  const login = (userId: string): Promise<Login> => sessionFor(test, userId);
  const as = (key: WorldUserKey) => login(world.users[key].id);

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    otherTeacher = newId();
    const now = isoInstant(test.clock.now());
    await test.deps.db.kysely.insertInto('users').values({ id: otherTeacher, email: `leerkracht-${otherTeacher}@world.test`, name: 'Tweede leerkracht', password_hash: 'x', locale: 'nl', disabled_at: null, created_at: now }).execute();
    await test.deps.db.kysely.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: otherTeacher, role: 'teacher', created_at: now }).execute();
  });
  afterAll(async () => test.close());

  describe('(a) the pulse', () => {
    it('stores who answered and what was answered in tables with nothing to join them by', async () => {
      const tables = (await test.deps.db.kysely.introspection.getTables()).filter((table) => table.name.startsWith('team_pulse'));
      const columns = Object.fromEntries(tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]));
      expect(Object.keys(columns).sort()).toEqual(['team_pulse_counts', 'team_pulse_settings', 'team_pulse_votes', 'team_pulses']);
      // Who: the pulse and the person, nothing else — no time, no id of its own, no answer.
      expect(columns.team_pulse_votes).toEqual(['pulse_id', 'user_id']);
      // What: counters only — no person, no time, no id of its own, no sequence.
      expect(columns.team_pulse_counts).toEqual(['count', 'item_id', 'pulse_id', 'value']);
      const person = /user|_by$|author|person|actor/;
      const moment = /_at$|_on$|time|date|seq|order|position|serial/;
      for (const [table, names] of Object.entries(columns)) {
        const holdsAnswers = names.some((name) => ['item_id', 'value', 'answer', 'answers', 'count'].includes(name));
        if (!holdsAnswers) continue;
        expect(names.filter((name) => person.test(name) || moment.test(name) || name === 'id'), `${table} beside the answers`).toEqual([]);
      }
      // Only the pulse itself carries dates (its period, when it was planned): nothing finer than the pulse.
      for (const table of ['team_pulse_votes', 'team_pulse_counts']) expect(columns[table]!.filter((name) => moment.test(name)), table).toEqual([]);
    });

    it('leaves the same rows (on SQLite in the same physical places) whatever the order colleagues answered in', async () => {
      type Voter = 'teacher' | 'careTeam' | 'tsoLead' | 'schoolAdmin';
      const answersOf: Record<Voter, Record<string, number>> = {
        teacher: { 'energy.1': 5, 'energy.2': 1, 'support.1': 4 },
        careTeam: { 'energy.1': 2, 'stress.1': 5, 'meaning.2': 3 },
        tsoLead: { 'energy.1': 4, 'recovery.1': 1 },
        // Skipped every item: still one vote.
        schoolAdmin: {},
      };
      const voters = Object.keys(answersOf) as Voter[];
      // The row's physical place on SQLite (rowid, deterministic). PostgreSQL places row versions where its page pruning
      // left room, which depends on other sessions' snapshots, not on the answers: there the rows are compared in key
      // order, and their row versions (xmin) below.
      const place = sql.raw(dialect === 'sqlite' ? 'rowid' : 'null');
      const orderBy = sql.raw(dialect === 'sqlite' ? '' : 'order by item_id, value');

      // One school's whole history in a fresh database, identical but for the order the colleagues answer in.
      async function storedAfter(answeringOrder: readonly Voter[]) {
        const fresh = await createTestApp(dialect);
        try {
          const freshWorld = await createWorld(fresh);
          await fresh.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', freshWorld.boardA).execute();
          const base = `/api/schools/${freshWorld.schoolA1}/team/pulse`;
          const today = schoolDateOf(fresh.clock.now());
          const leadership = await sessionFor(fresh, freshWorld.users.leadership.id);
          const planned = await requestAs(fresh.app, leadership, 'POST', `${base}/pulses`, { opensOn: today, closesOn: addDays(today, 13) });
          expect(planned.statusCode, planned.body).toBe(201);
          const pulseId = planned.json().id as string;
          for (const key of answeringOrder) {
            const response = await requestAs(fresh.app, await sessionFor(fresh, freshWorld.users[key].id), 'POST', `${base}/pulses/${pulseId}/answers`, { answers: answersOf[key] });
            expect(response.statusCode, response.body).toBe(200);
          }
          expect((await requestAs(fresh.app, leadership, 'POST', `${base}/pulses/${pulseId}/close`)).statusCode).toBe(200);
          // On SQLite the rows exactly as the database hands them out, without ORDER BY, with their physical place.
          const { rows } = await sql<{ place: unknown; item_id: string; value: number; count: number }>`select ${place} as place, item_id, value, count from team_pulse_counts ${orderBy}`.execute(fresh.deps.db.kysely);
          const counters = rows.map((row) => [String(row.place), row.item_id, Number(row.value), Number(row.count)]);
          const userKeys = new Map(Object.entries(freshWorld.users).map(([key, user]) => [user.id, key]));
          const votes = (await fresh.deps.db.kysely.selectFrom('team_pulse_votes').select('user_id').execute()).map((row) => userKeys.get(row.user_id)).sort();
          const versions =
            dialect === 'postgres' ? Number((await sql<{ versions: string }>`select count(distinct xmin::text) as versions from team_pulse_counts`.execute(fresh.deps.db.kysely)).rows[0]!.versions) : 1;
          return { counters, votes, versions };
        } finally {
          await fresh.close();
        }
      }
      const forward = await storedAfter(voters);
      const backward = await storedAfter([...voters].reverse());

      expect(forward.counters).toEqual(backward.counters);
      expect(forward.counters).toHaveLength(10 * 5);
      // Eight distinct (item, value) answers were given; every other counter stayed 0.
      expect(forward.counters.filter((row) => (row[3] as number) > 0)).toHaveLength(8);
      expect(forward.votes).toEqual([...voters].sort());
      expect(backward.votes).toEqual(forward.votes);
      // PostgreSQL: every vote rewrote every counter, so all carry the last vote's transaction (none singles out a voter).
      expect([forward.versions, backward.versions]).toEqual([1, 1]);
    });
  });

  describe('(b) the reflection journal', () => {
    const marker = `JOURNAL-${randomBytes(8).toString('hex')}`;
    let entryId: string;
    const others = (): { name: string; userId: string }[] => [
      ...(['schoolAdmin', 'leadership', 'tsoLead', 'careTeam', 'boardAdmin', 'teacherOtherSchool', 'boardAdminOtherBoard', 'schoolAdminOtherBoard'] as const).map((key) => ({ name: key, userId: world.users[key].id })),
      { name: 'another teacher', userId: otherTeacher },
    ];

    beforeAll(async () => {
      const teacher = await as('teacher');
      const written = await requestAs(test.app, teacher, 'POST', `/api/schools/${world.schoolA1}/team/journal/entries`, { promptId: 'calm-need', body: `${marker} eerste versie` });
      expect(written.statusCode, written.body).toBe(201);
      entryId = written.json().id as string;
      const changed = await requestAs(test.app, teacher, 'PUT', `/api/schools/${world.schoolA1}/team/journal/entries/${entryId}`, { body: `${marker} rust voor de klas` });
      expect(changed.statusCode, changed.body).toBe(200);
      // The author's own downloads are audited: those rows must not carry the text either.
      expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/team/journal/export.json`)).body).toContain(marker);
      expect((await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/team/journal/export.txt`)).body).toContain(marker);
    });

    it('gives no other user the entry through any journal route, and leaves it in place', async () => {
      const journalRoutes = test.app.registeredRoutes.filter((route) => route.url.includes('/team/journal'));
      expect(journalRoutes.length).toBeGreaterThanOrEqual(7);
      for (const other of others()) {
        const session = await login(other.userId);
        for (const route of journalRoutes) {
          const url = urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }, { entryId });
          const body = route.hasBody ? { body: 'overschreven' } : undefined;
          const response = await requestAs(test.app, session, route.method as 'GET', url, body);
          const where = `${other.name}: ${route.method} ${url}`;
          expect(response.body, where).not.toContain(marker);
          if (route.url.includes(':entryId')) expect([403, 404], where).toContain(response.statusCode);
          // The collection routes answer 403, or work on the caller's OWN journal (a new entry of their own is theirs).
          else expect([200, 201, 204, 403], where).toContain(response.statusCode);
        }
      }
      const own = await requestAs(test.app, await as('teacher'), 'GET', `/api/schools/${world.schoolA1}/team/journal`);
      expect(own.json().entries.map((entry: { body: string }) => entry.body)).toEqual([`${marker} rust voor de klas`]);
    });

    it('shows the text to no other user on any GET route of the app, exports and the audit log included', async () => {
      const getRoutes = test.app.registeredRoutes.filter((route) => route.method === 'GET' && route.policy.access !== 'public' && route.policy.access !== 'device');
      const seen: string[] = [];
      for (const other of others()) {
        const session = await login(other.userId);
        for (const route of getRoutes) {
          for (const schoolId of [world.schoolA1, world.schoolB1]) {
            const url = urlFor(route, { boardId: schoolId === world.schoolA1 ? world.boardA : world.boardB, schoolId }, { entryId, userId: world.users.teacher.id });
            const response = await requestAs(test.app, session, 'GET', url);
            if (response.body.includes(marker)) seen.push(`${other.name}: GET ${url}`);
          }
        }
      }
      expect(seen).toEqual([]);
      // The same walk as the author finds the text, so the walk does reach it (the test can fail).
      const author = await as('teacher');
      const found: string[] = [];
      for (const route of getRoutes) {
        const response = await requestAs(test.app, author, 'GET', urlFor(route, { boardId: world.boardA, schoolId: world.schoolA1 }, { entryId, userId: world.users.teacher.id }));
        if (response.body.includes(marker)) found.push(route.url);
      }
      expect(found.sort()).toEqual(['/api/schools/:schoolId/team/journal', '/api/schools/:schoolId/team/journal/export.json', '/api/schools/:schoolId/team/journal/export.txt']);
      const audit = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'detail']).execute();
      expect(audit.some((row) => row.action === 'team.journal_exported')).toBe(true);
      expect(audit.filter((row) => JSON.stringify(row).includes(marker))).toEqual([]);
    });

    it('stores the text only encrypted', async () => {
      const rows = await test.deps.db.kysely.selectFrom('team_journal_entries').select('body_encrypted').execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.body_encrypted).toMatch(/^gw1:/);
      if (dialect === 'sqlite') {
        const path = test.deps.db.location;
        const bytes = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
        expect(bytes.includes(world.users.teacher.email)).toBe(true);
        expect(bytes.includes('JOURNAL-')).toBe(false);
      }
    });
  });
});
