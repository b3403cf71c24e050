import { MAX_JSON_DEPTH } from '../../shared/limits';
import { AppError } from '../errors';
import type { App } from './fastify-types';

/**
 * Parses JSON bodies with Fastify's own parser (prototype poisoning refused) after one pass over the
 * text has checked how deeply it nests: a body nested deeper than MAX_JSON_DEPTH is refused with 400
 * before JSON.parse, the text guard or a schema walks it, since each of those costs time per level.
 */
export function installJsonBodyParser(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // parseAs 'string': Fastify hands over the decoded text, never a Buffer.
    const text = body as string;
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new AppError('validation_failed', { fields: { body: [`nested deeper than ${MAX_JSON_DEPTH} levels`] } }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE] = [0x5b, 0x5d, 0x7b, 0x7d];

/**
 * Whether JSON text opens more than `maxDepth` objects and arrays inside each other: one pass with a
 * counter, brackets inside strings ignored. Malformed text is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      index = endOfString(text, index);
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

// The index of the quote that closes the string opened at `start` (or the end of the text): indexOf
// jumps over the text, and a quote preceded by an odd number of backslashes is escaped.
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}
