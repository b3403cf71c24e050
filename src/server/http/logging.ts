import { isIP } from 'node:net';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

// The one place the server's log format is decided. A log line may travel further than the
// database (log shippers, support tickets), so it carries no input at all: no query string, no
// path parameters, no headers, no bodies. Requests are logged by their route pattern
// (`/api/schools/:schoolId/pupils`); pino writes each record as one line of JSON, which escapes
// any CR/LF inside a value, so input can never forge or split a line.

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

/** Pino options for the server's log: level, the serializers above, and secrets redacted wherever they appear. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
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
