import { chooseShownCells, isLargeEnough } from '../../../shared/anonymity';
import { type Instrument, type InstrumentAnswers, isFavourable, itemOf, scaleScore } from '../../../shared/questionnaire-instrument';

// The results of one instrument in one closed wave: per scale, for the whole (a school, a board) and for its
// groups (classes, schools), the mean, SD and n of the scale scores and the share of favourable answers.
// Pure, no I/O. THE anonymity rule decides what is shown: the whole only with at least k scores, a group
// only when chooseShownCells allows it, so the whole minus the shown groups never isolates fewer than k
// people. Results exist only for a closed wave: a figure that changed with every new answer would show each
// answer as it came in (an open wave shows counts of who answered, nothing more).

/** One respondent's answers, and the group (class, school) they are counted in. */
export interface InstrumentResponse {
  respondent: string;
  group: string;
  answers: InstrumentAnswers;
}

/** Figures over at least k scale scores; numbers unrounded. */
export interface ShownScaleFigures {
  hidden: false;
  /** Respondents with a score on the scale (enough answered items). */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Share of the answers on the scale's items (by those n) that are favourable, 0…1. */
  favourableShare: number;
}

/** Withheld: carries no number, so no caller can show one by accident. */
export interface HiddenScaleFigures {
  hidden: true;
}

export type ScaleFigures = ShownScaleFigures | HiddenScaleFigures;

export interface ScaleResult {
  scale: string;
  whole: ScaleFigures;
  /** Every group that has respondents, in the order first met; hidden ones say only that they are hidden. */
  groups: { group: string; figures: ScaleFigures }[];
}

/** Per scale of the instrument, in its order: the whole and its groups under minimum group size `k`. */
export function scaleResults(instrument: Instrument, responses: readonly InstrumentResponse[], k: number): ScaleResult[] {
  const groupOrder = [...new Set(responses.map((response) => response.group))];
  return instrument.scales.map((scale) => {
    const scored = responses.flatMap((response) => {
      const score = scaleScore(instrument, scale, response.answers);
      return score === null ? [] : [{ response, score }];
    });
    const figuresOf = (members: typeof scored): ShownScaleFigures => {
      const scores = members.map((member) => member.score);
      const n = scores.length;
      const mean = scores.reduce((sum, score) => sum + score, 0) / n;
      const squares = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0);
      let answers = 0;
      let favourable = 0;
      for (const { response } of members) {
        for (const itemId of scale.items) {
          const value = response.answers.get(itemId);
          if (value === undefined) continue;
          answers += 1;
          if (isFavourable(instrument, itemOf(instrument, itemId), value)) favourable += 1;
        }
      }
      return { hidden: false, n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, favourableShare: favourable / answers };
    };
    const members = new Map(groupOrder.map((group) => [group, scored.filter((entry) => entry.response.group === group)]));
    const shown = new Set(chooseShownCells(groupOrder.map((group) => ({ key: group, size: members.get(group)!.length })), k));
    return {
      scale: scale.id,
      whole: isLargeEnough(scored.length, k) ? figuresOf(scored) : { hidden: true },
      groups: groupOrder.map((group) => ({ group, figures: shown.has(group) ? figuresOf(members.get(group)!) : { hidden: true } })),
    };
  });
}
