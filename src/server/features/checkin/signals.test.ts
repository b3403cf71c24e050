import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../web/i18n/locales/en.json';
import nl from '../../../web/i18n/locales/nl.json';
import { signalLabel } from '../../../web/pages/checkin/checkin-labels';
import type { CheckinState } from '../../../shared/checkin';
import { addDays } from '../../../shared/school-time';
import {
  type CheckinForSignals,
  type ClosedPeriod,
  computeSignals,
  findSignals,
  isSchoolDay,
  lastSchoolDays,
  latestPerDay,
  markHandled,
  type NoteForSignals,
  schoolDaysBetween,
  signalHistoryStart,
} from './signals';

// Calendar used below (2026): Monday 23 November to Friday 27 November is the recent week when
// "today" is Friday 27 November; 21–22 and 28–29 November are weekends.
const FRIDAY = '2026-11-27';
const MONDAY = '2026-11-23';

function checkin(date: string, state: CheckinState, options: { wantsTalk?: boolean; at?: string } = {}): CheckinForSignals {
  return { date, state, wantsTalk: options.wantsTalk ?? false, at: options.at ?? `${date}T08:00:00.000Z` };
}

/** One check-in per given date, all in the same state. */
function onDays(dates: readonly string[], state: CheckinState): CheckinForSignals[] {
  return dates.map((date) => checkin(date, state));
}

/** The school days of the four weeks before Monday 23 November (26 October – 20 November: 20 days). */
const BASELINE = schoolDaysBetween('2026-10-26', '2026-11-22', []);
const RECENT = schoolDaysBetween(MONDAY, FRIDAY, []);

const kinds = (checkins: readonly CheckinForSignals[], today = FRIDAY, closedDays: readonly ClosedPeriod[] = []) =>
  findSignals(checkins, { today, closedDays }).map((finding) => finding.kind);

describe('school days', () => {
  it('are Monday to Friday outside closed periods (both ends of a period closed)', () => {
    const autumn: ClosedPeriod = { startDate: '2026-10-19', endDate: '2026-10-23' };
    expect(isSchoolDay('2026-11-21', [])).toBe(false); // Saturday
    expect(isSchoolDay('2026-11-22', [])).toBe(false); // Sunday
    expect(isSchoolDay('2026-11-23', [])).toBe(true);
    expect(isSchoolDay('2026-10-19', [autumn])).toBe(false);
    expect(isSchoolDay('2026-10-23', [autumn])).toBe(false);
    expect(isSchoolDay('2026-10-26', [autumn])).toBe(true);
    expect(isSchoolDay('2026-10-16', [autumn])).toBe(true);
  });

  it('counts back over weekends and holidays, today included only when it is a school day', () => {
    expect(lastSchoolDays(FRIDAY, 5, [])).toEqual(RECENT);
    // On Saturday the last five are still Monday to Friday.
    expect(lastSchoolDays('2026-11-28', 5, [])).toEqual(RECENT);
    // With Wednesday closed, Friday of the week before comes in.
    expect(lastSchoolDays(FRIDAY, 5, [{ startDate: '2026-11-25', endDate: '2026-11-25' }])).toEqual([
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-26',
      '2026-11-27',
    ]);
    // A two-week Christmas holiday: the first Monday after it looks back into December.
    const christmas = { startDate: '2026-12-19', endDate: '2027-01-03' };
    expect(lastSchoolDays('2027-01-05', 5, [christmas])).toEqual(['2026-12-16', '2026-12-17', '2026-12-18', '2027-01-04', '2027-01-05']);
  });

  it('stops looking back when the school has been closed for longer than any real holiday', () => {
    expect(lastSchoolDays(FRIDAY, 5, [{ startDate: '2025-01-01', endDate: '2027-01-01' }])).toEqual([]);
    expect(kinds(onDays([FRIDAY], 'low'), FRIDAY, [{ startDate: '2025-01-01', endDate: '2027-01-01' }])).toEqual(['low_today']);
  });

  it('knows how far back the rules look', () => {
    expect(signalHistoryStart(FRIDAY, [])).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('the latest check-in of a day counts', () => {
  it('takes the later one by time, whatever the order of the list', () => {
    const early = checkin(FRIDAY, 'far_high', { wantsTalk: true, at: `${FRIDAY}T07:50:00.000Z` });
    const late = checkin(FRIDAY, 'in_window', { at: `${FRIDAY}T08:10:00.000Z` });
    expect(latestPerDay([late, early]).get(FRIDAY)).toBe(late);
    expect(kinds([late, early])).toEqual([]);
    expect(kinds([early])).toEqual(['asked_to_talk', 'far_high_today']);
  });
});

describe("today's signals", () => {
  it('asked to talk, far too high and too low are about today only', () => {
    expect(kinds([checkin(FRIDAY, 'in_window', { wantsTalk: true })])).toEqual(['asked_to_talk']);
    expect(kinds([checkin(FRIDAY, 'far_high')])).toEqual(['far_high_today']);
    expect(kinds([checkin(FRIDAY, 'low')])).toEqual(['low_today']);
    // A bit too high is not a signal on its own.
    expect(kinds([checkin(FRIDAY, 'bit_high')])).toEqual([]);
    // Yesterday's request to talk is not today's.
    expect(kinds([checkin('2026-11-26', 'far_high', { wantsTalk: true })])).toEqual([]);
  });

  it('work on a day that is not a school day too (a pupil may check in at a weekend activity)', () => {
    expect(kinds([checkin('2026-11-28', 'low', { wantsTalk: true })], '2026-11-28')).toEqual(['asked_to_talk', 'low_today']);
  });

  it('has no signals without any history', () => {
    expect(kinds([])).toEqual([]);
  });
});

describe('three or more of the last five school days outside the window', () => {
  it('fires at three, not at two, and counts every state outside the window', () => {
    expect(kinds(onDays(['2026-11-24', '2026-11-26'], 'bit_high'))).toEqual([]);
    const three = [checkin('2026-11-23', 'bit_high'), checkin('2026-11-24', 'low'), checkin('2026-11-26', 'far_high')];
    expect(kinds(three)).toEqual(['out_of_window_streak']);
    expect(findSignals(three, { today: FRIDAY, closedDays: [] })).toEqual([{ kind: 'out_of_window_streak', daysOut: 3, schoolDays: 5 }]);
  });

  it('does not count a day without a check-in as outside the window', () => {
    // Two days out and three missing days: no streak.
    expect(kinds(onDays(['2026-11-23', '2026-11-25'], 'low'))).toEqual([]);
  });

  it('ignores the weekend: Friday, Thursday and Wednesday out counts on Monday, a Saturday check-in does not', () => {
    const days = [checkin('2026-11-25', 'bit_high'), checkin('2026-11-26', 'bit_high'), checkin('2026-11-27', 'bit_high')];
    expect(kinds(days, '2026-11-30')).toEqual(['out_of_window_streak']);
    // Thursday, Friday and a Saturday: the Saturday does not count, so only two.
    const withSaturday = [checkin('2026-11-26', 'low'), checkin('2026-11-27', 'low'), checkin('2026-11-28', 'low')];
    expect(kinds(withSaturday, '2026-11-30')).toEqual([]);
  });

  it('looks further back over closed days, and a day out that falls off the five stops counting', () => {
    // Out on Thursday 19 and Friday 20 November, and on Monday 23.
    const days = onDays(['2026-11-19', '2026-11-20', '2026-11-23'], 'bit_high');
    // On Wednesday 25 the last five school days are 19, 20, 23, 24, 25: three out.
    expect(kinds(days, '2026-11-25')).toEqual(['out_of_window_streak']);
    // On Thursday 26 Thursday 19 has fallen off: two out.
    expect(kinds(days, '2026-11-26')).toEqual([]);
    // …unless Tuesday 24 was a closed day: then 19 is still one of the last five.
    expect(kinds(days, '2026-11-26', [{ startDate: '2026-11-24', endDate: '2026-11-24' }])).toEqual(['out_of_window_streak']);
  });

  it('after a holiday counts the school days before it, not the holiday', () => {
    const christmas = [{ startDate: '2026-12-19', endDate: '2027-01-03' }];
    const beforeHoliday = onDays(['2026-12-16', '2026-12-17', '2026-12-18'], 'low');
    expect(kinds(beforeHoliday, '2027-01-04', christmas)).toEqual(['out_of_window_streak']);
    // Without the holiday registered, the 11 days in between are school days and the streak is long gone.
    expect(kinds(beforeHoliday, '2027-01-04')).toEqual([]);
  });
});

describe('a clear change from the pupil’s own usual pattern', () => {
  it('fires when the share in the window falls by 40 percentage points or more (boundary included)', () => {
    // Baseline: 10 check-ins, all in the window (100 %). Recent: 5 check-ins, 3 in the window (60 %): a fall of 40.
    const history = [...onDays(BASELINE.slice(0, 10), 'in_window'), ...onDays(RECENT.slice(0, 3), 'in_window'), ...onDays(RECENT.slice(3), 'bit_high')];
    expect(findSignals(history, { today: FRIDAY, closedDays: [] })).toEqual([
      { kind: 'changed_pattern', change: 'fewer_in_window', baselineShare: 1, recentShare: 0.6, schoolDays: 5 },
    ]);
    // 4 of 5 in the window (a fall of 20): no change.
    const smaller = [...onDays(BASELINE.slice(0, 10), 'in_window'), ...onDays(RECENT.slice(0, 4), 'in_window'), ...onDays(RECENT.slice(4), 'bit_high')];
    expect(kinds(smaller)).toEqual([]);
  });

  it('decides the boundary in whole numbers, not in rounded fractions', () => {
    // Baseline 12 of 20 in the window (0.6), recent 1 of 5 (0.2): a fall of exactly 40 points,
    // which floating-point subtraction would put just below 0.4.
    expect(12 / 20 - 1 / 5).toBeLessThan(0.4);
    const recent = [checkin(RECENT[0]!, 'in_window'), ...onDays(RECENT.slice(1), 'bit_high')];
    const baselineOf = (inWindow: number) => [...onDays(BASELINE.slice(0, inWindow), 'in_window'), ...onDays(BASELINE.slice(inWindow), 'bit_high')];
    expect(kinds([...baselineOf(12), ...recent])).toEqual(['out_of_window_streak', 'changed_pattern']);
    // 11 of 20 (0.55): a fall of 35 points.
    expect(kinds([...baselineOf(11), ...recent])).toEqual(['out_of_window_streak']);
  });

  it('names a shift to below the window first, even when the share in the window did not change', () => {
    // Usually a bit too high, now mostly too low: the share in the window stays 0 %, the share below rises.
    const history = [...onDays(BASELINE.slice(0, 12), 'bit_high'), ...onDays(RECENT.slice(0, 2), 'bit_high'), ...onDays(RECENT.slice(2), 'low')];
    expect(findSignals(history, { today: FRIDAY, closedDays: [] })).toEqual([
      { kind: 'low_today' },
      { kind: 'out_of_window_streak', daysOut: 5, schoolDays: 5 },
      { kind: 'changed_pattern', change: 'more_low', baselineShare: 0, recentShare: 0.6, schoolDays: 5 },
    ]);
  });

  it('says nothing for a pupil who is usually outside the window and still is', () => {
    const history = [...onDays(BASELINE, 'bit_high'), ...onDays(RECENT, 'bit_high')];
    expect(kinds(history)).toEqual(['out_of_window_streak']);
  });

  it('needs 8 baseline check-ins and 3 recent ones (too little history says nothing)', () => {
    const recentOut = onDays(RECENT.slice(0, 3), 'bit_high');
    expect(kinds([...onDays(BASELINE.slice(0, 7), 'in_window'), ...recentOut])).toEqual(['out_of_window_streak']);
    expect(kinds([...onDays(BASELINE.slice(0, 8), 'in_window'), ...recentOut])).toEqual(['out_of_window_streak', 'changed_pattern']);
    // Two recent check-ins, both out of the window: too few to call it a change.
    expect(kinds([...onDays(BASELINE, 'in_window'), ...onDays(RECENT.slice(0, 2), 'bit_high')])).toEqual([]);
  });

  it('uses only school days in the four weeks before the recent window: weekends, holidays and older days are left out', () => {
    const recentOut = onDays(RECENT.slice(0, 3), 'bit_high');
    // Eight in-window check-ins, but three of them on Saturdays and one five weeks back.
    const saturdays = ['2026-10-31', '2026-11-07', '2026-11-14'];
    const tooOld = '2026-10-23';
    const mixed = [...onDays(BASELINE.slice(0, 4), 'in_window'), ...onDays([...saturdays, tooOld], 'in_window'), ...recentOut];
    expect(kinds(mixed)).toEqual(['out_of_window_streak']);
    // A holiday in the baseline: the check-ins of that week no longer count.
    const eight = [...onDays(BASELINE.slice(0, 8), 'in_window'), ...recentOut];
    expect(kinds(eight)).toEqual(['out_of_window_streak', 'changed_pattern']);
    expect(kinds(eight, FRIDAY, [{ startDate: '2026-10-26', endDate: '2026-10-30' }])).toEqual(['out_of_window_streak']);
  });
});

describe('explanations', () => {
  it('are in the viewer’s language and give the numbers', () => {
    const history = [...onDays(BASELINE.slice(0, 10), 'in_window'), ...onDays(RECENT.slice(0, 4), 'bit_high'), checkin(FRIDAY, 'low', { wantsTalk: true })];
    const nl = computeSignals(history, { today: FRIDAY, closedDays: [] }, 'nl');
    const en = computeSignals(history, { today: FRIDAY, closedDays: [] }, 'en');
    expect(nl.map((signal) => signal.kind)).toEqual(['asked_to_talk', 'low_today', 'out_of_window_streak', 'changed_pattern']);
    expect(en.map((signal) => signal.kind)).toEqual(nl.map((signal) => signal.kind));
    expect(nl[2]?.explanation).toContain('5 van de laatste 5 schooldagen');
    expect(en[2]?.explanation).toContain('5 of the last 5 school days');
    // Below the window rose from 0 % to 20 %: not a change; in the window fell from 100 % to 0 %.
    expect(nl[3]?.explanation).toContain('0% van de check-ins binnen het raampje');
    expect(nl[3]?.explanation).toContain('100%');
    expect(en[3]?.explanation).toContain('inside the window');
    for (const signal of [...nl, ...en]) expect(signal.explanation.length).toBeGreaterThan(20);
    expect(new Set(nl.map((signal) => signal.explanation)).size).toBe(4);
  });

  it('do not repeat the short name the staff pages put before them ("Anders dan gewoonlijk: Anders dan gewoonlijk")', () => {
    const history = [...onDays(BASELINE.slice(0, 10), 'in_window'), ...onDays(RECENT.slice(0, 4), 'bit_high'), checkin(FRIDAY, 'low', { wantsTalk: true })];
    for (const [locale, catalogue] of [['nl', nl], ['en', en]] as const) {
      const t = ((key: string) => (catalogue as Record<string, string>)[key] ?? key) as unknown as TFunction;
      const signals = computeSignals(history, { today: FRIDAY, closedDays: [] }, locale);
      expect(signals.map((signal) => signal.kind)).toContain('changed_pattern');
      for (const signal of signals) {
        const label = signalLabel(t, signal.kind).toLowerCase();
        expect(signal.explanation.toLowerCase().startsWith(label), `${locale} ${signal.kind}: ${signal.explanation}`).toBe(false);
      }
    }
  });
});

describe('a signal that was talked about', () => {
  const signals = [
    { kind: 'asked_to_talk' as const, explanation: 'praten' },
    { kind: 'far_high_today' as const, explanation: 'hoog' },
  ];
  const note = (at: string, signalKind: NoteForSignals['signalKind'], date = FRIDAY, byName: string | null = 'Juf Anna'): NoteForSignals => ({ date, signalKind, at, byName });
  const context = { today: FRIDAY, latestCheckinAt: `${FRIDAY}T08:00:00.000Z` };

  it('is handled by a note of today about it, written after the latest check-in; other signals stay open', () => {
    const marked = markHandled(signals, [note(`${FRIDAY}T09:00:00.000Z`, 'asked_to_talk')], context);
    expect(marked.map((signal) => signal.handled)).toEqual([{ date: FRIDAY, at: `${FRIDAY}T09:00:00.000Z`, byName: 'Juf Anna' }, null]);
  });

  it('is handled by a note about no signal in particular, and the latest note counts', () => {
    const marked = markHandled(signals, [note(`${FRIDAY}T09:00:00.000Z`, null, FRIDAY, 'Eerst'), note(`${FRIDAY}T10:00:00.000Z`, null, FRIDAY, null)], context);
    expect(marked.map((signal) => signal.handled?.at)).toEqual([`${FRIDAY}T10:00:00.000Z`, `${FRIDAY}T10:00:00.000Z`]);
    expect(marked[0]?.handled?.byName).toBeNull();
  });

  it('is not handled by a note of another day, before the latest check-in, or about another signal', () => {
    const notes = [
      note(`${addDays(FRIDAY, -1)}T09:00:00.000Z`, null, addDays(FRIDAY, -1)),
      note(`${FRIDAY}T07:00:00.000Z`, null),
      note(`${FRIDAY}T09:00:00.000Z`, 'low_today'),
    ];
    expect(markHandled(signals, notes, context).map((signal) => signal.handled)).toEqual([null, null]);
  });

  it('is handled on a day without a check-in (a streak) by any note of today about it', () => {
    const streak = [{ kind: 'out_of_window_streak' as const, explanation: 'vaak' }];
    const marked = markHandled(streak, [note(`${FRIDAY}T07:00:00.000Z`, 'out_of_window_streak')], { today: FRIDAY, latestCheckinAt: null });
    expect(marked[0]?.handled?.at).toBe(`${FRIDAY}T07:00:00.000Z`);
  });
});
