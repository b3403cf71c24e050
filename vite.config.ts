import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.ts';

/** The HTML entries Vite builds: the staff SPA, the pupil page and the parent page (no React; see src/pupil, src/parent). */
export const PAGE_ENTRIES = {
  index: resolve(import.meta.dirname, 'src/web/index.html'),
  pupil: resolve(import.meta.dirname, 'src/web/pupil.html'),
  parent: resolve(import.meta.dirname, 'src/web/parent.html'),
};

// The SPA lives in src/web; the server serves dist/web (pupil.html for /leerling and /klas, parent.html for /ouder, index.html for every other page, /assets/* for the rest).
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  // precompress: every asset also as .br and .gz, which the server sends to browsers that accept them.
  plugins: [react(), precompress()],
  // Every script and link tag gets nonce="GW_CSP_NONCE"; the server swaps in each response's own nonce.
  html: { cspNonce: 'GW_CSP_NONCE' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The CSP forbids inline scripts and styles, so nothing may be inlined as a data: URL either.
    assetsInlineLimit: 0,
    // A strict CSP and no polyfill: the modulepreload polyfill would be the only inline-ish script.
    modulePreload: { polyfill: false },
    // Three pages: the staff SPA, and the light pupil (/leerling, /klas) and parent (/ouder) entries with their own small assets.
    rolldownOptions: { input: PAGE_ENTRIES },
  },
  server: {
    // `npm run dev:web` talks to a server started with `groeiwijzer serve` on port 3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
