// How long login, password-reset and invitation requests take for a known and an unknown address, measured in
// the same run on the real app (SQLite), so a difference an attacker could use to enumerate accounts shows up
// as a ratio. Issue 6: "the same answer and similar timing for known and unknown addresses"; the hardening
// issue: inviting an address "learns nothing about whether the address exists — same answer, same timing".
// Not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { hashPassword } from '../src/server/auth/passwords';
import { startSession } from '../src/server/auth/sessions.service';
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
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: `sqlite:${join(dir, 'bench.db')}`, loginRateLimitPerMinute: 10_000, mfaRequired: false, publicUrl: 'http://localhost:3000' };
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const fieldCrypto = await createFieldCryptoForConfig(config, db);
    const deps: Deps = { config, db, clock: systemClock, mailer: createOutboxMailer({ db: db.kysely, clock: systemClock, fieldCrypto }), fieldCrypto };
    const now = isoInstant(new Date());
    // The known address belongs to another board than the inviting school's: the case finding 1 was about.
    const [homeBoard, schoolBoard, schoolId, adminId] = [newId(), newId(), newId(), newId()];
    await db.kysely.insertInto('boards').values([
      { id: homeBoard, name: 'Thuisbestuur', min_group_size: 5, created_at: now },
      { id: schoolBoard, name: 'Ander bestuur', min_group_size: 5, created_at: now },
    ]).execute();
    await db.kysely.insertInto('schools').values({ id: schoolId, board_id: schoolBoard, name: 'School', kind: 'primary', created_at: now }).execute();
    const passwordHash = await hashPassword('het echte wachtwoord');
    await db.kysely
      .insertInto('users')
      .values([
        { id: newId(), email: KNOWN, name: 'Bench', password_hash: passwordHash, locale: 'nl', disabled_at: null, created_at: now, home_board_id: homeBoard },
        { id: adminId, email: 'beheer@bench.test', name: 'Beheer', password_hash: passwordHash, locale: 'nl', disabled_at: null, created_at: now, home_board_id: schoolBoard },
      ])
      .execute();
    await db.kysely.insertInto('school_memberships').values({ school_id: schoolId, user_id: adminId, role: 'school_admin', created_at: now }).execute();
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
    const session = await startSession(db.kysely, systemClock, config, adminId);
    let fresh = 0;
    const invite = (email: () => string) => () =>
      app.inject({
        method: 'POST',
        url: `/api/schools/${schoolId}/invitations`,
        headers: { cookie: `__Host-gw_session=${session.token}`, 'x-csrf-token': session.csrfToken },
        payload: { email: email(), name: 'Nieuwe collega', roles: ['teacher'], classIds: [] },
      });
    console.log(`Median time of ${RUNS} requests each after ${WARM_UP_RUNS} warm-up runs (SQLite, outbox mail); ratio 1.00 = indistinguishable`);
    await comparePair('login (wrong)', login(KNOWN), login(UNKNOWN), 401);
    await comparePair('reset request', reset(KNOWN), reset(UNKNOWN), 202);
    // Every unknown address is new (an invited address has an account afterwards).
    await comparePair('invitation', invite(() => KNOWN), invite(() => `nieuw-${(fresh += 1)}@bench.test`), 201);
    await app.close();
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
