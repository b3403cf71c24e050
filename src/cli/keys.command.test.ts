import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/support/test-db';
import { openFieldCrypto } from '../server/crypto/field-encryption';
import type { FieldCrypto } from '../server/crypto/field-crypto';
import { decodeKey } from '../server/crypto/kek';
import { isoInstant, newId } from '../server/deps';
import { CliError } from './cli-arguments';
import { runKeys } from './keys.command';

const quiet = () => undefined;
const secretRef = (userId: string) => ({ table: 'user_mfa', column: 'secret_encrypted', rowId: userId });

describe('keys generate', () => {
  it('writes a new 32-byte key readable by the owner only, and never overwrites one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-keys-'));
    try {
      const file = join(dir, 'new.key');
      await runKeys(['generate', file], {}, quiet);
      expect(decodeKey(readFileSync(file, 'utf8'))).toHaveLength(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const before = readFileSync(file, 'utf8');
      await expect(runKeys(['generate', file], {}, quiet)).rejects.toBeInstanceOf(CliError);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testDialects())('key rotation on %s', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  let keyA: string;
  let keyB: string;
  let envA: NodeJS.ProcessEnv;
  let running: FieldCrypto;
  const secrets = new Map<string, string>();

  const stored = async (userId: string) =>
    (await database.db.kysely.selectFrom('user_mfa').select('secret_encrypted').where('user_id', '=', userId).executeTakeFirstOrThrow()).secret_encrypted;
  const dataKeys = () => database.db.kysely.selectFrom('data_keys').selectAll().orderBy('created_at').execute();
  const openWith = (keyFile: string) => openFieldCrypto({ db: database.db, config: { key: undefined, keyFile } });
  const expectAllReadable = async (crypto: FieldCrypto) => {
    for (const [userId, secret] of secrets) expect(await crypto.decrypt(secretRef(userId), await stored(userId))).toBe(secret);
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'gw-rotate-'));
    keyA = join(dir, 'a.key');
    keyB = join(dir, 'b.key');
    await runKeys(['generate', keyA], {}, quiet);
    await runKeys(['generate', keyB], {}, quiet);
    envA = { DATABASE_URL: database.url, GROEIWIJZER_KEY_FILE: keyA };
    running = await openWith(keyA);
    const now = isoInstant(new Date());
    for (const secret of ['FIRSTSECRETAAAA', 'SECONDSECRETBBB', 'THIRDSECRETCCCC']) {
      const id = newId();
      await database.db.kysely.insertInto('users').values({ id, email: `${id}@keys.test`, name: 'Keys', password_hash: null, locale: 'nl', disabled_at: null, created_at: now }).execute();
      await database.db.kysely
        .insertInto('user_mfa')
        .values({ user_id: id, secret_encrypted: await running.encrypt(secretRef(id), secret), confirmed_at: null, last_used_step: null, failed_attempts: 0, last_failed_at: null, created_at: now })
        .execute();
      secrets.set(id, secret);
    }
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rotate-data-key re-encrypts every value with a new data key and retires the old one', async () => {
    const [oldKey] = await dataKeys();
    const before = new Map(await Promise.all([...secrets.keys()].map(async (id) => [id, await stored(id)] as const)));
    const lines: string[] = [];
    await runKeys(['rotate-data-key'], envA, (line) => lines.push(line));
    expect(lines.join()).toMatch(/re-encrypted 3 value\(s\), retired 1 older key/);

    const keys = await dataKeys();
    expect(keys).toHaveLength(2);
    expect(keys.find((row) => row.id === oldKey?.id)?.retired_at).not.toBeNull();
    const active = keys.find((row) => row.retired_at === null);
    for (const [id, old] of before) {
      const now = await stored(id);
      expect(now).not.toBe(old);
      expect(now.startsWith(`gw1:${active?.id}:`)).toBe(true);
    }
    // Readable by a fresh start and by a server that was running (it loads the new data key on sight).
    await expectAllReadable(await openWith(keyA));
    await expectAllReadable(running);
  });

  it('rotate-kek re-wraps the data keys: the new key opens the data, the old key no longer does', async () => {
    const valuesBefore = await Promise.all([...secrets.keys()].map(stored));
    await runKeys(['rotate-kek', '--new-key-file', keyB], envA, quiet);
    expect(await Promise.all([...secrets.keys()].map(stored))).toEqual(valuesBefore);

    expect((await openWith(keyA)).available).toBe(false);
    const withB = await openWith(keyB);
    expect(withB.available).toBe(true);
    await expectAllReadable(withB);
  });

  it('refuses to rotate with a current key that does not match, changing nothing', async () => {
    const before = await dataKeys();
    const keyC = join(dir, 'c.key');
    await runKeys(['generate', keyC], {}, quiet);
    await expect(runKeys(['rotate-kek', '--new-key-file', keyC], envA, quiet)).rejects.toThrow(/not the key/);
    await expect(runKeys(['rotate-data-key'], envA, quiet)).rejects.toThrow(/not the key/);
    expect(await dataKeys()).toEqual(before);
    await expectAllReadable(await openWith(keyB));
  });
});
