import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSociogram, binomialPmf, cdcStatus, type Nomination, nbStatus, type SociogramQuestion, standardised } from './sociogram';

const PLAY: SociogramQuestion = { id: 'play', valence: 'positive' };
const SIT: SociogramQuestion = { id: 'sit', valence: 'positive' };
const NOT: SociogramQuestion = { id: 'not', valence: 'negative' };
const choice = (chooser: string, chosen: string, question: string): Nomination => ({ chooser, chosen, question });

describe('the sociogram analysis', () => {
  it('counts each valid choice once, leaves self-choices, strangers and unknown questions out as warnings', () => {
    const analysis = analyseSociogram(['a', 'b', 'c', 'd'], [PLAY, SIT, NOT], [
      choice('a', 'b', 'play'),
      choice('b', 'a', 'sit'),
      choice('a', 'a', 'play'), // self
      choice('c', 'b', 'play'),
      choice('c', 'b', 'play'), // the same choice again: counts once, no warning
      choice('d', 'b', 'not'),
      choice('x', 'a', 'play'), // not on the roster
      choice('c', 'a', 'zzz'), // unknown question
      choice('a', 'c', 'not'),
      choice('c', 'a', 'not'),
    ]);
    expect(analysis.warnings).toBe(3);
    expect(analysis.respondents).toBe(4);
    expect(analysis.pupils.map((pupil) => [pupil.pupil, pupil.positiveReceived, pupil.negativeReceived, pupil.positiveGiven, pupil.negativeGiven, pupil.isolated])).toEqual([
      ['a', 1, 1, 1, 1, false],
      ['b', 2, 1, 1, 0, false],
      ['c', 0, 1, 1, 1, true],
      ['d', 0, 0, 0, 1, true],
    ]);
    // LM = 1, 2, 0, 0: mean 0.75, sample SD √(2.75 / 3).
    const sd = Math.sqrt(2.75 / 3);
    expect(analysis.pupils.map((pupil) => pupil.zLM)).toEqual([0.25 / sd, 1.25 / sd, -0.75 / sd, -0.75 / sd]);
    expect(analysis.pupils.map((pupil) => pupil.zLL)).toEqual([0.5, 0.5, 0.5, -1.5]);
    expect(analysis.mutualPositivePairs).toEqual([['a', 'b']]);
    expect(analysis.mutualNegativePairs).toEqual([['a', 'c']]);
    expect(analysis.pupils.map((pupil) => pupil.mutualFriends)).toEqual([['b'], ['a'], [], []]);
  });

  it('keeps pairs and friend lists in roster order, also when the choices come the other way round', () => {
    const analysis = analyseSociogram(['z', 'y', 'x'], [PLAY], [choice('x', 'z', 'play'), choice('z', 'x', 'play'), choice('x', 'y', 'play'), choice('y', 'x', 'play')]);
    expect(analysis.mutualPositivePairs).toEqual([['z', 'x'], ['y', 'x']]);
    expect(analysis.pupils.find((pupil) => pupil.pupil === 'x')?.mutualFriends).toEqual(['z', 'y']);
  });

  it('gives every z-score 0 with fewer than two pupils or no spread, and classifies nobody by CDC then but as average', () => {
    const one = analyseSociogram(['a'], [PLAY], [choice('a', 'a', 'play')]);
    expect(one).toMatchObject({ respondents: 0, warnings: 1 });
    expect(one.pupils[0]).toMatchObject({ zLM: 0, zLL: 0, zSP: 0, zSI: 0, cdc: 'average', nb: 'average', isolated: true });
    // Everybody chosen once: no spread (a tie for all).
    const ring = analyseSociogram(['a', 'b', 'c'], [PLAY], [choice('a', 'b', 'play'), choice('b', 'c', 'play'), choice('c', 'a', 'play')]);
    expect(ring.pupils.every((pupil) => pupil.zLM === 0 && pupil.zSP === 0 && pupil.cdc === 'average')).toBe(true);
    expect(standardised([4])).toEqual([0]);
    expect(standardised([2, 2])).toEqual([0, 0]);
  });

  it('counts a pupil who answered nothing among the chosen, not among the respondents', () => {
    const analysis = analyseSociogram(['a', 'b', 'c'], [PLAY], [choice('a', 'c', 'play'), choice('b', 'c', 'play')]);
    expect(analysis.respondents).toBe(2);
    expect(analysis.pupils.map((pupil) => [pupil.positiveGiven, pupil.positiveReceived])).toEqual([
      [1, 0],
      [1, 0],
      [0, 2],
    ]);
  });

  it('never finds negative choices high without negative questions', () => {
    const analysis = analyseSociogram(['a', 'b', 'c', 'd', 'e', 'f'], [PLAY], ['b', 'c', 'd', 'e', 'f'].map((chooser) => choice(chooser, 'a', 'play')));
    expect(analysis.pupils.every((pupil) => pupil.negativeReceived === 0 && pupil.nb !== 'rejected' && pupil.nb !== 'controversial')).toBe(true);
  });
});

describe('Coie-Dodge-Coppotelli', () => {
  it.each([
    [{ zLM: 0.1, zLL: -0.1, zSP: 1.01, zSI: 0 }, 'popular'],
    [{ zLM: 0.1, zLL: -0.1, zSP: 1, zSI: 0 }, 'unclassified'],
    [{ zLM: -0.1, zLL: 0.1, zSP: -1.01, zSI: 0 }, 'rejected'],
    [{ zLM: -0.1, zLL: -0.1, zSP: 0, zSI: -1.01 }, 'neglected'],
    [{ zLM: 0.1, zLL: 0.1, zSP: 0, zSI: 1.01 }, 'controversial'],
    [{ zLM: 0, zLL: 0, zSP: 0.49, zSI: 0 }, 'average'],
    [{ zLM: 0, zLL: 0, zSP: 0.5, zSI: 0 }, 'unclassified'],
    [{ zLM: 0, zLL: 0, zSP: -0.5, zSI: 0 }, 'unclassified'],
    // The first rule that holds: popular before average.
    [{ zLM: 2, zLL: -2, zSP: 1.5, zSI: 0 }, 'popular'],
  ])('%o is %s', (z, status) => {
    expect(cdcStatus(z)).toBe(status);
  });
});

describe('Newcomb-Bukowski', () => {
  const test = (input: Partial<Parameters<typeof nbStatus>[0]>) =>
    nbStatus({ LM: 0, LL: 0, positiveTrials: 10, negativeTrials: 10, pPositive: 0.5, pNegative: 0.1, alpha: 0.05, hasNegative: true, ...input });

  it('computes binomial probabilities exactly enough for the tests', () => {
    const pmf = binomialPmf(5, 0.2);
    expect(pmf[0]).toBeCloseTo(0.32768, 12);
    expect(pmf[5]).toBeCloseTo(0.00032, 12);
    expect(pmf.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(binomialPmf(3, 0)).toEqual([1, 0, 0, 0]);
    expect(binomialPmf(3, 1)).toEqual([0, 0, 0, 1]);
    // A large n does not underflow to all zeros.
    expect(binomialPmf(3000, 0.3).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 9);
  });

  it('finds popular (many positive, fewer negative than expected), rejected, controversial, neglected and average', () => {
    // P(X ≥ 10) = 1/1024 with X ~ Bin(10, ½); E[Y] = 1.
    expect(test({ LM: 10, LL: 0 })).toBe('popular');
    expect(test({ LM: 0, LL: 10 })).toBe('rejected');
    expect(test({ LM: 10, LL: 5 })).toBe('controversial');
    // P(X + Y ≤ 0) = (½)^10 · 0.9^10 < 0.05.
    expect(test({ LM: 0, LL: 0 })).toBe('neglected');
    expect(test({ LM: 5, LL: 1 })).toBe('average');
    // P(X ≥ 8) = 56/1024 ≈ 0.0547: not below 0.05, below 0.06.
    expect(test({ LM: 8, LL: 0 })).toBe('average');
    expect(test({ LM: 8, LL: 0, alpha: 0.06 })).toBe('popular');
  });

  it('is never popular without negative questions (LL < E[Y] = 0 cannot hold), as the rules say', () => {
    expect(test({ LM: 10, LL: 0, negativeTrials: 0, pNegative: 0, hasNegative: false })).toBe('average');
  });
});

describe('properties of the sociogram analysis', () => {
  const names = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
  const questions: SociogramQuestion[] = [PLAY, SIT, NOT];
  const nominationArb = fc.record({ chooser: fc.constantFrom(...names), chosen: fc.constantFrom(...names), question: fc.constantFrom('play', 'sit', 'not') });

  it('changes nothing but the labels when the pupils are renamed', () => {
    fc.assert(
      fc.property(fc.array(nominationArb, { maxLength: 40 }), (nominations) => {
        const rename = (name: string) => `leerling-${name.toUpperCase()}`;
        const original = analyseSociogram(names, questions, nominations);
        const renamed = analyseSociogram(names.map(rename), questions, nominations.map((row) => ({ ...row, chooser: rename(row.chooser), chosen: rename(row.chosen) })));
        expect(renamed).toEqual({
          ...original,
          pupils: original.pupils.map((pupil) => ({ ...pupil, pupil: rename(pupil.pupil), mutualFriends: pupil.mutualFriends.map(rename) })),
          mutualPositivePairs: original.mutualPositivePairs.map(([a, b]) => [rename(a), rename(b)]),
          mutualNegativePairs: original.mutualNegativePairs.map(([a, b]) => [rename(a), rename(b)]),
        });
      }),
      { numRuns: 100 },
    );
  });

  it('changes only the warnings when an invalid row is added', () => {
    const invalidArb = fc.oneof(
      fc.constantFrom(...names).map((name) => choice(name, name, 'play')),
      fc.constantFrom(...names).map((name) => choice('stranger', name, 'play')),
      fc.constantFrom(...names).map((name) => choice(name, 'p1' === name ? 'p2' : 'p1', 'unknown-question')),
    );
    fc.assert(
      fc.property(fc.array(nominationArb, { maxLength: 40 }), invalidArb, fc.nat(), (nominations, invalid, at) => {
        const before = analyseSociogram(names, questions, nominations);
        const index = nominations.length === 0 ? 0 : at % (nominations.length + 1);
        const after = analyseSociogram(names, questions, [...nominations.slice(0, index), invalid, ...nominations.slice(index)]);
        expect(after).toEqual({ ...before, warnings: before.warnings + 1 });
      }),
      { numRuns: 100 },
    );
  });
});
