import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';
import { issueUserToken } from './auth.service';
import { isWeakPassword } from './password-policy';
import { verifyPassword } from './passwords';

describe('isWeakPassword', () => {
  it('refuses passwords from the shipped list of common and leaked passwords, whatever their case', () => {
    for (const password of ['password', 'Password', '12345678', 'qwertyuiop', 'iloveyou', 'sunshine', 'wachtwoord']) {
      expect(isWeakPassword(password), password).toBe(true);
    }
  });

  it('sees through digits and punctuation tacked on at the end', () => {
    expect(isWeakPassword('Welkom2026!')).toBe(true);
    expect(isWeakPassword('wachtwoord123')).toBe(true);
    expect(isWeakPassword('Groeiwijzer1')).toBe(true);
  });

  it('refuses the person’s own address, its local part and their name', () => {
    const context = { email: 'marieke.jansen@school.nl', name: 'Marieke Jansen' };
    expect(isWeakPassword('marieke.jansen@school.nl', context)).toBe(true);
    expect(isWeakPassword('Marieke.Jansen', context)).toBe(true);
    expect(isWeakPassword('marieke jansen', context)).toBe(true);
    expect(isWeakPassword('Jansen2026', context)).toBe(true);
    expect(isWeakPassword('marieke.jansen@school.nl', {})).toBe(false);
  });

  it('accepts long passphrases without composition rules', () => {
    for (const password of ['drie kopjes thee op het plein', 'fiets-regen-appel-lamp', WORLD_PASSWORD, 'x'.repeat(64)]) {
      expect(isWeakPassword(password), password).toBe(false);
    }
  });
});

describe.each(testDialects())('weak passwords refused by the routes on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('refuses a common password at reset with a clear code, and leaves the link usable', async () => {
    const token = await issueUserToken(test.deps.db.kysely, test.deps, world.users.teacher.id, 'reset');
    const weak = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'Welkom2026!' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'password_too_common', fields: { 'body.password': ['password_too_common'] } });
    const user = await test.deps.db.kysely.selectFrom('users').select('password_hash').where('id', '=', world.users.teacher.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, WORLD_PASSWORD)).toBe(true);

    const good = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'een zin die niemand raadt' } });
    expect(good.statusCode).toBe(200);
  });
});

describe.each(testDialects())('first-run setup on %s', (dialect) => {
  it('refuses the administrator’s own address as password and creates nothing', async () => {
    const test = await createTestApp(dialect);
    try {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: {
          boardName: 'Stichting Test',
          schoolName: 'De Test',
          schoolKind: 'primary',
          adminName: 'Ada Admin',
          adminEmail: 'ada@test.nl',
          adminPassword: 'ada@test.nl',
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('password_too_common');
      expect(await test.deps.db.kysely.selectFrom('boards').select('id').execute()).toEqual([]);
    } finally {
      await test.close();
    }
  });
});
