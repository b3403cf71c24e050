import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-body-parser';

describe('how deeply a JSON text nests', () => {
  it('counts objects and arrays inside each other, not beside each other', () => {
    const fourDeep = '{"a":[1,{"b":[]}],"c":{"d":{}}}';
    expect(nestsDeeperThan(fourDeep, 3)).toBe(true);
    expect(nestsDeeperThan(fourDeep, 4)).toBe(false);
    expect(nestsDeeperThan('[[],[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, also after escaped quotes and backslashes', () => {
    expect(nestsDeeperThan('{"a":"[[[[{{{{","b":"\\"[[[[[","c":"\\\\","d":"x\\\\\\"[[[["}', 1)).toBe(false);
    // After "\\\\" the string has ended, so these brackets count.
    expect(nestsDeeperThan('{"a":"\\\\",[[[1]]]}', 3)).toBe(true);
  });

  it('finds a million levels in one pass, and leaves an unterminated string to the parser', () => {
    expect(nestsDeeperThan('['.repeat(1_000_000) + ']'.repeat(1_000_000), 16)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[', 1)).toBe(false);
  });
});
