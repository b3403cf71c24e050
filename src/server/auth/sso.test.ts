import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcAccount, type TestOidcProvider } from '../../../test/support/oidc-provider';
import { createTestApp, type Login, requestAs, sessionCookieOf, sessionFor, TEST_PUBLIC_URL, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';
import type { AuditAction } from '../audit/audit.service';
import { SSO_ATTEMPT_COOKIE, SSO_ATTEMPT_MINUTES } from './oidc-sign-in';

// School sign-in against a real OpenID Connect provider (oidc-provider on 127.0.0.1): the whole code flow driven
// by hand — the app's start, the provider's redirects, its sign-in form, back to the login page's POST — and every
// refusal the issue names. The world's accounts all have @world.test addresses; board A signs in through the provider.

const TEACHER: TestOidcAccount = { sub: 'sub-teacher', email: 'teacher@world.test', emailVerified: true, name: 'Teacher' };
const SCHOOL_ADMIN_WITH_MFA: TestOidcAccount = { sub: 'sub-school-admin', email: 'schooladmin@world.test', emailVerified: true, name: 'School admin', amr: ['pwd', 'mfa'] };
const LEADERSHIP_PASSWORD_ONLY: TestOidcAccount = { sub: 'sub-leadership', email: 'leadership@world.test', emailVerified: true, name: 'Leadership', amr: ['pwd'] };
const CARE_TEAM_UNVERIFIED: TestOidcAccount = { sub: 'sub-care', email: 'careteam@world.test', emailVerified: false, name: 'Care team' };
const OTHER_DOMAIN: TestOidcAccount = { sub: 'sub-elsewhere', email: 'teacher@elders.test', emailVerified: true, name: 'Elsewhere' };
const NO_ACCOUNT: TestOidcAccount = { sub: 'sub-nobody', email: 'nobody@world.test', emailVerified: true, name: 'Nobody' };
const OTHER_BOARD: TestOidcAccount = { sub: 'sub-other-board', email: 'schooladminotherboard@world.test', emailVerified: true, name: 'Other board' };

let provider: TestOidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: [`${TEST_PUBLIC_URL}/inloggen`],
    accounts: [TEACHER, SCHOOL_ADMIN_WITH_MFA, LEADERSHIP_PASSWORD_ONLY, CARE_TEAM_UNVERIFIED, OTHER_DOMAIN, NO_ACCOUNT, OTHER_BOARD],
  });
});
afterAll(async () => provider.close());

/** A browser's cookies at the provider, kept by hand between fetches. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

describe.each(testDialects())('school sign-in (OpenID Connect) on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let boardAdmin: Login;

  beforeAll(async () => {
    test = await createTestApp(dialect, { config: { mfaRequired: true } });
    world = await createWorld(test, { mfa: true });
    boardAdmin = await sessionFor(test, world.users.boardAdmin.id, { mfaVerified: true });
    const saved = await requestAs(test.app, boardAdmin, 'PUT', `/api/boards/${world.boardA}/sso`, settings());
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(async () => test.close());
  beforeEach(() => {
    provider.tamperIdTokens = false;
  });

  function settings(changes: Record<string, unknown> = {}) {
    return {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      allowedDomains: ['world.test'],
      ssoOnly: false,
      enabled: true,
      ...changes,
    };
  }

  /** The app's start, then the provider until it sends the browser back to the login page: the query it carries. */
  async function throughProvider(typedEmail: string, accountEmail: string): Promise<{ callbackQuery: string; attemptCookie: string }> {
    const started = await test.app.inject({ method: 'POST', url: '/api/auth/sso/start', payload: { email: typedEmail } });
    expect(started.statusCode, started.body).toBe(200);
    const attemptCookie = cookieOf(started, SSO_ATTEMPT_COOKIE);
    const jar = new CookieJar();
    let url = new URL(started.json().redirectUrl as string);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (let hop = 0; hop < 10; hop += 1) {
      let response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.keep(response);
      if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
        // The provider's sign-in form: the person types the address of their school account.
        response = await fetch(new URL(`${url.pathname}/login`, provider.issuer), {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email: accountEmail }).toString(),
        });
        jar.keep(response);
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`);
      url = new URL(location, url);
      if (url.href.startsWith(`${TEST_PUBLIC_URL}/inloggen`)) return { callbackQuery: url.search, attemptCookie };
    }
    throw new Error('the provider never sent the browser back');
  }

  function complete(callbackQuery: string, attemptCookie: string | null) {
    return test.app.inject({
      method: 'POST',
      url: '/api/auth/sso/complete',
      payload: { callbackQuery },
      headers: attemptCookie ? { cookie: attemptCookie } : {},
    });
  }

  async function signIn(typedEmail: string, accountEmail = typedEmail): Promise<LightMyRequestResponse> {
    const { callbackQuery, attemptCookie } = await throughProvider(typedEmail, accountEmail);
    return complete(callbackQuery, attemptCookie);
  }

  async function auditEvents(action: AuditAction) {
    return test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('occurred_at').execute();
  }

  function expectRefused(response: LightMyRequestResponse, code: string): void {
    expect(response.json().error.code, response.body).toBe(code);
    expect(JSON.stringify(response.headers['set-cookie'] ?? '')).not.toContain('__Host-gw_session=');
  }

  describe('signing in', () => {
    it('links an account the first time by its verified address, and by the identity after that', async () => {
      const first = await signIn(TEACHER.email);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().user.id).toBe(world.users.teacher.id);
      expect(first.json().mfa.status).toBe('complete');
      const session = { cookie: sessionCookieOf(first), csrfToken: first.json().csrfToken as string };
      expect((await requestAs(test.app, session, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(200);

      const identity = await test.deps.db.kysely.selectFrom('sso_identities').selectAll().where('user_id', '=', world.users.teacher.id).executeTakeFirstOrThrow();
      expect(identity).toMatchObject({ issuer: provider.issuer, subject: TEACHER.sub, board_id: world.boardA });
      expect((await auditEvents('auth.sso_linked')).filter((event) => event.target_id === world.users.teacher.id)).toHaveLength(1);

      const again = await signIn(TEACHER.email);
      expect(again.statusCode).toBe(200);
      expect((await auditEvents('auth.sso_linked')).filter((event) => event.target_id === world.users.teacher.id)).toHaveLength(1);
      const succeeded = (await auditEvents('auth.login_succeeded')).filter((event) => event.target_id === world.users.teacher.id);
      expect(succeeded.map((event) => JSON.parse(event.detail ?? '{}').method)).toEqual(['sso', 'sso']);
    });

    it('counts the provider’s two-step verification (amr) and asks Groeiwijzer’s own code otherwise', async () => {
      const withMfa = await signIn(SCHOOL_ADMIN_WITH_MFA.email);
      expect(withMfa.statusCode, withMfa.body).toBe(200);
      expect(withMfa.json().mfa.status).toBe('complete');
      expect(withMfa.json().schools).toHaveLength(1);

      const passwordOnly = await signIn(LEADERSHIP_PASSWORD_ONLY.email);
      expect(passwordOnly.statusCode).toBe(200);
      // Leadership needs no MFA here: complete without a code; a school admin with password-only amr would be asked.
      expect(passwordOnly.json().mfa.status).toBe('complete');

      provider.addAccount({ ...SCHOOL_ADMIN_WITH_MFA, sub: 'sub-school-admin', amr: ['pwd'] });
      const adminWithoutMfa = await signIn(SCHOOL_ADMIN_WITH_MFA.email);
      expect(adminWithoutMfa.statusCode).toBe(200);
      expect(adminWithoutMfa.json().mfa.status).toBe('code_needed');
      expect(adminWithoutMfa.json().schools).toEqual([]);
      provider.addAccount(SCHOOL_ADMIN_WITH_MFA);
    });

    it('lets a role that requires MFA in without enrolling when the provider did MFA', async () => {
      // The board admin of board A has an authenticator in this world; without one the provider's MFA must suffice.
      await test.deps.db.kysely.deleteFrom('user_mfa').where('user_id', '=', world.users.boardAdmin.id).execute();
      provider.addAccount({ sub: 'sub-board-admin', email: world.users.boardAdmin.email, emailVerified: true, name: 'Board admin', amr: ['mfa'] });
      const response = await signIn(world.users.boardAdmin.email);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().mfa.status).toBe('complete');
      expect(response.json().boards).toHaveLength(1);

      provider.addAccount({ sub: 'sub-board-admin', email: world.users.boardAdmin.email, emailVerified: true, name: 'Board admin', amr: ['pwd'] });
      const withoutMfa = await signIn(world.users.boardAdmin.email);
      expect(withoutMfa.json().mfa.status).toBe('enrollment_needed');
    });
  });

  describe('refusals', () => {
    it('refuses an address of a domain the board did not allow', async () => {
      const response = await signIn(TEACHER.email, OTHER_DOMAIN.email);
      expect(response.statusCode).toBe(403);
      expectRefused(response, 'sso_email_not_allowed');
    });

    it('refuses an address the provider did not verify', async () => {
      const response = await signIn(CARE_TEAM_UNVERIFIED.email);
      expect(response.statusCode).toBe(403);
      expectRefused(response, 'sso_email_unverified');
      expect(await test.deps.db.kysely.selectFrom('sso_identities').select('subject').where('subject', '=', CARE_TEAM_UNVERIFIED.sub).execute()).toEqual([]);
    });

    it('refuses an address without an account, and an account of another board', async () => {
      expectRefused(await signIn(NO_ACCOUNT.email), 'sso_no_account');
      expectRefused(await signIn(OTHER_BOARD.email), 'sso_no_account');
      const failures = await auditEvents('auth.login_failed');
      expect(failures.map((event) => JSON.parse(event.detail ?? '{}').reason)).toContain('no_account_for_address');
    });

    it('refuses an ID token whose signature was changed on the way', async () => {
      provider.tamperIdTokens = true;
      const response = await signIn(TEACHER.email);
      expect(response.statusCode).toBe(401);
      expectRefused(response, 'sso_failed');
      const failure = (await auditEvents('auth.login_failed')).at(-1)!;
      expect(JSON.parse(failure.detail ?? '{}').reason).toMatch(/^answer_rejected:/);
      // Neither the code nor any token is written to the audit log.
      expect(failure.detail).not.toMatch(/eyJ|code=/);
    });

    it('takes an attempt once, only from the browser that started it, and only for a while', async () => {
      const { callbackQuery, attemptCookie } = await throughProvider(TEACHER.email, TEACHER.email);
      expectRefused(await complete(callbackQuery, null), 'sso_expired');
      expectRefused(await complete(callbackQuery, `${SSO_ATTEMPT_COOKIE}=someone-elses`), 'sso_expired');
      expect((await complete(callbackQuery, attemptCookie)).statusCode).toBe(200);
      const replayed = await complete(callbackQuery, attemptCookie);
      expect(replayed.statusCode).toBe(400);
      expectRefused(replayed, 'sso_expired');

      const late = await throughProvider(TEACHER.email, TEACHER.email);
      test.clock.advance((SSO_ATTEMPT_MINUTES + 1) * 60_000);
      expectRefused(await complete(late.callbackQuery, late.attemptCookie), 'sso_expired');
    });

    it('refuses a state that was changed, and says so when no board signs in this domain', async () => {
      const { callbackQuery, attemptCookie } = await throughProvider(TEACHER.email, TEACHER.email);
      const changed = new URLSearchParams(callbackQuery);
      changed.set('state', 'not-the-state');
      expectRefused(await complete(`?${changed}`, attemptCookie), 'sso_expired');

      const unknownDomain = await test.app.inject({ method: 'POST', url: '/api/auth/sso/start', payload: { email: 'iemand@nergens.test' } });
      expect(unknownDomain.statusCode).toBe(404);
      expect(unknownDomain.json().error.code).toBe('sso_not_available');
    });
  });

  describe('SSO only', () => {
    it('refuses password sign-in for the board’s staff while it is on, with its own message', async () => {
      expect((await requestAs(test.app, boardAdmin, 'PUT', `/api/boards/${world.boardA}/sso`, settings({ ssoOnly: true, clientSecret: undefined }))).statusCode).toBe(200);
      const refused = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: WORLD_PASSWORD } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('sso_required');
      expect(refused.json().error.message).toContain('schoolaccount');
      // Any address of the domain gets the same answer, account or not.
      const unknown = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'niemand@world.test', password: 'wrong' } });
      expect(unknown.json().error.code).toBe('sso_required');
      // School sign-in still works.
      expect((await signIn(TEACHER.email)).statusCode).toBe(200);

      expect((await requestAs(test.app, boardAdmin, 'PUT', `/api/boards/${world.boardA}/sso`, settings({ ssoOnly: false, clientSecret: undefined }))).statusCode).toBe(200);
      const allowed = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: world.users.teacher.email, password: WORLD_PASSWORD } });
      expect(allowed.statusCode).toBe(200);
    });
  });

  describe('the board admin’s settings', () => {
    it('never shows the secret and stores it encrypted', async () => {
      const read = await requestAs(test.app, boardAdmin, 'GET', `/api/boards/${world.boardA}/sso`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        redirectUri: `${TEST_PUBLIC_URL}/inloggen`,
        provider: { issuer: provider.issuer, clientId: provider.clientId, hasClientSecret: true, allowedDomains: ['world.test'] },
      });
      expect(read.body).not.toContain(provider.clientSecret);
      const row = await test.deps.db.kysely.selectFrom('board_sso_providers').selectAll().where('board_id', '=', world.boardA).executeTakeFirstOrThrow();
      expect(row.client_secret_encrypted).not.toContain(provider.clientSecret);
    });

    it('tests the connection without saving', async () => {
      const ok = await requestAs(test.app, boardAdmin, 'POST', `/api/boards/${world.boardA}/sso/test`, { issuer: provider.issuer });
      expect(ok.json()).toMatchObject({ ok: true, issuer: provider.issuer, authorizationEndpoint: `${provider.issuer}/auth` });
      const wrong = await requestAs(test.app, boardAdmin, 'POST', `/api/boards/${world.boardA}/sso/test`, { issuer: `${provider.issuer}/nothing-here` });
      expect(wrong.json().ok).toBe(false);
      expect(wrong.json().problem).toBeTruthy();
      // Only https, or http on this machine.
      const plain = await requestAs(test.app, boardAdmin, 'POST', `/api/boards/${world.boardA}/sso/test`, { issuer: 'http://idp.example.com' });
      expect(plain.statusCode).toBe(400);
    });

    it('keeps a domain with one board, and needs a secret the first time', async () => {
      const otherAdmin = await sessionFor(test, world.users.boardAdminOtherBoard.id, { mfaVerified: true });
      const taken = await requestAs(test.app, otherAdmin, 'PUT', `/api/boards/${world.boardB}/sso`, settings());
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('sso_domain_taken');
      const noSecret = await requestAs(test.app, otherAdmin, 'PUT', `/api/boards/${world.boardB}/sso`, settings({ allowedDomains: ['b.test'], clientSecret: undefined }));
      expect(noSecret.statusCode).toBe(400);
    });

    it('switches off: sign-in through the provider stops, and removing it leaves no secret behind', async () => {
      expect((await requestAs(test.app, boardAdmin, 'PUT', `/api/boards/${world.boardA}/sso`, settings({ enabled: false, clientSecret: undefined }))).statusCode).toBe(200);
      const off = await test.app.inject({ method: 'POST', url: '/api/auth/sso/start', payload: { email: TEACHER.email } });
      expect(off.json().error.code).toBe('sso_not_available');
      expect((await requestAs(test.app, boardAdmin, 'DELETE', `/api/boards/${world.boardA}/sso`)).statusCode).toBe(204);
      expect(await test.deps.db.kysely.selectFrom('board_sso_providers').select('board_id').execute()).toEqual([]);
      expect((await auditEvents('board.sso_removed')).map((event) => event.board_id)).toEqual([world.boardA]);
      expect((await requestAs(test.app, boardAdmin, 'PUT', `/api/boards/${world.boardA}/sso`, settings())).statusCode).toBe(200);
    });
  });
});

function cookieOf(response: LightMyRequestResponse, name: string): string {
  const header = response.headers['set-cookie'];
  const line = (Array.isArray(header) ? header : [header ?? '']).find((cookie) => cookie.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie set`);
  return line.split(';')[0] ?? '';
}
