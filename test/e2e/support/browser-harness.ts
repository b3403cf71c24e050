import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import { createDb } from '../../../src/server/db/create-db';
import type { Db } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { type Deps, systemClock } from '../../../src/server/deps';
import type { App } from '../../../src/server/http/fastify-types';
import { createOutboxMailer } from '../../../src/server/mail/mailer';

/** Debian's Chromium; CI installs it (see .ci/run). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A real Groeiwijzer server on a fresh SQLite file, listening on a free port on 127.0.0.1. */
export interface RunningServer {
  baseUrl: string;
  app: App;
  db: Db;
  close(): Promise<void>;
}

/** Starts the real server (built SPA included) on a fresh database; `prepare` may seed it first. */
export async function startServer(prepare?: (deps: Deps) => Promise<void>): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-e2e-'));
  const config = { ...loadConfig({ LOG_LEVEL: 'warn' }), databaseUrl: `sqlite:${join(dir, 'e2e.db')}`, loginRateLimitPerMinute: 1000 };
  const db = await createDb(config.databaseUrl);
  await migrateToLatest(db.kysely);
  const deps: Deps = { config, db, clock: systemClock, mailer: createOutboxMailer(db.kysely, systemClock) };
  if (prepare) await prepare(deps);
  const app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Chromium with a fresh profile; every page it opens fails the test on console errors it collects. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Launches Debian's Chromium through playwright-core with a throwaway profile. */
export async function openBrowser(locale = 'nl-NL'): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'gw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    context,
    page,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the violations, described. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (violation) => `${page.url()} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

