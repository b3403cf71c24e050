import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../../src/server/app';
import { type Config, loadConfig } from '../../../src/server/config';
import { openFieldCrypto } from '../../../src/server/crypto/field-encryption';
import type { FieldCrypto } from '../../../src/server/crypto/field-crypto';
import { createDb } from '../../../src/server/db/create-db';
import type { Db } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { type Deps, systemClock } from '../../../src/server/deps';
import { DEMO_PASSWORD } from '../../../src/server/features/demo/demo.data';
import { type DemoOptions, seedDemo } from '../../../src/server/features/demo/demo.seed';
import type { App } from '../../../src/server/http/fastify-types';
import { pinLinkOrigin } from '../../../src/server/installation/link-base';
import { shortNamesOf } from '../../../src/server/features/checkin/checkin-access.service';
import { kioskDeviceFor, pupilDeviceFor } from '../../support/pupil-access';
import type { Login, TestApp } from '../../support/test-app';
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
  /** The server's field encryption, for seeds that write encrypted columns straight into the database. */
  fieldCrypto: FieldCrypto;
  /** The server's dependencies (its field encryption opens what the outbox keeps sealed). */
  deps: Deps;
  close(): Promise<void>;
}

/**
 * Starts the real server (built SPA included) on a fresh database; `prepare` may seed it first.
 * Two-step verification is off (as in the demo) unless `overrides` turns it on: test/e2e/mfa.e2e.test.ts does.
 */
export async function startServer(prepare?: (deps: Deps) => Promise<void>, overrides: Partial<Config> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-e2e-'));
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'warn' }),
    databaseUrl: `sqlite:${join(dir, 'e2e.db')}`,
    loginRateLimitPerMinute: 1000,
    mfaRequired: false,
    ...overrides,
  };
  const db = await createDb(config.databaseUrl);
  await migrateToLatest(db.kysely);
  // No key configured: the default key file is created next to the SQLite file on first use.
  const fieldCrypto = await openFieldCrypto({ db, config });
  const deps: Deps = { config, db, clock: systemClock, mailer: createOutboxMailer({ db: db.kysely, clock: systemClock, fieldCrypto }), fieldCrypto };
  if (prepare) await prepare(deps);
  const app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // A seeded server pins its own address for links, as `groeiwijzer demo` does; an empty one is pinned by
  // its first-run page (test/e2e/first-run.e2e.test.ts).
  if (prepare && !config.publicUrl) await pinLinkOrigin(db.kysely, systemClock, baseUrl);
  return {
    baseUrl,
    app,
    db,
    fieldCrypto,
    deps,
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

const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Stands in for axe-core's source where a document already has axe loaded (see accessibilityViolations).
const AXE_ALREADY_LOADED = ';';

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the violations, described. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Loading axe-core's 1.3 MB source costs more than a run itself, so it is loaded once per document: after
  // a client-side navigation the next check reuses it. Legacy mode runs axe.run in the page itself; the
  // default mode would open a blank tab per check for its cross-origin iframe support, which the app does
  // not need (its CSP, default-src 'self', allows no frames from elsewhere). Same rules, same result; the canary in
  // test/e2e/roles.e2e.test.ts proves a violation is still found.
  const isLoaded = await Promise.all(page.frames().map((frame) => frame.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function').catch(() => false)));
  const builder = new AxeBuilder({ page, ...(isLoaded.every(Boolean) ? { axeSource: AXE_ALREADY_LOADED } : {}) });
  // Only violations are reported; every rule of the tags still runs (resultTypes just skips detail on passes).
  const results = await builder.withTags(WCAG_AA_TAGS).options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  return results.violations.map(
    (violation) => `${page.url()} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/**
 * Starts a server whose database holds the demo board. By default the bare demo (schools, classes, pupils,
 * accounts, check-ins), which the browser tests count on; `withSchoolYear` adds De Vlinderboom's school year
 * (self-scan rounds, plan, trainings, board sharing), exactly as "Demo laden" and `npm run demo` fill it.
 */
export function startDemoServer(overrides: Partial<Config> = {}, options: DemoOptions = { withSchoolYear: false }): Promise<RunningServer> {
  return startServer(async (deps) => {
    await deps.db.kysely.transaction().execute((trx) => seedDemo(trx, deps, options));
  }, overrides);
}

/**
 * Browsers signed in to one server, one per person a test plays; `closeAll` (in afterAll) closes every one.
 * `baseUrl` is read when a browser opens, so the collection can be made before the server starts.
 */
export function createSignedInBrowsers(baseUrl: () => string) {
  const sessions: BrowserSession[] = [];
  return {
    /** Opens a fresh browser and signs in as `email` (a demo account unless another password is given). */
    async signedIn(email: string, password = DEMO_PASSWORD): Promise<BrowserSession> {
      const session = await openBrowser();
      sessions.push(session);
      await signIn(session.page, baseUrl(), email, password);
      return session;
    },
    async closeAll(): Promise<void> {
      for (const session of sessions.splice(0)) await session.close();
    },
  };
}

/** A demo school's id and the first pupil (by pupil number) of one of its classes. */
export async function firstPupilOfClass(server: RunningServer, schoolName: string, className: string): Promise<{ schoolId: string; pupil: { id: string; name: string } }> {
  const db = server.db.kysely;
  const schoolId = (await db.selectFrom('schools').select('id').where('name', '=', schoolName).executeTakeFirstOrThrow()).id;
  const first = await db
    .selectFrom('class_pupils')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name'])
    .where('classes.school_id', '=', schoolId)
    .where('classes.name', '=', className)
    .orderBy('pupils.pupil_number')
    .executeTakeFirstOrThrow();
  return { schoolId, pupil: { id: first.id, name: `${first.first_name} ${first.last_name}` } };
}

/** A pupil of a demo class as the pupil pages and the staff pages name them. */
export interface ClassPupil {
  id: string;
  firstName: string;
  /** Full name, as the staff pages show it. */
  name: string;
  /** The name on the pupil page: first name and initial (the full name where two would look the same; `shortNamesOf`). */
  shortName: string;
}

/** A demo class of this school year: its school, its id and its pupils by pupil number. */
export async function demoClass(server: RunningServer, schoolName: string, className: string): Promise<{ schoolId: string; classId: string; pupils: ClassPupil[] }> {
  const db = server.db.kysely;
  const found = await db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.school_id')
    .select(['classes.id', 'classes.school_id'])
    .where('schools.name', '=', schoolName)
    .where('classes.name', '=', className)
    .orderBy('classes.school_year', 'desc')
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name'])
    .where('class_pupils.class_id', '=', found.id)
    .orderBy('pupils.pupil_number')
    .execute();
  const shortNames = new Map(shortNamesOf(rows).map((row) => [row.id, row.displayName]));
  return {
    schoolId: found.school_id,
    classId: found.id,
    pupils: rows.map((row) => ({ id: row.id, firstName: row.first_name, name: `${row.first_name} ${row.last_name}`, shortName: shortNames.get(row.id)! })),
  };
}

/**
 * Pupil-page devices for a running server: a fresh browser holding a class-device or own-device cookie made by the
 * pupil-access helpers (which need only the server's dependencies and its clock), all closed by `closeAll`.
 */
export function createDeviceBrowsers(server: () => RunningServer) {
  const devices: BrowserSession[] = [];
  const testApp = () => ({ deps: server().deps, clock: server().deps.clock }) as unknown as TestApp;
  const open = async (access: Login): Promise<BrowserSession> => {
    const device = await openBrowser();
    devices.push(device);
    const [name, value] = access.cookie.split('=') as [string, string];
    // __Host- cookies need the exact host, path / and secure.
    await device.context.addCookies([{ name, value, domain: new URL(server().baseUrl).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Strict' }]);
    return device;
  };
  return {
    /** The class device (kiosk) of a class, opened by one of its teachers. */
    classDevice: async (classId: string, openedBy: string) => open(await kioskDeviceFor(testApp(), classId, openedBy)),
    /** A pupil's own device, signed in. */
    ownDevice: async (pupilId: string, classId: string) => open(await pupilDeviceFor(testApp(), pupilId, classId)),
    closeAll: async () => {
      for (const device of devices.splice(0)) await device.close();
    },
  };
}

/**
 * Waits until the page's h1 reads `heading` and nothing is loading any more (no loading notice,
 * no "checking" notice), so assertions and axe see the finished page.
 */
export async function waitForPage(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.app-loading, p.notice[role="status"]:not(.notice-success)') === null);
}

/** Signs in through the Dutch login page as a real person would, and waits for the home page (in the account's language). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  // Through the home page: the login page sends people back where they came from, here the home page.
  await page.goto(`${baseUrl}/`);
  await waitForPage(page, 'Inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
  await waitForPage(page, /^(Welkom|Welcome), /);
}

// Chromium logs every 4xx/5xx answer as a console error; a test names the statuses it provokes.
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})\b/;

/** The console errors left after dropping the failed-request lines for the statuses a test expects. */
export function unexpectedConsoleErrors(errors: readonly string[], expectedStatuses: readonly number[] = []): string[] {
  return errors.filter((error) => {
    const status = FAILED_RESOURCE.exec(error)?.[1];
    return status === undefined || !expectedStatuses.includes(Number(status));
  });
}

/** Problems found page by page, asserted once at the end so one run lists all of them. */
export interface PageAudit {
  /** Every axe violation and unexpected console error found so far, each naming its page. */
  problems: string[];
  /**
   * Runs axe on the browser's page as it is now and takes the console errors logged since the last
   * check; `expectedStatuses` are the HTTP error statuses this step provokes on purpose.
   */
  check(browser: BrowserSession, expectedStatuses?: readonly number[]): Promise<void>;
  /** Takes the console errors logged since the last check, without running axe (for a page axe has seen already). */
  checkConsole(browser: BrowserSession, expectedStatuses?: readonly number[]): void;
}

/** Starts an empty audit. */
export function createPageAudit(): PageAudit {
  const problems: string[] = [];
  const audit: PageAudit = {
    problems,
    async check(browser, expectedStatuses = []) {
      problems.push(...(await accessibilityViolations(browser.page)));
      audit.checkConsole(browser, expectedStatuses);
    },
    checkConsole(browser, expectedStatuses = []) {
      const errors = unexpectedConsoleErrors(browser.consoleErrors.splice(0), expectedStatuses);
      problems.push(...errors.map((error) => `${browser.page.url()} console error: ${error}`));
    },
  };
  return audit;
}

/** A page's path with its ids left out (`/scholen/:id/leerlingen`): what makes two visits the same page. */
export function pagePattern(url: string): string {
  return new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
}
