// How long login and password-reset requests take for a known and an unknown address, measured in the
// same run on the real app (SQLite), so a difference an attacker could use to enumerate accounts shows up
// as a ratio. Issue 6: "the same answer and similar timing for known and unknown addresses". Not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { hashPassword } from '../src/server/auth/passwords';
import { loadConfig } from '../src/server/config';
import { createFieldCryptoForConfig } from '../src/server/crypto/field-encryption';
import { createDb } from '../src/server/db/create-db';
import { migrateToLatest } from '../src/server/db/migrate';
import { type Deps, isoInstant, newId, systemClock } from '../src/server/deps';
import { createOutboxMailer } from '../src/server/mail/mailer';

const RUNS = 40;
const WARM_UP_RUNS = 5;
const KNOWN = 'bekend@bench.test';
const UNKNOWN = 'onbekend@bench.test';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-login-'));
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: `sqlite:${join(dir, 'bench.db')}`, loginRateLimitPerMinute: 10_000, mfaRequired: false };
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const fieldCrypto = await createFieldCryptoForConfig(config, db);
    const deps: Deps = { config, db, clock: systemClock, mailer: createOutboxMailer(db.kysely, systemClock), fieldCrypto };
    await db.kysely
      .insertInto('users')
      .values({ id: newId(), email: KNOWN, name: 'Bench', password_hash: await hashPassword('het echte wachtwoord'), locale: 'nl', disabled_at: null, created_at: isoInstant(new Date()) })
      .execute();
    const app = await buildApp(deps, { logger: false });
    // Known and unknown requests alternate (in turn first), so a busy moment of the machine hits both alike.
    const comparePair = async (label: string, known: () => Promise<{ statusCode: number }>, unknown: () => Promise<{ statusCode: number }>, status: number) => {
      const times = { known: [] as number[], unknown: [] as number[] };
      for (let run = 0; run < RUNS + WARM_UP_RUNS; run += 1) {
        const order = run % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
        for (const which of order) {
          const start = performance.now();
          const response = await (which === 'known' ? known : unknown)();
          if (response.statusCode !== status) throw new Error(`${label} (${which}): ${response.statusCode}`);
          if (run >= WARM_UP_RUNS) times[which].push(performance.now() - start);
        }
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const [knownMs, unknownMs] = [median(times.known), median(times.unknown)];
      console.log(`${label.padEnd(16)} known ${knownMs.toFixed(1).padStart(6)} ms   unknown ${unknownMs.toFixed(1).padStart(6)} ms   ratio ${(unknownMs / knownMs).toFixed(2)}`);
    };
    const login = (email: string) => () => app.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'een verkeerd wachtwoord' } });
    const reset = (email: string) => () => app.inject({ method: 'POST', url: '/api/password-resets', payload: { email } });
    console.log(`Median time of ${RUNS} requests each after ${WARM_UP_RUNS} warm-up runs (SQLite, outbox mail); ratio 1.00 = indistinguishable`);
    await comparePair('login (wrong)', login(KNOWN), login(UNKNOWN), 401);
    await comparePair('reset request', reset(KNOWN), reset(UNKNOWN), 202);
    await app.close();
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
