import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The built files worth compressing: text. Images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|webmanifest)$/;

/**
 * Writes a `.br` and a `.gz` copy, at the best compression zlib offers, next to every text asset of the build,
 * so the server sends compressed bytes without compressing on each request (see src/server/http/web.routes.ts).
 * HTML is left alone: the server swaps a fresh CSP nonce into every page it sends, so a page is never the same twice.
 */
export function precompress(): Plugin {
  return {
    name: 'groeiwijzer-precompress',
    apply: 'build',
    // After the files are on disk: compressing in generateBundle would compress before other plugins finish.
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      // Vite's own bookkeeping (.vite/manifest.json) is never served.
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name) && !name.startsWith('.vite/'));
      await Promise.all(files.map((name) => writeCompressedCopies(join(outDir, name))));
    },
  };
}

// A copy is only written when it is smaller: the server falls back to the plain file when a copy is missing.
async function writeCompressedCopies(file: string): Promise<void> {
  const plain = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
    gzipAsync(plain, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([br.length < plain.length ? writeFile(`${file}.br`, br) : undefined, gz.length < plain.length ? writeFile(`${file}.gz`, gz) : undefined]);
}
