import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import type { App } from './fastify-types';

// The one place the server's log format is decided. A log line may travel further than the
// database (log shippers, support tickets), so it carries no input at all: no query string, no
// path parameters, no headers (except a well-formed X-Request-Id, see requestIdOf), no bodies.
// Requests are logged by their route pattern (`/api/schools/:schoolId/pupils`); pino writes each
// record as one line of JSON, which escapes any CR/LF inside a value, so input can never forge or
// split a line.

/** The request fields a log line keeps: the method, the route pattern and a well-formed client address. */
export function serializeRequest(request: {
  method?: string;
  ip?: string;
  routeOptions?: { url?: string | undefined };
}): Record<string, string | undefined> {
  return {
    method: request.method,
    route: request.routeOptions?.url ?? '(no route)',
    // Behind TRUST_PROXY the address comes from X-Forwarded-For: only a real IP address is kept.
    remoteAddress: request.ip !== undefined && isIP(request.ip) !== 0 ? request.ip : undefined,
  };
}

/**
 * The error fields a log line keeps: type, code, status, message and stack. Driver errors carry the
 * values of the failing statement in extra fields (PostgreSQL's `detail`, `where`); those are dropped.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  return { type: error.name, code, statusCode, message: error.message, stack: error.stack };
}

/** The header a request id arrives in (from a proxy or load balancer) and every answer carries it back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Letters, digits and . _ - only, so an id taken from a request cannot carry anything a log line or a header could
// be made to say; UUIDs and the ids of the usual proxies fit.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id of a request: a well-formed one passed in X-Request-Id, so one request can be followed through the
 * proxy's log and ours (anyone can choose it: it ties lines together, it proves nothing), else a new random one.
 */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED_REQUEST_ID.test(given) ? given : randomUUID();
}

/** What every log line written while a request is handled carries: the request's id. */
interface RequestContext {
  requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Gives every request its id back in the X-Request-Id header and makes it the context of the request's handling,
 * so lines that services write through `deps.logger` carry it too (request.log has it already).
 */
export function installRequestIds(app: App): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // Everything after this hook (body parsing, validation, the handler, the services) continues inside the
    // context; the test in test/logging.test.ts sends a body in two parts over a real connection to prove it.
    requestContext.run({ requestId: request.id }, done);
  });
}

// The request's own logger (request.log) carries the id among its bindings; adding it again would write the key twice.
function hasRequestIdBinding(logger: Logger): boolean {
  const bindings = (logger as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym];
  return typeof bindings === 'string' && bindings.includes('"reqId":');
}

// Called by pino for every line: the request id of the request being handled, if any.
function requestIdMixin(_mergeObject: object, _level: number, logger: Logger): object {
  const context = requestContext.getStore();
  return context === undefined || hasRequestIdBinding(logger) ? {} : { reqId: context.requestId };
}

/** Pino options for the server's log: level, the request id, the serializers above, and secrets redacted wherever they appear. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    mixin: requestIdMixin,
    serializers: { req: serializeRequest, err: serializeError },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'csrfToken', '*.csrfToken', 'headers', '*.headers', 'body', '*.body'],
      censor: '[redacted]',
    },
  };
}

/** Creates the server's logger (to stdout, or to the given stream, which tests capture). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// Fields pino adds to every record, or that the human line shows in its own place.
const SHOWN_APART = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'req', 'res', 'err', 'responseTime', 'reqId']);

/** A character that could end or forge a terminal line (C0/C1 controls, line and paragraph separators), escaped. */
function onOneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One pino JSON record as a line a person reads on a terminal: local time, level, the request (method, route
 * pattern, status, duration) or the message, the other fields as key=value, and an error's type and message.
 * Every value is kept on one line (control characters escaped), as in the JSON; an error's stack follows indented.
 */
export function formatLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return onOneLine(json.trimEnd());
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toTimeString().slice(0, 8) : '--:--:--';
  const level = (LEVEL_NAMES[Number(record.level)] ?? String(record.level)).padEnd(5);
  const parts: string[] = [time, level];
  // The request id ties "incoming request" to its "request completed".
  if (record.reqId !== undefined) parts.push(`[${String(record.reqId)}]`);
  const req = record.req as { method?: string; route?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  if (req) parts.push(`${req.method ?? '?'} ${req.route ?? ''}`.trim());
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode));
  if (typeof record.responseTime === 'number') parts.push(`${Math.round(record.responseTime)} ms`);
  if (typeof record.msg === 'string' && record.msg !== '') parts.push(record.msg);
  for (const [key, value] of Object.entries(record)) {
    if (!SHOWN_APART.has(key)) parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  const err = record.err as { type?: string; message?: string; stack?: string } | undefined;
  if (err) parts.push(`— ${err.type ?? 'Error'}: ${err.message ?? ''}`);
  const line = onOneLine(parts.join('  '));
  const stack = err?.stack?.split('\n').slice(1).map((frame) => `    ${onOneLine(frame.trim())}`) ?? [];
  return [line, ...stack].join('\n');
}

/** A stream the log can be written to; a terminal says so with `isTTY`. */
export interface LogOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Where the server's log goes: on a terminal, human lines (formatLogLine); anywhere else — a file, a pipe, a log
 * shipper, tests and CI — pino's JSON lines unchanged.
 */
export function logDestinationFor(output: LogOutput): DestinationStream {
  if (!output.isTTY) return { write: (line: string) => void output.write(line) };
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim() !== '') output.write(`${formatLogLine(line)}\n`);
    },
  };
}
