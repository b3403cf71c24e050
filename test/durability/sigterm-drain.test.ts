// SIGTERM drains: the real server (`groeiwijzer serve` as a child process) finishes every request it
// has begun, refuses new connections, closes the database after the last answer and exits 0 — also
// when the signal comes twice. A client that never finishes its request cannot hold it up forever.
import { existsSync } from 'node:fs';
import { Agent, type ClientRequest, request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, sqlitePathOf } from '../../src/server/db/create-db';
import { createEmptyTestDatabaseUrl, testDialects } from '../support/test-db';
import { sessionCookieFrom, setUpFirstSchool } from './http-client';
import { newKeyEncryptionKey, type ServerProcess, sleep, startServerProcess, stopServerProcess } from './server-process';

const SLOW_LOGINS = 6;

/** A login whose body is sent in two halves, so the server has begun it but cannot finish it yet. */
interface HeldRequest {
  outgoing: ClientRequest;
  rest: string;
  answer: Promise<{ status: number; body: string; setCookies: string[]; connection: string | undefined }>;
}

function holdLogin(baseUrl: string, agent: Agent, email: string, password: string): HeldRequest {
  const payload = JSON.stringify({ email, password });
  const half = Math.floor(payload.length / 2);
  const outgoing = request(`${baseUrl}/api/session`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) },
  });
  const answer = new Promise<{ status: number; body: string; setCookies: string[]; connection: string | undefined }>((resolveAnswer, reject) => {
    outgoing.on('response', (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () =>
        incoming.complete
          ? resolveAnswer({ status: incoming.statusCode ?? 0, body, setCookies: incoming.headers['set-cookie'] ?? [], connection: incoming.headers.connection })
          : reject(new Error('answer cut off')),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
  });
  // Awaited by the test; this keeps a failing test from also reporting an unhandled rejection.
  answer.catch(() => undefined);
  outgoing.write(payload.slice(0, half));
  return { outgoing, rest: payload.slice(half), answer };
}

/** How many POSTs to `route` the server has logged as begun (Fastify's "incoming request" at LOG_LEVEL=info). */
function begunPosts(server: ServerProcess, route: string): number {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('"msg":"incoming request"') && line.includes('"POST"') && line.includes(`"${route}"`)).length;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

/** Whether a new TCP connection to the port is refused. */
function isConnectionRefused(port: number): Promise<boolean> {
  return new Promise((resolveRefused) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveRefused(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolveRefused(error.code === 'ECONNREFUSED'));
  });
}

describe.each(testDialects())('SIGTERM on %s', (dialect) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startWithAdministrator() {
    const database = await createEmptyTestDatabaseUrl(dialect);
    cleanups.push(database.drop);
    const server = await startServerProcess({ databaseUrl: database.url, key: newKeyEncryptionKey(), env: { LOG_LEVEL: 'info' } });
    cleanups.push(() => stopServerProcess(server));
    const admin = await setUpFirstSchool(server.baseUrl);
    return { database, server, admin };
  }

  it('finishes every request in flight, refuses new connections, then closes the database and exits 0', async () => {
    const { database, server, admin } = await startWithAdministrator();
    // Keep-alive, as browsers do: an idle kept-alive connection must not hold up the exit either.
    const agent = new Agent({ keepAlive: true });
    cleanups.push(async () => agent.destroy());
    const held = Array.from({ length: SLOW_LOGINS }, () => holdLogin(server.baseUrl, agent, admin.email, admin.password));
    await waitFor(() => begunPosts(server, '/api/session') === SLOW_LOGINS, 'the server has begun every login');

    server.child.kill('SIGTERM');
    await waitFor(() => isConnectionRefused(server.port), 'new connections are refused');
    // A second and third signal while draining must not cut the drain short.
    server.child.kill('SIGINT');
    server.child.kill('SIGTERM');
    await waitFor(() => server.output().includes('received again'), 'the repeated signal was seen');
    expect(server.child.exitCode).toBeNull();

    for (const login of held) login.outgoing.end(login.rest);
    const answers = await Promise.all(held.map((login) => login.answer));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ user: { email: admin.email }, csrfToken: expect.any(String) });
      expect(sessionCookieFrom(answer.setCookies)).toMatch(/^__Host-gw_session=/);
      // The client learns not to send another request on this connection.
      expect(answer.connection).toBe('close');
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await isConnectionRefused(server.port)).toBe(true);

    // Every drained login's session was committed before the database closed.
    const csrfTokens = answers.map((answer) => (JSON.parse(answer.body) as { csrfToken: string }).csrfToken);
    if (dialect === 'sqlite') {
      // The last connection to close checkpoints the WAL and deletes it: the server closed the database cleanly.
      expect(existsSync(sqlitePathOf(database.url))).toBe(true);
      expect(existsSync(`${sqlitePathOf(database.url)}-wal`)).toBe(false);
    }
    const db = await createDb(database.url);
    try {
      const stored = await db.kysely.selectFrom('sessions').select('csrf_token').where('csrf_token', 'in', csrfTokens).execute();
      expect(stored).toHaveLength(SLOW_LOGINS);
    } finally {
      await db.close();
    }
  });

  it('closes a connection whose request never completes after the grace period, and exits 1', async () => {
    const { server, admin } = await startWithAdministrator();
    const agent = new Agent({ keepAlive: true });
    cleanups.push(async () => agent.destroy());
    const stuck = holdLogin(server.baseUrl, agent, admin.email, admin.password);
    const outcome = stuck.answer.then(
      () => 'answered',
      () => 'connection closed',
    );
    await waitFor(() => begunPosts(server, '/api/session') === 1, 'the server has begun the login');
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(await outcome).toBe('connection closed');
    expect(server.output()).toContain('closing their connections');
  }, 40_000);
});
