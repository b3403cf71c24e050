import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseShownCells, DEFAULT_MIN_GROUP_SIZE, isLargeEnough, MIN_GROUP_SIZE_FLOOR, minimumGroupSizeOf, pupilFiguresPerClass } from './anonymity';

describe('the anonymity rule', () => {
  it('uses the board setting for k, never below the floor, and the default when there is none', () => {
    expect(minimumGroupSizeOf(7)).toBe(7);
    expect(minimumGroupSizeOf(1)).toBe(MIN_GROUP_SIZE_FLOOR);
    expect(minimumGroupSizeOf(null)).toBe(DEFAULT_MIN_GROUP_SIZE);
    expect(minimumGroupSizeOf(undefined)).toBe(DEFAULT_MIN_GROUP_SIZE);
  });

  it('shows a cell from k people on, and refuses a k below the floor', () => {
    expect(isLargeEnough(5, 5)).toBe(true);
    expect(isLargeEnough(4, 5)).toBe(false);
    expect(() => isLargeEnough(4, 2)).toThrow(RangeError);
  });

  it('shows every cell of at least k when nothing is hidden', () => {
    expect(chooseShownCells([{ key: 'a', size: 5 }, { key: 'b', size: 9 }], 5)).toEqual(['a', 'b']);
  });

  it('hides the smallest shown cell too when one small cell could be found by subtraction', () => {
    // 2 people hidden alone would be the whole minus a and b: hiding a (the smallest) makes 7 hidden together.
    expect(chooseShownCells([{ key: 'b', size: 9 }, { key: 'a', size: 5 }, { key: 'c', size: 2 }], 5)).toEqual(['b']);
  });

  it('hides the first of two equally small cells, so the answer does not depend on chance', () => {
    expect(chooseShownCells([{ key: 'x', size: 6 }, { key: 'y', size: 6 }, { key: 'z', size: 1 }], 5)).toEqual(['y']);
  });

  it('hides everything when even all cells together stay under k', () => {
    expect(chooseShownCells([{ key: 'a', size: 1 }, { key: 'b', size: 2 }], 5)).toEqual([]);
  });

  it('leaves hidden together either nobody or at least k people whenever it shows a cell, for any partition', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 8 }), fc.integer({ min: MIN_GROUP_SIZE_FLOOR, max: 8 }), (sizes, k) => {
        const cells = sizes.map((size, index) => ({ key: index, size }));
        const shown = new Set(chooseShownCells(cells, k));
        const hidden = cells.filter((cell) => !shown.has(cell.key)).reduce((sum, cell) => sum + cell.size, 0);
        expect(cells.filter((cell) => shown.has(cell.key)).every((cell) => cell.size >= k)).toBe(true);
        // With nothing shown, the whole is the only figure: whether it may be shown is `isLargeEnough(whole, k)`.
        if (shown.size > 0) expect(hidden === 0 || hidden >= k).toBe(true);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});

describe('pupil figures per class', () => {
  const placements = (sizes: Record<string, number>) =>
    Object.entries(sizes).flatMap(([classId, size]) => Array.from({ length: size }, (_, index) => ({ class_id: classId, class_name: `Groep ${classId}`, pupil_id: `${classId}-${index}` })));

  it('hides a class under k, and one more so the school total minus the shown classes cannot reveal it', () => {
    const figures = pupilFiguresPerClass(placements({ a: 2, b: 6, c: 9 }), 5, (pupils) => pupils.length);
    expect(figures.school).toBe(17);
    // a (2) is hidden; 2 < k, so the smallest shown class (b) is hidden as well.
    expect(figures.classes).toEqual([
      { classId: 'a', className: 'Groep a', figures: null },
      { classId: 'b', className: 'Groep b', figures: null },
      { classId: 'c', className: 'Groep c', figures: 9 },
    ]);
  });

  it('shows no school figure under k, and counts a pupil placed twice once', () => {
    const twice = [...placements({ a: 3 }), { class_id: 'a', class_name: 'Groep a', pupil_id: 'a-0' }];
    const figures = pupilFiguresPerClass(twice, 5, (pupils) => pupils.length);
    expect(figures).toEqual({ school: null, classes: [{ classId: 'a', className: 'Groep a', figures: null }] });
  });
});
