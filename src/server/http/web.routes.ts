import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { PUPIL_PAGE_PATHS } from '../../shared/checkin';
import { PARENT_PAGE_PATH } from '../../shared/parents';
import type { App } from './fastify-types';
import { CSP_NONCE_PLACEHOLDER, cspNonceOf } from './security-headers';
import { sendError } from './error-handler';

const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
/** The built pupil entry (src/web/pupil.html), served for the pupil pages. */
const PUPIL_PAGE_FILE = 'pupil.html';
const PUPIL_PATHS = new Set<string>(Object.values(PUPIL_PAGE_PATHS));

/** The built parent entry (src/web/parent.html), served for the parent page. */
const PARENT_PAGE_FILE = 'parent.html';

/** How long a browser may keep a hashed asset (/assets/*) without asking again: a year, the most HTTP caches honour. */
const ASSET_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

// The path without query or fragment and without a trailing slash: /leerling/ and /leerling?x are the pupil page too.
function pagePathOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

// The light entries (the pupil pages /leerling and /klas, the parent page /ouder), when built; else the staff SPA.
function entryFileOf(url: string, webRoot: string): string {
  const path = pagePathOf(url);
  if (PUPIL_PATHS.has(path) && existsSync(join(webRoot, PUPIL_PAGE_FILE))) return PUPIL_PAGE_FILE;
  if (path === PARENT_PAGE_PATH && existsSync(join(webRoot, PARENT_PAGE_FILE))) return PARENT_PAGE_FILE;
  return 'index.html';
}

/** Serves the built single-page app; every non-API path gets index.html so client routing works. */
export async function webRoutes(app: App, webRoot = DEFAULT_WEB_ROOT): Promise<void> {
  const hasBuild = existsSync(join(webRoot, 'index.html'));
  // preCompressed: the build wrote a .br and a .gz copy of every text asset (vite-precompress.ts); a browser that
  // accepts one gets it, any other client the plain file.
  await app.register(fastifyStatic, { root: webRoot, serve: false, preCompressed: true });

  app.get('/assets/*', { config: { policy: { access: 'public' } }, schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // Hashed file names never change, so they can be cached for a year. Given to sendFile, not as a header set
    // here: sendFile would overwrite that with its own default (max-age=0), and a 404 must not be cached for a year.
    return reply.header('vary', 'accept-encoding').sendFile(join('assets', path), { maxAge: ASSET_MAX_AGE_MS, immutable: true });
  });

  app.get('/*', { config: { policy: { access: 'public' } }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(request, reply, 'not_found');
    const file = (request.params as { '*': string })['*'];
    if (/^[\w.-]+\.(svg|ico|png|txt|webmanifest)$/.test(file) && existsSync(join(webRoot, file))) return reply.sendFile(file);
    if (!hasBuild) {
      return reply
        .type('text/plain; charset=utf-8')
        .send('Groeiwijzer: de webapp is nog niet gebouwd. Voer eerst `npm run build` uit. (The web app is not built yet: run `npm run build`.)');
    }
    // The pupil pages (/leerling, /klas) and the parent page (/ouder) are their own light entries, not the staff SPA.
    const page = entryFileOf(request.url, webRoot);
    // Read on every request (it is 1 kB) so a rebuild is picked up; each answer carries its own CSP nonce.
    const html = await readFile(join(webRoot, page), 'utf8');
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html.replaceAll(CSP_NONCE_PLACEHOLDER, cspNonceOf(reply.raw)));
  });

  app.setNotFoundHandler({}, (request, reply) => sendError(request, reply, 'not_found'));
}
