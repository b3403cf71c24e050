import { describe, expect, it } from 'vitest';
import { screeningInstrumentOf, screeningInstruments } from '../server/features/care/screening-instruments';
import { type Instrument, scaleRangeOf } from './questionnaire-instrument';
import { proposesReferral, scoreScreening, totalScaleOf } from './screening';

const instrument = (id: string): Instrument => screeningInstrumentOf(id)!;

/** Answers (option values) for items 1…n, in order; `null` leaves an item out. */
function answers(values: readonly (number | null)[]): Map<string, number> {
  return new Map(values.flatMap((value, index) => (value === null ? [] : [[String(index + 1), value] as [string, number]])));
}

/** Option values for a CRIES file whose points (0, 1, 3, 5) add up to exactly `total`. */
function criesValuesFor(total: number, items: number): number[] {
  const values: number[] = [];
  let left = total;
  for (let index = 0; index < items; index++) {
    const itemsAfter = items - index - 1;
    // The most points this item can take so that the rest can still make up the remainder exactly.
    const option = [3, 2, 1, 0].find((value) => [0, 1, 3, 5][value]! <= left && left - [0, 1, 3, 5][value]! <= itemsAfter * 5 && reachable(left - [0, 1, 3, 5][value]!, itemsAfter))!;
    values.push(option);
    left -= [0, 1, 3, 5][option]!;
  }
  return values;
}

function reachable(points: number, items: number): boolean {
  if (items === 0) return points === 0;
  return [0, 1, 3, 5].some((score) => score <= points && reachable(points - score, items - 1));
}

describe('the shipped screening instruments', () => {
  it('are CRIES-13, CRIES-8 and CATS, with their totals over every item and no item wording of the publisher', () => {
    expect(screeningInstruments().map((entry) => entry.id).sort()).toEqual(['cats', 'cries-13', 'cries-8']);
    for (const entry of screeningInstruments()) {
      expect(totalScaleOf(entry).items).toEqual(entry.items.map((item) => item.id));
      for (const item of entry.items) expect(item.text.nl).toBe(`Vraag ${item.id} van het formulier`);
    }
    expect(scaleRangeOf(instrument('cries-13'), totalScaleOf(instrument('cries-13')))).toEqual({ lowest: 0, highest: 65 });
    expect(scaleRangeOf(instrument('cries-8'), totalScaleOf(instrument('cries-8')))).toEqual({ lowest: 0, highest: 40 });
    expect(scaleRangeOf(instrument('cats'), totalScaleOf(instrument('cats')))).toEqual({ lowest: 0, highest: 60 });
  });

  it('put each item in the subscale the manual names', () => {
    const subscales = (id: string) => Object.fromEntries(instrument(id).scales.filter((scale) => scale.id !== 'total').map((scale) => [scale.id, scale.items.map(Number)]));
    expect(subscales('cries-13')).toEqual({ intrusion: [1, 3, 6, 9], avoidance: [2, 4, 5, 7], arousal: [8, 10, 11, 12, 13] });
    expect(subscales('cries-8')).toEqual({ intrusion: [1, 3, 6, 8], avoidance: [2, 4, 5, 7] });
    expect(subscales('cats')).toEqual({
      intrusion: [1, 2, 3, 4, 5],
      avoidance: [6, 7],
      'cognition-mood': [8, 9, 10, 11, 12, 13, 14],
      arousal: [15, 16, 17, 18, 19, 20],
    });
  });
});

describe('scoreScreening', () => {
  it('scores CRIES answers 0, 1, 2, 3 as 0, 1, 3, 5 points', () => {
    const score = scoreScreening(instrument('cries-8'), answers([0, 1, 2, 3, 0, 0, 0, 0]));
    // intrusion 1, 3, 6, 8 → 0 + 2(→3) + 0 + 0; avoidance 2, 4, 5, 7 → 1 + 3(→5) + 0 + 0
    expect(score.subscales).toEqual({ intrusion: 3, avoidance: 6 });
    expect(score.total).toBe(9);
  });

  it.each([
    ['cries-13', 29, 'below', false],
    ['cries-13', 30, 'above', true],
    ['cries-8', 16, 'below', false],
    ['cries-8', 17, 'above', true],
  ])('%s: a total of %i is %s the cut-off', (id, total, band, referral) => {
    const items = instrument(id).items.length;
    const score = scoreScreening(instrument(id), answers(criesValuesFor(total, items)));
    expect(score.total).toBe(total);
    expect(score.band?.id).toBe(band);
    expect(proposesReferral(score)).toBe(referral);
  });

  it.each([
    [14, 'none', false],
    [15, 'moderate', false],
    [20, 'moderate', false],
    [21, 'probable', true],
    [0, 'none', false],
    [60, 'probable', true],
  ])('CATS: a total of %i is %s', (total, band, referral) => {
    const values = Array.from({ length: 20 }, (_, index) => Math.max(0, Math.min(3, total - index * 3)));
    const score = scoreScreening(instrument('cats'), answers(values));
    expect(score.total).toBe(total);
    expect(score.band?.id).toBe(band);
    expect(proposesReferral(score)).toBe(referral);
  });

  it('gives no total, band or incomplete subscale without every item, and never prorates', () => {
    const values: (number | null)[] = Array.from({ length: 13 }, () => 3);
    values[8] = null; // item 9: intrusion
    const score = scoreScreening(instrument('cries-13'), answers(values));
    expect(score).toMatchObject({ status: 'incomplete', total: null, band: null, missingItems: ['9'] });
    expect(score.subscales).toEqual({ intrusion: null, avoidance: 20, arousal: 25 });
  });

  it('scores nothing for a respondent who answered an item twice, and still lists the missed items', () => {
    const score = scoreScreening(instrument('cats'), answers(Array.from({ length: 19 }, () => 1)), { answeredTwice: true });
    expect(score).toMatchObject({ status: 'invalid', total: null, band: null, missingItems: ['20'] });
    expect(Object.values(score.subscales)).toEqual([null, null, null, null]);
  });
});
