import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app';
import { CSP_NONCE_PLACEHOLDER } from '../server/http/security-headers';
import type { App } from '../server/http/fastify-types';
import { createTestApp, type TestApp } from '../../test/support/test-app';

// /leerling and /klas get the light pupil entry (pupil.html), every other page the staff SPA; both
// with this response's own CSP nonce swapped in.

const pageWith = (marker: string) =>
  `<!doctype html><html lang="nl"><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">` +
  `<script type="module" src="/assets/${marker}.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script></head><body>${marker}</body></html>`;

describe('serving the pupil pages', () => {
  let test: TestApp;
  let app: App;
  let webRoot: string;

  beforeAll(async () => {
    test = await createTestApp('sqlite');
    webRoot = mkdtempSync(join(tmpdir(), 'gw-web-pupil-'));
    writeFileSync(join(webRoot, 'index.html'), pageWith('staff-spa'));
    writeFileSync(join(webRoot, 'pupil.html'), pageWith('pupil-entry'));
    app = await buildApp(test.deps, { logger: false, webRoot });
  });
  afterAll(async () => {
    await app.close();
    await test.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves pupil.html for /leerling and /klas (with or without a trailing slash or query) and the SPA elsewhere', async () => {
    for (const url of ['/leerling', '/klas', '/leerling/', '/klas?x=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('pupil-entry');
    }
    for (const url of ['/', '/leerlingen', '/klassen', '/leerling/extra', '/scholen/klas']) {
      const response = await app.inject({ url });
      expect(response.body, url).toContain('staff-spa');
    }
  });

  it("puts the response's own CSP nonce on the pupil page, with no-referrer and no caching of the page", async () => {
    const response = await app.inject({ url: '/leerling' });
    const csp = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(response.body).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(response.body.match(/nonce="([^"]+)"/g)).toEqual(Array(2).fill(`nonce="${nonce}"`));
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-cache');
  });
});
