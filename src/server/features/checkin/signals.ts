import type { CheckinState, SignalKind } from '../../../shared/checkin';
import type { Locale } from '../../../shared/roles';
import { addDays } from '../../../shared/school-time';
import { formatCalendarDate } from '../../i18n/dates';

// The signal rules of the daily check-in, in one pure function (no I/O, no clock): the service, the
// tests and any later tool call the same code. The exact rules are in docs/features/checkin.md
// ("Check-in signals"); the numbers are in SIGNAL_RULES.

/** One stored check-in as the rules need it (a pupil may check in more than once a day; the latest counts). */
export interface CheckinForSignals {
  /** The school day, YYYY-MM-DD (Europe/Amsterdam). */
  date: string;
  state: CheckinState;
  wantsTalk: boolean;
  /** When it was stored (ISO UTC), to find the latest of a day. */
  at: string;
}

/** A period a school is closed, both dates included. */
export interface ClosedPeriod {
  startDate: string;
  endDate: string;
}

/** What the rules need besides the pupil's check-ins. */
export interface SignalContext {
  /** Today's school date, YYYY-MM-DD. */
  today: string;
  /** The school's closed periods (holidays, study days): not school days. */
  closedDays: readonly ClosedPeriod[];
}

/** The numbers behind the rules (documented in docs/features/checkin.md, "Check-in signals"). */
export const SIGNAL_RULES = {
  /** The recent window: the last this many school days, today included when it is one. */
  recentSchoolDays: 5,
  /** A streak: at least this many of the recent school days with a check-in outside the window. */
  streakMinDaysOut: 3,
  /** The pupil's usual pattern: the calendar days just before the recent window. */
  baselineCalendarDays: 28,
  /** Too little history for a pattern below this many baseline school days with a check-in. */
  minBaselineCheckins: 8,
  /** …or below this many recent school days with a check-in. */
  minRecentCheckins: 3,
  /** A clear change: a share moved by at least this many tenths (0.4 = 40 percentage points). */
  minChangeTenths: 4,
} as const;

/** The facts behind one signal; `explainSignal` turns them into words. */
export type SignalFinding =
  | { kind: 'asked_to_talk' }
  | { kind: 'far_high_today' }
  | { kind: 'low_today' }
  | { kind: 'out_of_window_streak'; daysOut: number; schoolDays: number }
  | {
      kind: 'changed_pattern';
      /** `more_low`: more often below the window than usual; `fewer_in_window`: less often inside it. */
      change: 'more_low' | 'fewer_in_window';
      /** The compared share (in the window, or below it) in the baseline and in the recent days, 0–1. */
      baselineShare: number;
      recentShare: number;
      schoolDays: number;
    }
  /** From the class's latest closed sociogram: nobody chose the pupil. */
  | { kind: 'sociogram_isolated'; closedOn: string }
  /** From the class's latest closed sociogram: classified "rejected" by one or both methods. */
  | { kind: 'sociogram_rejected'; closedOn: string; methods: ('cdc' | 'nb')[] };

/** A signal as the teacher sees it: its kind and the plain-language reason. */
export interface Signal {
  kind: SignalKind;
  explanation: string;
}

/** The signals of one pupil today, each explained in the viewer's language. */
export function computeSignals(checkins: readonly CheckinForSignals[], context: SignalContext, locale: Locale): Signal[] {
  return findSignals(checkins, context).map((finding) => ({ kind: finding.kind, explanation: explainSignal(finding, locale) }));
}

/** The signals of one pupil today as facts, in the order of SIGNAL_KINDS. */
export function findSignals(checkins: readonly CheckinForSignals[], context: SignalContext): SignalFinding[] {
  const latest = latestPerDay(checkins);
  const findings: SignalFinding[] = [];
  const today = latest.get(context.today);
  if (today?.wantsTalk) findings.push({ kind: 'asked_to_talk' });
  if (today?.state === 'far_high') findings.push({ kind: 'far_high_today' });
  if (today?.state === 'low') findings.push({ kind: 'low_today' });

  const recentDays = lastSchoolDays(context.today, SIGNAL_RULES.recentSchoolDays, context.closedDays);
  const streak = findStreak(latest, recentDays);
  if (streak) findings.push(streak);
  const pattern = findChangedPattern(latest, recentDays, context.closedDays);
  if (pattern) findings.push(pattern);
  return findings;
}

function findStreak(latest: ReadonlyMap<string, CheckinForSignals>, recentDays: readonly string[]): SignalFinding | undefined {
  // A day without a check-in is not counted as outside: we only know what the pupil told us.
  const daysOut = recentDays.filter((date) => isOutOfWindow(latest.get(date)?.state)).length;
  return daysOut >= SIGNAL_RULES.streakMinDaysOut ? { kind: 'out_of_window_streak', daysOut, schoolDays: recentDays.length } : undefined;
}

function findChangedPattern(
  latest: ReadonlyMap<string, CheckinForSignals>,
  recentDays: readonly string[],
  closedDays: readonly ClosedPeriod[],
): SignalFinding | undefined {
  const firstRecent = recentDays[0];
  if (firstRecent === undefined) return undefined;
  const baselineDays = schoolDaysBetween(addDays(firstRecent, -SIGNAL_RULES.baselineCalendarDays), addDays(firstRecent, -1), closedDays);
  const baseline = statesOn(latest, baselineDays);
  const recent = statesOn(latest, recentDays);
  if (baseline.length < SIGNAL_RULES.minBaselineCheckins || recent.length < SIGNAL_RULES.minRecentCheckins) return undefined;

  const count = (states: CheckinState[], state: CheckinState) => states.filter((each) => each === state).length;
  const schoolDays = recentDays.length;
  // Below the window first: withdrawn pupils are the ones a busy class most easily overlooks.
  const baselineLow = count(baseline, 'low');
  const recentLow = count(recent, 'low');
  if (risesClearly(baselineLow, baseline.length, recentLow, recent.length)) {
    return { kind: 'changed_pattern', change: 'more_low', baselineShare: baselineLow / baseline.length, recentShare: recentLow / recent.length, schoolDays };
  }
  const baselineIn = count(baseline, 'in_window');
  const recentIn = count(recent, 'in_window');
  if (risesClearly(recentIn, recent.length, baselineIn, baseline.length)) {
    return { kind: 'changed_pattern', change: 'fewer_in_window', baselineShare: baselineIn / baseline.length, recentShare: recentIn / recent.length, schoolDays };
  }
  return undefined;
}

// True when later/laterTotal − earlier/earlierTotal ≥ minChangeTenths/10, in whole numbers (no rounding at the boundary).
function risesClearly(earlier: number, earlierTotal: number, later: number, laterTotal: number): boolean {
  return (later * earlierTotal - earlier * laterTotal) * 10 >= SIGNAL_RULES.minChangeTenths * earlierTotal * laterTotal;
}

function statesOn(latest: ReadonlyMap<string, CheckinForSignals>, days: readonly string[]): CheckinState[] {
  return days.flatMap((date) => {
    const checkin = latest.get(date);
    return checkin ? [checkin.state] : [];
  });
}

function isOutOfWindow(state: CheckinState | undefined): boolean {
  return state !== undefined && state !== 'in_window';
}

/** A "we talked" note as the handled rule needs it: its school day, the signal it names (or none), when and by whom. */
export interface NoteForSignals {
  date: string;
  signalKind: SignalKind | null;
  at: string;
  byName: string | null;
}

/** When and by whom a signal was talked about (null: not yet). */
export interface SignalHandled {
  date: string;
  at: string;
  byName: string | null;
}

/**
 * Marks the signals that were talked about: a signal is handled by the latest note of today that names it or
 * names no signal in particular, written at or after the pupil's latest check-in of today. A check-in after
 * the conversation opens its signals again, so a pupil who asks to talk a second time is never missed.
 */
export function markHandled(
  signals: readonly Signal[],
  notes: readonly NoteForSignals[],
  context: { today: string; latestCheckinAt: string | null },
): (Signal & { handled: SignalHandled | null })[] {
  const ofToday = notes
    .filter((note) => note.date === context.today && (context.latestCheckinAt === null || note.at >= context.latestCheckinAt))
    .sort((left, right) => right.at.localeCompare(left.at));
  return signals.map((signal) => {
    const note = ofToday.find((each) => each.signalKind === null || each.signalKind === signal.kind);
    return { ...signal, handled: note ? { date: note.date, at: note.at, byName: note.byName } : null };
  });
}

/** The latest check-in of each day (by time stored; the later one in the list on a tie). */
export function latestPerDay<T extends CheckinForSignals>(checkins: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const checkin of checkins) {
    const seen = latest.get(checkin.date);
    if (!seen || checkin.at >= seen.at) latest.set(checkin.date, checkin);
  }
  return latest;
}

// ---------- school days ----------

/** True for Monday to Friday outside every closed period. */
export function isSchoolDay(date: string, closedDays: readonly ClosedPeriod[]): boolean {
  const weekday = dateOf(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !closedDays.some((period) => period.startDate <= date && date <= period.endDate);
}

// Far enough back (or ahead) for any real run of holidays; stops the search on a school that is closed "forever".
const MAX_LOOKBACK_DAYS = 400;

/** The last `count` school days up to and including `today`, oldest first (fewer when the school was closed that long). */
export function lastSchoolDays(today: string, count: number, closedDays: readonly ClosedPeriod[]): string[] {
  const days: string[] = [];
  for (let back = 0; back < MAX_LOOKBACK_DAYS && days.length < count; back += 1) {
    const date = addDays(today, -back);
    if (isSchoolDay(date, closedDays)) days.push(date);
  }
  return days.reverse();
}

/** The first school day on or after `date` (`date` itself when the school stays closed that long). */
export function firstSchoolDayFrom(date: string, closedDays: readonly ClosedPeriod[]): string {
  for (let ahead = 0; ahead < MAX_LOOKBACK_DAYS; ahead += 1) {
    const candidate = addDays(date, ahead);
    if (isSchoolDay(candidate, closedDays)) return candidate;
  }
  return date;
}

/** Every school day from `from` to `to`, both included, oldest first. */
export function schoolDaysBetween(from: string, to: string, closedDays: readonly ClosedPeriod[]): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isSchoolDay(date, closedDays)) days.push(date);
  }
  return days;
}

/** The earliest date whose check-ins can change today's signals (load from here on). */
export function signalHistoryStart(today: string, closedDays: readonly ClosedPeriod[]): string {
  const recent = lastSchoolDays(today, SIGNAL_RULES.recentSchoolDays, closedDays);
  return addDays(recent[0] ?? today, -SIGNAL_RULES.baselineCalendarDays);
}

function dateOf(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

// ---------- words ----------

const percent = (share: number) => `${Math.round(share * 100)}%`;


// The staff pages put the signal's short name before its explanation ("Anders dan gewoonlijk: …"), so an
// explanation never starts with that name itself.
const EXPLANATIONS: Record<Locale, { [K in SignalKind]: (finding: Extract<SignalFinding, { kind: K }>) => string }> = {
  nl: {
    asked_to_talk: () => 'Heeft bij de check-in van vandaag aangegeven graag even met je te willen praten.',
    far_high_today: () => 'Zat vandaag bij de check-in ver boven het raampje: heel onrustig, boos of opgejaagd.',
    low_today: () => 'Zat vandaag bij de check-in onder het raampje: stil, leeg of ver weg.',
    out_of_window_streak: (finding) =>
      `Zat op ${finding.daysOut} van de laatste ${finding.schoolDays} schooldagen buiten het raampje (te hoog of te laag). ` +
      'Weekenden en vrije dagen tellen niet mee; een dag zonder check-in telt niet als buiten het raampje.',
    changed_pattern: (finding) =>
      finding.change === 'more_low'
        ? `De laatste ${finding.schoolDays} schooldagen ${percent(finding.recentShare)} van de check-ins onder het raampje, ` +
          `in de vier weken daarvoor ${percent(finding.baselineShare)}.`
        : `De laatste ${finding.schoolDays} schooldagen ${percent(finding.recentShare)} van de check-ins binnen het raampje, ` +
          `in de vier weken daarvoor ${percent(finding.baselineShare)}.`,
    sociogram_isolated: (finding) =>
      `In het sociogram van ${formatCalendarDate(finding.closedOn, 'nl')} koos geen enkele klasgenoot dit kind. Het hoort er nu nog niet echt bij: ` +
      'zoek dagelijks even contact en maak er samen met de klas werk van dat iedereen erbij hoort.',
    sociogram_rejected: (finding) =>
      `In het sociogram van ${formatCalendarDate(finding.closedOn, 'nl')} werd dit kind vaker bij "liever niet" genoemd dan gekozen ` +
      `(${finding.methods.map((method) => (method === 'cdc' ? 'Coie-Dodge-Coppotelli' : 'Newcomb-Bukowski')).join(' en ')}). ` +
      'Eerst verbinden, dan corrigeren: geef het kind een goede plek in de groep, niet een etiket.',
  },
  en: {
    asked_to_talk: () => "Said at today's check-in they would like to talk with you.",
    far_high_today: () => "Was far above their window at today's check-in: very restless, angry or on edge.",
    low_today: () => "Was below their window at today's check-in: quiet, empty or far away.",
    out_of_window_streak: (finding) =>
      `Was outside their window (too high or too low) on ${finding.daysOut} of the last ${finding.schoolDays} school days. ` +
      'Weekends and days off do not count; a day without a check-in does not count as outside the window.',
    changed_pattern: (finding) =>
      finding.change === 'more_low'
        ? `${percent(finding.recentShare)} of check-ins below the window in the last ${finding.schoolDays} school days, ` +
          `against ${percent(finding.baselineShare)} in the four weeks before.`
        : `${percent(finding.recentShare)} of check-ins inside the window in the last ${finding.schoolDays} school days, ` +
          `against ${percent(finding.baselineShare)} in the four weeks before.`,
    sociogram_isolated: (finding) =>
      `In the sociogram of ${formatCalendarDate(finding.closedOn, 'en')} no classmate chose this child. They do not really belong yet: ` +
      'make contact every day, and make belonging something the whole class works on.',
    sociogram_rejected: (finding) =>
      `In the sociogram of ${formatCalendarDate(finding.closedOn, 'en')} this child was named under "rather not" more often than chosen ` +
      `(${finding.methods.map((method) => (method === 'cdc' ? 'Coie-Dodge-Coppotelli' : 'Newcomb-Bukowski')).join(' and ')}). ` +
      'Connect before you correct: give the child a good place in the group, not a label.',
  },
};

/** The plain-language reason for a signal, in Dutch or English. */
export function explainSignal(finding: SignalFinding, locale: Locale): string {
  const explain = EXPLANATIONS[locale][finding.kind] as (finding: SignalFinding) => string;
  return explain(finding);
}
