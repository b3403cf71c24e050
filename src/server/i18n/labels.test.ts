import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRAINING_KINDS } from '../../shared/plan';
import { BOARD_ROLES, SCHOOL_ROLES } from '../../shared/roles';
import { CDC_STATUSES } from '../../shared/sociogram';
import { roleLabelOf, sociogramStatusLabelOf, trainingKindLabelOf } from './labels';

// The server's labels are the web app's words: each Dutch label is a key of the web catalogue (so the web shows
// the same text), and the English label is that key's English translation.
const catalogue = (locale: 'nl' | 'en') => JSON.parse(readFileSync(new URL(`../../web/i18n/locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;

describe('server labels', () => {
  const english = catalogue('en');
  const dutch = catalogue('nl');
  const pairs = [
    ...[...SCHOOL_ROLES, ...BOARD_ROLES].map((role) => [roleLabelOf('nl', role), roleLabelOf('en', role)] as const),
    ...TRAINING_KINDS.map((kind) => [trainingKindLabelOf('nl', kind), trainingKindLabelOf('en', kind)] as const),
    ...CDC_STATUSES.map((status) => [sociogramStatusLabelOf('nl', status), sociogramStatusLabelOf('en', status)] as const),
  ];

  it.each(pairs)('%s is the web catalogue’s word, in English %s', (nl, en) => {
    expect(dutch).toHaveProperty([nl]);
    expect(english[nl]).toBe(en);
  });

  it("shows a custom training's own title instead of its kind", () => {
    expect(trainingKindLabelOf('nl', 'custom', 'Studiedag hechting')).toBe('Studiedag hechting');
    expect(trainingKindLabelOf('en', 'custom', '')).toBe('Own training');
    expect(trainingKindLabelOf('nl', 'intro', 'genegeerd')).toBe('Kennismakingsworkshop');
  });
});
