import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { buildApp } from '../app';
import type { App } from './fastify-types';
import { buildEntryForTest } from '../../../test/support/production-build';

// The staff app's assets as a browser gets them (issue 18, "Staff app weight"): compressed when the browser accepts
// it, the plain file otherwise, and cached for a year. Built by the project's own Vite config (with its precompress
// plugin) into a temporary folder, so what is tested is what `npm run build` writes; the pupil entry alone keeps the
// build short.

let outDir: string;
let test: TestApp;
let app: App;
let script: string;

beforeAll(async () => {
  outDir = await buildEntryForTest('pupil');
  // The server serves the staff SPA's index.html for every page; the pupil page stands in for it here.
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(outDir, 'pupil.html')));
  script = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(outDir, 'pupil.html'), 'utf8'))![1]!;
  test = await createTestApp('sqlite');
  app = await buildApp(test.deps, { logger: false, webRoot: outDir });
});

afterAll(async () => {
  await app?.close();
  await test?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const plainBytes = (name: string) => readFileSync(join(outDir, 'assets', name));

describe('serving the built assets', () => {
  it('writes a brotli and a gzip copy of every script and stylesheet at build time', () => {
    const names = new Set(readdirSync(join(outDir, 'assets')));
    const assets = [...names].filter((name) => /\.(js|css)$/.test(name));
    expect(assets.length).toBeGreaterThan(1);
    for (const name of assets) {
      expect(names.has(`${name}.br`), name).toBe(true);
      expect(names.has(`${name}.gz`), name).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(outDir, 'assets', `${name}.br`)))).toEqual(plainBytes(name));
    }
  });

  it('sends brotli to a browser that prefers it, gzip to one that accepts only gzip, each the same bytes as the plain file', async () => {
    const brotli = await app.inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    // The type of the file itself, not of a .br file.
    expect(brotli.headers['content-type']).toMatch(/^(application|text)\/javascript; charset=utf-8$/);
    expect(brotliDecompressSync(brotli.rawPayload)).toEqual(plainBytes(script));
    expect(brotli.rawPayload.length).toBeLessThan(plainBytes(script).length);

    const gzip = await app.inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload)).toEqual(plainBytes(script));
  });

  it('sends the plain file to a client without Accept-Encoding, or one that refuses both encodings', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const response = await app.inject({ url: `/assets/${script}`, headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
      expect(response.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(response.rawPayload, JSON.stringify(headers)).toEqual(plainBytes(script));
    }
  });

  it('lets a browser keep a hashed asset for a year, per encoding, and never caches a missing one', async () => {
    for (const headers of [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip' }]) {
      const response = await app.inject({ url: `/assets/${script}`, headers });
      expect(response.headers['cache-control'], JSON.stringify(headers)).toBe('public, max-age=31536000, immutable');
      expect(response.headers.vary, JSON.stringify(headers)).toMatch(/accept-encoding/i);
    }
    const missing = await app.inject({ url: '/assets/missing-AbCd1234.js', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
    expect(String(missing.headers['cache-control'] ?? '')).not.toContain('max-age=31536000');
  });

  it('keeps the pages themselves uncached and uncompressed: each carries its own CSP nonce', async () => {
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body).toMatch(/nonce="[A-Za-z0-9+/=]{22,}"/);
  });
});
