import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARENT_ENTRY_BUDGET_BYTES } from '../shared/parents';
import { buildEntryForTest } from '../../test/support/production-build';

// The page-weight budget of the parent page (issue 16), measured like the pupil entry: parents open it on old phones
// with little data, so everything it loads — JS + CSS, gzip-compressed — stays within 30 KB. Builds the parent entry
// alone with the project's own Vite config into a temporary folder (a clean checkout has no dist/).

let outDir: string;

beforeAll(async () => {
  outDir = await buildEntryForTest('parent');
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the parent page', () => {
  it(`loads at most ${PARENT_ENTRY_BUDGET_BYTES} bytes of gzip-compressed JS + CSS, all of it named by the page`, () => {
    const html = readFileSync(join(outDir, 'parent.html'), 'utf8');
    const named = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((match) => match[1]!);
    const assets = readdirSync(join(outDir, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    // Nothing loaded later: the whole page is what it names.
    expect([...assets].sort()).toEqual([...named].filter((name) => /\.(js|css)$/.test(name)).sort());
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    expect(assets.some((name) => name.endsWith('.css'))).toBe(true);
    const sizes = assets.map((name) => ({ name, gzip: gzipSync(readFileSync(join(outDir, 'assets', name))).length }));
    const total = sizes.reduce((sum, asset) => sum + asset.gzip, 0);
    console.log(`parent page: ${total} B gzip of ${PARENT_ENTRY_BUDGET_BYTES} B budget\n${sizes.map((asset) => `  ${asset.name}: ${asset.gzip} B gzip`).join('\n')}`);
    expect(total).toBeLessThanOrEqual(PARENT_ENTRY_BUDGET_BYTES);
  });

  it('carries the CSP nonce placeholder, no inline style, no React, i18next or zod, and none of the staff texts', () => {
    const html = readFileSync(join(outDir, 'parent.html'), 'utf8');
    expect(html).toMatch(/nonce="GW_CSP_NONCE"/);
    expect(html).not.toMatch(/style=/);
    const code = readdirSync(join(outDir, 'assets'))
      .map((name) => readFileSync(join(outDir, 'assets', name), 'utf8'))
      .join('\n');
    for (const library of ['react.transitional.element', 'i18next', 'ZodError', 'innerHTML', 'localStorage', 'sessionStorage', 'indexedDB']) {
      expect(code, library).not.toContain(library);
    }
    // The page's words come from the server: the full wording list is not in the bundle.
    expect(code).not.toContain('Alleen het zorgteam van de school ziet uw antwoorden');
  });
});
