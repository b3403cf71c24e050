import { describe, expect, it } from 'vitest';
import { nextClassName } from './school-year-names';

describe('the default name of a class in the next school year', () => {
  it('raises the group number and keeps the rest of the name', () => {
    expect(nextClassName('groep 5')).toBe('groep 6');
    expect(nextClassName('Groep 5a')).toBe('Groep 6a');
    expect(nextClassName('5b')).toBe('6b');
  });

  it('lets group 8 leave the school', () => {
    expect(nextClassName('Groep 8')).toBeNull();
    expect(nextClassName('8a')).toBeNull();
  });

  it('keeps a name without a number, and that of a combined class', () => {
    expect(nextClassName('Groep 1-2')).toBe('Groep 1-2');
    expect(nextClassName('3/4')).toBe('3/4');
    expect(nextClassName('Zonnebloemen')).toBe('Zonnebloemen');
  });
});
