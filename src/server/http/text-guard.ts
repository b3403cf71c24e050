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
  if (typeof value === 'string') return isStorable(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableTextPaths(item, `${path}.${index}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [...(isStorable(key) ? [] : [path]), ...unstorableTextPaths(item, `${path}.${key}`)]);
  }
  return [];
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}
