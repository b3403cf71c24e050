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
});
