import type { ErrorCode } from '../../shared/error-codes';

/** An error answer of the API, with the message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors keyed by the body field name (the server prefixes them with `body.`). */
  get fieldNames(): string[] {
    return Object.keys(this.fields).map((key) => key.replace(/^body\./, ''));
  }
}

interface ClientState {
  csrfToken: string | null;
  language: string;
  networkErrorMessage: () => string;
  onSignedOut: () => void;
}

// Kept outside React so every request, wherever it starts, carries the current token and language.
const state: ClientState = {
  csrfToken: null,
  language: 'nl',
  networkErrorMessage: () => 'Network error',
  onSignedOut: () => undefined,
};

/** Tells the client the session's CSRF token (null when signed out). */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Tells the client the interface language, sent as Accept-Language so errors come back in it. */
export function setApiLanguage(language: string): void {
  state.language = language;
}

/** Sets the text shown when the server cannot be reached, and what to do when the session has ended. */
export function configureApiClient(options: Pick<ClientState, 'networkErrorMessage' | 'onSignedOut'>): void {
  state.networkErrorMessage = options.networkErrorMessage;
  state.onSignedOut = options.onSignedOut;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', state.networkErrorMessage());
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: ErrorCode; message?: string; fields?: Record<string, string[]> } } | null)?.error;
    const apiError = new ApiError(response.status, error?.code ?? 'internal_error', error?.message ?? state.networkErrorMessage(), error?.fields);
    // A session that expired or was revoked: let the app return to the login page.
    if (apiError.code === 'not_authenticated') state.onSignedOut();
    throw apiError;
  }
  return payload as T;
}

/** The typed JSON client of the Groeiwijzer API. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a path with URL-encoded segments and optional query parameters (empty values left out). */
export function apiPath(template: string, params: Record<string, string> = {}, query: Record<string, string | undefined> = {}): string {
  const path = template.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
