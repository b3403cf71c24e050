import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import viteConfig, { PAGE_ENTRIES } from '../../vite.config';

/**
 * Builds one page entry (staff `index`, `pupil` or `parent`) for production with the project's own Vite config (so
 * with its precompress plugin) into a new temporary folder, and returns that folder. The page-weight budgets and the
 * asset-serving test measure what `npm run build` writes, and a clean checkout has no dist/ to read.
 */
export async function buildEntryForTest(entry: keyof typeof PAGE_ENTRIES, options: { manifest?: boolean; plugins?: Plugin[] } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `gw-${entry}-build-`));
  // Vitest sets NODE_ENV=test; what is measured is the production build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...viteConfig,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      plugins: [...(viteConfig.plugins ?? []), ...(options.plugins ?? [])],
      build: {
        ...viteConfig.build,
        outDir,
        emptyOutDir: true,
        manifest: options.manifest ?? false,
        rolldownOptions: { ...viteConfig.build?.rolldownOptions, input: { [entry]: PAGE_ENTRIES[entry] } },
      },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  return outDir;
}
