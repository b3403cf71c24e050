import * as client from 'openid-client';

// The one place that talks to a board's OpenID Connect provider through openid-client: discovery (cached a
// while per provider setting), the authorization URL and the code exchange, which checks the state, PKCE, the
// nonce, the ID token's signature (the provider's published keys), issuer, audience and lifetime.

/** What Groeiwijzer needs of a board's provider setting to talk to it. */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes whenever the setting is saved, so a cached discovery never outlives it. */
  version: string;
}

// Discovery documents and keys change rarely; ten minutes spares every sign-in a round trip to the provider.
const DISCOVERY_CACHE_MS = 10 * 60_000;
const DISCOVERY_TIMEOUT_SECONDS = 10;
const cache = new Map<string, { configuration: Promise<client.Configuration>; fetchedAt: number }>();

/**
 * Whether an issuer may be spoken to over plain HTTP: only on this machine (a provider started by the tests or a
 * developer's own). Every other issuer must be https — openid-client refuses anything else.
 */
export function isLoopbackIssuer(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Discovers a provider (issuer → endpoints and keys) and returns openid-client's configuration for the client. */
export async function oidcConfigurationOf(settings: OidcClientSettings): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.version]);
  const cached = cache.get(key);
  if (cached && Date.now() - cached.fetchedAt < DISCOVERY_CACHE_MS) return cached.configuration;
  const configuration = client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, client.ClientSecretBasic(settings.clientSecret), {
    timeout: DISCOVERY_TIMEOUT_SECONDS,
    // openid-client trusts an ID token from the token endpoint on TLS alone unless told otherwise (OIDC Core
    // 3.1.3.7 allows that); Groeiwijzer checks its signature against the provider's published keys too.
    execute: [client.enableNonRepudiationChecks, ...(isLoopbackIssuer(settings.issuer) ? [client.allowInsecureRequests] : [])],
  });
  cache.set(key, { configuration, fetchedAt: Date.now() });
  // A failed discovery is not kept: the next sign-in tries again.
  configuration.catch(() => cache.delete(key));
  return configuration;
}

/** What a connection test shows the board admin: the provider answered with these endpoints. */
export interface DiscoveredProvider {
  issuer: string;
  authorizationEndpoint: string;
  endSessionEndpoint: string | null;
}

/** Discovers an issuer without a client (the board admin's "test the connection"); throws what openid-client throws. */
export async function discoverProvider(issuer: string): Promise<DiscoveredProvider> {
  const configuration = await client.discovery(new URL(issuer), 'connection-test', undefined, client.None(), {
    timeout: DISCOVERY_TIMEOUT_SECONDS,
    ...(isLoopbackIssuer(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
  });
  const metadata = configuration.serverMetadata();
  return {
    issuer: metadata.issuer,
    authorizationEndpoint: String(metadata.authorization_endpoint ?? ''),
    endSessionEndpoint: metadata.end_session_endpoint ?? null,
  };
}

/** The provider's sign-in page for one attempt: code flow with PKCE (S256), state and nonce. */
export async function authorizationUrlOf(
  configuration: client.Configuration,
  attempt: { redirectUri: string; state: string; nonce: string; codeVerifier: string; loginHint: string },
): Promise<string> {
  return client
    .buildAuthorizationUrl(configuration, {
      redirect_uri: attempt.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
      login_hint: attempt.loginHint,
    })
    .toString();
}

/** The ID token's claims after openid-client checked the whole answer; throws on any mismatch. */
export async function exchangeCode(
  configuration: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider sent no ID token');
  return claims as Record<string, unknown>;
}
