// The self-scan aggregation: pure, no I/O, so the web app, the service, the CLI and the tests
// all run exactly the same code. Ratings are counted once into a flat table of
// (role, aspect, answer) counts; every statistic is then derived from the four phase counts,
// which is why no values are ever sorted or filtered per aspect.

/** One answer of one respondent on one aspect; `phase` null means "weet ik niet" (don't know). */
export interface RatingInput {
  respondent: string;
  role: string;
  aspect: string;
  phase: 1 | 2 | 3 | 4 | null;
}

/** The statistics of one aspect over a set of respondents; numbers are unrounded. */
export interface AspectAggregate {
  aspect: string;
  /** Ratings with a phase. */
  n: number;
  /** "Weet ik niet" answers. */
  dontKnow: number;
  counts: { '1': number; '2': number; '3': number; '4': number };
  median: number | null;
  mean: number | null;
  /** Sample standard deviation (n − 1). */
  sd: number | null;
  /** Agreement: 1 − sd² / 1.25, clipped to [0, 1]. */
  rwg: number | null;
  /** The team disagrees (rwg < 0.7): a discussion point. */
  discuss: boolean;
}

/** The aspects of one role group; `group` is a role key or `other`. */
export interface GroupAggregate {
  group: string;
  respondents: number;
  aspects: AspectAggregate[];
}

/** The whole team's aspects plus the role groups that are large enough to show. */
export interface SelfScanAggregate {
  minGroupSize: number;
  respondents: number;
  aspects: AspectAggregate[];
  groups: GroupAggregate[];
}

/** Options of {@link aggregateSelfScan}. */
export interface AggregateOptions {
  /** Minimum number of respondents a shown group has (k); never below {@link MIN_GROUP_SIZE_FLOOR}. */
  minGroupSize: number;
  /** Aspects to report, in this order (the model's order); without it, every aspect seen, sorted by id. */
  aspectIds?: readonly string[];
}

/** The smallest minimum group size allowed: smaller groups would make respondents recognisable. */
export const MIN_GROUP_SIZE_FLOOR = 3;
/** The default minimum group size (k). */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** The name of the group that collects the roles too small to show on their own. */
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
 * Aggregates self-scan ratings per aspect for the whole team and per role group, following the
 * minimum-group rule so that no hidden group can be derived by subtracting shown groups from the total.
 */
export function aggregateSelfScan(ratings: readonly RatingInput[], options: AggregateOptions): SelfScanAggregate {
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
      if (rating.role === OTHER_GROUP) throw new AggregationInputError(`the role key "${OTHER_GROUP}" is reserved for the remainder group`);
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
  const describe = (roles: readonly number[]): AspectAggregate[] =>
    aspectOrder.map((aspect) => describeAspect(aspectNames[aspect]!, sumCounts(counts, roles, aspect, aspectCount)));

  const groups = formRoleGroups(roleNames, roleRespondents, minGroupSize).map((group) => ({
    group: group.name,
    respondents: group.respondents,
    aspects: describe(group.roles),
  }));
  return {
    minGroupSize,
    respondents: respondentRole.length,
    aspects: describe(roleNames.map((_, index) => index)),
    groups,
  };
}

/** A role group chosen for display: role indices into the caller's role list. */
interface RoleGroup {
  name: string;
  roles: number[];
  respondents: number;
}

// The minimum-group rule of issue 3: roles with ≥ k respondents are shown; while the remainder is
// 1..k−1 the smallest shown role (ties: first key alphabetically) joins it; a remainder ≥ k is `other`.
function formRoleGroups(roleNames: readonly string[], roleRespondents: readonly number[], minGroupSize: number): RoleGroup[] {
  const shown: number[] = [];
  const hidden: number[] = [];
  let remainder = 0;
  roleNames.forEach((_, role) => {
    const size = roleRespondents[role]!;
    if (size >= minGroupSize) shown.push(role);
    else {
      hidden.push(role);
      remainder += size;
    }
  });
  // Smallest first, ties by key, so the role to move is always shown[0].
  shown.sort((a, b) => roleRespondents[a]! - roleRespondents[b]! || compareKeys(roleNames[a]!, roleNames[b]!));
  while (remainder > 0 && remainder < minGroupSize && shown.length > 0) {
    const moved = shown.shift()!;
    hidden.push(moved);
    remainder += roleRespondents[moved]!;
  }
  const groups: RoleGroup[] = shown
    .sort((a, b) => compareKeys(roleNames[a]!, roleNames[b]!))
    .map((role) => ({ name: roleNames[role]!, roles: [role], respondents: roleRespondents[role]! }));
  if (remainder >= minGroupSize) groups.push({ name: OTHER_GROUP, roles: hidden, respondents: remainder });
  return groups;
}

// Code-unit order, not locale order: the result must not depend on the machine's locale.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumCounts(counts: Int32Array, roles: readonly number[], aspect: number, aspectCount: number): number[] {
  const sum = [0, 0, 0, 0, 0];
  for (const role of roles) {
    const base = (role * aspectCount + aspect) * SLOTS;
    for (let slot = 0; slot < SLOTS; slot += 1) sum[slot]! += counts[base + slot]!;
  }
  return sum;
}

// All statistics from the counts c1..c4. Variance and rwg are computed from integer sums with a single
// final division, so a value that is exactly 0.7 comes out as the double 0.7 and the threshold is exact.
function describeAspect(aspect: string, slots: readonly number[]): AspectAggregate {
  const [dontKnow = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0] = slots;
  const n = c1 + c2 + c3 + c4;
  const counts = { '1': c1, '2': c2, '3': c3, '4': c4 };
  if (n === 0) return { aspect, n, dontKnow, counts, median: null, mean: null, sd: null, rwg: null, discuss: false };
  const sum = c1 + 2 * c2 + 3 * c3 + 4 * c4;
  const sumOfSquares = c1 + 4 * c2 + 9 * c3 + 16 * c4;
  const mean = sum / n;
  const median = n % 2 === 1 ? phaseAt(slots, (n - 1) / 2) : (phaseAt(slots, n / 2 - 1) + phaseAt(slots, n / 2)) / 2;
  if (n === 1) return { aspect, n, dontKnow, counts, median, mean, sd: null, rwg: null, discuss: false };
  // n · Σ(x − mean)² = n·Σx² − (Σx)², an integer.
  const scaledSquares = n * sumOfSquares - sum * sum;
  const sd = Math.sqrt(scaledSquares / (n * (n - 1)));
  // rwg = 1 − variance / 1.25 = (5·n·(n−1) − 4·n·Σ(x − mean)²) / (5·n·(n−1)).
  const rwg = Math.min(1, Math.max(0, (5 * n * (n - 1) - 4 * scaledSquares) / (5 * n * (n - 1))));
  return { aspect, n, dontKnow, counts, median, mean, sd, rwg, discuss: rwg < DISCUSS_BELOW_RWG };
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
