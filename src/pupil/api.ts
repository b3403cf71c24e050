import type { Locale } from '../shared/roles';

// The pupil page's whole HTTP layer: JSON in and out, the CSRF header on changes, a timeout so a
// request stuck on weak Wi-Fi counts as failed (and is retried) instead of hanging forever.

/** One answer of the API: status, parsed JSON (null when none) and Retry-After. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/** How long one request may take before the page gives up on it and tries again. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Calls the API; resolves with any HTTP answer and throws only when no answer arrived (network, timeout). */
export async function callApi(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { locale: Locale; csrfToken?: string; body?: unknown },
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.locale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
  } finally {
    clearTimeout(timer);
  }
}
