import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig, { PAGE_ENTRIES } from '../../vite.config';
import { PUPIL_ENTRY_BUDGET_BYTES } from '../shared/checkin';

// The page-weight budget of the pupil entry (issue 5): an old tablet on weak school Wi-Fi must get the
// whole check-in page in at most 25 KB of compressed JS + CSS. Builds the pupil entry alone, with the
// project's own Vite config, into a temporary folder, so it works on a clean checkout without dist/.

let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'gw-pupil-build-'));
  // Vitest sets NODE_ENV=test; the budget is about the production build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...viteConfig,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      build: { ...viteConfig.build, outDir, emptyOutDir: true, rolldownOptions: { ...viteConfig.build?.rolldownOptions, input: { pupil: PAGE_ENTRIES.pupil } } },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Every JS and CSS file the build wrote, with its raw and gzip size. */
function emittedAssets(): { name: string; raw: number; gzip: number; text: string }[] {
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes).length, text: bytes.toString('utf8') };
    });
}

describe('the pupil entry', () => {
  it(`stays within ${PUPIL_ENTRY_BUDGET_BYTES} bytes of gzip-compressed JS + CSS`, () => {
    const assets = emittedAssets();
    const total = assets.reduce((sum, asset) => sum + asset.gzip, 0);
    const lines = assets.map((asset) => `  ${asset.name}: ${asset.raw} B raw, ${asset.gzip} B gzip`);
    console.log(`pupil entry: ${total} B gzip of ${PUPIL_ENTRY_BUDGET_BYTES} B budget (${((100 * total) / PUPIL_ENTRY_BUDGET_BYTES).toFixed(0)} %)\n${lines.join('\n')}`);
    expect(assets.some((asset) => asset.name.endsWith('.js'))).toBe(true);
    expect(assets.some((asset) => asset.name.endsWith('.css'))).toBe(true);
    expect(total).toBeLessThanOrEqual(PUPIL_ENTRY_BUDGET_BYTES);
  });

  it('loads only its own assets, with the CSP nonce placeholder, and carries no React, i18next or zod', () => {
    const html = readFileSync(join(outDir, 'pupil.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((match) => match[1]);
    const emitted = emittedAssets().map((asset) => asset.name);
    expect(referenced.sort()).toEqual(emitted.sort());
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
