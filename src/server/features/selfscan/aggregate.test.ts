import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AggregationInputError, aggregateSelfScan, aspectsWithShownNotes, exportRolesOf, type RatingInput, type SelfScanAggregate, type TeamAspectCell } from './aggregate';
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

function onlyAspect(result: SelfScanAggregate): TeamAspectCell {
  expect(result.aspects).toHaveLength(1);
  return result.aspects[0]!;
}

/** The one aspect of a result, which must be shown. */
function shownAspect(result: SelfScanAggregate) {
  const aspect = onlyAspect(result);
  if (aspect.hidden) throw new Error(`aspect ${aspect.aspect} is hidden`);
  return aspect;
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
      hidden: false,
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
    const aspect = shownAspect(aggregateSelfScan(ratingsOf([4, 1, 3, 2]), { minGroupSize: 3 }));
    expect(aspect.median).toBe(2.5);
    expect(aspect.mean).toBe(2.5);
  });

  it('takes the middle value when n is odd', () => {
    // 1, 3, 4: median = 3; mean = 8 / 3;
    // Σ(x − 8/3)² = 25/9 + 1/9 + 16/9 = 42/9 = 14/3, variance = 7/3, sd = √(7/3).
    const aspect = shownAspect(aggregateSelfScan(ratingsOf([4, 1, 3]), { minGroupSize: 3 }));
    expect(aspect.median).toBe(3);
    expect(aspect.mean).toBeCloseTo(8 / 3, 12);
    expect(aspect.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
  });

  it('clips agreement at 0 when the variance exceeds that of a uniform answer (1.25)', () => {
    // 1, 1, 4, 4: mean 2.5, Σ(x − 2.5)² = 4 × 2.25 = 9, variance = 9 / 3 = 3, sd = √3;
    // 1 − 3 / 1.25 = −1.4 → clipped to 0.
    const aspect = shownAspect(aggregateSelfScan(ratingsOf([1, 4, 1, 4]), { minGroupSize: 3 }));
    expect(aspect.sd).toBeCloseTo(Math.sqrt(3), 12);
    expect(aspect.rwg).toBe(0);
    expect(aspect.discuss).toBe(true);
  });

  it('gives full agreement when everyone chose the same phase', () => {
    // 3, 3, 3: sd = 0, rwg = 1 − 0 = 1.
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([3, 3, 3]), { minGroupSize: 3 }));
    expect(aspect).toMatchObject({ median: 3, mean: 3, sd: 0, rwg: 1, discuss: false });
  });

  it('hides an aspect nobody rated with a phase (n = 0), however many said "weet ik niet"', () => {
    const aspect = onlyAspect(aggregateSelfScan(ratingsOf([null, null, null, null, null]), { minGroupSize: 3 }));
    expect(aspect).toEqual({ aspect: 'layer-1.motivation', hidden: true });
  });

  it('hides a single rating (n = 1) and any n below k, without a number, and shows the cell from k ratings on', () => {
    expect(onlyAspect(aggregateSelfScan(ratingsOf([3, null, null, null]), { minGroupSize: 3 }))).toEqual({ aspect: 'layer-1.motivation', hidden: true });
    expect(onlyAspect(aggregateSelfScan(ratingsOf([3, 2, 2, 1]), { minGroupSize: 5 }))).toEqual({ aspect: 'layer-1.motivation', hidden: true });
    // 3, 2, 2, 1, 4: exactly k = 5 ratings → shown; median 2, mean 12 / 5.
    expect(onlyAspect(aggregateSelfScan(ratingsOf([3, 2, 2, 1, 4]), { minGroupSize: 5 }))).toMatchObject({ hidden: false, n: 5, dontKnow: 0, median: 2, mean: 2.4 });
  });

  it('does not mark an aspect whose agreement is exactly 0.7, and marks one just below', () => {
    // three 1s, eleven 2s, three 3s: n = 17, mean = 34/17 = 2, Σ(x − 2)² = 3 + 3 = 6,
    // variance = 6 / 16 = 0.375, rwg = 1 − 0.375 / 1.25 = 1 − 0.3 = 0.7 → not below 0.7.
    const atThreshold: Phase[] = [...Array<Phase>(3).fill(1), ...Array<Phase>(11).fill(2), ...Array<Phase>(3).fill(3)];
    const exact = shownAspect(aggregateSelfScan(ratingsOf(atThreshold), { minGroupSize: 3 }));
    expect(exact.rwg).toBe(0.7);
    expect(exact.discuss).toBe(false);
    // three 1s, ten 2s, three 3s: n = 16, mean 2, Σ = 6, variance = 6 / 15 = 0.4, rwg = 1 − 0.32 = 0.68.
    const below: Phase[] = [...Array<Phase>(3).fill(1), ...Array<Phase>(10).fill(2), ...Array<Phase>(3).fill(3)];
    const justBelow = shownAspect(aggregateSelfScan(ratingsOf(below), { minGroupSize: 3 }));
    expect(justBelow.rwg).toBeCloseTo(0.68, 12);
    expect(justBelow.discuss).toBe(true);
  });
});

describe('aggregateSelfScan aspects and respondents', () => {
  it('lists aspects in the given order, including aspects nobody rated', () => {
    const ratings = [...ratingsOf([2, 2, 2], 'b.second'), ...ratingsOf([3, 3, 3], 'a.first')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3, aspectIds: ['b.second', 'c.unrated', 'a.first'] });
    expect(result.aspects.map((aspect) => aspect.aspect)).toEqual(['b.second', 'c.unrated', 'a.first']);
    expect(result.aspects[1]).toEqual({ aspect: 'c.unrated', hidden: true });
    expect(result.aspects[2]).toMatchObject({ hidden: false, n: 3, median: 3 });
  });

  it('sorts the aspects seen by id when no order is given', () => {
    const ratings = [...ratingsOf([2], 'layer-3b.talent'), ...ratingsOf([3], 'layer-1.motivation'), ...ratingsOf([1], 'layer-3a.staff')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(result.aspects.map((aspect) => aspect.aspect)).toEqual(['layer-1.motivation', 'layer-3a.staff', 'layer-3b.talent']);
  });

  it('gives every group every aspect, hidden where the group gave no rating', () => {
    // Teachers rated only aspect a, care team only aspect b; both groups list a and b.
    const ratings = [...ratingsOf([1, 2, 3], 'a', 'teacher', 't'), ...ratingsOf([4, 4, 4], 'b', 'care_team', 'c')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(result.groups.map((group) => group.group)).toEqual(['care_team', 'teacher']);
    const [careTeam, teachers] = result.groups;
    // Hiding a cell of 0 ratings hides nobody, so the other group's cell may show.
    expect(careTeam!.aspects.map((aspect) => [aspect.aspect, aspect.hidden])).toEqual([['a', true], ['b', false]]);
    expect(teachers!.aspects.map((aspect) => [aspect.aspect, aspect.hidden])).toEqual([['a', false], ['b', true]]);
    // Teachers on a: 1, 2, 3 → median 2, mean 2; whole team on a is the same three ratings.
    expect(teachers!.aspects[0]).toMatchObject({ n: 3, median: 2, mean: 2, counts: { '1': 1, '2': 1, '3': 1, '4': 0 } });
    expect(result.aspects.map((aspect) => (aspect.hidden ? null : aspect.n))).toEqual([3, 3]);
  });

  it('hides role groups per aspect so that the team minus the shown groups is 0 or at least k ratings', () => {
    // k = 3, respondents: teacher 4, care_team 3. On aspect a the care team gives one phase and two "weet
    // ik niet": its cell (1 rating) hides, and so must the teachers' (team 5 − teachers 4 would show it).
    const ratings = [...ratingsOf([1, 2, 2, 3], 'a', 'teacher', 't'), ...ratingsOf([4, null, null], 'a', 'care_team', 'c')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['care_team', 3], ['teacher', 4]]);
    expect(result.aspects[0]).toMatchObject({ hidden: false, n: 5, dontKnow: 2 });
    expect(result.groups.map((group) => group.aspects[0])).toEqual([
      { aspect: 'a', hidden: true },
      { aspect: 'a', hidden: true },
    ]);
  });

  it('never gives a group\'s "weet ik niet" count, only the whole team\'s', () => {
    const ratings = [...ratingsOf([1, 2, 2, null], 'a', 'teacher', 't'), ...ratingsOf([4, 4, 3, null], 'a', 'care_team', 'c')];
    const result = aggregateSelfScan(ratings, { minGroupSize: 3 });
    expect(result.aspects[0]).toMatchObject({ hidden: false, n: 6, dontKnow: 2 });
    for (const group of result.groups) {
      expect(group.aspects[0]).toMatchObject({ hidden: false, n: 3 });
      expect(group.aspects[0]).not.toHaveProperty('dontKnow');
    }
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
    expect(withModel.aspects).toEqual([{ aspect: 'x', hidden: true }]);
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

  it('shows no group and hides the whole team when even the whole team is below k', () => {
    const result = aggregateSelfScan(team({ teacher: 1, leadership: 1 }), { minGroupSize: 3 });
    expect(result.groups).toEqual([]);
    expect(result.respondents).toBe(2);
    expect(result.aspects).toEqual([{ aspect: 'a', hidden: true }]);
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

describe('aspectsWithShownNotes', () => {
  it('names the aspects that at least k people answered, counting "weet ik niet" as an answer', () => {
    const ratings = [...ratingsOf([2, null, null], 'a'), ...ratingsOf([1, 2], 'b', 'teacher', 'q'), ...ratingsOf([null, null], 'c', 'teacher', 'z')];
    expect(aspectsWithShownNotes(ratings, { minGroupSize: 3, aspectIds: ['a', 'b', 'c', 'd'] })).toEqual(new Set(['a']));
  });
});

describe('exportRolesOf', () => {
  it('keeps a role only when it is a named group, and makes everyone "other" when the team is below k', () => {
    const roles = exportRolesOf(team({ teacher: 3, care_team: 3, leadership: 1 }), { minGroupSize: 3 });
    // care_team (3) hides with leadership (1): other = 4.
    expect(new Set(roles.values())).toEqual(new Set(['teacher', 'other']));
    expect(roles.get('leadership-0')).toBe('other');
    expect(roles.get('teacher-0')).toBe('teacher');
    expect(new Set(exportRolesOf(team({ teacher: 1, leadership: 1 }), { minGroupSize: 3 }).values())).toEqual(new Set(['other']));
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

  it('reads an input role "other" (a coarsened export) as part of the remainder, never as a named role', () => {
    // k = 3: teacher 4, other 3 (already coarsened), leadership 1. Hidden: leadership (1); the smallest shown
    // cell, other (3), hides too; together 4 ≥ k → one "other" group of 4.
    const result = aggregateSelfScan(team({ teacher: 4, other: 3, leadership: 1 }), { minGroupSize: 3 });
    expect(groupSizes(result)).toEqual([['teacher', 4], ['other', 4]]);
    // other 5 stays large enough on its own; leadership 1 hides the smallest shown cell, teacher 4.
    expect(groupSizes(aggregateSelfScan(team({ teacher: 4, other: 5, leadership: 1 }), { minGroupSize: 3 }))).toEqual([['other', 10]]);
    expect(groupSizes(aggregateSelfScan(team({ teacher: 4, other: 5 }), { minGroupSize: 3 }))).toEqual([['teacher', 4], ['other', 5]]);
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
        if (aspect.hidden) {
          expect(values.length).toBeLessThan(minGroupSize);
          continue;
        }
        expect(aspect.n).toBe(values.length);
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        const middle = values.length / 2;
        const median = values.length % 2 === 1 ? values[Math.floor(middle)]! : (values[middle - 1]! + values[middle]!) / 2;
        expect(aspect.mean).toBeCloseTo(mean, 12);
        expect(aspect.median).toBe(median);
        const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
        expect(aspect.sd).toBeCloseTo(Math.sqrt(variance), 12);
        expect(aspect.rwg).toBeCloseTo(Math.min(1, Math.max(0, 1 - variance / 1.25)), 12);
      }
    }
  });
});

describe('aggregateSelfScan never lets a hidden cell be derived (property)', () => {
  type Cell = { aspect: string; hidden: boolean; n?: number; dontKnow?: number; counts?: Record<'1' | '2' | '3' | '4', number>; median?: number };
  const ROLES = ['teacher', 'care_team', 'leadership', 'tso_lead', 'school_admin', 'other'] as const;
  const ASPECT_IDS = ['a', 'b', 'c'];
  const answer = fc.record({
    role: fc.constantFrom(...ROLES),
    // Per aspect: no answer, "weet ik niet" or a phase; skewed so small groups and n = 1 happen often.
    answers: fc.tuple(...ASPECT_IDS.map(() => fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom(1, 2, 3, 4)))),
  });

  it('shows a cell only with at least k ratings, and team minus the shown groups is 0 or at least k, per aspect and per phase', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), fc.integer({ min: 3, max: 7 }), (people, k) => {
        const ratings: RatingInput[] = people.flatMap((person, index) =>
          person.answers.flatMap((phase, aspect) =>
            phase === undefined ? [] : [{ respondent: `p${index}`, role: person.role, aspect: ASPECT_IDS[aspect]!, phase: phase as Phase }],
          ),
        );
        const result = aggregateSelfScan(ratings, { minGroupSize: k, aspectIds: ASPECT_IDS });
        const checkCell = (cell: Cell) => {
          if (cell.hidden) {
            // A hidden cell carries no number at all.
            expect(Object.keys(cell).sort()).toEqual(['aspect', 'hidden']);
            return;
          }
          expect(cell.n).toBeGreaterThanOrEqual(k);
          expect(Object.values(cell.counts!).reduce((sum, count) => sum + count, 0)).toBe(cell.n);
        };
        const respondents = new Map<string, string>(ratings.map((rating) => [rating.respondent, rating.role]));
        for (const group of result.groups) expect(group.respondents).toBeGreaterThanOrEqual(k);
        const named = result.groups.filter((group) => group.group !== 'other');
        for (const group of named) expect(group.respondents).toBe([...respondents.values()].filter((role) => role === group.group).length);
        const unnamed = respondents.size - named.reduce((sum, group) => sum + group.respondents, 0);
        // With no role named nothing can be subtracted (the team's head count is the round's progress anyway).
        if (named.length > 0) expect(unnamed === 0 || unnamed >= k).toBe(true);
        for (const [index, aspect] of ASPECT_IDS.entries()) {
          const team = result.aspects[index] as Cell;
          checkCell(team);
          const groupCells = result.groups.map((group) => group.aspects[index] as Cell);
          for (const cell of groupCells) {
            checkCell(cell);
            // "Weet ik niet" is given for the whole team only, so it cannot be subtracted per group.
            expect(cell).not.toHaveProperty('dontKnow');
          }
          const shown = groupCells.filter((cell) => !cell.hidden);
          if (team.hidden) {
            expect(shown).toEqual([]);
            continue;
          }
          const rest = team.n! - shown.reduce((sum, cell) => sum + cell.n!, 0);
          expect(rest === 0 || rest >= k, `aspect ${aspect}: team ${team.n} minus shown groups leaves ${rest}`).toBe(true);
          for (const phase of ['1', '2', '3', '4'] as const) {
            expect(team.counts![phase] - shown.reduce((sum, cell) => sum + cell.counts![phase], 0)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 1000, seed: 20261121 },
    );
  });
});
