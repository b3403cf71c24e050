import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

// One nonce per response, created when the CSP header is written and read again when index.html is sent.
const nonces = new WeakMap<ServerResponse, string>();

/** The placeholder the SPA build writes into every script and link tag (vite `html.cspNonce`). */
export const CSP_NONCE_PLACEHOLDER = 'GW_CSP_NONCE';

/** The CSP nonce of a response: 128 random bits, base64, the same for every call on that response. */
export function cspNonceOf(response: ServerResponse): string {
  let nonce = nonces.get(response);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    nonces.set(response, nonce);
  }
  return nonce;
}

/** The `script-src` source expression for a response's nonce. */
export function cspNonceSource(_request: unknown, response: ServerResponse): string {
  return `'nonce-${cspNonceOf(response)}'`;
}
