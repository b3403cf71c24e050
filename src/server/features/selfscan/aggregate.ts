import { chooseShownCells, isLargeEnough, MIN_GROUP_SIZE_FLOOR } from '../../../shared/anonymity';

// The self-scan aggregation: pure, no I/O, so the web app, the service, the CLI and the tests
// all run exactly the same code. Ratings are counted once into a flat table of
// (role, aspect, answer) counts; every statistic is then derived from the four phase counts,
// which is why no values are ever sorted or filtered per aspect. Its answer is the only form in
// which self-scan figures leave the server: cells below k exist in it only as `{ hidden: true }`.

/** One answer of one respondent on one aspect; `phase` null means "weet ik niet" (don't know). */
export interface RatingInput {
  respondent: string;
  role: string;
  aspect: string;
  phase: 1 | 2 | 3 | 4 | null;
}

/** How many ratings chose each phase. */
export interface PhaseCounts {
  '1': number;
  '2': number;
  '3': number;
  '4': number;
}

/**
 * The figures of one aspect over a set of at least k ratings with a phase (so every statistic exists);
 * numbers are unrounded.
 */
export interface ShownCell {
  aspect: string;
  hidden: false;
  /** Ratings with a phase; at least k. */
  n: number;
  counts: PhaseCounts;
  median: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Agreement: 1 − sd² / 1.25, clipped to [0, 1]. */
  rwg: number;
  /** The team disagrees (rwg < 0.7): a discussion point. */
  discuss: boolean;
}

/** A withheld cell: it carries no number at all, so no caller can show one by accident. */
export interface HiddenCell {
  aspect: string;
  hidden: true;
}

/** One aspect of one role group: shown, or hidden under the k rule. */
export type AspectCell = ShownCell | HiddenCell;

/**
 * One aspect of the whole team. Only the whole team says how many answered "weet ik niet" (role groups do
 * not), so that count can never be split over groups by subtraction.
 */
export type TeamAspectCell = (ShownCell & { dontKnow: number }) | HiddenCell;

/** The aspects of one role group; `group` is a role key or `other`. */
export interface GroupAggregate {
  group: string;
  /** Respondents in the group; at least k. */
  respondents: number;
  aspects: AspectCell[];
}

/**
 * The self-scan figures as they may leave the server: the whole team and the role groups per aspect, every
 * cell below k hidden, and role groups hidden per aspect so that no hidden cell follows by subtraction.
 */
export interface SelfScanAggregate {
  minGroupSize: number;
  /** Everyone who answered anything: the same count as the round's progress. */
  respondents: number;
  aspects: TeamAspectCell[];
  groups: GroupAggregate[];
}

/** Options of {@link aggregateSelfScan}. */
export interface AggregateOptions {
  /** Minimum number of respondents a shown group has (k); never below {@link MIN_GROUP_SIZE_FLOOR}. */
  minGroupSize: number;
  /** Aspects to report, in this order (the model's order); without it, every aspect seen, sorted by id. */
  aspectIds?: readonly string[];
}

/**
 * The name of the group that collects the roles too small to show on their own. An input role of this name
 * (a raw export whose roles were coarsened) is never shown under its own name: it joins that group.
 */
export const OTHER_GROUP = 'other';
/** Below this agreement an aspect is a discussion point. */
export const DISCUSS_BELOW_RWG = 0.7;

/** The ratings cannot be aggregated as given (a respondent with two roles, an unknown aspect, …). */
export class AggregationInputError extends Error {
  override readonly name = 'AggregationInputError';
}

// Slot 0 of every cell counts "don't know"; slots 1–4 count the phases.
const SLOTS = 5;

/**
 * Aggregates self-scan ratings per aspect for the whole team and per role group under THE k rule
 * (shared/anonymity.ts), and returns only what may be shown:
 * - role groups: roles of at least k respondents, the rest together as `other` when that is at least k,
 *   chosen so that the team minus the named groups is nobody or at least k people;
 * - a cell (the team or a group, on one aspect) is shown only with at least k ratings with a phase, and per
 *   aspect the group cells are chosen with the same complementary rule on those ratings, so the team minus
 *   the shown groups is 0 or at least k ratings;
 * - "weet ik niet" is not a rating: it does not count towards a cell's size, and only the whole team's
 *   count is given (with a shown team cell), never a group's, so it cannot be split over groups either.
 */
export function aggregateSelfScan(ratings: readonly RatingInput[], options: AggregateOptions): SelfScanAggregate {
  const k = options.minGroupSize;
  const tally = countRatings(ratings, options);
  const { aspectOrder, aspectNames } = tally;
  const groups = formRoleGroups(tally.roleNames, tally.roleRespondents, k);
  const everyRole = tally.roleNames.map((_, index) => index);

  const teamCells: TeamAspectCell[] = [];
  const groupCells: AspectCell[][] = groups.map(() => []);
  for (const aspect of aspectOrder) {
    const name = aspectNames[aspect]!;
    const team = sumSlots(tally, everyRole, aspect);
    const teamRatings = ratingsIn(team);
    teamCells.push(isLargeEnough(teamRatings, k) ? teamCellOf(name, team) : hiddenCell(name));
    const slotsOfGroups = groups.map((group) => sumSlots(tally, group.roles, aspect));
    // A group cell may only be shown when the team cell is (a shown group has ≥ k ratings, so the team has too).
    const shown = new Set(chooseShownCells(slotsOfGroups.map((slots, index) => ({ key: index, size: ratingsIn(slots) })), k));
    slotsOfGroups.forEach((slots, index) => groupCells[index]!.push(shown.has(index) ? describeCell(name, slots) : hiddenCell(name)));
  }
  return {
    minGroupSize: k,
    respondents: tally.respondentCount,
    aspects: teamCells,
    groups: groups.map((group, index) => ({ group: group.name, respondents: group.respondents, aspects: groupCells[index]! })),
  };
}

/**
 * The aspects whose notes may be shown: those that at least k respondents answered (with a phase or with
 * "weet ik niet"), so a note is always one of at least k answers. Notes are never attributed to a group.
 */
export function aspectsWithShownNotes(ratings: readonly RatingInput[], options: AggregateOptions): Set<string> {
  const tally = countRatings(ratings, options);
  const everyRole = tally.roleNames.map((_, index) => index);
  const shown = new Set<string>();
  for (const aspect of tally.aspectOrder) {
    const answers = sumSlots(tally, everyRole, aspect).reduce((sum, count) => sum + count, 0);
    if (isLargeEnough(answers, options.minGroupSize)) shown.add(tally.aspectNames[aspect]!);
  }
  return shown;
}

/**
 * The role of every respondent as a raw export may name it: the role when it is a named group of the
 * aggregate under the same rule, else {@link OTHER_GROUP} (also for everyone when the team is below k).
 */
export function exportRolesOf(ratings: readonly RatingInput[], options: AggregateOptions): Map<string, string> {
  const named = new Set(aggregateSelfScan(ratings, options).groups.map((group) => group.group).filter((group) => group !== OTHER_GROUP));
  return new Map(ratings.map((rating) => [rating.respondent, named.has(rating.role) ? rating.role : OTHER_GROUP]));
}

/** The ratings counted once into a flat (role, aspect, answer) table, with the numbering it uses. */
interface Tally {
  aspectNames: string[];
  /** Aspect numbers in report order. */
  aspectOrder: number[];
  roleNames: string[];
  roleRespondents: number[];
  respondentCount: number;
  counts: Int32Array;
}

function countRatings(ratings: readonly RatingInput[], options: AggregateOptions): Tally {
  const { minGroupSize } = options;
  if (!Number.isInteger(minGroupSize) || minGroupSize < MIN_GROUP_SIZE_FLOOR) {
    throw new RangeError(`minGroupSize must be an integer of at least ${MIN_GROUP_SIZE_FLOOR}, got ${minGroupSize}`);
  }

  const aspectIndex = new Map<string, number>();
  const aspectNames: string[] = [];
  const isAspectListFixed = options.aspectIds !== undefined;
  for (const aspect of options.aspectIds ?? []) {
    if (aspectIndex.has(aspect)) throw new AggregationInputError(`aspect ${aspect} is listed twice`);
    aspectIndex.set(aspect, aspectNames.length);
    aspectNames.push(aspect);
  }

  // Pass 1: give every respondent, role and aspect a number; remember each rating's numbers.
  const respondentIndex = new Map<string, number>();
  const respondentRole: number[] = [];
  const roleIndex = new Map<string, number>();
  const roleNames: string[] = [];
  const roleRespondents: number[] = [];
  const ratingRespondent = new Int32Array(ratings.length);
  const ratingAspect = new Int32Array(ratings.length);
  const ratingSlot = new Uint8Array(ratings.length);
  for (let i = 0; i < ratings.length; i += 1) {
    const rating = ratings[i]!;
    let role = roleIndex.get(rating.role);
    if (role === undefined) {
      role = roleNames.length;
      roleIndex.set(rating.role, role);
      roleNames.push(rating.role);
      roleRespondents.push(0);
    }
    let respondent = respondentIndex.get(rating.respondent);
    if (respondent === undefined) {
      respondent = respondentRole.length;
      respondentIndex.set(rating.respondent, respondent);
      respondentRole.push(role);
      roleRespondents[role]! += 1;
    } else if (respondentRole[respondent] !== role) {
      throw new AggregationInputError(
        `respondent ${rating.respondent} appears with two roles: ${roleNames[respondentRole[respondent]!]} and ${rating.role}`,
      );
    }
    let aspect = aspectIndex.get(rating.aspect);
    if (aspect === undefined) {
      if (isAspectListFixed) throw new AggregationInputError(`aspect ${rating.aspect} is not one of the aspects to report`);
      aspect = aspectNames.length;
      aspectIndex.set(rating.aspect, aspect);
      aspectNames.push(rating.aspect);
    }
    const { phase } = rating;
    if (phase !== null && phase !== 1 && phase !== 2 && phase !== 3 && phase !== 4) {
      throw new AggregationInputError(`respondent ${rating.respondent} gave phase ${String(phase)} on ${rating.aspect}; a phase is 1 to 4 or null`);
    }
    ratingRespondent[i] = respondent;
    ratingAspect[i] = aspect;
    ratingSlot[i] = phase ?? 0;
  }

  // Pass 2: count. A second answer of one respondent on one aspect would be counted twice, so it is refused.
  const aspectCount = aspectNames.length;
  const counts = new Int32Array(roleNames.length * aspectCount * SLOTS);
  const isAnswered = new Uint8Array(respondentRole.length * aspectCount);
  for (let i = 0; i < ratings.length; i += 1) {
    const respondent = ratingRespondent[i]!;
    const aspect = ratingAspect[i]!;
    const answer = respondent * aspectCount + aspect;
    if (isAnswered[answer] === 1) {
      throw new AggregationInputError(`respondent ${ratings[i]!.respondent} rated aspect ${aspectNames[aspect]} more than once`);
    }
    isAnswered[answer] = 1;
    counts[(respondentRole[respondent]! * aspectCount + aspect) * SLOTS + ratingSlot[i]!]! += 1;
  }

  const aspectOrder = aspectNames.map((_, index) => index);
  if (!isAspectListFixed) aspectOrder.sort((a, b) => compareKeys(aspectNames[a]!, aspectNames[b]!));
  return { aspectNames, aspectOrder, roleNames, roleRespondents, respondentCount: respondentRole.length, counts };
}

/** A role group chosen for display: role indices into the caller's role list. */
interface RoleGroup {
  name: string;
  roles: number[];
  respondents: number;
}

// The minimum-group rule (shared/anonymity.ts): roles with ≥ k respondents are shown, and smaller ones are
// hidden together with as many of the smallest shown roles as it takes to hide nobody or at least k; those
// hidden together form `other` when they are at least k. An input role named `other` (already coarsened) is
// never named: shown, it is the `other` group (≥ k) and the hidden roles (0 or ≥ k) join it.
function formRoleGroups(roleNames: readonly string[], roleRespondents: readonly number[], minGroupSize: number): RoleGroup[] {
  // Smallest first among equals goes by key, so the role hidden next never depends on input order.
  const byKey = roleNames.map((_, role) => role).sort((a, b) => compareKeys(roleNames[a]!, roleNames[b]!));
  const shown = new Set(chooseShownCells(byKey.map((role) => ({ key: role, size: roleRespondents[role]! })), minGroupSize));
  const isNamed = (role: number) => shown.has(role) && roleNames[role] !== OTHER_GROUP;
  const rest = byKey.filter((role) => !isNamed(role));
  const restSize = rest.reduce((sum, role) => sum + roleRespondents[role]!, 0);
  const groups: RoleGroup[] = byKey.filter(isNamed).map((role) => ({ name: roleNames[role]!, roles: [role], respondents: roleRespondents[role]! }));
  if (restSize >= minGroupSize) groups.push({ name: OTHER_GROUP, roles: rest, respondents: restSize });
  return groups;
}

// Code-unit order, not locale order: the result must not depend on the machine's locale.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumSlots(tally: Tally, roles: readonly number[], aspect: number): number[] {
  const aspectCount = tally.aspectNames.length;
  const sum = [0, 0, 0, 0, 0];
  for (const role of roles) {
    const base = (role * aspectCount + aspect) * SLOTS;
    for (let slot = 0; slot < SLOTS; slot += 1) sum[slot]! += tally.counts[base + slot]!;
  }
  return sum;
}

// The ratings with a phase: slots 1–4 ("weet ik niet" is slot 0).
function ratingsIn(slots: readonly number[]): number {
  return slots[1]! + slots[2]! + slots[3]! + slots[4]!;
}

// The whole team's cell: the statistics plus its "weet ik niet" count, right after n.
function teamCellOf(aspect: string, slots: readonly number[]): TeamAspectCell {
  const { hidden, n, counts, median, mean, sd, rwg, discuss } = describeCell(aspect, slots);
  return { aspect, hidden, n, dontKnow: slots[0]!, counts, median, mean, sd, rwg, discuss };
}

function hiddenCell(aspect: string): HiddenCell {
  return { aspect, hidden: true };
}

// All statistics from the counts c1..c4 of a cell with at least k ≥ 3 ratings (so n ≥ 2 and every statistic
// exists). Variance and rwg are computed from integer sums with a single final division, so a value that is
// exactly 0.7 comes out as the double 0.7 and the threshold is exact.
function describeCell(aspect: string, slots: readonly number[]): ShownCell {
  const [, c1 = 0, c2 = 0, c3 = 0, c4 = 0] = slots;
  const n = c1 + c2 + c3 + c4;
  if (n < MIN_GROUP_SIZE_FLOOR) throw new Error(`a shown cell needs at least ${MIN_GROUP_SIZE_FLOOR} ratings, got ${n}`);
  const sum = c1 + 2 * c2 + 3 * c3 + 4 * c4;
  const sumOfSquares = c1 + 4 * c2 + 9 * c3 + 16 * c4;
  const median = n % 2 === 1 ? phaseAt(slots, (n - 1) / 2) : (phaseAt(slots, n / 2 - 1) + phaseAt(slots, n / 2)) / 2;
  // n · Σ(x − mean)² = n·Σx² − (Σx)², an integer.
  const scaledSquares = n * sumOfSquares - sum * sum;
  const sd = Math.sqrt(scaledSquares / (n * (n - 1)));
  // rwg = 1 − variance / 1.25 = (5·n·(n−1) − 4·n·Σ(x − mean)²) / (5·n·(n−1)).
  const rwg = Math.min(1, Math.max(0, (5 * n * (n - 1) - 4 * scaledSquares) / (5 * n * (n - 1))));
  return { aspect, hidden: false, n, counts: { '1': c1, '2': c2, '3': c3, '4': c4 }, median, mean: sum / n, sd, rwg, discuss: rwg < DISCUSS_BELOW_RWG };
}

// The phase at 0-based position `position` of the ratings in ascending order, read from the counts.
function phaseAt(slots: readonly number[], position: number): number {
  let seen = 0;
  for (let phase = 1; phase <= 4; phase += 1) {
    seen += slots[phase]!;
    if (position < seen) return phase;
  }
  throw new Error(`position ${position} is beyond the ${seen} ratings`);
}
