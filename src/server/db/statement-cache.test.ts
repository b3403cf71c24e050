import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

// The prepared-statement cache under Kysely's SQLite dialect: the same text gets the same statement, a statement that
// is still being read is never handed out twice, the cache stays bounded, and a changed table is read as it is now.

describe('the prepared-statement cache', () => {
  let database: SQLite.Database;
  afterEach(() => {
    if (database.open) database.close();
  });

  function open(limit?: number) {
    database = new SQLite(':memory:');
    database.exec('create table t (id integer primary key, name text)');
    const prepared: string[] = [];
    const original = database.prepare.bind(database);
    database.prepare = ((text: string) => {
      prepared.push(text);
      return original(text);
    }) as typeof database.prepare;
    return { cached: withStatementCache(database, limit), prepared };
  }

  it('prepares a text once and hands the same statement out again', () => {
    const { cached, prepared } = open();
    const insert = cached.prepare('insert into t (name) values (?)');
    insert.run(['a']);
    expect(cached.prepare('insert into t (name) values (?)')).toBe(insert);
    cached.prepare('insert into t (name) values (?)').run(['b']);
    expect(cached.prepare('select name from t order by id').all([])).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(prepared).toEqual(['insert into t (name) values (?)', 'select name from t order by id']);
  });

  it('never hands out a statement that is still being read', () => {
    const { cached } = open();
    database.exec("insert into t (name) values ('a'), ('b')");
    const text = 'select name from t order by id';
    const kept = cached.prepare(text);
    const rows = kept.iterate([]);
    expect(rows.next().value).toEqual({ name: 'a' });
    // Resetting it now would cut the first read short; better-sqlite3 runs nothing else meanwhile, but may prepare.
    expect(cached.prepare(text)).not.toBe(kept);
    expect(rows.next().value).toEqual({ name: 'b' });
    expect(rows.next().done).toBe(true);
    expect(cached.prepare(text)).toBe(kept);
  });

  it('keeps at most its limit, letting the least recently used go', () => {
    const { cached, prepared } = open(2);
    const texts = ['select 1', 'select 2', 'select 3'];
    for (const text of texts) cached.prepare(text);
    cached.prepare('select 3');
    cached.prepare('select 2');
    expect(prepared).toEqual(texts);
    cached.prepare('select 1');
    expect(prepared).toEqual([...texts, 'select 1']);
  });

  it('reads a table as it is after its columns changed', () => {
    const { cached } = open();
    database.exec("insert into t (name) values ('a')");
    expect(cached.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'a' }]);
    database.exec("alter table t add column note text default 'x'");
    expect(cached.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'a', note: 'x' }]);
  });

  it('serves Kysely, a streamed query and the same query again included', async () => {
    const { cached, prepared } = open();
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: cached }) });
    for (const name of ['a', 'b', 'c']) await db.insertInto('t').values({ name } as never).execute();
    const names = () => db.selectFrom('t').select('name').orderBy('id');
    const seen: string[] = [];
    for await (const row of names().stream()) seen.push(row.name);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(await names().execute()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows).toEqual([{ n: 3 }]);
    // One insert text, one select text, one count: each prepared once.
    expect(prepared.length).toBe(3);
    await db.destroy();
  });
});
