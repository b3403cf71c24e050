import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest, Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_START_BUDGET_BYTES } from '../shared/web-budget';
import { buildEntryForTest } from '../../test/support/production-build';

// The page-weight budget of the staff app (issue 18): a teacher's phone on school Wi-Fi gets the sign-in page and the
// home page from at most 100 KB of compressed JS + CSS; every other page is a chunk loaded when it is first opened.
// Builds the staff entry alone, with the project's own Vite config (so with its precompress plugin), into a temporary
// folder, and follows Vite's manifest from index.html instead of guessing file names.

const WEB_ROOT = join(import.meta.dirname);
/** The pages a visitor meets first: signing in, then the home page. */
const START_ROUTES = { signIn: 'pages/login/login-page.tsx', home: 'pages/home/home-page.tsx' };

let outDir: string;
let manifest: Manifest;
// Which built chunk holds which source module (relative to src/web): the manifest names only chunks, not their modules.
const chunkOfModule = new Map<string, string>();

// Records, per source module, the chunk the bundler put it in.
const recordModules: Plugin = {
  name: 'record-modules',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) {
      if (output.type !== 'chunk') continue;
      for (const id of output.moduleIds) chunkOfModule.set(relative(WEB_ROOT, id).replaceAll('\\', '/'), output.fileName);
    }
  },
};

beforeAll(async () => {
  outDir = await buildEntryForTest('index', { manifest: true, plugins: [recordModules] });
  manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The manifest entry of a built chunk. */
function entryOfFile(file: string): Manifest[string] {
  const entry = Object.values(manifest).find((chunk) => chunk.file === file);
  if (!entry) throw new Error(`${file} is not in the manifest`);
  return entry;
}

/**
 * Every JS and CSS file the browser must load before these chunks run: the chunks, what they import statically
 * (transitively) and the stylesheets of all of them. Dynamic imports are left out: they load later, when used.
 */
function filesLoadedWith(startFiles: string[]): string[] {
  const files = new Set<string>();
  const queue = [...startFiles];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const entry = entryOfFile(file);
    for (const css of entry.css ?? []) files.add(css);
    for (const key of entry.imports ?? []) queue.push(manifest[key]!.file);
  }
  return [...files].sort();
}

/** What the sign-in and home routes load: index.html's entry and the chunks holding the two pages. */
function startFiles(): string[] {
  const entry = manifest['index.html'];
  if (!entry) throw new Error('the manifest has no index.html');
  const routeChunks = Object.values(START_ROUTES).map((page) => {
    const chunk = chunkOfModule.get(page);
    if (!chunk) throw new Error(`${page} was not built`);
    return chunk;
  });
  return filesLoadedWith([entry.file, ...routeChunks]);
}

/** A built file's size plain, with gzip and as the server sends it (its .br copy). */
function sizesOf(file: string): { file: string; raw: number; gzip: number; brotli: number } {
  const bytes = readFileSync(join(outDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: readFileSync(join(outDir, `${file}.br`)).length };
}

describe('the staff app at start', () => {
  it(`loads the sign-in page and the home page with at most ${STAFF_START_BUDGET_BYTES} bytes of compressed JS + CSS`, () => {
    const files = startFiles().map(sizesOf);
    expect(files.some((file) => file.file.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.file.endsWith('.css'))).toBe(true);
    const total = (size: 'raw' | 'gzip' | 'brotli') => files.reduce((sum, file) => sum + file[size], 0);
    const lines = files.map((file) => `  ${file.file}: ${file.raw} B raw, ${file.gzip} B gzip, ${file.brotli} B brotli`);
    console.log(
      `staff app at start (sign-in + home): ${total('brotli')} B brotli of ${STAFF_START_BUDGET_BYTES} B budget ` +
        `(${((100 * total('brotli')) / STAFF_START_BUDGET_BYTES).toFixed(0)} %); ${total('gzip')} B gzip, ${total('raw')} B raw\n${lines.join('\n')}`,
    );
    expect(total('brotli')).toBeLessThanOrEqual(STAFF_START_BUDGET_BYTES);
  });

  it('leaves the other pages and the English texts to chunks loaded when they are needed', () => {
    const atStart = new Set(startFiles());
    const entry = manifest['index.html']!;
    // The areas are loaded by import() from the entry; none of them is in what the start loads.
    const lazy = (entry.dynamicImports ?? []).map((key) => manifest[key]!);
    expect(lazy.map((chunk) => chunk.src)).toEqual(expect.arrayContaining(['pages/care/care-pages.ts', 'pages/school/school-pages.ts', 'i18n/locales/en.json']));
    for (const chunk of lazy) expect(atStart.has(chunk.file), chunk.src).toBe(false);
    for (const page of ['pages/care/pupil-care-page.tsx', 'pages/checkin/checkin-class-page.tsx', 'pages/help/help-content.ts', 'i18n/locales/en.json']) {
      expect(atStart.has(chunkOfModule.get(page) ?? ''), page).toBe(false);
    }
    // Dutch is the keys themselves: its catalogue is never built into the app.
    expect(chunkOfModule.has('i18n/locales/nl.json')).toBe(false);
  });
});
