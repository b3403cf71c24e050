import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { Journal, JournalEntry, JournalExport } from './journal.schemas';

// The private reflection journal: its author writes, reads, changes, downloads and deletes it; nobody else reaches it.
describe.each(testDialects())('the reflection journal on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const journal = (path = '') => `/api/schools/${world.schoolA1}/team/journal${path}`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function write(login: Login, body: object): Promise<JournalEntry> {
    const response = await requestAs(test.app, login, 'POST', journal('/entries'), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as JournalEntry;
  }
  async function read(login: Login): Promise<Journal> {
    const response = await requestAs(test.app, login, 'GET', journal());
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Journal;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    await test.deps.db.kysely.deleteFrom('team_journal_entries').execute();
  });

  it('keeps entries with an optional prompt, encrypted, and gives them back to their author only', async () => {
    const teacher = await as('teacher');
    const free = await write(teacher, { body: 'Vandaag ging de overgang naar de gym rustig.' });
    test.clock.advance(60_000);
    const prompted = await write(teacher, { promptId: 'calm-need', body: 'Een kop thee en vijf minuten stilte voor de bel.\n\nEn een plan B voor de ochtendkring.' });
    expect([free.promptId, prompted.promptId]).toEqual([null, 'calm-need']);
    expect((await read(teacher)).entries.map((entry) => entry.id)).toEqual([prompted.id, free.id]);
    expect((await read(teacher)).entries[0]!.body).toBe('Een kop thee en vijf minuten stilte voor de bel.\n\nEn een plan B voor de ochtendkring.');

    const stored = await test.deps.db.kysely.selectFrom('team_journal_entries').select('body_encrypted').execute();
    expect(stored.map((row) => row.body_encrypted)).toEqual([expect.stringMatching(/^gw1:/), expect.stringMatching(/^gw1:/)]);

    const unknownPrompt = await requestAs(test.app, teacher, 'POST', journal('/entries'), { promptId: 'no-such-prompt', body: 'x' });
    expect([unknownPrompt.statusCode, Object.keys(unknownPrompt.json().error.fields)]).toEqual([400, ['body.promptId']]);
    expect((await requestAs(test.app, teacher, 'POST', journal('/entries'), { body: '   ' })).statusCode).toBe(400);

    test.clock.advance(60_000);
    const changed = await requestAs(test.app, teacher, 'PUT', journal(`/entries/${free.id}`), { promptId: 'success-what', body: 'De overgang ging rustig omdat ik het vooraf aankondigde.' });
    expect(changed.json()).toMatchObject({ id: free.id, promptId: 'success-what', body: 'De overgang ging rustig omdat ik het vooraf aankondigde.', createdAt: free.createdAt });
    expect((changed.json() as JournalEntry).updatedAt > free.updatedAt).toBe(true);

    // Every other staff member of the school has a journal of their own, and finds nothing of the teacher's.
    for (const key of ['schoolAdmin', 'leadership', 'tsoLead', 'careTeam'] as const) {
      const login = await as(key);
      expect((await read(login)).entries).toEqual([]);
      expect((await requestAs(test.app, login, 'PUT', journal(`/entries/${free.id}`), { body: 'overschreven' })).statusCode).toBe(404);
      expect((await requestAs(test.app, login, 'DELETE', journal(`/entries/${free.id}`))).statusCode).toBe(404);
      // Deleting "everything" deletes only their own (none): the teacher's entries stay.
      expect((await requestAs(test.app, login, 'DELETE', journal('/entries'))).statusCode).toBe(204);
    }
    expect((await read(teacher)).entries).toHaveLength(2);
  });

  it('downloads the journal as JSON and as text, and deletes one entry or everything, auditing counts without text', async () => {
    const teacher = await as('teacher');
    const first = await write(teacher, { promptId: 'level-mission', body: 'Ik wil dat Sem zich hier veilig voelt.' });
    test.clock.advance(60_000);
    await write(teacher, { body: 'Tweede stukje.' });

    const json = await requestAs(test.app, teacher, 'GET', journal('/export.json'));
    expect([json.statusCode, json.headers['content-disposition']]).toEqual([200, 'attachment; filename="mijn-reflectie.json"']);
    const data = json.json() as JournalExport;
    expect(data.entries.map((entry) => [entry.body, entry.prompt])).toEqual([
      ['Tweede stukje.', null],
      ['Ik wil dat Sem zich hier veilig voelt.', 'Missie: waarvoor doe ik dit werk, en wat wil ik voor deze kinderen betekenen?'],
    ]);
    const text = await requestAs(test.app, teacher, 'GET', journal('/export.txt?lang=en'));
    expect([text.statusCode, text.headers['content-type'], text.headers['content-disposition']]).toEqual([200, 'text/plain; charset=utf-8', 'attachment; filename="mijn-reflectie.txt"']);
    expect(text.body).toContain('My reflection');
    expect(text.body).toContain('Mission: why do I do this work, and what do I want to mean for these children?\n\nIk wil dat Sem zich hier veilig voelt.');

    expect((await requestAs(test.app, teacher, 'DELETE', journal(`/entries/${first.id}`))).statusCode).toBe(204);
    expect((await read(teacher)).entries.map((entry) => entry.body)).toEqual(['Tweede stukje.']);
    expect((await requestAs(test.app, teacher, 'DELETE', journal(`/entries/${first.id}`))).statusCode).toBe(404);
    expect((await requestAs(test.app, teacher, 'DELETE', journal('/entries'))).statusCode).toBe(204);
    expect((await read(teacher)).entries).toEqual([]);

    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'actor_user_id', 'target_type', 'detail']).where('action', 'like', 'team.journal%').where('actor_user_id', '=', world.users.teacher.id).orderBy('seq').execute();
    expect(events.map((event) => [event.action, event.actor_user_id, event.target_type, JSON.parse(event.detail ?? '{}')])).toEqual([
      ['team.journal_exported', world.users.teacher.id, 'team_journal', { format: 'json', entries: 2 }],
      ['team.journal_exported', world.users.teacher.id, 'team_journal', { format: 'text', entries: 2 }],
      ['team.journal_entry_deleted', world.users.teacher.id, 'team_journal', { entries: 1 }],
      ['team.journal_deleted', world.users.teacher.id, 'team_journal', { entries: 1 }],
    ]);
  });

  it('refuses every journal route to a board admin and to people of another school', async () => {
    const entry = await write(await as('teacher'), { body: 'Alleen van mij.' });
    for (const key of ['boardAdmin', 'teacherOtherSchool', 'boardAdminOtherBoard', 'schoolAdminOtherBoard'] as const) {
      const login = await as(key);
      for (const [method, path] of [['GET', ''], ['GET', '/export.json'], ['GET', '/export.txt'], ['DELETE', `/entries/${entry.id}`], ['DELETE', '/entries']] as const) {
        expect((await requestAs(test.app, login, method, journal(path))).statusCode, `${key} ${method} ${path}`).toBe(403);
      }
    }
  });
});
