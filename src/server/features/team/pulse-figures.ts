import { isLargeEnough } from '../../../shared/anonymity';
import { type Instrument, isFavourable, itemOf, scoredValue } from '../../../shared/questionnaire-instrument';

// The figures of one closed pulse, from its counters alone. Pure, no I/O. The pulse keeps no one's answers together
// (only how often each answer was given to each item), so a person's scale score cannot be made: an item's figures
// come from its counters, and a SCALE MEAN IS THE MEAN OF ITS ITEM MEANS (not the mean of people's scale scores the
// wave results use). The k rule (shared/anonymity.ts): nothing of a pulse with fewer than k votes, nothing of an
// item fewer than k people answered, and a scale only from items that are shown.

/** One counter: how many gave `value` to `itemId`. */
export interface PulseCount {
  itemId: string;
  value: number;
  count: number;
}

/** Figures shown under the k rule; numbers unrounded. */
export interface ShownPulseFigures {
  hidden: false;
  /** Answers counted: on an item the people who answered it; on a scale the answers to its shown items. */
  answers: number;
  /** On the scored scale (reversed items turned round, so higher is always better). */
  mean: number;
  /** Share of the answers that are favourable, 0…1. */
  favourableShare: number;
}

/** Withheld: carries no number, so no caller can show one by accident. */
export interface HiddenPulseFigures {
  hidden: true;
}

export type PulseFigures = ShownPulseFigures | HiddenPulseFigures;

/** A closed pulse's figures per scale and item, in the instrument's order. */
export interface PulseResults {
  /** Whether the pulse as a whole has at least k votes; when false every figure is hidden. */
  isLargeEnough: boolean;
  scales: { scaleId: string; figures: PulseFigures; items: { itemId: string; figures: PulseFigures }[] }[];
}

interface ItemTotals {
  answers: number;
  scoredSum: number;
  favourable: number;
}

/** The figures of a pulse with `votes` votes and these counters, under minimum group size `k`. */
export function pulseResults(instrument: Instrument, counts: readonly PulseCount[], votes: number, k: number): PulseResults {
  const pulseShown = isLargeEnough(votes, k);
  const totals = new Map<string, ItemTotals>();
  for (const item of instrument.items) totals.set(item.id, { answers: 0, scoredSum: 0, favourable: 0 });
  for (const { itemId, value, count } of counts) {
    const entry = totals.get(itemId);
    if (!entry || count === 0) continue;
    const item = itemOf(instrument, itemId);
    entry.answers += count;
    entry.scoredSum += scoredValue(instrument, item, value) * count;
    if (isFavourable(instrument, item, value)) entry.favourable += count;
  }
  const itemShown = (entry: ItemTotals) => pulseShown && entry.answers > 0 && isLargeEnough(entry.answers, k);
  return {
    isLargeEnough: pulseShown,
    scales: instrument.scales.map((scale) => {
      const entries = scale.items.map((itemId) => ({ itemId, entry: totals.get(itemId)! }));
      const shown = entries.filter(({ entry }) => itemShown(entry)).map(({ entry }) => entry);
      const scaleShown = shown.length > 0 && shown.length >= scale.minAnswered;
      const answers = shown.reduce((sum, entry) => sum + entry.answers, 0);
      return {
        scaleId: scale.id,
        figures: scaleShown
          ? {
              hidden: false,
              answers,
              mean: shown.reduce((sum, entry) => sum + entry.scoredSum / entry.answers, 0) / shown.length,
              favourableShare: shown.reduce((sum, entry) => sum + entry.favourable, 0) / answers,
            }
          : { hidden: true },
        items: entries.map(({ itemId, entry }) => ({
          itemId,
          figures: itemShown(entry) ? { hidden: false, answers: entry.answers, mean: entry.scoredSum / entry.answers, favourableShare: entry.favourable / entry.answers } : { hidden: true },
        })),
      };
    }),
  };
}
