// The real Groeiwijzer server as a child process (`node bin/groeiwijzer.js serve`), for the tests and
// the kill-under-load run that need to signal, kill and restart it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The `groeiwijzer` command as the README runs it. */
export const GROEIWIJZER_BIN = join(REPOSITORY_ROOT, 'bin/groeiwijzer.js');

/** How one server process ended: its exit code, or the signal that ended it. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running `groeiwijzer serve` child process. */
export interface ServerProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (pino's JSON lines). */
  output(): string;
  /** Resolves when the process has ended. */
  exited: Promise<ServerExit>;
}

/** Options for one server start; `env` is added to the settings the harness needs. */
export interface StartServerOptions {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** A key-encryption key for field encryption; give the same one on every restart of a database. */
  key?: string;
}

/** A fresh key-encryption key in the form GROEIWIJZER_KEY takes (32 random bytes, base64). */
export function newKeyEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}

/** A TCP port that was free a moment ago on 127.0.0.1 (the server gets it through PORT). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

/** The environment a child command gets: the parent's, minus settings that would change what is tested. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['SMTP_URL', 'PUBLIC_URL', 'TRUST_PROXY', 'GROEIWIJZER_KEY_FILE', 'GROEIWIJZER_KEY', 'NODE_OPTIONS']) delete env[name];
  return { ...env, ...extra };
}

/** Starts `groeiwijzer serve` on the database and waits until /healthz answers (or the process ends). */
export async function startServerProcess(options: StartServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await findFreePort());
  const env = childEnvironment({
    DATABASE_URL: options.databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MFA_REQUIRED: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...(options.key ? { GROEIWIJZER_KEY: options.key } : {}),
    ...options.env,
  });
  const child = spawn(process.execPath, [GROEIWIJZER_BIN, 'serve'], { cwd: REPOSITORY_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<ServerExit>((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const server: ServerProcess = { baseUrl: `http://127.0.0.1:${port}`, port, child, output: () => output, exited };
  await waitUntilHealthy(server);
  return server;
}

/** Polls /healthz until it answers 200; fails with the server's output when the process ends first. */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  let hasEnded = false;
  void server.exited.then(() => (hasEnded = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasEnded) throw new Error(`The server ended before it was ready:\n${server.output()}`);
    if ((await healthStatus(server.baseUrl)) === 200) return;
    await sleep(50);
  }
  server.child.kill('SIGKILL');
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** Sends SIGTERM and waits for the process to end; SIGKILL after `timeoutMs`. */
export async function stopServerProcess(server: ServerProcess, timeoutMs = 20_000): Promise<ServerExit> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.exited;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

function healthStatus(baseUrl: string): Promise<number | undefined> {
  return new Promise((resolveStatus) => {
    const probe = request(`${baseUrl}/healthz`, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolveStatus(response.statusCode);
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolveStatus(undefined));
    probe.end();
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
