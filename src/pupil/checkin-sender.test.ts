import { describe, expect, it } from 'vitest';
import {
  type AttemptResult,
  classifyAnswer,
  createPendingCheckin,
  MAX_BACKOFF_MS,
  newIdempotencyKey,
  parseRetryAfter,
  retryDelayMs,
  sendUntilAnswered,
} from './checkin-sender';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Runs sendUntilAnswered over a scripted list of attempt results, recording every payload sent and every wait. */
async function runScript(script: (AttemptResult | 'network')[]) {
  const checkin = createPendingCheckin('bit_high', true, '  moe  ');
  const sent: unknown[] = [];
  const waits: number[] = [];
  const retries: number[] = [];
  const outcome = await sendUntilAnswered({
    attempt: async () => {
      sent.push(JSON.parse(JSON.stringify(checkin)));
      const next = script.shift();
      if (next === undefined) throw new Error('script ran out');
      if (next === 'network') throw new TypeError('Failed to fetch');
      return next;
    },
    onRetrying: (failedAttempts) => retries.push(failedAttempts),
    wait: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  });
  return { checkin, outcome, sent, waits, retries };
}

describe('the check-in sender', () => {
  it('makes the idempotency key once per check-in, as a v4 UUID, also without crypto.randomUUID', () => {
    const first = createPendingCheckin('in_window', false, '');
    expect(first.idempotencyKey).toMatch(UUID_V4);
    expect(first).not.toHaveProperty('word');
    expect(createPendingCheckin('in_window', false, '').idempotencyKey).not.toBe(first.idempotencyKey);
    const withoutRandomUuid = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Crypto;
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey(withoutRandomUuid)));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it('sends the same check-in with the same key on every attempt until the server has it', async () => {
    const { checkin, outcome, sent, waits, retries } = await runScript(['network', { kind: 'retry', retryAfterMs: null }, 'network', { kind: 'received', duplicate: true }]);
    expect(outcome).toEqual({ kind: 'received', duplicate: true });
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(sent[0]).toEqual({ idempotencyKey: checkin.idempotencyKey, state: 'bit_high', wantsTalk: true, word: 'moe' });
    expect(retries).toEqual([1, 2, 3]);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('waits as long as a 503 Retry-After says, and stops at a final refusal', async () => {
    const { outcome, waits, sent } = await runScript([classifyAnswer(503, '7', null), classifyAnswer(401, null, null)]);
    expect(waits).toEqual([7000]);
    expect(outcome).toEqual({ kind: 'final', status: 401 });
    expect(sent).toHaveLength(2);
  });

  it('doubles the pause up to a ceiling, with jitter inside ±20 %', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((failed) => retryDelayMs(failed, null, () => 0.5))).toEqual([1000, 2000, 4000, 8000, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(retryDelayMs(1, null, () => 0)).toBe(800);
    expect(retryDelayMs(1, null, () => 1)).toBe(1200);
    expect(retryDelayMs(9, 3000, () => 0)).toBe(3000);
  });

  it('tells stored, retry-worthy and final answers apart', () => {
    expect(classifyAnswer(201, null, { received: true, duplicate: false })).toEqual({ kind: 'received', duplicate: false });
    expect(classifyAnswer(201, null, { received: true, duplicate: true })).toEqual({ kind: 'received', duplicate: true });
    for (const status of [408, 429, 500, 502, 503, 504]) expect(classifyAnswer(status, null, null).kind).toBe('retry');
    for (const status of [400, 401, 403, 404, 409, 422]) expect(classifyAnswer(status, null, null)).toEqual({ kind: 'final', status });
  });

  it('reads Retry-After as seconds or as a date, capped at two minutes', () => {
    const now = Date.parse('2026-11-24T08:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('86400', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
