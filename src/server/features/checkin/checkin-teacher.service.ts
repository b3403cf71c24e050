import type { z } from 'zod';
import { AGE_GROUPS, type CheckinState, CHECKIN_STATES, type SignalKind, SIGNAL_KINDS } from '../../../shared/checkin';
import { conversationStarters } from '../../../shared/checkin-starters';
import { type Locale, LOCALES } from '../../../shared/roles';
import { schoolYearOf } from '../../../shared/school-year';
import { recordAudit } from '../../audit/audit.service';
import type { Actor } from '../../auth/policy';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { listSchoolIdsSharingCheckin } from '../school-settings/school-settings.repository';
import { MIN_GROUP_SIZE_FLOOR } from '../selfscan/aggregate';
import { schoolDateOf } from '../selfscan/selfscan.service';
import { findBoard, findSchool, listSchoolsOfBoard } from '../tenancy/tenancy.repository';
import { ageGroupOfClass, buildStateChoices } from './checkin-form';
import * as repository from './checkin-teacher.repository';
import type {
  aggregatesQuerySchema,
  boardAggregatesSchema,
  checkinNoteSchema,
  classAggregateSchema,
  classOverviewSchema,
  closedDaysBodySchema,
  closedDaysSchema,
  createNoteSchema,
  overviewPupilSchema,
  pupilCheckinHistorySchema,
  schoolAggregatesSchema,
  schoolSignalSchema,
  wordingSchema,
} from './checkin.schemas';
import { addDays, type CheckinForSignals, type ClosedPeriod, computeSignals, latestPerDay, schoolDaysBetween, signalHistoryStart } from './signals';

// The teacher's side of the daily check-in. Need-to-know: a teacher sees only classes they teach
// (this school year) and pupils placed in those classes; the care team sees the whole school — the
// school's care team is its caseload. Anything else answers 404, so nobody learns a record exists.

/** Today's class overview. */
export type ClassOverview = z.infer<typeof classOverviewSchema>;
/** A pupil's trend, signals, notes and conversation starters. */
export type PupilCheckinHistory = z.infer<typeof pupilCheckinHistorySchema>;
/** A "we talked" note. */
export type CheckinNote = z.infer<typeof checkinNoteSchema>;
/** One pupil with signals, school-wide. */
export type SchoolSignal = z.infer<typeof schoolSignalSchema>;
/** A school's anonymous figures. */
export type SchoolAggregates = z.infer<typeof schoolAggregatesSchema>;
/** A board's anonymous figures of the schools that share. */
export type BoardAggregates = z.infer<typeof boardAggregatesSchema>;
/** A school's own words for the check-in. */
export type Wording = z.infer<typeof wordingSchema>;
/** A stored closed period. */
export type ClosedDays = z.infer<typeof closedDaysSchema>;

/** Who is looking, in which language (the explanations and starters follow it). */
export interface CheckinViewer {
  userId: string;
  actor: Actor;
  locale: Locale;
  /** The board of the school in the path, when the policy resolved it. */
  boardId: string | undefined;
}

/** How many weeks of trend the pupil page shows when not asked otherwise. */
export const DEFAULT_HISTORY_WEEKS = 6;
/** The default period of the anonymous figures: the last four weeks, today included. */
export const DEFAULT_AGGREGATE_DAYS = 28;
/** The longest period the anonymous figures (and a closed period) may span. */
export const MAX_PERIOD_DAYS = 366;

// ---------- need-to-know ----------

function seesWholeSchool(viewer: CheckinViewer, schoolId: string): boolean {
  return (viewer.actor.schoolRoles.get(schoolId) ?? []).includes('care_team');
}

async function requireClassInView(deps: Deps, viewer: CheckinViewer, schoolId: string, classId: string) {
  const db = deps.db.kysely;
  const schoolClass = await repository.findClassInYear(db, schoolId, classId, schoolYearOf(deps.clock.now()));
  if (!schoolClass) throw new AppError('not_found');
  if (!seesWholeSchool(viewer, schoolId) && !(await repository.teachesClass(db, classId, viewer.userId))) throw new AppError('not_found');
  return schoolClass;
}

async function requirePupilInView(deps: Deps, viewer: CheckinViewer, schoolId: string, pupilId: string) {
  const db = deps.db.kysely;
  const pupil = await repository.findPupilOfSchool(db, schoolId, pupilId);
  if (!pupil) throw new AppError('not_found');
  if (!seesWholeSchool(viewer, schoolId) && !(await repository.isPupilTaughtBy(db, schoolId, pupilId, viewer.userId, schoolYearOf(deps.clock.now())))) {
    throw new AppError('not_found');
  }
  return pupil;
}

// ---------- the teacher ----------

/** Today's overview of a class: who checked in with what, who did not yet, who asked to talk, and the signals. */
export async function getClassOverview(deps: Deps, viewer: CheckinViewer, schoolId: string, classId: string): Promise<ClassOverview> {
  const db = deps.db.kysely;
  const schoolClass = await requireClassInView(deps, viewer, schoolId, classId);
  const today = schoolDateOf(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const pupils = uniquePupils(await repository.listPupilsOfClass(db, schoolId, classId)).sort(compareByName);
  const histories = await historiesOf(deps, schoolId, pupils.map((pupil) => pupil.id), signalHistoryStart(today, closedDays), today);

  const rows: z.infer<typeof overviewPupilSchema>[] = [];
  for (const pupil of pupils) {
    const history = histories.get(pupil.id) ?? [];
    const latest = latestPerDay(history).get(today);
    rows.push({
      pupilId: pupil.id,
      displayName: displayNameOf(pupil),
      today: latest ? { state: latest.state, wantsTalk: latest.wantsTalk, word: await openWord(deps, latest), at: latest.at } : null,
      signals: computeSignals(history, { today, closedDays }, viewer.locale),
    });
  }
  const ageGroup = (await ageGroupOfClass(db, classId)) ?? 'middle';
  await recordAudit(db, deps.clock, {
    actorUserId: viewer.userId,
    action: 'checkin.overview_read',
    targetType: 'class',
    targetId: classId,
    schoolId,
    boardId: viewer.boardId ?? null,
    detail: { date: today, pupils: rows.length },
  });
  return {
    classId,
    className: schoolClass.name,
    date: today,
    ageGroup,
    choices: await buildStateChoices(db, schoolId, ageGroup, viewer.locale),
    pupils: rows,
    counts: {
      checkedIn: rows.filter((row) => row.today !== null).length,
      notYet: rows.filter((row) => row.today === null).length,
      wantsTalk: rows.filter((row) => row.today?.wantsTalk).length,
    },
  };
}

/** A pupil's school days over the last weeks, today's signals, the notes and the conversation starters. */
export async function getPupilHistory(deps: Deps, viewer: CheckinViewer, schoolId: string, pupilId: string, weeks = DEFAULT_HISTORY_WEEKS): Promise<PupilCheckinHistory> {
  const db = deps.db.kysely;
  const pupil = await requirePupilInView(deps, viewer, schoolId, pupilId);
  const today = schoolDateOf(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const trendStart = addDays(today, -(weeks * 7 - 1));
  const signalStart = signalHistoryStart(today, closedDays);
  const history = (await historiesOf(deps, schoolId, [pupilId], trendStart < signalStart ? trendStart : signalStart, today)).get(pupilId) ?? [];
  const latest = latestPerDay(history);

  const result: PupilCheckinHistory = {
    pupilId,
    displayName: displayNameOf(pupil),
    days: schoolDaysBetween(trendStart, today, closedDays).map((date) => ({
      date,
      state: latest.get(date)?.state ?? null,
      wantsTalk: latest.get(date)?.wantsTalk ?? false,
    })),
    signals: computeSignals(history, { today, closedDays }, viewer.locale),
    notes: await notesOf(deps, schoolId, pupilId),
    starters: conversationStarters(viewer.locale),
  };
  await recordAudit(db, deps.clock, {
    actorUserId: viewer.userId,
    action: 'checkin.pupil_history_read',
    targetType: 'pupil',
    targetId: pupilId,
    schoolId,
    boardId: viewer.boardId ?? null,
    detail: { weeks, notes: result.notes.length },
  });
  return result;
}

/** Stores a "we talked" note about a pupil, encrypted; readable by the pupil's teachers and the care team. */
export async function addNote(deps: Deps, viewer: CheckinViewer, schoolId: string, pupilId: string, input: z.infer<typeof createNoteSchema>): Promise<CheckinNote> {
  await requirePupilInView(deps, viewer, schoolId, pupilId);
  const id = newId();
  const createdAt = isoInstant(deps.clock.now());
  const date = schoolDateOf(deps.clock.now());
  const sealed = await deps.fieldCrypto.encrypt(noteRef(id), input.text);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertNote(trx, {
      id,
      pupil_id: pupilId,
      school_id: schoolId,
      author_user_id: viewer.userId,
      signal_kind: input.signalKind,
      school_date: date,
      note_encrypted: sealed,
      created_at: createdAt,
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: viewer.userId,
      action: 'checkin.note_added',
      targetType: 'pupil',
      targetId: pupilId,
      schoolId,
      boardId: viewer.boardId ?? null,
      detail: { noteId: id, signalKind: input.signalKind },
    });
  });
  return { id, date, signalKind: input.signalKind, text: input.text, authorName: await repository.findUserName(deps.db.kysely, viewer.userId), createdAt };
}

/** Every pupil of the school (placed in a class this school year) with at least one signal today, by class and name. */
export async function listSchoolSignals(deps: Deps, viewer: CheckinViewer, schoolId: string): Promise<SchoolSignal[]> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const pupils = uniquePupils(await repository.listPlacedPupilsOfSchool(db, schoolId, schoolYearOf(deps.clock.now())));
  const histories = await historiesOf(deps, schoolId, pupils.map((pupil) => pupil.id), signalHistoryStart(today, closedDays), today);
  const withSignals = pupils
    .map((pupil) => ({ pupil, signals: computeSignals(histories.get(pupil.id) ?? [], { today, closedDays }, viewer.locale) }))
    .filter((entry) => entry.signals.length > 0)
    .sort((left, right) => collator.compare(left.pupil.class_name, right.pupil.class_name) || compareByName(left.pupil, right.pupil));
  const result: SchoolSignal[] = withSignals.map(({ pupil, signals }) => ({
    pupilId: pupil.id,
    displayName: displayNameOf(pupil),
    classId: pupil.class_id,
    className: pupil.class_name,
    signals,
  }));
  await recordAudit(db, deps.clock, {
    actorUserId: viewer.userId,
    action: 'checkin.school_signals_read',
    targetType: 'school',
    targetId: schoolId,
    schoolId,
    boardId: viewer.boardId ?? null,
    detail: { date: today, pupilsWithSignals: result.length },
  });
  return result;
}

// ---------- helpers of the teacher's side ----------

type StoredCheckin = CheckinForSignals & { id: string; wordEncrypted: string | null };

async function historiesOf(deps: Deps, schoolId: string, pupilIds: readonly string[], from: string, to: string): Promise<Map<string, StoredCheckin[]>> {
  const byPupil = new Map<string, StoredCheckin[]>();
  for (const row of await repository.listCheckinsOfPupils(deps.db.kysely, schoolId, pupilIds, from, to)) {
    const state = CHECKIN_STATES.find((each) => each === row.state);
    if (!state) continue;
    const list = byPupil.get(row.pupil_id) ?? [];
    list.push({ id: row.id, date: row.school_date, state, wantsTalk: row.wants_talk === 1, at: row.created_at, wordEncrypted: row.word_encrypted });
    byPupil.set(row.pupil_id, list);
  }
  // Same time stored: the larger id counts as the later one, so the choice does not depend on row order.
  for (const list of byPupil.values()) list.sort((left, right) => left.at.localeCompare(right.at) || left.id.localeCompare(right.id));
  return byPupil;
}

async function openWord(deps: Deps, checkin: StoredCheckin): Promise<string | null> {
  if (checkin.wordEncrypted === null) return null;
  return deps.fieldCrypto.decrypt(encryptedFieldRef('checkins', 'word_encrypted', [checkin.id]), checkin.wordEncrypted);
}

function noteRef(noteId: string) {
  return encryptedFieldRef('checkin_notes', 'note_encrypted', [noteId]);
}

async function notesOf(deps: Deps, schoolId: string, pupilId: string): Promise<CheckinNote[]> {
  const notes: CheckinNote[] = [];
  for (const row of await repository.listNotesOfPupil(deps.db.kysely, schoolId, pupilId)) {
    notes.push({
      id: row.id,
      date: row.school_date,
      signalKind: SIGNAL_KINDS.find((kind): kind is SignalKind => kind === row.signal_kind) ?? null,
      text: await deps.fieldCrypto.decrypt(noteRef(row.id), row.note_encrypted),
      authorName: row.author_name ?? null,
      createdAt: row.created_at,
    });
  }
  return notes;
}

async function closedPeriodsOf(deps: Deps, schoolId: string): Promise<ClosedPeriod[]> {
  return (await repository.listClosedDays(deps.db.kysely, schoolId)).map((row) => ({ startDate: row.start_date, endDate: row.end_date }));
}

// A pupil placed in two classes of one year (only possible by hand) appears once, with the first class by name.
function uniquePupils(rows: readonly repository.PlacedPupilRow[]): repository.PlacedPupilRow[] {
  const byId = new Map<string, repository.PlacedPupilRow>();
  for (const row of rows) {
    const seen = byId.get(row.id);
    if (!seen || collator.compare(row.class_name, seen.class_name) < 0) byId.set(row.id, row);
  }
  return [...byId.values()];
}

function displayNameOf(pupil: { first_name: string; last_name: string }): string {
  return `${pupil.first_name} ${pupil.last_name}`;
}

// Dutch order: case and accents do not split the list; "van der Berg" sorts under B.
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

function compareByName(left: { first_name: string; last_name: string }, right: { first_name: string; last_name: string }): number {
  const sortKey = (lastName: string) => lastName.replace(/^(?:[a-z'’]+\s+)+(?=\S)/u, '');
  return collator.compare(sortKey(left.last_name), sortKey(right.last_name)) || collator.compare(left.first_name, right.first_name);
}

// ---------- anonymous figures ----------

/** A check-in as counting needs it. */
export interface CountingCheckin {
  classId: string;
  pupilId: string;
  date: string;
  state: string;
  at: string;
}

/** A stored anonymous day count (what retention keeps). */
export interface StoredClassDay {
  classId: string;
  date: string;
  pupilsCheckedIn: number;
  inWindow: number;
}

/** The ISO week of a date as "YYYY-Www" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00.000Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday + 3);
  const year = day.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 24 * 3600 * 1000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

interface DayFigure {
  pupils: number;
  inWindow: number;
  /** The pupils of the day when counted from raw check-ins; null for a stored day count. */
  pupilIds: Set<string> | null;
}

/**
 * The anonymous per-class figures (pure): per class and day the latest check-in of each pupil counts;
 * a day still held as raw check-ins is counted from them, an older day from the stored day counts.
 * A class with fewer than `minGroupSize` pupils checking in over the whole period is left out and
 * counted in `hiddenClasses`; so is every period (day or week) of a shown class with fewer than that.
 * For a week, "pupils checking in" is the number of different pupils; where only day counts remain
 * the largest day count stands in for it (never more than the true number, so the rule errs on hiding).
 */
export function aggregateClassFigures(input: {
  checkins: readonly CountingCheckin[];
  storedDays: readonly StoredClassDay[];
  classNames: ReadonlyMap<string, string>;
  minGroupSize: number;
  groupBy: 'day' | 'week';
}): { classes: z.infer<typeof classAggregateSchema>[]; hiddenClasses: number } {
  const days = dayFiguresOf(input.checkins, input.storedDays);
  const classes: z.infer<typeof classAggregateSchema>[] = [];
  let hiddenClasses = 0;
  for (const [classId, byDate] of days) {
    const figures = [...byDate.entries()].sort(([left], [right]) => left.localeCompare(right));
    const periods = new Map<string, DayFigure[]>();
    for (const [date, figure] of figures) {
      const period = input.groupBy === 'day' ? date : isoWeekOf(date);
      periods.set(period, [...(periods.get(period) ?? []), figure]);
    }
    const shown = [...periods.entries()]
      .map(([period, list]) => ({ period, ...summarise(list) }))
      .filter((period) => period.pupilsCheckedIn >= input.minGroupSize)
      .map(({ period, pupilsCheckedIn, shareInWindow }) => ({ period, pupilsCheckedIn, shareInWindow }));
    if (summarise(figures.map(([, figure]) => figure)).pupilsCheckedIn < input.minGroupSize || shown.length === 0) {
      hiddenClasses += 1;
      continue;
    }
    classes.push({ classId, className: input.classNames.get(classId) ?? '', periods: shown });
  }
  classes.sort((left, right) => collator.compare(left.className, right.className) || left.classId.localeCompare(right.classId));
  return { classes, hiddenClasses };
}

function dayFiguresOf(checkins: readonly CountingCheckin[], storedDays: readonly StoredClassDay[]): Map<string, Map<string, DayFigure>> {
  // The latest check-in of each pupil per class and day.
  const latest = new Map<string, CountingCheckin>();
  for (const checkin of checkins) {
    const key = `${checkin.classId}|${checkin.date}|${checkin.pupilId}`;
    const seen = latest.get(key);
    if (!seen || checkin.at >= seen.at) latest.set(key, checkin);
  }
  const days = new Map<string, Map<string, DayFigure>>();
  const dayOf = (classId: string, date: string) => {
    const byDate = days.get(classId) ?? new Map<string, DayFigure>();
    days.set(classId, byDate);
    return { byDate, figure: byDate.get(date) };
  };
  for (const checkin of latest.values()) {
    const { byDate, figure } = dayOf(checkin.classId, checkin.date);
    const day = figure ?? { pupils: 0, inWindow: 0, pupilIds: new Set<string>() };
    day.pupils += 1;
    if (checkin.state === 'in_window') day.inWindow += 1;
    day.pupilIds?.add(checkin.pupilId);
    byDate.set(checkin.date, day);
  }
  for (const stored of storedDays) {
    const { byDate, figure } = dayOf(stored.classId, stored.date);
    // Raw check-ins win: a stored count for a day that still has them is the same day counted earlier.
    if (!figure && stored.pupilsCheckedIn > 0) byDate.set(stored.date, { pupils: stored.pupilsCheckedIn, inWindow: stored.inWindow, pupilIds: null });
  }
  for (const [classId, byDate] of days) if (byDate.size === 0) days.delete(classId);
  return days;
}

function summarise(list: readonly DayFigure[]): { pupilsCheckedIn: number; shareInWindow: number } {
  const distinct = new Set<string>();
  let largestStoredDay = 0;
  let pupilDays = 0;
  let inWindow = 0;
  for (const day of list) {
    pupilDays += day.pupils;
    inWindow += day.inWindow;
    if (day.pupilIds) for (const id of day.pupilIds) distinct.add(id);
    else largestStoredDay = Math.max(largestStoredDay, day.pupils);
  }
  return { pupilsCheckedIn: Math.max(distinct.size, largestStoredDay), shareInWindow: pupilDays === 0 ? 0 : Math.round((inWindow / pupilDays) * 1000) / 1000 };
}

/** The period asked for: `to` defaults to today, `from` to four weeks before it; at most MAX_PERIOD_DAYS. */
export function resolvePeriod(query: z.infer<typeof aggregatesQuerySchema>, today: string): { from: string; to: string; groupBy: 'day' | 'week' } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_AGGREGATE_DAYS - 1));
  if (from > to) throw new AppError('validation_failed', { fields: { 'query.from': ['after_to'] } });
  if (addDays(from, MAX_PERIOD_DAYS - 1) < to) throw new AppError('validation_failed', { fields: { 'query.from': ['period_too_long'] } });
  return { from, to, groupBy: query.groupBy ?? 'week' };
}

async function minGroupSizeOfBoard(deps: Deps, boardId: string): Promise<number> {
  const board = await findBoard(deps.db.kysely, boardId);
  // As in the self-scan: the board's k, never below the floor.
  return Math.max(MIN_GROUP_SIZE_FLOOR, board?.min_group_size ?? MIN_GROUP_SIZE_FLOOR);
}

async function figuresOfSchools(deps: Deps, schoolIds: readonly string[], period: { from: string; to: string; groupBy: 'day' | 'week' }, minGroupSize: number) {
  const db = deps.db.kysely;
  const classes = await repository.listClassesOfSchools(db, schoolIds);
  const checkins = await repository.listCheckinsForCounting(db, schoolIds, period.from, period.to);
  const storedDays = await repository.listClassDays(db, schoolIds, period.from, period.to);
  const result = new Map<string, Omit<SchoolAggregates, 'schoolId' | 'minGroupSize'>>();
  for (const schoolId of schoolIds) {
    const ofSchool = new Set(classes.filter((each) => each.school_id === schoolId).map((each) => each.id));
    result.set(
      schoolId,
      aggregateClassFigures({
        checkins: checkins
          .filter((row) => ofSchool.has(row.class_id))
          .map((row) => ({ classId: row.class_id, pupilId: row.pupil_id, date: row.school_date, state: row.state, at: `${row.created_at}|${row.id}` })),
        storedDays: storedDays
          .filter((row) => ofSchool.has(row.class_id))
          .map((row) => ({ classId: row.class_id, date: row.school_date, pupilsCheckedIn: row.pupils_checked_in, inWindow: row.in_window })),
        classNames: new Map(classes.map((each) => [each.id, each.name])),
        minGroupSize,
        groupBy: period.groupBy,
      }),
    );
  }
  return result;
}

/** A school's anonymous per-class figures (share in the window per day or week), classes under k hidden. */
export async function getSchoolAggregates(deps: Deps, schoolId: string, query: z.infer<typeof aggregatesQuerySchema>): Promise<SchoolAggregates> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const period = resolvePeriod(query, schoolDateOf(deps.clock.now()));
  const minGroupSize = await minGroupSizeOfBoard(deps, school.board_id);
  const figures = (await figuresOfSchools(deps, [schoolId], period, minGroupSize)).get(schoolId) ?? { classes: [], hiddenClasses: 0 };
  return { schoolId, minGroupSize, ...figures };
}

/** The board's view: the anonymous figures of each of its schools that chose to share them; nothing of the others is read. */
export async function getBoardAggregates(deps: Deps, boardId: string, query: z.infer<typeof aggregatesQuerySchema>): Promise<BoardAggregates> {
  const db = deps.db.kysely;
  if (!(await findBoard(db, boardId))) throw new AppError('not_found');
  const period = resolvePeriod(query, schoolDateOf(deps.clock.now()));
  const schools = await listSchoolsOfBoard(db, boardId);
  const sharing = new Set(await listSchoolIdsSharingCheckin(db, schools.map((school) => school.id)));
  const shared = schools.filter((school) => sharing.has(school.id));
  const minGroupSize = await minGroupSizeOfBoard(deps, boardId);
  const figures = await figuresOfSchools(deps, shared.map((school) => school.id), period, minGroupSize);
  return {
    schools: shared.map((school) => ({
      schoolId: school.id,
      schoolName: school.name,
      minGroupSize,
      ...(figures.get(school.id) ?? { classes: [], hiddenClasses: 0 }),
    })),
  };
}

// ---------- settings: wording and closed days ----------

async function requireSchool(deps: Deps, schoolId: string) {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}

/** The school's own words (only the labels it changed; the rest are the defaults). */
export async function getWording(deps: Deps, schoolId: string): Promise<Wording> {
  await requireSchool(deps, schoolId);
  const rows = await repository.listWording(deps.db.kysely, schoolId);
  return {
    entries: rows.flatMap((row) => {
      const entry = wordingEntryOf(row);
      return entry ? [entry] : [];
    }),
  };
}

function wordingEntryOf(row: { age_group: string; state: string; locale: string; label: string }): Wording['entries'][number] | undefined {
  const ageGroup = AGE_GROUPS.find((each) => each === row.age_group);
  const state = CHECKIN_STATES.find((each): each is CheckinState => each === row.state);
  const locale = LOCALES.find((each) => each === row.locale);
  return ageGroup && state && locale ? { ageGroup, state, locale, label: row.label } : undefined;
}

/** Changes the school's own words: each entry sets a label, an empty label goes back to the default. */
export async function updateWording(deps: Deps, viewer: CheckinViewer, schoolId: string, input: Wording): Promise<Wording> {
  const school = await requireSchool(deps, schoolId);
  const updatedAt = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    for (const entry of input.entries) {
      if (entry.label === '') await repository.deleteWording(trx, schoolId, entry);
      else await repository.upsertWording(trx, { school_id: schoolId, age_group: entry.ageGroup, state: entry.state, locale: entry.locale, label: entry.label, updated_at: updatedAt });
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: viewer.userId,
      action: 'checkin.wording_changed',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      detail: { set: input.entries.filter((entry) => entry.label !== '').length, reset: input.entries.filter((entry) => entry.label === '').length },
    });
  });
  return getWording(deps, schoolId);
}

/** The school's closed periods, earliest first. */
export async function listClosedDays(deps: Deps, schoolId: string): Promise<ClosedDays[]> {
  await requireSchool(deps, schoolId);
  return (await repository.listClosedDays(deps.db.kysely, schoolId)).map((row) => ({ id: row.id, startDate: row.start_date, endDate: row.end_date, name: row.name }));
}

/** Adds a closed period (both dates included, at most MAX_PERIOD_DAYS long). */
export async function addClosedDays(deps: Deps, viewer: CheckinViewer, schoolId: string, input: z.infer<typeof closedDaysBodySchema>): Promise<ClosedDays> {
  const school = await requireSchool(deps, schoolId);
  if (input.startDate > input.endDate) throw new AppError('validation_failed', { fields: { 'body.endDate': ['before_start'] } });
  if (addDays(input.startDate, MAX_PERIOD_DAYS - 1) < input.endDate) throw new AppError('validation_failed', { fields: { 'body.endDate': ['period_too_long'] } });
  const id = newId();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertClosedDays(trx, { id, school_id: schoolId, start_date: input.startDate, end_date: input.endDate, name: input.name, created_at: isoInstant(deps.clock.now()) });
    await recordAudit(trx, deps.clock, {
      actorUserId: viewer.userId,
      action: 'checkin.closed_days_changed',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      detail: { added: id, startDate: input.startDate, endDate: input.endDate },
    });
  });
  return { id, ...input };
}

/** Removes a closed period of the school. */
export async function removeClosedDays(deps: Deps, viewer: CheckinViewer, schoolId: string, closedDaysId: string): Promise<void> {
  const school = await requireSchool(deps, schoolId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if ((await repository.deleteClosedDays(trx, schoolId, closedDaysId)) === 0) throw new AppError('not_found');
    await recordAudit(trx, deps.clock, {
      actorUserId: viewer.userId,
      action: 'checkin.closed_days_changed',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      detail: { removed: closedDaysId },
    });
  });
}
