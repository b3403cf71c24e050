import { build } from 'vite';

/** Builds the SPA once before the browser tests, exactly as `npm run build` does. */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
}
