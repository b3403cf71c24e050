import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { poolStateOf } from '../db/create-db';
import type { Deps } from '../deps';
import { addMetricsSource, metricsRegistry } from '../metrics';
import { sendError } from './error-handler';
import { wasForwarded } from './forwarded';
import type { App } from './fastify-types';

// Prometheus scrapes each server directly; a request that came through the reverse proxy is refused whatever its
// address, because the proxy's own address (often 127.0.0.1, on the allow-list by default) would otherwise vouch for
// everyone on the internet.

/**
 * Whether an address is on the allow-list (single addresses and CIDR ranges, as METRICS_ALLOW is checked by
 * config.ts). An IPv4 client on a dual-stack socket shows as `::ffff:10.1.2.3` and is checked as 10.1.2.3.
 */
export function addressAllowList(entries: readonly string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    if (address === undefined) return false;
    const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * GET /metrics in Prometheus' text format, for the addresses in METRICS_ALLOW only. The address checked is the
 * connection's own (the TCP peer), never X-Forwarded-For, also with TRUST_PROXY on: that header is whatever the
 * client wrote in it. Any other caller gets the 404 of a route that does not exist.
 */
export async function metricsRoutes(app: App, deps: Deps): Promise<void> {
  const isAllowedAddress = addressAllowList(deps.config.metricsAllow);
  const isAllowed = (request: FastifyRequest) =>
    isAllowedAddress(request.raw.socket.remoteAddress) && !wasForwarded(request);

  const removeSource = addMetricsSource({
    dialect: deps.db.dialect,
    databasePool: () => poolStateOf(deps.db),
  });
  app.addHook('onClose', async () => removeSource());

  app.get('/metrics', { config: { policy: { access: 'public' } }, schema: { hide: true } }, async (request, reply) => {
    if (!isAllowed(request)) return sendError(request, reply, 'not_found');
    const text = await metricsRegistry.metrics();
    return reply.header('cache-control', 'no-store').type(metricsRegistry.contentType).send(text);
  });
}
