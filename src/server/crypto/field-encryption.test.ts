import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db';
import { isoInstant, newId } from '../deps';
import { AppError } from '../errors';
import { openFieldCrypto } from './field-encryption';
import type { FieldCrypto } from './field-crypto';
import { defaultKeyFilePath, newKeyText } from './kek';

const secretRef = (userId: string) => ({ table: 'user_mfa', column: 'secret_encrypted', rowId: userId });

async function addUserWithSecret(database: TestDatabase, secret: string, crypto?: FieldCrypto): Promise<string> {
  const id = newId();
  const now = isoInstant(new Date());
  await database.db.kysely
    .insertInto('users')
    .values({ id, email: `${id}@crypto.test`, name: 'Crypto Test', password_hash: null, locale: 'nl', disabled_at: null, created_at: now })
    .execute();
  const stored = crypto ? await crypto.encrypt(secretRef(id), secret) : secret;
  await database.db.kysely
    .insertInto('user_mfa')
    .values({ user_id: id, secret_encrypted: stored, confirmed_at: null, last_used_step: null, failed_attempts: 0, last_failed_at: null, created_at: now })
    .execute();
  return id;
}

async function storedSecret(database: TestDatabase, userId: string): Promise<string> {
  const row = await database.db.kysely.selectFrom('user_mfa').select('secret_encrypted').where('user_id', '=', userId).executeTakeFirstOrThrow();
  return row.secret_encrypted;
}

async function dataKeyCount(database: TestDatabase): Promise<number> {
  return (await database.db.kysely.selectFrom('data_keys').select('id').execute()).length;
}

async function expectUnavailable(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('encryption_unavailable');
  expect((error as AppError).statusCode).toBe(503);
}

describe.each(testDialects())('field encryption on %s', (dialect) => {
  let database: TestDatabase;
  const key = newKeyText();
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('makes one data key on first open, reuses it on the next, and round-trips values', async () => {
    const first = await openFieldCrypto({ db: database.db, config: { key, keyFile: undefined } });
    expect(first.available).toBe(true);
    expect(await dataKeyCount(database)).toBe(1);
    const userId = await addUserWithSecret(database, 'JBSWY3DPEHPK3PXP', first);
    const stored = await storedSecret(database, userId);
    expect(stored).toMatch(/^gw1:/);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');

    const second = await openFieldCrypto({ db: database.db, config: { key, keyFile: undefined } });
    expect(await dataKeyCount(database)).toBe(1);
    expect(await second.decrypt(secretRef(userId), stored)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('fails closed with a wrong key: unavailable, every call refused, no new data key', async () => {
    const errors: string[] = [];
    const wrong = await openFieldCrypto({ db: database.db, config: { key: newKeyText(), keyFile: undefined }, logger: { error: (m) => errors.push(m), info: () => undefined } });
    expect(wrong.available).toBe(false);
    expect(errors.join()).toMatch(/UNAVAILABLE.*not the key/);
    await expectUnavailable(wrong.encrypt(secretRef('x'), 'geheim'));
    await expectUnavailable(wrong.decrypt(secretRef('x'), 'gw1:a:b:c'));
    expect(await dataKeyCount(database)).toBe(1);
  });

  it('fails closed when a configured key file is missing, and never creates it', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'gw-key-')), 'absent.key');
    const crypto = await openFieldCrypto({ db: database.db, config: { key: undefined, keyFile: missing } });
    expect(crypto.available).toBe(false);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a value copied to another row in the database', async () => {
    const crypto = await openFieldCrypto({ db: database.db, config: { key, keyFile: undefined } });
    const alice = await addUserWithSecret(database, 'ALICESECRET', crypto);
    const bob = await addUserWithSecret(database, 'BOBSECRET', crypto);
    const alicesValue = await storedSecret(database, alice);
    await database.db.kysely.updateTable('user_mfa').set({ secret_encrypted: alicesValue }).where('user_id', '=', bob).execute();
    expect(await crypto.decrypt(secretRef(alice), alicesValue)).toBe('ALICESECRET');
    await expect(crypto.decrypt(secretRef(bob), await storedSecret(database, bob))).rejects.toThrow(/authentication failed/);
  });

  it('refuses to encrypt for a column that is not in the registry', async () => {
    const crypto = await openFieldCrypto({ db: database.db, config: { key, keyFile: undefined } });
    await expect(crypto.encrypt({ table: 'users', column: 'name', rowId: '1' }, 'x')).rejects.toThrow(/ENCRYPTED_COLUMNS/);
  });

  it('encrypts plain text stored before the column was encrypted, at open', async () => {
    const userId = await addUserWithSecret(database, 'OLDPLAINSECRET');
    expect(await storedSecret(database, userId)).toBe('OLDPLAINSECRET');
    const crypto = await openFieldCrypto({ db: database.db, config: { key, keyFile: undefined } });
    const stored = await storedSecret(database, userId);
    expect(stored).toMatch(/^gw1:/);
    expect(await crypto.decrypt(secretRef(userId), stored)).toBe('OLDPLAINSECRET');
  });
});

describe.runIf(testDialects().includes('postgres'))('field encryption on postgres without a key', () => {
  it('is unavailable and makes no data key (PostgreSQL needs an explicit key)', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const crypto = await openFieldCrypto({ db: database.db, config: { key: undefined, keyFile: undefined } });
      expect(crypto.available).toBe(false);
      expect(await dataKeyCount(database)).toBe(0);
    } finally {
      await database.drop();
    }
  });
});

describe('the default key file next to a SQLite database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database.drop());
  const noKey = { key: undefined, keyFile: undefined };

  it('is created with mode 0600 for a database without data keys, and never again over existing data', async () => {
    const keyFile = defaultKeyFilePath(database.db.location);
    expect(existsSync(keyFile)).toBe(false);
    const crypto = await openFieldCrypto({ db: database.db, config: noKey });
    expect(crypto.available).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const userId = await addUserWithSecret(database, 'DEFAULTKEYSECRET', crypto);

    const original = readFileSync(keyFile);
    rmSync(keyFile);
    expect((await openFieldCrypto({ db: database.db, config: noKey })).available).toBe(false);
    expect(existsSync(keyFile)).toBe(false);

    writeFileSync(keyFile, `${newKeyText()}\n`, { mode: 0o600 });
    expect((await openFieldCrypto({ db: database.db, config: noKey })).available).toBe(false);

    writeFileSync(keyFile, original);
    const restored = await openFieldCrypto({ db: database.db, config: noKey });
    expect(await restored.decrypt(secretRef(userId), await storedSecret(database, userId))).toBe('DEFAULTKEYSECRET');
  });
});
