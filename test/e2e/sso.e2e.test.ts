import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../src/server/auth/sessions.service';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/shared/demo-accounts';
import { startOidcProvider, TEST_PROVIDER_FORM, type TestOidcProvider } from '../support/oidc-provider';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

// School sign-in in the browser against a real OpenID Connect provider (oidc-provider on 127.0.0.1): the demo
// board signs in its voorbeeld.test addresses through it. The provider's own pages are not Groeiwijzer's, so
// axe checks only Groeiwijzer's pages.

describe('school sign-in in the browser', () => {
  let server: RunningServer;
  let provider: TestOidcProvider;
  let browser: BrowserSession;
  let boardId: string;
  const audit = createPageAudit();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    provider = await startOidcProvider({
      redirectUris: [`${server.baseUrl}/inloggen`],
      accounts: [
        { sub: 'teacher-at-school', email: DEMO_EMAILS.teacher, emailVerified: true, name: 'Sanne Verbeek' },
        { sub: 'care-unverified', email: DEMO_EMAILS.careTeam, emailVerified: false, name: 'Joost van Dam' },
        { sub: 'somewhere-else', email: 'sanne@elders.test', emailVerified: true, name: 'Sanne elders' },
      ],
    });
    // The board admin's settings, as the settings page saves them (that page has a test of its own below).
    const db = server.db.kysely;
    boardId = (await db.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
    const admin = await db.selectFrom('users').select('id').where('email', '=', DEMO_EMAILS.boardAdmin).executeTakeFirstOrThrow();
    const session = await startSession(db, server.deps.clock, server.deps.config, admin.id);
    const saved = await server.app.inject({
      method: 'PUT',
      url: `/api/boards/${boardId}/sso`,
      headers: { cookie: `__Host-gw_session=${session.token}`, 'x-csrf-token': session.csrfToken },
      payload: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, allowedDomains: ['voorbeeld.test'], ssoOnly: false, enabled: true },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await server?.close();
    expect(audit.problems).toEqual([]);
  });

  /**
   * From the login page to the provider and, unless the provider still knows the person (`remembered`), through its
   * form: `accountEmail` is who signs in there (the typed address by default).
   */
  async function signInAtSchool(typedEmail: string, accountEmail = typedEmail, options: { remembered?: boolean } = {}): Promise<void> {
    const { page } = browser;
    // Without `remembered` the provider sees a browser it does not know (its session cookies are _session*).
    if (!options.remembered) await browser.context.clearCookies({ name: /^_session/ });
    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, 'Inloggen');
    await page.getByLabel('E-mail van je schoolaccount').fill(typedEmail);
    await page.getByRole('button', { name: 'Verder naar je school' }).click();
    if (options.remembered) return;
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('heading', { name: 'Test School ID' }).waitFor();
    expect(await page.getByLabel(TEST_PROVIDER_FORM.emailLabel).inputValue()).toBe(typedEmail);
    await page.getByLabel(TEST_PROVIDER_FORM.emailLabel).fill(accountEmail);
    await page.getByRole('button', { name: TEST_PROVIDER_FORM.button }).click();
    await page.waitForURL((url) => url.origin === server.baseUrl);
  }

  async function expectRefusal(text: string, status: number): Promise<void> {
    const { page } = browser;
    await waitForPage(page, 'Inloggen');
    await page.getByRole('alert').filter({ hasText: text }).waitFor();
    // The provider's code and state are gone from the address bar.
    expect(new URL(page.url()).search).toBe('');
    expect((await (await page.request.get(`${server.baseUrl}/api/session`)).json()).user).toBeNull();
    await audit.check(browser, [status]);
  }

  it('signs a teacher in through the provider, links the account the first time, and signs out', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, 'Inloggen');
    await page.getByRole('heading', { level: 2, name: 'Inloggen met je schoolaccount' }).waitFor();
    await audit.check(browser);

    await signInAtSchool(DEMO_EMAILS.teacher);
    await waitForPage(page, /^Welkom, /);
    expect(new URL(page.url()).search).toBe('');
    await audit.check(browser);
    const identity = await server.db.kysely.selectFrom('sso_identities').selectAll().where('subject', '=', 'teacher-at-school').executeTakeFirstOrThrow();
    expect(identity.issuer).toBe(provider.issuer);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
    expect((await (await page.request.get(`${server.baseUrl}/api/session`)).json()).user).toBeNull();

    // The second time the provider still knows the teacher, and the identity is already linked.
    await signInAtSchool(DEMO_EMAILS.teacher, DEMO_EMAILS.teacher, { remembered: true });
    await waitForPage(page, /^Welkom, /);
    expect(await server.db.kysely.selectFrom('sso_identities').select('subject').execute()).toHaveLength(1);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');
  });

  it('refuses an address of a domain the board did not allow', async () => {
    await signInAtSchool(DEMO_EMAILS.teacher, 'sanne@elders.test');
    await expectRefusal('een domein dat je bestuur niet voor Groeiwijzer heeft toegestaan', 403);
  });

  it('refuses an address the provider did not verify', async () => {
    await signInAtSchool(DEMO_EMAILS.careTeam);
    await expectRefusal('geen bevestigd e-mailadres', 403);
    expect(await server.db.kysely.selectFrom('sso_identities').select('subject').where('subject', '=', 'care-unverified').execute()).toEqual([]);
  });

  it('refuses an ID token whose signature was changed on the way', async () => {
    provider.tamperIdTokens = true;
    try {
      await signInAtSchool(DEMO_EMAILS.teacher);
      await expectRefusal('het antwoord van je school klopte niet', 401);
    } finally {
      provider.tamperIdTokens = false;
    }
  });

  it('tells where no board signs in with a school account', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/`);
    await waitForPage(page, 'Inloggen');
    await page.getByLabel('E-mail van je schoolaccount').fill('iemand@nergens.test');
    await page.getByRole('button', { name: 'Verder naar je school' }).click();
    await page.getByRole('alert').filter({ hasText: 'niet ingesteld' }).waitFor();
    await audit.check(browser, [404]);
  });

  it('lets the board admin test the connection and save, and then refuses passwords for the board', async () => {
    const { page } = browser;
    await signIn(page, server.baseUrl, DEMO_EMAILS.boardAdmin, DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/besturen/${boardId}/inloggen-schoolaccount`);
    await waitForPage(page, 'Inloggen met schoolaccount');
    expect(await page.getByLabel('Adres van de aanbieder (issuer)').inputValue()).toBe(provider.issuer);
    expect(await page.getByLabel('Clientgeheim').inputValue()).toBe('');
    // The address field (type url) is styled like every text field, not left at the browser's narrow default.
    const widthOf = async (label: string) => (await page.getByLabel(label).boundingBox())?.width ?? 0;
    expect(await widthOf('Adres van de aanbieder (issuer)')).toBe(await widthOf('Client-ID'));
    await page.getByText(`${server.baseUrl}/inloggen`, { exact: true }).waitFor();
    await audit.check(browser);

    await page.getByRole('button', { name: 'Verbinding testen' }).click();
    await page.getByRole('status').filter({ hasText: 'De aanbieder antwoordt als OpenID Connect-aanbieder' }).waitFor();
    await page.getByLabel('Personeel van dit bestuur logt alleen in met het schoolaccount').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'is opgeslagen' }).waitFor();
    await audit.check(browser);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPage(page, 'Inloggen');

    await page.getByLabel('E-mailadres').fill(DEMO_EMAILS.teacher);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'alleen inloggen met je schoolaccount' }).waitFor();
    expect(await page.getByLabel('E-mail van je schoolaccount').inputValue()).toBe(DEMO_EMAILS.teacher);
    await audit.check(browser, [403]);
  });
});
