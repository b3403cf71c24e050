import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from './fastify-types';

// One nonce per response, created when a page asks for it (web.routes.ts, while it fills in index.html) and put
// into that response's CSP header when it is sent.
const nonces = new WeakMap<ServerResponse, string>();

/** The placeholder the SPA build writes into every script and link tag (vite `html.cspNonce`). */
export const CSP_NONCE_PLACEHOLDER = 'GW_CSP_NONCE';

/** The CSP nonce of a response: 128 random bits, base64, the same for every call on that response. */
export function cspNonceOf(response: ServerResponse): string {
  let nonce = nonces.get(response);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    nonces.set(response, nonce);
  }
  return nonce;
}

/**
 * The `script-src` source expression for a response's nonce: name it among the directives given to
 * installSecurityHeaders. Only an answer whose nonce was asked for (a page) carries it; any other answer (JSON,
 * assets) gets the same policy without a nonce, which allows no script at all where nothing needs one.
 */
export function cspNonceSource(_request: unknown, response: ServerResponse): string {
  return `'nonce-${cspNonceOf(response)}'`;
}

// Stands for the nonce in the header worked out once at start; base64 never holds a '#', so it cannot clash.
const NONCE_SLOT = '#GW-NONCE#';
const CSP_HEADER = 'content-security-policy';

/** A response as helmet sees it while the headers are worked out once: only the header calls are recorded. */
interface RecordedHeaders {
  set: Map<string, string>;
  removed: Set<string>;
}

// Runs helmet's middleware once on a stand-in response and keeps what it would write. Helmet stays the one that
// decides the names and values (a well-kept library, see STYLE.md); this only avoids building its middleware,
// parsing the CSP directives and generating a nonce again for every request, which @fastify/helmet did (≈ 10 % of
// a check-in's CPU, bench/cpu-profile-summary.ts).
function recordHeaders(middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void): RecordedHeaders {
  const recorded: RecordedHeaders = { set: new Map(), removed: new Set() };
  const standIn = {
    setHeader: (name: string, value: string | number | readonly string[]) => void recorded.set.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void recorded.removed.add(name.toLowerCase()),
  } as unknown as ServerResponse;
  let failure: unknown;
  middleware({} as IncomingMessage, standIn, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return recorded;
}

// The directives with cspNonceSource replaced: by the slot (`withSlot`), or left out. Any other function among the
// directives would have to run per request; none is used, and refusing one keeps the header worked out once true.
function directivesWithNonce(directives: Record<string, unknown>, withSlot: boolean): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(directives).map(([name, values]) => {
      const sources = [...((values as Iterable<unknown> | null) ?? [])].flatMap((value) => {
        if (value === cspNonceSource) return withSlot ? [`'nonce-${NONCE_SLOT}'`] : [];
        if (typeof value !== 'string') throw new Error(`CSP directive ${name}: only cspNonceSource may be a function`);
        return [value];
      });
      return [name, sources];
    }),
  );
}

/**
 * Sends helmet's security headers (`options`, as helmet takes them) on every answer, worked out once at start. The
 * CSP header is written when the answer is sent: with the response's nonce where a page asked for one
 * (cspNonceOf), else the same policy without a nonce.
 */
export function installSecurityHeaders(app: App, options: HelmetOptions & { contentSecurityPolicy: { useDefaults: false; directives: Record<string, unknown> } }): void {
  const { contentSecurityPolicy, ...others } = options;
  const { set: fixedHeaders, removed } = recordHeaders(helmet({ ...others, contentSecurityPolicy: false }));
  const policyWith = (withSlot: boolean) =>
    recordHeaders(helmet.contentSecurityPolicy({ useDefaults: false, directives: directivesWithNonce(contentSecurityPolicy.directives, withSlot) })).set.get(CSP_HEADER)!;
  const [policyWithSlot, policyWithoutNonce] = [policyWith(true), policyWith(false)];
  const headers = [...fixedHeaders.entries()];

  // Where @fastify/helmet wrote them: before the auth hooks, so a refused request carries them too.
  app.addHook('onRequest', (_request, reply, done) => {
    const response = reply.raw;
    for (const [name, value] of headers) response.setHeader(name, value);
    for (const name of removed) response.removeHeader(name);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    const nonce = nonces.get(reply.raw);
    reply.raw.setHeader(CSP_HEADER, nonce === undefined ? policyWithoutNonce : policyWithSlot.replace(NONCE_SLOT, nonce));
    done(null, payload);
  });
}
