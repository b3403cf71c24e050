import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import nl from './locales/nl.json';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('the extracted catalogues', () => {
  const nlCatalogue = nl as Record<string, string>;
  const enCatalogue = en as Record<string, string>;

  it('hold texts at all', () => {
    expect(Object.keys(nlCatalogue).length).toBeGreaterThan(100);
  });

  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(enCatalogue).sort()).toEqual(Object.keys(nlCatalogue).sort());
  });

  it('use the Dutch source text as the Dutch value', () => {
    const differing = Object.entries(nlCatalogue).filter(([key, value]) => key !== value);
    expect(differing).toEqual([]);
  });

  it('have an English text for every key', () => {
    const missing = Object.entries(enCatalogue).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(missing.map(([key]) => key)).toEqual([]);
  });

  it('keep every interpolation placeholder in the English text', () => {
    const broken = Object.entries(enCatalogue).filter(([key, value]) => placeholders(key).join() !== placeholders(value).join());
    expect(broken.map(([key]) => key)).toEqual([]);
  });
});
