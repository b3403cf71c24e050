import { describe, expect, it } from 'vitest';
import { unstorableTextPaths } from './text-guard';

describe('text that cannot be stored as sent', () => {
  it('names every string, nested or in an array, that holds NUL or a lone surrogate', () => {
    const body = { name: 'a\u0000b', mapping: { firstName: 'ok', lastName: '\ud800x' }, list: ['fine', 'x\udc00'], 'k\u0000': 1 };
    expect(unstorableTextPaths(body, 'body').sort()).toEqual(['body', 'body.list.1', 'body.mapping.lastName', 'body.name']);
  });

  it('lets ordinary text, emoji and other control characters through', () => {
    expect(unstorableTextPaths({ name: "Zoë 👩‍👩‍👧 ' OR 1=1 --", note: 'regel\r\nregel\t\u0007' }, 'body')).toEqual([]);
  });

  it('walks a body nested 100,000 levels deep without running out of stack, and names the string at the bottom', () => {
    let body: unknown = { note: 'a\u0000b' };
    for (let level = 0; level < 100_000; level += 1) body = level % 2 === 0 ? [body] : { inner: body };
    const [path, ...others] = unstorableTextPaths(body, 'body');
    expect(others).toEqual([]);
    expect(path?.split('.')).toHaveLength(1 + 100_000 + 1);
    expect(path?.startsWith('body.inner.0.inner.0.')).toBe(true);
    expect(path?.endsWith('.0.note')).toBe(true);
  });
});
