// A small round-robin reverse proxy for trying the two-server setup of docs/DEPLOYMENT.md without nginx: each
// request goes to the next server in turn, with the X-Forwarded-* headers nginx would set. Not for production
// (no TLS, no health checks): a server that does not answer gives a 502 for that request.
//
//   npx tsx test/deployment/small-proxy.ts --port 3000 --to 127.0.0.1:3001,127.0.0.1:3002
import { Agent, createServer, request as forward, type Server } from 'node:http';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const hostPort = z.string().regex(/^[\w.-]+:\d{1,5}$/, 'host:port');
const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  to: z.string().transform((value) => value.split(',')).pipe(z.array(hostPort).min(1)),
});

/**
 * Starts the proxy on `port` (0: any free port) in front of `targets` ("host:port"); resolves once it listens.
 * Connections to the servers are kept alive and reused, as nginx's upstream keepalive does (a new TCP connection per
 * request would make the proxy, not the servers, what a load test measures); closing the proxy closes them.
 */
export function startSmallProxy(port: number, targets: readonly string[]): Promise<Server> {
  let next = 0;
  const agent = new Agent({ keepAlive: true });
  const server = createServer((incoming, outgoing) => {
    const [host, targetPort] = targets[next++ % targets.length]!.split(':') as [string, string];
    const headers = {
      ...incoming.headers,
      'x-forwarded-for': incoming.socket.remoteAddress ?? '',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': incoming.headers.host ?? '',
    };
    const upstream = forward({ host, port: Number(targetPort), method: incoming.method, path: incoming.url, headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('bad gateway');
    });
    incoming.pipe(upstream);
  });
  server.on('close', () => agent.destroy());
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, to: { type: 'string' } } });
  const options = optionsSchema.parse(values);
  const server = await startSmallProxy(options.port, options.to);
  const address = server.address();
  console.log(`small proxy on ${typeof address === 'object' && address ? address.port : options.port} → ${options.to.join(', ')}`);
}
