// THE sociogram analysis (issue 15): one pure function for the web app, the CLI and the tests. Who chose whom on
// which question gives, per pupil, the choices received and given, mutual friendships, "isolated", and a status by two
// published methods side by side — Coie-Dodge-Coppotelli (z-scores) and Newcomb-Bukowski (binomial probabilities) —
// with "average" and "unclassified" kept as such, never forced into a box. The rules are the contract; each
// is written once below, in the order the contract gives them.

/** Whether a question asks for wanted (positive) or unwanted (negative) classmates. */
export type Valence = 'positive' | 'negative';

export interface SociogramQuestion {
  id: string;
  valence: Valence;
}

/** One answer as given: `chooser` chose `chosen` on `question`. */
export interface Nomination {
  chooser: string;
  chosen: string;
  question: string;
}

/** Coie-Dodge-Coppotelli's groups; `unclassified` when no rule holds. */
export const CDC_STATUSES = ['popular', 'rejected', 'neglected', 'controversial', 'average', 'unclassified'] as const;
export type CdcStatus = (typeof CDC_STATUSES)[number];
/** Newcomb-Bukowski's groups: `average` when none of the tests holds. */
export const NB_STATUSES = ['popular', 'rejected', 'neglected', 'controversial', 'average'] as const;
export type NbStatus = (typeof NB_STATUSES)[number];

/** The significance level of the Newcomb-Bukowski tests when not given. */
export const DEFAULT_NB_ALPHA = 0.05;

export interface SociogramPupil {
  pupil: string;
  /** LM: positive choices received over all positive questions. */
  positiveReceived: number;
  /** LL: negative choices received over all negative questions. */
  negativeReceived: number;
  positiveGiven: number;
  negativeGiven: number;
  zLM: number;
  zLL: number;
  zSP: number;
  zSI: number;
  cdc: CdcStatus;
  nb: NbStatus;
  /** Nobody chose this pupil on a positive question. */
  isolated: boolean;
  /** Pupils with whom the choice was mutual on positive questions, in roster order. */
  mutualFriends: string[];
}

export interface SociogramAnalysis {
  /** R: the pupils who made at least one valid choice. */
  respondents: number;
  pupils: SociogramPupil[];
  /** Pairs who chose each other on positive questions (not necessarily the same one), each and all in roster order. */
  mutualPositivePairs: [string, string][];
  mutualNegativePairs: [string, string][];
  /** Nominations left out: a self-choice, a pupil not on the roster, an unknown question. */
  warnings: number;
}

/**
 * Analyses one sociogram. A valid choice has chooser ≠ chosen, both on the roster, a known question; the same
 * (chooser, chosen, question) counts once (a repeat is not a warning); every other row is left out and counted in
 * `warnings`. Pupils come back in roster order (a pupil listed twice counts once, at its first place).
 */
export function analyseSociogram(
  roster: readonly string[],
  questions: readonly SociogramQuestion[],
  nominations: readonly Nomination[],
  options: { alpha?: number } = {},
): SociogramAnalysis {
  const pupils = [...new Set(roster)];
  const position = new Map(pupils.map((pupil, index) => [pupil, index]));
  const valenceOf = new Map<string, Valence>();
  for (const question of questions) if (!valenceOf.has(question.id)) valenceOf.set(question.id, question.valence);

  // Valid, distinct choices; per valence: who chose whom (on any question of that valence) and how often received.
  let warnings = 0;
  const seen = new Set<string>();
  const received = { positive: new Map<string, number>(), negative: new Map<string, number>() };
  const given = { positive: new Map<string, number>(), negative: new Map<string, number>() };
  const chose = { positive: new Set<string>(), negative: new Set<string>() };
  const choosers = new Set<string>();
  for (const { chooser, chosen, question } of nominations) {
    const valence = valenceOf.get(question);
    if (chooser === chosen || !position.has(chooser) || !position.has(chosen) || valence === undefined) {
      warnings += 1;
      continue;
    }
    const key = JSON.stringify([chooser, chosen, question]);
    if (seen.has(key)) continue;
    seen.add(key);
    choosers.add(chooser);
    received[valence].set(chosen, (received[valence].get(chosen) ?? 0) + 1);
    given[valence].set(chooser, (given[valence].get(chooser) ?? 0) + 1);
    chose[valence].add(JSON.stringify([chooser, chosen]));
  }

  const N = pupils.length;
  const R = choosers.size;
  const positiveQuestions = [...valenceOf.values()].filter((valence) => valence === 'positive').length;
  const negativeQuestions = valenceOf.size - positiveQuestions;
  const LM = pupils.map((pupil) => received.positive.get(pupil) ?? 0);
  const LL = pupils.map((pupil) => received.negative.get(pupil) ?? 0);
  const zLM = standardised(LM);
  const zLL = standardised(LL);
  const zSP = standardised(zLM.map((value, index) => value - zLL[index]!));
  const zSI = standardised(zLM.map((value, index) => value + zLL[index]!));

  const totalPositive = sum(LM);
  const totalNegative = sum(LL);
  const probabilityOf = (total: number, questionCount: number) => {
    const possible = R * (N - 1) * questionCount;
    return possible > 0 ? total / possible : 0;
  };
  const pPositive = probabilityOf(totalPositive, positiveQuestions);
  const pNegative = probabilityOf(totalNegative, negativeQuestions);
  const alpha = options.alpha ?? DEFAULT_NB_ALPHA;

  // rᵢ is R − 1 or R: two distributions for the whole class, computed once each.
  const distributions = new Map<number, NbDistributions>();
  const distributionsFor = (r: number) => {
    let found = distributions.get(r);
    if (!found) {
      found = nbDistributions(r * positiveQuestions, pPositive, r * negativeQuestions, pNegative);
      distributions.set(r, found);
    }
    return found;
  };
  const mutualPositivePairs = mutualPairs(position, chose.positive);
  const mutualNegativePairs = mutualPairs(position, chose.negative);
  const friendsOf = new Map<string, string[]>();
  for (const [a, b] of mutualPositivePairs) {
    friendsOf.set(a, [...(friendsOf.get(a) ?? []), b]);
    friendsOf.set(b, [...(friendsOf.get(b) ?? []), a]);
  }
  return {
    respondents: R,
    pupils: pupils.map((pupil, index) => {
      const r = choosers.has(pupil) ? R - 1 : R;
      return {
        pupil,
        positiveReceived: LM[index]!,
        negativeReceived: LL[index]!,
        positiveGiven: given.positive.get(pupil) ?? 0,
        negativeGiven: given.negative.get(pupil) ?? 0,
        zLM: zLM[index]!,
        zLL: zLL[index]!,
        zSP: zSP[index]!,
        zSI: zSI[index]!,
        cdc: cdcStatus({ zLM: zLM[index]!, zLL: zLL[index]!, zSP: zSP[index]!, zSI: zSI[index]! }),
        nb: nbStatusOf(LM[index]!, LL[index]!, distributionsFor(r), alpha, negativeQuestions > 0),
        isolated: LM[index] === 0,
        mutualFriends: (friendsOf.get(pupil) ?? []).sort((a, b) => position.get(a)! - position.get(b)!),
      };
    }),
    mutualPositivePairs,
    mutualNegativePairs,
    warnings,
  };
}

/** Coie-Dodge-Coppotelli: the first rule that holds. */
export function cdcStatus(z: { zLM: number; zLL: number; zSP: number; zSI: number }): CdcStatus {
  if (z.zSP > 1 && z.zLM > 0 && z.zLL < 0) return 'popular';
  if (z.zSP < -1 && z.zLL > 0 && z.zLM < 0) return 'rejected';
  if (z.zSI < -1 && z.zLM < 0 && z.zLL < 0) return 'neglected';
  if (z.zSI > 1 && z.zLM > 0 && z.zLL > 0) return 'controversial';
  if (z.zSP > -0.5 && z.zSP < 0.5) return 'average';
  return 'unclassified';
}

/**
 * Newcomb-Bukowski: X ~ Bin(T⁺, p⁺) and Y ~ Bin(T⁻, p⁻), independent. LM is high when P(X ≥ LM) < α, LL high when
 * P(Y ≥ LL) < α (never without negative questions), the total low when P(X + Y ≤ LM + LL) < α.
 */
export function nbStatus(input: { LM: number; LL: number; positiveTrials: number; negativeTrials: number; pPositive: number; pNegative: number; alpha: number; hasNegative: boolean }): NbStatus {
  return nbStatusOf(input.LM, input.LL, nbDistributions(input.positiveTrials, input.pPositive, input.negativeTrials, input.pNegative), input.alpha, input.hasNegative);
}

/** The distributions of X, Y and X + Y with their means, for one number of trials. */
interface NbDistributions {
  x: number[];
  y: number[];
  sum: number[];
  expectedX: number;
  expectedY: number;
}

function nbDistributions(positiveTrials: number, pPositive: number, negativeTrials: number, pNegative: number): NbDistributions {
  const x = binomialPmf(positiveTrials, pPositive);
  const y = binomialPmf(negativeTrials, pNegative);
  return { x, y, sum: convolve(x, y), expectedX: positiveTrials * pPositive, expectedY: negativeTrials * pNegative };
}

function nbStatusOf(LM: number, LL: number, d: NbDistributions, alpha: number, hasNegative: boolean): NbStatus {
  const lmHigh = upperTail(d.x, LM) < alpha;
  const llHigh = hasNegative && upperTail(d.y, LL) < alpha;
  const siLow = lowerTail(d.sum, LM + LL) < alpha;
  if ((lmHigh && LL > d.expectedY) || (llHigh && LM > d.expectedX)) return 'controversial';
  if (lmHigh && LL < d.expectedY) return 'popular';
  if (llHigh && LM < d.expectedX) return 'rejected';
  if (siLow) return 'neglected';
  return 'average';
}

/** z-scores over all values with the sample standard deviation (n − 1); all 0 when it is 0 or there are fewer than 2. */
export function standardised(values: readonly number[]): number[] {
  if (values.length < 2) return values.map(() => 0);
  const mean = sum(values) / values.length;
  const sd = Math.sqrt(values.reduce((total, value) => total + (value - mean) ** 2, 0) / (values.length - 1));
  return sd === 0 ? values.map(() => 0) : values.map((value) => (value - mean) / sd);
}

/** P(K = k) for k = 0…n, K ~ Bin(n, p), computed in log space so a large n does not underflow. */
export function binomialPmf(n: number, p: number): number[] {
  if (p <= 0) return Array.from({ length: n + 1 }, (_, k) => (k === 0 ? 1 : 0));
  if (p >= 1) return Array.from({ length: n + 1 }, (_, k) => (k === n ? 1 : 0));
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const pmf: number[] = [];
  let logChoose = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log(n - k + 1) - Math.log(k);
    pmf.push(Math.exp(logChoose + k * logP + (n - k) * logQ));
  }
  return pmf;
}

/** P(K ≥ k) of a distribution given as its probabilities for 0…n. */
function upperTail(pmf: readonly number[], k: number): number {
  let total = 0;
  for (let value = Math.max(0, k); value < pmf.length; value++) total += pmf[value]!;
  return total;
}

/** P(K ≤ k). */
function lowerTail(pmf: readonly number[], k: number): number {
  let total = 0;
  for (let value = 0; value <= Math.min(k, pmf.length - 1); value++) total += pmf[value]!;
  return total;
}

/** The distribution of X + Y for independent X and Y. */
function convolve(x: readonly number[], y: readonly number[]): number[] {
  const result = new Array<number>(x.length + y.length - 1).fill(0);
  x.forEach((px, i) => y.forEach((py, j) => (result[i + j]! += px * py)));
  return result;
}

// Every choice a → b whose b → a exists too, once per pair, the pair and the list in roster order.
function mutualPairs(position: ReadonlyMap<string, number>, chose: ReadonlySet<string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of chose) {
    const [a, b] = JSON.parse(key) as [string, string];
    if (position.get(a)! < position.get(b)! && chose.has(JSON.stringify([b, a]))) pairs.push([a, b]);
  }
  return pairs.sort(([a1, b1], [a2, b2]) => position.get(a1)! - position.get(a2)! || position.get(b1)! - position.get(b2)!);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
