import { build } from 'vite';

/** Builds the SPA once before the browser tests, exactly as `npm run build` does (production React). */
export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build instead.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
