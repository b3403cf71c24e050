import type { CheckinState } from '../shared/checkin';

// Sending a check-in over weak school Wi-Fi. The unsent check-in lives only in memory (never in
// browser storage: a shared tablet must not keep a child's answer), and every attempt carries the same
// idempotency key, so the server stores it once however often it arrives. No DOM here: tested in Node.

/** A check-in the pupil finished, with the key it keeps for every attempt. */
export interface PendingCheckin {
  readonly idempotencyKey: string;
  readonly state: CheckinState;
  readonly wantsTalk: boolean;
  readonly word?: string;
}

/** What one attempt came to: stored, worth trying again (maybe after a wait the server named), or a final refusal. */
export type AttemptResult =
  | { kind: 'received'; duplicate: boolean }
  | { kind: 'retry'; retryAfterMs: number | null }
  | { kind: 'final'; status: number };

/** How a check-in ended: received by the server, or refused for good (the page tells the pupil to ask the teacher). */
export type SendOutcome = { kind: 'received'; duplicate: boolean } | { kind: 'final'; status: number };

/** The longest pause between attempts, and the longest Retry-After the page honours. */
export const MAX_BACKOFF_MS = 15_000;
const MAX_RETRY_AFTER_MS = 120_000;

/** A random version-4 UUID; falls back to getRandomValues where randomUUID is missing (older tablets, plain http). */
export function newIdempotencyKey(source: Crypto = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Makes the one check-in object that every attempt sends; the key is created here, once. */
export function createPendingCheckin(state: CheckinState, wantsTalk: boolean, word: string): PendingCheckin {
  const trimmed = word.trim();
  return { idempotencyKey: newIdempotencyKey(), state, wantsTalk, ...(trimmed ? { word: trimmed } : {}) };
}

/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(date - now, 0), MAX_RETRY_AFTER_MS);
}

/**
 * What an HTTP answer means for a check-in: 200/201 stored; 408, 425, 429 and 5xx are worth another
 * try (with the server's Retry-After when it sent one); every other 4xx is final (signed out, refused).
 */
export function classifyAnswer(status: number, retryAfter: string | null, body: unknown, now = Date.now()): AttemptResult {
  if (status === 200 || status === 201) {
    const duplicate = typeof body === 'object' && body !== null && (body as { duplicate?: unknown }).duplicate === true;
    return { kind: 'received', duplicate };
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) return { kind: 'retry', retryAfterMs: parseRetryAfter(retryAfter, now) };
  return { kind: 'final', status };
}

/** The wait before attempt `attemptNumber + 1`: the server's Retry-After, else doubling from 1 s up to 15 s, with ±20 % jitter. */
export function retryDelayMs(failedAttempts: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  if (retryAfterMs !== null) return retryAfterMs;
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The moving parts of sending: one attempt, how to wait, and who hears about retries. */
export interface SendOptions {
  /** One try at sending the same check-in; throws when the network fails (counted as "try again"). */
  attempt: () => Promise<AttemptResult>;
  /** Told before each pause, so the page can say "not sent yet, trying again". */
  onRetrying: (failedAttempts: number, delayMs: number) => void;
  wait?: (ms: number) => Promise<void>;
  random?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Tries until the server has the check-in or refuses it for good; network failures and 5xx are retried with backoff. */
export async function sendUntilAnswered(options: SendOptions): Promise<SendOutcome> {
  const wait = options.wait ?? sleep;
  for (let failedAttempts = 1; ; failedAttempts += 1) {
    let result: AttemptResult;
    try {
      result = await options.attempt();
    } catch {
      result = { kind: 'retry', retryAfterMs: null };
    }
    if (result.kind !== 'retry') return result;
    const delay = retryDelayMs(failedAttempts, result.retryAfterMs, options.random);
    options.onRetrying(failedAttempts, delay);
    await wait(delay);
  }
}
