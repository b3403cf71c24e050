import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

// A real OpenID Connect provider for the school sign-in tests (oidc-provider, the certified implementation), on
// 127.0.0.1 with a random port: one confidential client, accounts kept in memory, and a tiny sign-in form of its
// own so a browser (or a test following redirects by hand) signs in like at a school's provider. Consent is not
// asked: the grant is given at once, as a school's provider does for an app its IT department registered.

/** A person at the test provider. */
export interface TestOidcAccount {
  /** The provider's stable subject id. */
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  /** What the ID token's `amr` says about how they signed in here (e.g. ['pwd', 'mfa']); none by default. */
  amr?: string[];
}

/** A running test provider. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account (keyed by its e-mail address, which the sign-in form asks). */
  addAccount(account: TestOidcAccount): void;
  /** While true, the token endpoint answers with the ID token's signature changed in one character. */
  tamperIdTokens: boolean;
  close(): Promise<void>;
}

/** The label of the provider's sign-in field and button, as browser tests look for them. */
export const TEST_PROVIDER_FORM = { emailLabel: 'School e-mail', button: 'Sign in at Test School ID' };

/** Starts a provider whose client may send people back to `redirectUris` (and after logout to `postLogoutRedirectUris`). */
export async function startOidcProvider(options: { redirectUris: string[]; postLogoutRedirectUris?: string[]; accounts?: TestOidcAccount[] }): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestOidcAccount>();
  for (const account of options.accounts ?? []) accounts.set(account.email.toLowerCase(), account);
  const bySub = (sub: string) => [...accounts.values()].find((account) => account.sub === sub);

  let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
  const server: Server = createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'groeiwijzer-test';
  const clientSecret = 'test-secret-of-the-groeiwijzer-client-0123456789';

  // A signing key of its own per provider (the ID token's signature is what the tampering tests break).
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const configuration: Configuration = {
    jwks: { keys: [signingKey] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Scope claims in the ID token itself (as Entra ID and Google send them), not only from the userinfo endpoint.
    conformIdTokenClaims: false,
    // acr and amr under the openid scope: always in the ID token (as Entra ID sends amr), not only when requested.
    claims: { acr: null, amr: null, auth_time: null, sid: null, openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => {
      const account = bySub(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified, name: account.name }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-provider-cookie-key-0123456789abcdef'] },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Error</title><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const state = { tamperIdTokens: false };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (state.tamperIdTokens && ctx.oidc?.route === 'token' && body && typeof body.id_token === 'string') {
      body.id_token = withChangedSignature(body.id_token);
    }
  });
  const oidcCallback = provider.callback();

  handler = (request, response) => {
    const pathname = new URL(request.url ?? '/', issuer).pathname;
    // A browser asks for an icon; a 404 would be a console error in the browser tests.
    if (pathname === '/favicon.ico') return void response.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (!match) return void oidcCallback(request, response);
    void handleInteraction(provider, accounts, request, response, match[2] !== undefined).catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => void accounts.set(account.email.toLowerCase(), account),
    get tamperIdTokens() {
      return state.tamperIdTokens;
    },
    set tamperIdTokens(value: boolean) {
      state.tamperIdTokens = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The sign-in form (GET) and its answer (POST): the account of the typed address signs in with its own amr.
async function handleInteraction(provider: Provider, accounts: Map<string, TestOidcAccount>, request: IncomingMessage, response: ServerResponse, isSubmit: boolean): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (isSubmit && request.method === 'POST') {
    const form = new URLSearchParams(await bodyOf(request));
    const account = accounts.get((form.get('email') ?? '').trim().toLowerCase());
    if (!account) return sendForm(response, details.uid, 'Unknown account');
    await provider.interactionFinished(request, response, { login: { accountId: account.sub, ...(account.amr ? { amr: account.amr } : {}) } }, { mergeWithLastSubmission: false });
    return;
  }
  const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
  sendForm(response, details.uid, null, hint);
}

function sendForm(response: ServerResponse, uid: string, problem: string | null, email = ''): void {
  response.statusCode = problem ? 400 : 200;
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test School ID</title></head>
<body><main><h1>Test School ID</h1>${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">${TEST_PROVIDER_FORM.emailLabel}</label> <input id="email" name="email" type="email" value="${escapeHtml(email)}">
<button type="submit">${TEST_PROVIDER_FORM.button}</button>
</form></main></body></html>`);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// One character in the middle of the signature: the token still parses, only the signature no longer matches.
function withChangedSignature(idToken: string): string {
  const [header, payload, signature = ''] = idToken.split('.');
  const at = Math.floor(signature.length / 2);
  const changed = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${changed}${signature.slice(at + 1)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
