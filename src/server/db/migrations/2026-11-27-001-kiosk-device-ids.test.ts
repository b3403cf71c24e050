import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../../test/support/test-db';
import { isoInstant, newId } from '../../deps';
import { down, up } from './2026-11-27-001-kiosk-device-ids';

describe.each(testDialects())('the kiosk device ids migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.drop());

  it('keeps open kiosks through down and up, giving each its own id, and keeps the secret hash unique', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the table has the other shape between down and up
    const db = database.db.kysely as any;
    const now = isoInstant(new Date());
    const [boardId, schoolId, classId] = [newId(), newId(), newId()];
    await db.insertInto('boards').values({ id: boardId, name: 'Bestuur', min_group_size: 5, created_at: now }).execute();
    await db.insertInto('schools').values({ id: schoolId, board_id: boardId, name: 'School', kind: 'primary', created_at: now }).execute();
    await db.insertInto('classes').values({ id: classId, school_id: schoolId, location_id: null, school_year: '2026-2027', name: 'Groep 5', created_at: now }).execute();

    await down(db);
    const kiosk = { class_id: classId, csrf_token: 'csrf', opened_by: null, created_at: now, expires_at: now };
    await db.insertInto('kiosk_devices').values([{ id_hash: 'hash-a', ...kiosk }, { id_hash: 'hash-b', ...kiosk }]).execute();

    await up(db);
    const rows: { id: string; id_hash: string }[] = await db.selectFrom('kiosk_devices').select(['id', 'id_hash']).orderBy('id_hash').execute();
    expect(rows.map((row) => row.id_hash)).toEqual(['hash-a', 'hash-b']);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2);
    for (const row of rows) expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(db.insertInto('kiosk_devices').values({ id: newId(), id_hash: 'hash-a', ...kiosk }).execute()).rejects.toThrow();

    await down(db);
    expect(await db.selectFrom('kiosk_devices').select('id_hash').orderBy('id_hash').execute()).toEqual([{ id_hash: 'hash-a' }, { id_hash: 'hash-b' }]);
    await up(db);
  });
});
