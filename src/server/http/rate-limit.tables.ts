/** rate_limits: one row per route and address while its window lasts (http/rate-limit-store.ts counts in it). */
export interface RateLimitsTable {
  /** SHA-256 of "<method> <route> <address>": no address is stored, not even for a minute. */
  key_hash: string;
  hits: number;
  window_ends_at: string;
}
