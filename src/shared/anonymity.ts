// THE anonymity rule of Groeiwijzer: every anonymous figure that leaves the server (self-scan results,
// shifts, history, board views, reports and exports; check-in figures per class and day) is computed from
// cells of at least k people, where k is the board's minimum group size and never below the floor.
// Pure functions, no I/O: the server, the web app, the CLI and the tests run the same code.
//
// Differencing: a figure that is a sum of cells must never let a hidden cell be found by subtracting
// shown figures from each other. `chooseShownCells` therefore hides extra cells (the smallest first)
// until what is hidden together holds either nobody or at least k people.

/** The smallest minimum group size allowed: smaller groups would make people recognisable. */
export const MIN_GROUP_SIZE_FLOOR = 3;
/** The default minimum group size (k) of a new board. */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** The k that applies: the board's own minimum group size, never below the floor. */
export function minimumGroupSizeOf(boardSetting: number | null | undefined): number {
  return Math.max(MIN_GROUP_SIZE_FLOOR, Number.isInteger(boardSetting) ? (boardSetting as number) : DEFAULT_MIN_GROUP_SIZE);
}

/** Whether a cell of `size` people may be shown on its own with minimum group size `k`. */
export function isLargeEnough(size: number, k: number): boolean {
  assertValidK(k);
  return size >= k;
}

/** One cell of a partition: its key and how many people it holds. */
export interface SizedCell<Key> {
  key: Key;
  size: number;
}

/**
 * Of cells that together make up a whole (role groups of a team, role groups' answers on one aspect),
 * the keys that may be shown next to that whole. A cell under k is hidden; while the hidden cells
 * together hold 1..k−1 people, the smallest shown cell is hidden too (ties: the one listed first), so the
 * whole minus the shown cells never reveals fewer than k people. Returns the shown keys in input order. The whole
 * itself is a figure too: show it only when it holds at least k people (`isLargeEnough`).
 */
export function chooseShownCells<Key>(cells: readonly SizedCell<Key>[], k: number): Key[] {
  assertValidK(k);
  const shown = cells.map((cell, index) => ({ ...cell, index })).filter((cell) => cell.size >= k);
  let hiddenTotal = cells.reduce((sum, cell) => sum + (cell.size >= k ? 0 : cell.size), 0);
  // Smallest first, ties by input order, so the cell to hide next is always shown[0].
  shown.sort((a, b) => a.size - b.size || a.index - b.index);
  while (hiddenTotal > 0 && hiddenTotal < k && shown.length > 0) hiddenTotal += shown.shift()!.size;
  return shown.sort((a, b) => a.index - b.index).map((cell) => cell.key);
}

/** A pupil placed in a class (this school year): what per-class pupil counts are made from. */
export interface ClassPlacement {
  class_id: string;
  class_name: string;
  pupil_id: string;
}

/**
 * Counts about pupils per class and for the school, under the k rule: the school's figures only with at least k
 * pupils, a class's only when `chooseShownCells` lets it show (a small class is hidden, and one more when subtraction
 * could reveal it). `countsOf` makes the figures of one set of pupils. Classes in the order of the placements.
 */
export function pupilFiguresPerClass<Figures>(placements: readonly ClassPlacement[], k: number, countsOf: (pupils: readonly string[]) => Figures) {
  const classes = new Map<string, { className: string; pupils: Set<string> }>();
  for (const row of placements) {
    const entry = classes.get(row.class_id) ?? { className: row.class_name, pupils: new Set<string>() };
    entry.pupils.add(row.pupil_id);
    classes.set(row.class_id, entry);
  }
  const everyone = [...new Set(placements.map((row) => row.pupil_id))];
  const shown = new Set(chooseShownCells([...classes].map(([classId, entry]) => ({ key: classId, size: entry.pupils.size })), k));
  return {
    school: isLargeEnough(everyone.length, k) ? countsOf(everyone) : null,
    classes: [...classes].map(([classId, entry]) => ({ classId, className: entry.className, figures: shown.has(classId) ? countsOf([...entry.pupils]) : null })),
  };
}

function assertValidK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_GROUP_SIZE_FLOOR) throw new RangeError(`the minimum group size must be an integer of at least ${MIN_GROUP_SIZE_FLOOR}, got ${k}`);
}
