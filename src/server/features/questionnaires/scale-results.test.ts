import { describe, expect, it } from 'vitest';
import { type InstrumentFile, instrumentSchema } from '../../../shared/questionnaire-instrument';
import { type InstrumentResponse, scaleResults, type ShownScaleFigures } from './scale-results';

const text = (nl: string) => ({ nl, en: nl });
const instrument = instrumentSchema.parse({
  id: 'climate',
  version: '1.0.0',
  name: text('Klimaat'),
  description: text('Klimaat'),
  informant: 'pupil',
  source: text('Test'),
  licence: text('Test'),
  responseScales: [{ id: 'true-4', favourableFrom: 3, options: [1, 2, 3, 4].map((value) => ({ value, label: text(String(value)) })) }],
  items: [
    { id: 'safe', text: text('Veilig'), responseScale: 'true-4' },
    { id: 'alone', text: text('Alleen'), responseScale: 'true-4', reverse: true },
    { id: 'calm', text: text('Rustig'), responseScale: 'true-4' },
  ],
  scales: [
    { id: 'belonging', name: text('Erbij horen'), items: ['safe', 'alone'], scoring: 'mean', minAnswered: 2 },
    { id: 'order', name: text('Orde'), items: ['calm'], scoring: 'mean', minAnswered: 1 },
  ],
} satisfies InstrumentFile);

/** `count` respondents of one group who all answer the same. */
function respondents(group: string, count: number, answers: Record<string, number>): InstrumentResponse[] {
  return Array.from({ length: count }, (_, index) => ({ respondent: `${group}-${index}`, group, answers: new Map(Object.entries(answers)) }));
}

function shown(figures: unknown): ShownScaleFigures {
  expect(figures).toMatchObject({ hidden: false });
  return figures as ShownScaleFigures;
}

describe('scale results', () => {
  it('gives mean, SD, n and the share of favourable answers, with reversed items turned round', () => {
    // 3 × (safe 4, alone 1 → 4) = 4; 2 × (safe 2, alone 3 → 2) = 2. Scores 4,4,4,2,2: mean 3.2.
    const responses = [...respondents('4a', 3, { safe: 4, alone: 1, calm: 3 }), ...respondents('4a', 2, { safe: 2, alone: 3, calm: 1 })];
    const [belonging, order] = scaleResults(instrument, responses, 5);
    const whole = shown(belonging!.whole);
    expect(whole.n).toBe(5);
    expect(whole.mean).toBeCloseTo(3.2, 12);
    expect(whole.sd).toBeCloseTo(Math.sqrt((3 * 0.8 ** 2 + 2 * 1.2 ** 2) / 4), 12);
    // Favourable: the first three's two answers (6 of 10 answers).
    expect(whole.favourableShare).toBeCloseTo(0.6, 12);
    expect(shown(order!.whole).favourableShare).toBeCloseTo(0.6, 12);
  });

  it('leaves out of a scale whoever answered too few of its items, also from the favourable share', () => {
    const responses = [...respondents('4a', 5, { safe: 4, alone: 1 }), ...respondents('4a', 2, { safe: 1 })];
    const [belonging, order] = scaleResults(instrument, responses, 5);
    expect(shown(belonging!.whole)).toMatchObject({ n: 5, mean: 4, favourableShare: 1 });
    // Nobody answered "calm": no scale score, so nothing to show.
    expect(order!.whole).toEqual({ hidden: true });
  });

  it('hides a group under k, and the smallest other group when the hidden ones together are fewer than k', () => {
    const responses = [...respondents('4a', 6, { safe: 4, alone: 1, calm: 4 }), ...respondents('4b', 2, { safe: 1, alone: 4, calm: 1 })];
    const [belonging] = scaleResults(instrument, responses, 5);
    expect(shown(belonging!.whole).n).toBe(8);
    // Showing 4a (6) next to the whole (8) would give away 4b's two pupils by subtraction.
    expect(belonging!.groups).toEqual([
      { group: '4a', figures: { hidden: true } },
      { group: '4b', figures: { hidden: true } },
    ]);
  });

  it('shows every group of at least k when the hidden rest holds nobody or at least k', () => {
    const responses = [...respondents('4a', 6, { safe: 4, alone: 1 }), ...respondents('4b', 5, { safe: 2, alone: 2 }), ...respondents('4c', 5, { safe: 1, alone: 4 })];
    const [belonging] = scaleResults(instrument, responses, 5);
    expect(belonging!.groups.map(({ group, figures }) => [group, figures.hidden ? null : figures.mean])).toEqual([
      ['4a', 4],
      ['4b', 2.5],
      ['4c', 1],
    ]);
    const withSmall = scaleResults(instrument, [...responses, ...respondents('4d', 1, { safe: 4, alone: 4 })], 5)[0]!;
    // 4d (1) is hidden; 1 < k, so the smallest shown group (4b, listed before 4c) goes too: 6 hidden ≥ k.
    expect(withSmall.groups.map(({ group, figures }) => [group, figures.hidden])).toEqual([
      ['4a', false],
      ['4b', true],
      ['4c', false],
      ['4d', true],
    ]);
  });

  it('hides the whole and all its groups when fewer than k have a score', () => {
    const [belonging] = scaleResults(instrument, respondents('4a', 4, { safe: 4, alone: 1 }), 5);
    expect(belonging).toEqual({ scale: 'belonging', whole: { hidden: true }, groups: [{ group: '4a', figures: { hidden: true } }] });
  });
});
