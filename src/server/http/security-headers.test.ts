import Fastify from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspNonceOf, cspNonceSource, installSecurityHeaders } from './security-headers';
import type { App } from './fastify-types';

// The options app.ts gives, in short: a nonce among the script sources, and a few of helmet's other headers set.
const OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false as const,
    directives: { defaultSrc: ["'self'"], scriptSrc: [cspNonceSource, "'strict-dynamic'", "'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  strictTransportSecurity: { maxAge: 31_536_000 },
  referrerPolicy: { policy: 'no-referrer' as const },
  xFrameOptions: { action: 'deny' as const },
} satisfies HelmetOptions;

// What helmet itself writes with these options when it runs on a response (as @fastify/helmet ran it).
const HELMET_ROUTE = '/as-helmet-writes-it';

describe('security headers worked out once', () => {
  let app: App;

  beforeAll(async () => {
    app = Fastify() as unknown as App;
    installSecurityHeaders(app, OPTIONS);
    app.get('/api/thing', async () => ({ ok: true }));
    app.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').send(`<script nonce="${cspNonceOf(reply.raw)}"></script>`));
    app.get(HELMET_ROUTE, (request, reply) => {
      // Helmet on a bare response, with the nonce it would have made for this one.
      reply.hijack();
      const raw = reply.raw;
      for (const name of raw.getHeaderNames()) raw.removeHeader(name);
      helmet(OPTIONS)(request.raw, raw, () => raw.end(cspNonceOf(raw)));
    });
    await app.ready();
  });
  afterAll(async () => app.close());

  it('sends on a JSON answer the headers helmet writes, and its policy without any nonce', async () => {
    const [ours, helmets] = [await app.inject({ url: '/api/thing' }), await app.inject({ url: HELMET_ROUTE })];
    const securityHeaders = (headers: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => !['content-type', 'content-length', 'transfer-encoding', 'date', 'connection'].includes(name)));
    const expected = securityHeaders(helmets.headers);
    expected['content-security-policy'] = String(expected['content-security-policy']).replace(` 'nonce-${helmets.body}'`, '');
    expect(securityHeaders(ours.headers)).toEqual(expected);
    expect(ours.headers['content-security-policy']).toBe("default-src 'self';script-src 'strict-dynamic' 'self';object-src 'none';frame-ancestors 'none'");
    expect(ours.headers['x-content-type-options']).toBe('nosniff');
    expect(ours.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it("puts a page's own nonce in its policy, where helmet puts it, and a new one on every page", async () => {
    const pages = [await app.inject({ url: '/page' }), await app.inject({ url: '/page' })];
    const nonces = pages.map((page) => {
      const nonce = /nonce="([^"]+)"/.exec(page.body)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(page.headers['content-security-policy']).toBe(`default-src 'self';script-src 'nonce-${nonce}' 'strict-dynamic' 'self';object-src 'none';frame-ancestors 'none'`);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('refuses a directive that would have to be worked out per request', () => {
    const dynamic = () => "'self'";
    expect(() =>
      installSecurityHeaders(Fastify() as unknown as App, { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: [dynamic] } } }),
    ).toThrow(/only cspNonceSource may be a function/);
  });
});
