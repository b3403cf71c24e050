import { AppError } from '../errors';
import type { App } from './fastify-types';

/**
 * Refuses JSON bodies holding text that cannot be stored as sent: a NUL character (PostgreSQL text
 * cannot hold one, SQLite would) or a lone UTF-16 surrogate (UTF-8 cannot encode one, so it would come
 * back as U+FFFD). Both databases then answer the same: a 400 naming the field, never a 500.
 */
export function installTextGuard(app: App): void {
  app.addHook('preValidation', async (request) => {
    const fields: Record<string, string[]> = {};
    for (const path of unstorableTextPaths(request.body, 'body')) fields[path] = ['text contains a NUL character or a lone surrogate'];
    if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  });
}

/** Paths (`body.mapping.firstName`) of every string, key included, that holds NUL or a lone surrogate. */
export function unstorableTextPaths(value: unknown, path: string): string[] {
  const found: string[] = [];
  // An explicit stack instead of recursion, so no body, however deep, can overflow the call stack; each
  // entry knows its parent, so a path is spelled out only for what is reported.
  const stack: Visit[] = [{ value, key: path, parent: undefined }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const item = visit.value;
    if (typeof item === 'string') {
      if (!isStorable(item)) found.push(pathOf(visit));
    } else if (Array.isArray(item)) {
      // Pushed last to first, so they are visited (and reported) in document order.
      for (let index = item.length - 1; index >= 0; index -= 1) stack.push({ value: item[index], key: index, parent: visit });
    } else if (item && typeof item === 'object') {
      const keys = Object.keys(item);
      // A key that cannot be stored is reported at the path of its object.
      if (keys.some((key) => !isStorable(key))) found.push(pathOf(visit));
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index] as string;
        stack.push({ value: (item as Record<string, unknown>)[key], key, parent: visit });
      }
    }
  }
  return found;
}

/** A value met while walking a body, with the key it was found under and its parent. */
interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | undefined;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}
