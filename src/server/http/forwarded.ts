import type { FastifyRequest } from 'fastify';

// Headers a reverse proxy adds when it passes a request on.
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * Whether a proxy passed this request on. Routes only for the machine itself (loading the demo, /metrics) check the
 * socket's address, and a proxy on the same machine connects from loopback too: a request carrying one of these
 * headers came from elsewhere, whatever the socket says (a client adding one only refuses itself).
 */
export function wasForwarded(request: FastifyRequest): boolean {
  return FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
}
