import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUPIL_ENTRY_BUDGET_BYTES } from '../shared/checkin';
import { PUPIL_REGULATION_BUDGET_BYTES } from '../shared/regulation';
import { buildEntryForTest } from '../../test/support/production-build';

// The page-weight budget of the pupil entry (issue 5): an old tablet on weak school Wi-Fi must get the
// whole check-in page in at most 25 KB of compressed JS + CSS — what it loads at start. The regulation moment
// (issue 19) is loaded later, only after a check-in outside the window, within a budget of its own. Builds the pupil
// entry alone, with the project's own Vite config, into a temporary folder, so it works on a clean checkout without dist/.

let outDir: string;

beforeAll(async () => {
  outDir = await buildEntryForTest('pupil');
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** One built JS or CSS file, with its raw and gzip size. */
interface Asset {
  name: string;
  raw: number;
  gzip: number;
  text: string;
}

/** Every JS and CSS file the build wrote, with its raw and gzip size. */
function emittedAssets(): Asset[] {
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes).length, text: bytes.toString('utf8') };
    });
}

/** The assets pupil.html names (scripts, stylesheets, module preloads). */
function referencedByPage(): string[] {
  const html = readFileSync(join(outDir, 'pupil.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((match) => match[1]!);
}

// A static `import … from "./x.js"`, `import "./x.js"` or `export … from "./x.js"` in built code; never `import("./x.js")`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g;

/**
 * What the pupil page loads at start: the assets pupil.html names and, transitively, the chunks their code imports
 * statically. Whatever else the build wrote is loaded later, by a dynamic `import()`, only when needed.
 */
function splitAssets(): { atStart: Asset[]; later: Asset[] } {
  const assets = emittedAssets();
  const byName = new Map(assets.map((asset) => [asset.name, asset]));
  const atStart = new Set<string>();
  const queue = [...referencedByPage()];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (atStart.has(name)) continue;
    atStart.add(name);
    for (const match of byName.get(name)?.text.matchAll(STATIC_IMPORT) ?? []) queue.push(match[1]!);
  }
  return { atStart: assets.filter((asset) => atStart.has(asset.name)), later: assets.filter((asset) => !atStart.has(asset.name)) };
}

/** Prints a set of assets with their sizes against a budget, and returns their gzip total. */
function report(what: string, assets: Asset[], budget: number): number {
  const total = assets.reduce((sum, asset) => sum + asset.gzip, 0);
  const lines = assets.map((asset) => `  ${asset.name}: ${asset.raw} B raw, ${asset.gzip} B gzip`);
  console.log(`${what}: ${total} B gzip of ${budget} B budget (${((100 * total) / budget).toFixed(0)} %)\n${lines.join('\n')}`);
  return total;
}

describe('the pupil entry', () => {
  it(`loads at most ${PUPIL_ENTRY_BUDGET_BYTES} bytes of gzip-compressed JS + CSS at start`, () => {
    const { atStart } = splitAssets();
    expect(atStart.some((asset) => asset.name.endsWith('.js'))).toBe(true);
    expect(atStart.some((asset) => asset.name.endsWith('.css'))).toBe(true);
    expect(report('pupil entry at start', atStart, PUPIL_ENTRY_BUDGET_BYTES)).toBeLessThanOrEqual(PUPIL_ENTRY_BUDGET_BYTES);
  });

  it(`loads the regulation moment (issue 19) later, on its own, in at most ${PUPIL_REGULATION_BUDGET_BYTES} bytes of gzip-compressed JS + CSS`, () => {
    const { atStart, later } = splitAssets();
    // Its code and its stylesheet, and nothing of it in what the page loads at start.
    const regulation = later.filter((asset) => asset.name.startsWith('regulation-flow'));
    expect(regulation.map((asset) => asset.name.replace(/-[\w-]{8}\.(js|css)$/, '.$1')).sort()).toEqual(['regulation-flow.css', 'regulation-flow.js']);
    const startCode = atStart.map((asset) => asset.text).join('\n');
    const chunk = regulation.find((asset) => asset.name.endsWith('.js'))!;
    // The minifier may quote the path with a backtick: any quote, but a dynamic import().
    expect(startCode).toMatch(new RegExp(`import\\(["'\`]\\./${chunk.name.replace(/[.-]/g, '\\$&')}["'\`]\\)`));
    for (const word of ['Hielp het?', 'regulation-breathe']) expect(startCode, word).not.toContain(word);
    expect(report('regulation moment, loaded when offered', later, PUPIL_REGULATION_BUDGET_BYTES)).toBeLessThanOrEqual(PUPIL_REGULATION_BUDGET_BYTES);
  });

  it('loads only its own assets, with the CSP nonce placeholder, and carries no React, i18next or zod', () => {
    const html = readFileSync(join(outDir, 'pupil.html'), 'utf8');
    const emitted = emittedAssets().map((asset) => asset.name);
    // Everything the page names was built for it; what it does not name is loaded later by its own code.
    expect(emitted).toEqual(expect.arrayContaining(referencedByPage()));
    const { atStart, later } = splitAssets();
    expect([...atStart, ...later].map((asset) => asset.name).sort()).toEqual([...emitted].sort());
    expect(html.match(/nonce="GW_CSP_NONCE"/g)?.length).toBe(3);
    expect(html).not.toMatch(/style=/);
    const code = emittedAssets()
      .map((asset) => asset.text)
      .join('\n');
    for (const library of ['react.transitional.element', 'i18next', 'ZodError', 'innerHTML', 'localStorage', 'sessionStorage', 'indexedDB']) {
      expect(code, library).not.toContain(library);
    }
  });
});
