import { describe, expect, it } from 'vitest';
import { addCalendarMonths, type CoverageStaffMember, type CoverageTraining, computeTrainingCoverage } from './training-coverage';

const TODAY = '2026-11-21';

const anna: CoverageStaffMember = { userId: 'u-anna', name: 'Anna', joinedOn: '2020-08-01' };
const bram: CoverageStaffMember = { userId: 'u-bram', name: 'Bram', joinedOn: '2021-08-01' };
const cor: CoverageStaffMember = { userId: 'u-cor', name: 'Cor', joinedOn: '2026-09-01' };

function training(kind: CoverageTraining['kind'], heldOn: string, participantUserIds: string[], partners: string[] = []): CoverageTraining {
  return { kind, heldOn, participantUserIds, partners };
}

function coverage(staff: CoverageStaffMember[], trainings: CoverageTraining[], options: { today?: string; months?: number } = {}) {
  return computeTrainingCoverage({ staff, trainings, today: options.today ?? TODAY, untrainedAfterMonths: options.months ?? 12 });
}

describe('addCalendarMonths', () => {
  it('adds whole calendar months and keeps the day of the month', () => {
    expect(addCalendarMonths('2025-11-21', 12)).toBe('2026-11-21');
    expect(addCalendarMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addCalendarMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addCalendarMonths('2026-01-01', 60)).toBe('2031-01-01');
  });

  it('lands on the last day of a shorter month (31 January + 1 month)', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('refuses something that is not a date', () => {
    expect(() => addCalendarMonths('21-11-2026', 1)).toThrow();
  });
});

describe('computeTrainingCoverage', () => {
  it('gives an empty school no share instead of dividing by zero', () => {
    expect(coverage([], [training('full_team', '2026-01-10', ['u-gone'], ['GGD'])])).toEqual({
      today: TODAY,
      untrainedAfterMonths: 12,
      currentStaff: 0,
      fullyTrained: 0,
      share: null,
      untrainedOverdue: [],
      newStaffWithinGrace: [],
      partnersTrained: [{ organisation: 'GGD', lastTrainedOn: '2026-01-10', trainings: 1 }],
    });
  });

  it('counts staff who took part in a full training and divides by current staff', () => {
    const result = coverage([anna, bram, cor], [training('full_team', '2025-10-01', ['u-anna']), training('new_staff', '2026-10-01', ['u-cor'])]);
    expect(result.currentStaff).toBe(3);
    expect(result.fullyTrained).toBe(2);
    expect(result.share).toBeCloseTo(2 / 3, 10);
    expect(result.untrainedOverdue).toEqual([{ userId: 'u-bram', name: 'Bram', joinedOn: '2021-08-01' }]);
    expect(result.newStaffWithinGrace).toEqual([]);
  });

  it('does not count people who left: their participation counts nowhere', () => {
    // u-left took part in the full training but is no longer in the staff list.
    const result = coverage([anna, bram], [training('full_team', '2025-10-01', ['u-anna', 'u-left', 'u-left-too'])]);
    expect(result).toMatchObject({ currentStaff: 2, fullyTrained: 1, share: 0.5 });
    expect([...result.untrainedOverdue, ...result.newStaffWithinGrace].map((person) => person.userId)).toEqual(['u-bram']);
  });

  it('ignores trainings dated after today, for staff and for partners', () => {
    const result = coverage([anna], [training('full_team', '2026-11-22', ['u-anna'], ['Jeugdzorg Noord'])]);
    expect(result).toMatchObject({ fullyTrained: 0, share: 0, partnersTrained: [] });
    expect(result.untrainedOverdue.map((person) => person.userId)).toEqual(['u-anna']);
    // Held today counts.
    expect(coverage([anna], [training('full_team', TODAY, ['u-anna'])]).fullyTrained).toBe(1);
  });

  it('does not count an intro, refresher, partner day or custom training as the full training', () => {
    const partial = (['intro', 'refresher', 'partner_day', 'custom'] as const).map((kind) => training(kind, '2026-01-10', ['u-anna']));
    const result = coverage([anna], partial);
    expect(result.fullyTrained).toBe(0);
    expect(result.untrainedOverdue.map((person) => person.userId)).toEqual(['u-anna']);
    expect(coverage([anna], [...partial, training('new_staff', '2026-01-10', ['u-anna'])]).fullyTrained).toBe(1);
  });

  it('lists a new staff member within N months with the date to be trained by, and as overdue only after that date', () => {
    const newcomer: CoverageStaffMember = { userId: 'u-new', name: 'Nina', joinedOn: '2025-11-21' };
    // Exactly N months after joining: the last day of the grace period.
    const onTheDay = coverage([newcomer], [], { today: '2026-11-21' });
    expect(onTheDay.newStaffWithinGrace).toEqual([{ userId: 'u-new', name: 'Nina', joinedOn: '2025-11-21', trainBy: '2026-11-21' }]);
    expect(onTheDay.untrainedOverdue).toEqual([]);
    // The day after: overdue.
    const dayAfter = coverage([newcomer], [], { today: '2026-11-22' });
    expect(dayAfter.newStaffWithinGrace).toEqual([]);
    expect(dayAfter.untrainedOverdue).toEqual([{ userId: 'u-new', name: 'Nina', joinedOn: '2025-11-21' }]);
  });

  it('uses calendar months at the end of a month (joined 31 January, N = 1)', () => {
    const joined: CoverageStaffMember = { userId: 'u-jan', name: 'Jan', joinedOn: '2026-01-31' };
    expect(coverage([joined], [], { today: '2026-02-28', months: 1 }).newStaffWithinGrace).toEqual([
      { userId: 'u-jan', name: 'Jan', joinedOn: '2026-01-31', trainBy: '2026-02-28' },
    ]);
    expect(coverage([joined], [], { today: '2026-03-01', months: 1 }).untrainedOverdue.map((person) => person.userId)).toEqual(['u-jan']);
  });

  it('follows the school’s own N', () => {
    expect(coverage([cor], [], { months: 3 }).newStaffWithinGrace.map((person) => person.trainBy)).toEqual(['2026-12-01']);
    expect(coverage([cor], [], { months: 2 }).untrainedOverdue.map((person) => person.userId)).toEqual(['u-cor']);
  });

  it('does not list a fully trained newcomer at all', () => {
    const result = coverage([cor], [training('new_staff', '2026-10-15', ['u-cor'])]);
    expect(result).toMatchObject({ fullyTrained: 1, share: 1, untrainedOverdue: [], newStaffWithinGrace: [] });
  });

  it('sorts both lists by name and counts a person with two roles once', () => {
    const people: CoverageStaffMember[] = [
      { userId: 'u-3', name: 'Zoë', joinedOn: '2020-01-01' },
      { userId: 'u-1', name: 'Émile', joinedOn: '2020-01-01' },
      { userId: 'u-2', name: 'bas', joinedOn: '2026-11-01' },
      { userId: 'u-4', name: 'Anne', joinedOn: '2026-10-01' },
      // The same person with a second role added later: one person, joined at the earlier date.
      { userId: 'u-1', name: 'Émile', joinedOn: '2026-11-01' },
    ];
    const result = coverage(people, []);
    expect(result.currentStaff).toBe(4);
    expect(result.untrainedOverdue.map((person) => person.name)).toEqual(['Émile', 'Zoë']);
    expect(result.newStaffWithinGrace.map((person) => person.name)).toEqual(['Anne', 'bas']);
  });

  it('merges partner spellings case-insensitively, shows the latest one, and counts each training once', () => {
    const result = coverage(
      [anna],
      [
        training('partner_day', '2025-03-01', [], ['  jeugdzorg noord ', 'BSO De Boomhut']),
        training('partner_day', '2026-06-01', [], ['Jeugdzorg Noord', 'JEUGDZORG NOORD']),
        training('intro', '2026-01-15', ['u-anna'], ['Wijkteam']),
        training('partner_day', '2027-01-01', [], ['Wijkteam']),
      ],
    );
    expect(result.partnersTrained).toEqual([
      { organisation: 'BSO De Boomhut', lastTrainedOn: '2025-03-01', trainings: 1 },
      { organisation: 'Jeugdzorg Noord', lastTrainedOn: '2026-06-01', trainings: 2 },
      { organisation: 'Wijkteam', lastTrainedOn: '2026-01-15', trainings: 1 },
    ]);
  });

  it('on the same day takes the spelling of the training recorded last', () => {
    const result = coverage([], [training('partner_day', '2026-05-01', [], ['ggd hollands midden']), training('refresher', '2026-05-01', [], ['GGD Hollands Midden'])]);
    expect(result.partnersTrained).toEqual([{ organisation: 'GGD Hollands Midden', lastTrainedOn: '2026-05-01', trainings: 2 }]);
  });
});
