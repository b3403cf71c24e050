import { describe, expect, it } from 'vitest';
import { ACE_INFORMANTS, type AceAnswer, type AceInformant, type AceRow, DEFAULT_ACE_CATEGORIES, aceCohort, combineAces } from './aces';

function row(pupil: string, informant: AceInformant, category: string, answer: AceAnswer): AceRow {
  return { pupil, informant, category, answer };
}

/** `count` yes answers of one informant for one pupil, on categories c1, c2, … */
function yesRows(pupil: string, informant: AceInformant, count: number): AceRow[] {
  return Array.from({ length: count }, (_, index) => row(pupil, informant, `c${index + 1}`, 'yes'));
}

describe('combineAces', () => {
  it('counts a category the file says yes to even when the pupil says no', () => {
    const [summary] = combineAces([row('p1', 'pupil', 'poverty', 'no'), row('p1', 'file', 'poverty', 'yes')]);
    expect(summary).toEqual({
      pupil: 'p1',
      combined: 1,
      perInformant: { pupil: 0, parent: 0, file: 1 },
      fourOrMore: false,
      categories: [{ category: 'poverty', sources: ['file'] }],
    });
  });

  it('lists the sources as pupil, parent, file whatever the order of the rows', () => {
    const [summary] = combineAces([row('p1', 'file', 'bullying', 'yes'), row('p1', 'parent', 'bullying', 'yes'), row('p1', 'pupil', 'bullying', 'yes')]);
    expect(summary?.categories).toEqual([{ category: 'bullying', sources: ['pupil', 'parent', 'file'] }]);
    const [withoutParent] = combineAces([row('p1', 'file', 'bullying', 'yes'), row('p1', 'pupil', 'bullying', 'yes')]);
    expect(withoutParent?.categories).toEqual([{ category: 'bullying', sources: ['pupil', 'file'] }]);
  });

  it('reads an informant that answered a category twice, no then yes, as yes', () => {
    const [summary] = combineAces([row('p1', 'parent', 'poverty', 'no'), row('p1', 'parent', 'poverty', 'yes'), row('p1', 'parent', 'poverty', 'unknown')]);
    expect(summary?.combined).toBe(1);
    expect(summary?.perInformant).toEqual({ pupil: 0, parent: 1, file: 0 });
    expect(summary?.categories).toEqual([{ category: 'poverty', sources: ['parent'] }]);
  });

  it('raises "4 or more" at a combined count of 4, not 3', () => {
    const three = combineAces(yesRows('p1', 'file', 3));
    const four = combineAces([...yesRows('p1', 'file', 2), row('p1', 'pupil', 'c3', 'yes'), row('p1', 'parent', 'c4', 'yes')]);
    expect(three[0]).toMatchObject({ combined: 3, fourOrMore: false });
    // Four from three informants, none of which said yes four times: the combined count decides.
    expect(four[0]).toMatchObject({ combined: 4, perInformant: { pupil: 1, parent: 1, file: 2 }, fourOrMore: true });
  });

  it('gives 0 for an informant without rows', () => {
    const [summary] = combineAces([row('p1', 'pupil', 'poverty', 'yes'), row('p1', 'file', 'bullying', 'yes')]);
    expect(summary?.perInformant).toEqual({ pupil: 1, parent: 0, file: 1 });
    expect(Object.keys(summary!.perInformant)).toEqual([...ACE_INFORMANTS]);
  });

  it('leaves out categories with only no or unknown, yet keeps a pupil without any yes', () => {
    const summaries = combineAces([
      row('p1', 'pupil', 'poverty', 'no'),
      row('p1', 'parent', 'poverty', 'unknown'),
      row('p1', 'file', 'bullying', 'yes'),
      row('p2', 'parent', 'bullying', 'unknown'),
    ]);
    expect(summaries).toEqual([
      { pupil: 'p1', combined: 1, perInformant: { pupil: 0, parent: 0, file: 1 }, fourOrMore: false, categories: [{ category: 'bullying', sources: ['file'] }] },
      { pupil: 'p2', combined: 0, perInformant: { pupil: 0, parent: 0, file: 0 }, fourOrMore: false, categories: [] },
    ]);
  });

  it('sorts pupils and categories by code units, not by locale', () => {
    const summaries = combineAces(['B', 'a', 'A10', 'A9'].map((pupil) => row(pupil, 'pupil', 'poverty', 'yes')));
    expect(summaries.map((summary) => summary.pupil)).toEqual(['A10', 'A9', 'B', 'a']);
    const [summary] = combineAces(['b', 'B', 'é', 'a-2', 'a-10'].map((category) => row('p1', 'file', category, 'yes')));
    expect(summary?.categories.map(({ category }) => category)).toEqual(['B', 'a-10', 'a-2', 'b', 'é']);
  });

  it('returns nothing for no rows', () => {
    expect(combineAces([])).toEqual([]);
  });
});

describe('aceCohort', () => {
  it('counts per informant the pupils it answered about, including a pupil it only answered "unknown" for', () => {
    const rows = [
      ...yesRows('p1', 'pupil', 4),
      row('p1', 'parent', 'c1', 'yes'),
      // p2: the parent only answered "unknown", the file said yes once.
      row('p2', 'parent', 'poverty', 'unknown'),
      row('p2', 'file', 'poverty', 'yes'),
      // p3: two informants, five categories together, none of them four on its own.
      ...yesRows('p3', 'pupil', 3),
      row('p3', 'file', 'c4', 'yes'),
      row('p3', 'file', 'c5', 'yes'),
      // p4: only no answers.
      row('p4', 'file', 'poverty', 'no'),
    ];
    expect(aceCohort(rows)).toEqual({
      pupil: { pupils: 2, atLeastOne: 2, fourOrMore: 1 },
      parent: { pupils: 2, atLeastOne: 1, fourOrMore: 0 },
      file: { pupils: 3, atLeastOne: 2, fourOrMore: 0 },
      combined: { pupils: 4, atLeastOne: 3, fourOrMore: 2 },
    });
  });

  it('counts nobody for no rows', () => {
    const none = { pupils: 0, atLeastOne: 0, fourOrMore: 0 };
    expect(aceCohort([])).toEqual({ pupil: none, parent: none, file: none, combined: none });
  });
});

describe('DEFAULT_ACE_CATEGORIES', () => {
  it('has fourteen categories with unique kebab-case ids and a Dutch and English name each', () => {
    expect(DEFAULT_ACE_CATEGORIES).toHaveLength(14);
    const ids = DEFAULT_ACE_CATEGORIES.map((category) => category.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, name } of DEFAULT_ACE_CATEGORIES) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(name.nl.trim()).not.toBe('');
      expect(name.en.trim()).not.toBe('');
    }
  });
});
