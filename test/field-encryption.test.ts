import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../src/server/auth/sessions.service';
import { openFieldCrypto } from '../src/server/crypto/field-encryption';
import { newKeyText } from '../src/server/crypto/kek';
import { backupDatabase } from '../src/server/db/backup';
import { isoInstant } from '../src/server/deps';
import { shippedModelId } from '../src/server/features/selfscan/selfscan.service';
import { loadShippedModels } from '../src/server/features/selfscan/model-catalogue';
import { errorMessage } from '../src/server/i18n/messages';
import { aspectIdsOf } from '../src/shared/selfscan-model';
import { createTestApp, type Login, requestAs, type TestApp } from './support/test-app';
import { testDialects } from './support/test-db';
import { createWorld, type World } from './support/world';

// Issue 6, "Data protection": a self-scan note (free text that may describe a pupil) is stored
// encrypted. The canary writes a marker through the real route, proves the API still returns it,
// then proves the marker's bytes are nowhere on disk: SQLite file, WAL, backup, pg_dump.

const execFileAsync = promisify(execFile);
const model = loadShippedModels()[0]!;
const [ASPECT, OTHER_ASPECT] = aspectIdsOf(model) as [string, string];

describe.each(testDialects())('field encryption of self-scan notes on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let teacher: Login;
  let roundUrl: string;
  let dir: string;
  const marker = `CANARY-${randomBytes(8).toString('hex')}-notitie over een leerling`;
  // Stored in plain text on purpose (a round name): proves the byte search finds what is there.
  const control = `CONTROLE-${randomBytes(8).toString('hex')}`;

  const sessionOf = async (userId: string): Promise<Login> => {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, userId, { mfaVerifiedAt: isoInstant(test.clock.now()) });
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  };
  const ratingsInDb = () => test.deps.db.kysely.selectFrom('selfscan_ratings').selectAll().orderBy('aspect_id').execute();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    dir = mkdtempSync(join(tmpdir(), 'gw-canary-'));
    teacher = await sessionOf(world.users.teacher.id);
    const roundsUrl = `/api/schools/${world.schoolA1}/selfscan/rounds`;
    const created = await requestAs(test.app, await sessionOf(world.users.tsoLead.id), 'POST', roundsUrl, {
      name: `Zelfscan ${control}`,
      modelId: shippedModelId(model.id, model.version),
      opensOn: '2026-11-21',
      closesOn: '2026-11-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    roundUrl = `${roundsUrl}/${created.json().id}`;
  });
  afterAll(async () => {
    await test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns a note through the API but stores only a gw1 envelope', async () => {
    const saved = await requestAs(test.app, teacher, 'PUT', `${roundUrl}/ratings/${ASPECT}`, { phase: 2, note: marker });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().note).toBe(marker);
    const round = await requestAs(test.app, teacher, 'GET', roundUrl);
    expect(round.statusCode, round.body).toBe(200);
    expect(round.json().myAnswers).toEqual([{ aspectId: ASPECT, phase: 2, note: marker }]);
    const [row] = await ratingsInDb();
    expect(row?.note).toMatch(/^gw1:/);
    expect(row?.note).not.toContain('CANARY');
  });

  it.runIf(dialect === 'sqlite')('leaves no trace of the note in the SQLite file, its WAL or a backup', async () => {
    const path = test.deps.db.location;
    // Read before any checkpoint: the latest writes are still in the WAL.
    const wal = readFileSync(`${path}-wal`);
    const main = readFileSync(path);
    expect(wal.length).toBeGreaterThan(0);
    expect(Buffer.concat([main, wal]).includes(control)).toBe(true);
    expect(main.includes(marker)).toBe(false);
    expect(wal.includes(marker)).toBe(false);
    expect(main.includes('CANARY')).toBe(false);
    expect(wal.includes('CANARY')).toBe(false);

    const file = join(dir, 'backup.db');
    await backupDatabase(test.deps.db, file);
    const backup = readFileSync(file);
    expect(backup.includes(control)).toBe(true);
    expect(backup.includes('CANARY')).toBe(false);
  });

  it.runIf(dialect === 'postgres')('leaves no trace of the note in a pg_dump or a groeiwijzer backup', async () => {
    const { stdout: dump } = await execFileAsync('pg_dump', ['--format=plain', `--dbname=${test.database.url}`], { maxBuffer: 64 * 1024 * 1024 });
    expect(dump.includes(control)).toBe(true);
    expect(dump.includes('CANARY')).toBe(false);

    const file = join(dir, 'backup.pgdump');
    await backupDatabase(test.deps.db, file);
    // The backup is pg_dump's compressed custom format: turn it back into SQL text to search it.
    const { stdout: restored } = await execFileAsync('pg_restore', ['--file=-', file], { maxBuffer: 64 * 1024 * 1024 });
    expect(restored.includes(control)).toBe(true);
    expect(restored.includes('CANARY')).toBe(false);
  });

  it('answers 503 without the key, stores nothing, and serves the note again once the key is back', async () => {
    const working = test.deps.fieldCrypto;
    const missingKeyFile = join(dir, 'no-such.key');
    const withoutKey = [
      await openFieldCrypto({ db: test.deps.db, config: { key: undefined, keyFile: missingKeyFile } }),
      await openFieldCrypto({ db: test.deps.db, config: { key: newKeyText(), keyFile: undefined } }),
    ];
    const before = await ratingsInDb();
    try {
      for (const crypto of withoutKey) {
        expect(crypto.available).toBe(false);
        test.deps.fieldCrypto = crypto;
        for (const [aspect, note] of [[ASPECT, 'overschreven'], [OTHER_ASPECT, 'NIEUW-zonder-sleutel']] as const) {
          const write = await requestAs(test.app, teacher, 'PUT', `${roundUrl}/ratings/${aspect}`, { phase: 3, note });
          expect(write.statusCode, write.body).toBe(503);
          expect(write.json().error).toEqual({ code: 'encryption_unavailable', message: errorMessage('encryption_unavailable', 'nl') });
        }
        const read = await requestAs(test.app, teacher, 'GET', roundUrl);
        expect(read.statusCode, read.body).toBe(503);
        expect(read.body).not.toContain('CANARY');
        expect(await ratingsInDb()).toEqual(before);
      }
      expect(existsSync(missingKeyFile)).toBe(false);
    } finally {
      test.deps.fieldCrypto = working;
    }
    const again = await requestAs(test.app, teacher, 'GET', roundUrl);
    expect(again.statusCode).toBe(200);
    expect(again.json().myAnswers[0].note).toBe(marker);
  });
});
