import { describe, expect, it } from 'vitest';
import { AggregationInputError, type AspectAggregate, aggregateSelfScan, type RatingInput, type SelfScanAggregate } from './aggregate';
import { seededRandom } from '../../../shared/seeded-random';

type Phase = RatingInput['phase'];

/** Ratings on one aspect, one respondent per phase given, all of one role. */
function ratingsOf(phases: Phase[], aspect = 'layer-1.motivation', role = 'teacher', prefix = 'r'): RatingInput[] {
  return phases.map((phase, index) => ({ respondent: `${prefix}${index}`, role, aspect, phase }));
}

/** Respondents of each role (size given), each rating one aspect with phase 2. */
function team(sizes: Record<string, number>, aspect = 'a'): RatingInput[] {
  return Object.entries(sizes).flatMap(([role, size]) =>
    Array.from({ length: size }, (_, index) => ({ respondent: `${role}-${index}`, role, aspect, phase: 2 as const })),
  );
}

function onlyAspect(result: SelfScanAggregate): AspectAggregate {
  expect(result.aspects).toHaveLength(1);
  return result.aspects[0]!;
}

function groupSizes(result: SelfScanAggregate): [string, number][] {
  return result.groups.map((group) => [group.group, group.respondents]);
}

describe('aggregateSelfScan per aspect', () => {
  it('counts ratings, "weet ik niet" and every phase, zeros included, with the even-n median', () => {
    // phases 1, 2, 2, 3 and one don't-know: n = 4, dontKnow = 1, counts 1/2/1/0.
    // median = (2 + 2) / 2 = 2; mean = (1 + 2 + 2 + 3) / 4 = 2;
    // Σ(x − 2)² = 1 + 0 + 0 + 1 = 2, variance = 2 / 3, sd = √(2/3);
    // rwg = 1 − (2/3) / 1.25 = 1 − 8/15 = 7/15 < 0.7 → discuss.
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([1, 2, null, 2, 3]), { minGroupSize: 3 }));
    expect(aspect).toEqual({
      aspect: 'layer-1.motivation',
      n: 4,
      dontKnow: 1,
      counts: { '1': 1, '2': 2, '3': 1, '4': 0 },
      median: 2,
      mean: 2,
      sd: expect.closeTo(Math.sqrt(2 / 3), 12),
      rwg: expect.closeTo(7 / 15, 12),
      discuss: true,
    });
  });

  it('takes the mean of the two middle values when n is even', () => {
    // 1, 2, 3, 4: median = (2 + 3) / 2 = 2.5; mean = 10 / 4 = 2.5.
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([4, 1, 3, 2]), { minGroupSize: 3 }));
    expect(aspect.median).toBe(2.5);
    expect(aspect.mean).toBe(2.5);
  });

  it('takes the middle value when n is odd', () => {
    // 1, 3, 4: median = 3; mean = 8 / 3;
    // Σ(x − 8/3)² = 25/9 + 1/9 + 16/9 = 42/9 = 14/3, variance = 7/3, sd = √(7/3).
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([4, 1, 3]), { minGroupSize: 3 }));
    expect(aspect.median).toBe(3);
    expect(aspect.mean).toBeCloseTo(8 / 3, 12);
    expect(aspect.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
  });

  it('clips agreement at 0 when the variance exceeds that of a uniform answer (1.25)', () => {
    // 1, 1, 4, 4: mean 2.5, Σ(x − 2.5)² = 4 × 2.25 = 9, variance = 9 / 3 = 3, sd = √3;
    // 1 − 3 / 1.25 = −1.4 → clipped to 0.
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([1, 4, 1, 4]), { minGroupSize: 3 }));
    expect(aspect.sd).toBeCloseTo(Math.sqrt(3), 12);
    expect(aspect.rwg).toBe(0);
    expect(aspect.discuss).toBe(true);
  });

  it('gives full agreement when everyone chose the same phase', () => {
    // 3, 3, 3: sd = 0, rwg = 1 − 0 = 1.
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([3, 3, 3]), { minGroupSize: 3 }));
    expect(aspect).toMatchObject({ median: 3, mean: 3, sd: 0, rwg: 1, discuss: false });
  });

  it('has no statistics when nobody chose a phase (n = 0)', () => {
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([null, null]), { minGroupSize: 3 }));
    expect(aspect).toEqual({
      aspect: 'layer-1.motivation',
      n: 0,
      dontKnow: 2,
      counts: { '1': 0, '2': 0, '3': 0, '4': 0 },
      median: null,
      mean: null,
      sd: null,
      rwg: null,
      discuss: false,
    });
  });

  it('has a median and mean but no spread or agreement for a single rating (n = 1)', () => {
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([3, null]), { minGroupSize: 3 }));
    expect(aspect).toMatchObject({ n: 1, dontKnow: 1, median: 3, mean: 3, sd: null, rwg: null, discuss: false });
  });

  it('does not mark an aspect whose agreement is exactly 0.7, and marks one just below', () => {
    // three 1s, eleven 2s, three 3s: n = 17, mean = 34/17 = 2, Σ(x − 2)² = 3 + 3 = 6,
    // variance = 6 / 16 = 0.375, rwg = 1 − 0.375 / 1.25 = 1 − 0.3 = 0.7 → not below 0.7.
    const atThreshold: Phase[] = [...Array<Phase>(3).fill(1), ...Array<Phase>(11).fill(2), ...Array<Phase>(3).fill(3)];
    const exact = onlyAspect(aggregateSelfScan(ratingsOf(atThreshold), { minGroupSize: 3 }));
    expect(exact.rwg).toBe(0.7);
    expect(exact.discuss).toBe(false);
    // three 1s, ten 2s, three 3s: n = 16, mean 2, Σ = 6, variance = 6 / 15 = 0.4, rwg = 1 − 0.32 = 0.68.
    const below: Phase[] = [...Array<Phase>(3).fill(1), ...Array<Phase>(10).fill(2), ...Array<Phase>(3).fill(3)];
    const justBelow = onlyAspect(aggregateSelfScan(ratingsOf(below), { minGroupSize: 3 }));
    expect(justBelow.rwg).toBeCloseTo(0.68, 12);
    expect(justBelow.discuss).toBe(true);
  });
});

describe('aggregateSelfScan aspects and respondents', () => {
  it('lists aspects in the given order, including aspects nobody rated', () => {
    const ratings = [...ratingsOf([2], 'b.second'), ...ratingsOf([3], 'a.first')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3, aspectIds: ['b.second', 'c.unrated', 'a.first'] });
    expect(result.aspects.map((aspect) => aspect.aspect)).toEqual(['b.second', 'c.unrated', 'a.first']);
    expect(result.aspects[1]).toMatchObject({ n: 0, dontKnow: 0, counts: { '1': 0, '2': 0, '3': 0, '4': 0 }, median: null });
  });

  it('sorts the aspects seen by id when no order is given', () => {
    const ratings = [...ratingsOf([2], 'layer-3b.talent'), ...ratingsOf([3], 'layer-1.motivation'), ...ratingsOf([1], 'layer-3a.staff')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(result.aspects.map((aspect) => aspect.aspect)).toEqual(['layer-1.motivation', 'layer-3a.staff', 'layer-3b.talent']);
  });

  it('gives every group every aspect, with zeros where the group gave no rating', () => {
    // Teachers rated only aspect a, care team only aspect b; both groups list a and b.
    const ratings = [...ratingsOf([1, 2, 3], 'a', 'teacher', 't'), ...ratingsOf([4, 4, 4], 'b', 'care_team', 'c')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(result.groups.map((group) => group.group)).toEqual(['care_team', 'teacher']);
    const [careTeam, teachers] = result.groups;
    expect(careTeam!.aspects.map((aspect) => [aspect.aspect, aspect.n])).toEqual([['a', 0], ['b', 3]]);
    expect(teachers!.aspects.map((aspect) => [aspect.aspect, aspect.n])).toEqual([['a', 3], ['b', 0]]);
    // Teachers on a: 1, 2, 3 → median 2, mean 2; whole team on a is the same three ratings.
    expect(teachers!.aspects[0]).toMatchObject({ median: 2, mean: 2, counts: { '1': 1, '2': 1, '3': 1, '4': 0 } });
    expect(result.aspects.map((aspect) => aspect.n)).toEqual([3, 3]);
  });

  it('counts distinct respondents, including one who only answered "weet ik niet"', () => {
    const ratings: RatingInput[] = [
      { respondent: 'anna', role: 'teacher', aspect: 'a', phase: 2 },
      { respondent: 'anna', role: 'teacher', aspect: 'b', phase: 3 },
      { respondent: 'bram', role: 'teacher', aspect: 'a', phase: 1 },
      { respondent: 'cees', role: 'teacher', aspect: 'a', phase: null },
      { respondent: 'cees', role: 'teacher', aspect: 'b', phase: null },
    ];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(result.respondents).toBe(3);
    // cees makes the third teacher, so teachers reach k = 3 and are shown.
    expect(groupSizes(result)).toEqual([['teacher', 3]]);
  });

  it('is empty but well formed without ratings', () => {
    expect(aggregateSelfScan([], { minGroupSize: 5 })).toEqual({ minGroupSize: 5, respondents: 0, aspects: [], groups: [] });
    const withModel = aggregateSelfScan([], { minGroupSize: 5, aspectIds: ['x'] });
    expect(withModel.aspects).toEqual([expect.objectContaining({ aspect: 'x', n: 0, dontKnow: 0, median: null })]);
  });
});

describe('aggregateSelfScan role groups', () => {
  it('shows roles with at least k respondents and hides a small role in "other"', () => {
    // k = 3: teacher 3 shown; care_team 2 + leadership 1 = remainder 3 ≥ k → other(3).
    const result = aggregateSelfScan(team({ teacher: 3, care_team: 2, leadership: 1 }), { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['teacher', 3], ['other', 3]]);
    // other: three respondents all with phase 2 → n 3.
    expect(result.groups[1]!.aspects[0]).toMatchObject({ n: 3, counts: { '1': 0, '2': 3, '3': 0, '4': 0 } });
  });

  it('shows no "other" when every role is large enough (remainder 0)', () => {
    const result = aggregateSelfScan(team({ teacher: 3, care_team: 4 }), { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['care_team', 4], ['teacher', 3]]);
  });

  it('moves the smallest shown group into a remainder of 1 to k − 1', () => {
    // k = 3: teacher 5, care_team 3 shown; leadership 1 is a remainder of 1 → the smallest shown group
    // (care_team, 3) joins it: remainder 1 + 3 = 4 ≥ 3 → other(4).
    const result = aggregateSelfScan(team({ teacher: 5, care_team: 3, leadership: 1 }), { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['teacher', 5], ['other', 4]]);
  });

  it('breaks a tie between smallest groups by the first role key in alphabetical order', () => {
    // k = 3: teacher 3 and care_team 3 tie as smallest; "care_team" < "teacher" → care_team moves: other = 1 + 3.
    const result = aggregateSelfScan(team({ teacher: 3, care_team: 3, leadership: 1 }), { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['teacher', 3], ['other', 4]]);
    // The same tie with other keys: "aa" < "zz" → aa moves.
    const other = aggregateSelfScan(team({ zz: 4, aa: 4, mm: 2 }), { minGroupSize: 4 });
    expect(groupSizes(other)).toEqual([['zz', 4], ['other', 6]]);
  });

  it('keeps moving groups until the remainder reaches k, which one shown group always achieves', () => {
    // A shown group has ≥ k respondents, so one move lifts a remainder of 1..k−1 to ≥ k + 1: the
    // "repeat" of the rule never needs a second move. k = 5: a 5, b 6, c 7, d 4 → remainder 4;
    // a (5) moves → 9 ≥ 5; b and c stay shown.
    const result = aggregateSelfScan(team({ a: 5, b: 6, c: 7, d: 4 }), { minGroupSize: 5 });
    expect(groupSizes(result)).toEqual([['b', 6], ['c', 7], ['other', 9]]);
  });

  it('shows a remainder that reaches k by itself as "other" without moving any group', () => {
    // k = 5: teacher 5 shown; x 2 + y 3 = remainder 5 ≥ 5 → other(5), teacher stays.
    const result = aggregateSelfScan(team({ teacher: 5, x: 2, y: 3 }), { minGroupSize: 5 });
    expect(groupSizes(result)).toEqual([['teacher', 5], ['other', 5]]);
  });

  it('absorbs every role when the only shown group is needed to fill the remainder', () => {
    // k = 3: teacher 3 shown, leadership 1 → teacher moves → other(4), no role group left.
    const result = aggregateSelfScan(team({ teacher: 3, leadership: 1 }), { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['other', 4]]);
  });

  it('shows no group at all when even the whole team is below k, but still the whole-team block', () => {
    const result = aggregateSelfScan(team({ teacher: 1, leadership: 1 }), { minGroupSize: 3 });
    expect(result.groups).toEqual([]);
    expect(result.respondents).toBe(2);
    expect(result.aspects[0]).toMatchObject({ n: 2 });
  });

  it('sorts groups by role key with "other" last', () => {
    // k = 3: care_team 4, leadership 3, teacher 5 shown; zz 2 + aa 1 = 3 → other(3), placed after teacher.
    const result = aggregateSelfScan(team({ teacher: 5, zz: 2, leadership: 3, aa: 1, care_team: 4 }), { minGroupSize: 3 });
    expect(result.groups.map((group) => group.group)).toEqual(['care_team', 'leadership', 'teacher', 'other']);
  });

  it('refuses a minimum group size below 3 or not a whole number', () => {
    for (const minGroupSize of [2, 0, -1, 3.5, Number.NaN]) {
      expect(() => aggregateSelfScan([], { minGroupSize })).toThrow(RangeError);
    }
  });
});

describe('aggregateSelfScan refuses inconsistent input', () => {
  it('refuses a respondent who appears with two roles', () => {
    const ratings: RatingInput[] = [
      { respondent: 'anna', role: 'teacher', aspect: 'a', phase: 2 },
      { respondent: 'anna', role: 'leadership', aspect: 'b', phase: 3 },
    ];
    expect(() => aggregateSelfScan(ratings, { minGroupSize: 3 })).toThrow(AggregationInputError);
    expect(() => aggregateSelfScan(ratings, { minGroupSize: 3 })).toThrow(/anna appears with two roles: teacher and leadership/);
  });

  it('refuses a second answer of one respondent on one aspect', () => {
    const ratings = [...ratingsOf([2]), ...ratingsOf([3])];
    expect(() => aggregateSelfScan(ratings, { minGroupSize: 3 })).toThrow(/r0 rated aspect layer-1.motivation more than once/);
  });

  it('refuses an aspect outside the given aspect list, and a phase outside 1–4', () => {
    expect(() => aggregateSelfScan(ratingsOf([2], 'x'), { minGroupSize: 3, aspectIds: ['y'] })).toThrow(/aspect x is not one/);
    const badPhase = [{ respondent: 'r', role: 'teacher', aspect: 'a', phase: 5 as unknown as Phase }];
    expect(() => aggregateSelfScan(badPhase, { minGroupSize: 3 })).toThrow(AggregationInputError);
  });

  it('refuses the role key "other", which names the remainder group', () => {
    expect(() => aggregateSelfScan(ratingsOf([2], 'a', 'other'), { minGroupSize: 3 })).toThrow(/reserved/);
  });
});


describe('aggregateSelfScan on random teams', () => {
  it('never shows a group below k and never lets subtraction reveal fewer than k respondents', () => {
    const random = seededRandom(20240903);
    const pick = (below: number) => Math.floor(random() * below);
    for (let run = 0; run < 200; run += 1) {
      const minGroupSize = 3 + pick(4);
      const roleCount = 1 + pick(6);
      const aspects = ['a', 'b', 'c'];
      const ratings: RatingInput[] = [];
      const roleSizes = new Map<string, number>();
      for (let role = 0; role < roleCount; role += 1) {
        const size = pick(12);
        if (size > 0) roleSizes.set(`role-${role}`, size);
        for (let person = 0; person < size; person += 1) {
          // Each respondent answers a random subset (at least one aspect), sometimes "weet ik niet".
          const answered = aspects.filter((_, index) => index === 0 || random() < 0.7);
          for (const aspect of answered) {
            const phase = random() < 0.15 ? null : ((1 + pick(4)) as Phase);
            ratings.push({ respondent: `p-${role}-${person}`, role: `role-${role}`, aspect, phase });
          }
        }
      }
      const result = aggregateSelfScan(ratings, { minGroupSize });
      const total = [...roleSizes.values()].reduce((sum, size) => sum + size, 0);
      expect(result.respondents).toBe(total);
      for (const group of result.groups) expect(group.respondents).toBeGreaterThanOrEqual(minGroupSize);
      const named = result.groups.filter((group) => group.group !== 'other');
      for (const group of named) expect(group.respondents).toBe(roleSizes.get(group.group));
      const hidden = total - named.reduce((sum, group) => sum + group.respondents, 0);
      // With no role shown nothing can be subtracted: only the whole team is visible.
      if (named.length > 0) expect(hidden === 0 || hidden >= minGroupSize).toBe(true);
      // Either every respondent is in exactly one shown group, or no group is shown at all.
      const shown = result.groups.reduce((sum, group) => sum + group.respondents, 0);
      expect(shown === total || shown === 0).toBe(true);
      expect(result.groups.map((group) => group.group)).toEqual([...named.map((group) => group.group).sort(), ...(named.length < result.groups.length ? ['other'] : [])]);

      // The count-based statistics agree with the textbook ones computed from the sorted values.
      for (const aspect of result.aspects) {
        const values = ratings.filter((rating) => rating.aspect === aspect.aspect && rating.phase !== null).map((rating) => rating.phase!);
        values.sort((x, y) => x - y);
        expect(aspect.n).toBe(values.length);
        if (values.length === 0) continue;
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        const middle = values.length / 2;
        const median = values.length % 2 === 1 ? values[Math.floor(middle)]! : (values[middle - 1]! + values[middle]!) / 2;
        expect(aspect.mean).toBeCloseTo(mean, 12);
        expect(aspect.median).toBe(median);
        if (values.length < 2) continue;
        const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
        expect(aspect.sd).toBeCloseTo(Math.sqrt(variance), 12);
        expect(aspect.rwg).toBeCloseTo(Math.min(1, Math.max(0, 1 - variance / 1.25)), 12);
      }
    }
  });
});
