import { describe, expect, it } from 'vitest';
import { CLIMATE_RATING_WORDS, CLIMATE_RATINGS, GROUP_PHASE_GUIDE, GROUP_PHASES, groupGuidanceOn, restartSearchDatesOf } from './class-group';

// Lessons start on Monday 31 August 2026 (the summer holiday entered as closed days), and on Monday 4 January 2027.
const DAYS = { schoolYearStartsOn: '2026-08-31', januaryStartsOn: '2027-01-04' };

describe('the Groep page guidance', () => {
  it('counts the golden weeks as the first six weeks from the first school day, both ends included', () => {
    expect(groupGuidanceOn('2026-08-30', DAYS)).toMatchObject({ isGoldenWeeks: false, goldenWeeksUntil: '2026-10-11' });
    expect(groupGuidanceOn('2026-08-31', DAYS).isGoldenWeeks).toBe(true);
    expect(groupGuidanceOn('2026-10-11', DAYS).isGoldenWeeks).toBe(true);
    expect(groupGuidanceOn('2026-10-12', DAYS).isGoldenWeeks).toBe(false);
  });

  it('reminds that the group starts again in the first three weeks after the summer', () => {
    expect(groupGuidanceOn('2026-08-28', DAYS).restart).toBeNull();
    expect(groupGuidanceOn('2026-08-31', DAYS).restart).toEqual({ after: 'summer', until: '2026-09-20' });
    expect(groupGuidanceOn('2026-09-20', DAYS).restart).toEqual({ after: 'summer', until: '2026-09-20' });
    expect(groupGuidanceOn('2026-09-21', DAYS).restart).toBeNull();
  });

  it('reminds it again in the first two weeks of lessons in January, not during the Christmas holiday', () => {
    expect(groupGuidanceOn('2026-12-21', DAYS).restart).toBeNull();
    expect(groupGuidanceOn('2027-01-01', DAYS).restart).toBeNull();
    expect(groupGuidanceOn('2027-01-04', DAYS)).toEqual({ isGoldenWeeks: false, goldenWeeksUntil: '2026-10-11', restart: { after: 'christmas', until: '2027-01-17' } });
    expect(groupGuidanceOn('2027-01-17', DAYS).restart?.after).toBe('christmas');
    expect(groupGuidanceOn('2027-01-18', DAYS).restart).toBeNull();
  });

  it('looks for the first school days from 1 August and 1 January of the school year', () => {
    expect(restartSearchDatesOf('2026-2027')).toEqual({ summer: '2026-08-01', christmas: '2027-01-01' });
  });

  it('has four climate steps and five phases, each in Dutch and English with two or three questions', () => {
    expect(CLIMATE_RATINGS.map((rating) => Boolean(CLIMATE_RATING_WORDS[rating].nl && CLIMATE_RATING_WORDS[rating].en))).toEqual([true, true, true, true]);
    expect(GROUP_PHASES).toEqual(['forming', 'storming', 'norming', 'performing', 'reforming']);
    for (const phase of GROUP_PHASES) {
      const guide = GROUP_PHASE_GUIDE[phase];
      expect(guide.questions.length, phase).toBeGreaterThanOrEqual(2);
      expect(guide.questions.length, phase).toBeLessThanOrEqual(3);
      for (const text of [guide.name, guide.explanation, ...guide.questions]) expect(text.nl && text.en, phase).toBeTruthy();
    }
  });
});
