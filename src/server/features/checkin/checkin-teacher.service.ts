import { AGE_GROUPS, type CheckinState, CHECKIN_STATES, type SignalKind, SIGNAL_KINDS } from '../../../shared/checkin';
import { conversationStarters } from '../../../shared/checkin-starters';
import { type Locale, LOCALES } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import type { StaffCaller } from '../../access/caller';
import { isClassInScope, isPupilInScope, pupilScopeOf } from '../../access/record-scope';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { listSchoolIdsSharingCheckin } from '../school-settings/school-settings.repository';
import { MAX_FIGURES_DAYS_BY_DAY } from '../../../shared/limits';
import { findBoard, findSchool, listSchoolsOfBoard, minGroupSizeOfBoard } from '../tenancy/tenancy.repository';
import { ageGroupOfClass, buildStateChoices } from './checkin-form';
import { aggregateClassFigures, type FiguresPeriod, weekStartsOf } from './checkin-figures';
import * as repository from './checkin-teacher.repository';
import type { AggregatesQuery, BoardAggregates, CheckinNote, ClassOverview, ClosedDays, ClosedDaysBody, CreateNoteBody, OverviewPupil, PupilCheckinHistory, SchoolAggregates, SchoolSignal, Wording } from './checkin.schemas';
import { type CheckinForSignals, type ClosedPeriod, computeSignals, explainSignal, latestPerDay, markHandled, type NoteForSignals, type Signal, type SignalFinding, schoolDaysBetween, signalHistoryStart } from './signals';
import { sociogramFindings } from '../sociogram/sociogram-signals';
import { addDays, schoolDateOf, schoolYearAt } from '../../../shared/school-time';

// The teacher's side of the daily check-in. Need-to-know: a teacher sees only classes they teach
// (this school year) and pupils placed in those classes; the care team sees the whole school — the
// school's care team is its caseload. Anything else answers 404, so nobody learns a record exists.


/** How many weeks of trend the pupil page shows when not asked otherwise. */
export const DEFAULT_HISTORY_WEEKS = 6;
/** The default period of the anonymous figures: the last four weeks up to today (today itself never counts). */
export const DEFAULT_AGGREGATE_DAYS = 28;
/** The longest period the anonymous figures (and a closed period) may span. */
export const MAX_PERIOD_DAYS = 366;

// ---------- need-to-know ----------

async function requireClassInView(deps: Deps, viewer: StaffCaller, schoolId: string, classId: string) {
  const db = deps.db.kysely;
  const schoolClass = await repository.findClassInYear(db, schoolId, classId, schoolYearAt(deps.clock.now()));
  if (!schoolClass) throw new AppError('not_found');
  if (!(await isClassInScope(db, pupilScopeOf(viewer.actor, schoolId, 'checkins'), classId))) throw new AppError('not_found');
  return schoolClass;
}

async function requirePupilInView(deps: Deps, viewer: StaffCaller, schoolId: string, pupilId: string) {
  const db = deps.db.kysely;
  const pupil = await repository.findPupilOfSchool(db, schoolId, pupilId);
  if (!pupil) throw new AppError('not_found');
  if (!(await isPupilInScope(db, pupilScopeOf(viewer.actor, schoolId, 'checkins'), schoolId, pupilId, schoolYearAt(deps.clock.now())))) {
    throw new AppError('not_found');
  }
  return pupil;
}

// ---------- the teacher ----------

/** Today's overview of a class: who checked in with what, who did not yet, who asked to talk, and the signals. */
export async function getClassOverview(deps: Deps, viewer: StaffCaller, schoolId: string, classId: string): Promise<ClassOverview> {
  const db = deps.db.kysely;
  const schoolClass = await requireClassInView(deps, viewer, schoolId, classId);
  const today = schoolDateOf(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const pupils = uniquePupils(await repository.listPupilsOfClass(db, schoolId, classId)).sort(compareByName);
  const pupilIds = pupils.map((pupil) => pupil.id);
  const histories = await historiesOf(deps, schoolId, pupilIds, signalHistoryStart(today, closedDays), today);
  const notes = await noteMarksOn(deps, schoolId, pupilIds, today);
  const social = await sociogramFindings(db, [classId], today);

  const rows: OverviewPupil[] = [];
  for (const pupil of pupils) {
    const history = histories.get(pupil.id) ?? [];
    const latest = latestPerDay(history).get(today);
    rows.push({
      pupilId: pupil.id,
      displayName: displayNameOf(pupil),
      today: latest ? { state: latest.state, wantsTalk: latest.wantsTalk, word: await openWord(deps, latest), at: latest.at } : null,
      signals: markHandled(
        [...computeSignals(history, { today, closedDays }, viewer.locale), ...explained(social.get(pupil.id), viewer.locale)],
        notes.get(pupil.id) ?? [],
        { today, latestCheckinAt: latest?.at ?? null },
      ),
    });
  }
  const ageGroup = (await ageGroupOfClass(db, classId)) ?? 'middle';
  await recordAudit(db, deps.clock, {
    actorUserId: viewer.userId,
    action: 'checkin.overview_read',
    targetType: 'class',
    targetId: classId,
    schoolId,
    boardId: viewer.schoolBoardId ?? null,
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
      // A wish to talk that was talked about no longer waits.
      wantsTalk: rows.filter((row) => row.signals.some((signal) => signal.kind === 'asked_to_talk' && signal.handled === null)).length,
    },
  };
}

/** A pupil's school days over the last weeks, today's signals, the notes and the conversation starters. */
export async function getPupilHistory(deps: Deps, viewer: StaffCaller, schoolId: string, pupilId: string, weeks = DEFAULT_HISTORY_WEEKS): Promise<PupilCheckinHistory> {
  const db = deps.db.kysely;
  const pupil = await requirePupilInView(deps, viewer, schoolId, pupilId);
  const today = schoolDateOf(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const trendStart = addDays(today, -(weeks * 7 - 1));
  const signalStart = signalHistoryStart(today, closedDays);
  const history = (await historiesOf(deps, schoolId, [pupilId], trendStart < signalStart ? trendStart : signalStart, today)).get(pupilId) ?? [];
  const latest = latestPerDay(history);
  const notes = await notesOf(deps, schoolId, pupilId);
  const noteMarks: NoteForSignals[] = notes.map((note) => ({ date: note.date, signalKind: note.signalKind, at: note.createdAt, byName: note.authorName }));

  const result: PupilCheckinHistory = {
    pupilId,
    displayName: displayNameOf(pupil),
    days: schoolDaysBetween(trendStart, today, closedDays).map((date) => ({
      date,
      state: latest.get(date)?.state ?? null,
      wantsTalk: latest.get(date)?.wantsTalk ?? false,
    })),
    signals: markHandled(computeSignals(history, { today, closedDays }, viewer.locale), noteMarks, { today, latestCheckinAt: latest.get(today)?.at ?? null }),
    notes,
    starters: conversationStarters(viewer.locale),
  };
  await recordAudit(db, deps.clock, {
    actorUserId: viewer.userId,
    action: 'checkin.pupil_history_read',
    targetType: 'pupil',
    targetId: pupilId,
    schoolId,
    boardId: viewer.schoolBoardId ?? null,
    detail: { weeks, notes: result.notes.length },
  });
  return result;
}

/** Stores a "we talked" note about a pupil, encrypted; readable by the pupil's teachers and the care team. */
export async function addNote(deps: Deps, viewer: StaffCaller, schoolId: string, pupilId: string, input: CreateNoteBody): Promise<CheckinNote> {
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
      boardId: viewer.schoolBoardId ?? null,
      detail: { noteId: id, signalKind: input.signalKind },
    });
  });
  return { id, date, signalKind: input.signalKind, text: input.text, authorName: await repository.findUserName(deps.db.kysely, viewer.userId), createdAt };
}

/** Every pupil of the school (placed in a class this school year) with at least one signal today, by class and name; audited. */
export async function listSchoolSignals(deps: Deps, viewer: StaffCaller, schoolId: string): Promise<SchoolSignal[]> {
  const result = await schoolSignalsToday(deps, viewer.locale, schoolId);
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId: viewer.userId,
    action: 'checkin.school_signals_read',
    targetType: 'school',
    targetId: schoolId,
    schoolId,
    boardId: viewer.schoolBoardId ?? null,
    detail: { date: schoolDateOf(deps.clock.now()), pupilsWithSignals: result.length },
  });
  return result;
}

/** Today's school-wide signals, unaudited: for a caller that audits its own read (the care overview). */
export async function schoolSignalsToday(deps: Deps, locale: Locale, schoolId: string): Promise<SchoolSignal[]> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const pupils = uniquePupils(await repository.listPlacedPupilsOfSchool(db, schoolId, schoolYearAt(deps.clock.now())));
  const pupilIds = pupils.map((pupil) => pupil.id);
  const histories = await historiesOf(deps, schoolId, pupilIds, signalHistoryStart(today, closedDays), today);
  const notes = await noteMarksOn(deps, schoolId, pupilIds, today);
  const social = await sociogramFindings(db, [...new Set(pupils.map((pupil) => pupil.class_id))], today);
  const withSignals = pupils
    .map((pupil) => {
      const history = histories.get(pupil.id) ?? [];
      const signals = [...computeSignals(history, { today, closedDays }, locale), ...explained(social.get(pupil.id), locale)];
      return { pupil, signals: markHandled(signals, notes.get(pupil.id) ?? [], { today, latestCheckinAt: latestPerDay(history).get(today)?.at ?? null }) };
    })
    .filter((entry) => entry.signals.length > 0)
    .sort((left, right) => collator.compare(left.pupil.class_name, right.pupil.class_name) || compareByName(left.pupil, right.pupil));
  return withSignals.map(({ pupil, signals }) => ({
    pupilId: pupil.id,
    displayName: displayNameOf(pupil),
    classId: pupil.class_id,
    className: pupil.class_name,
    signals,
  }));
}

// ---------- helpers of the teacher's side ----------

// Signals from elsewhere than the check-ins (the class's sociogram), explained like the check-in's own.
function explained(findings: readonly SignalFinding[] | undefined, locale: Locale): Signal[] {
  return (findings ?? []).map((finding) => ({ kind: finding.kind, explanation: explainSignal(finding, locale) }));
}

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

// Today's notes per pupil, without their text (the handled rule needs only when, by whom and about what).
async function noteMarksOn(deps: Deps, schoolId: string, pupilIds: readonly string[], date: string): Promise<Map<string, NoteForSignals[]>> {
  const byPupil = new Map<string, NoteForSignals[]>();
  for (const row of await repository.listNoteMarksOfPupilsOn(deps.db.kysely, schoolId, pupilIds, date)) {
    const list = byPupil.get(row.pupil_id) ?? [];
    list.push({
      date: row.school_date,
      signalKind: SIGNAL_KINDS.find((kind): kind is SignalKind => kind === row.signal_kind) ?? null,
      at: row.created_at,
      byName: row.author_name ?? null,
    });
    byPupil.set(row.pupil_id, list);
  }
  return byPupil;
}

/** The school's closed periods (holidays, study days): the days that are no school days. */
export async function closedPeriodsOf(deps: Deps, schoolId: string): Promise<ClosedPeriod[]> {
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

/** The period asked for: `to` defaults to today, `from` to four weeks before it; at most MAX_PERIOD_DAYS, by day at most MAX_FIGURES_DAYS_BY_DAY. */
export function resolvePeriod(query: AggregatesQuery, today: string): FiguresPeriod {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_AGGREGATE_DAYS - 1));
  if (from > to) throw new AppError('validation_failed', { fields: { 'query.from': ['after_to'] } });
  if (addDays(from, MAX_PERIOD_DAYS - 1) < to) throw new AppError('validation_failed', { fields: { 'query.from': ['period_too_long'] } });
  const groupBy = query.groupBy ?? 'week';
  // Per day, a board's answer is one row per class and day: capped to stay near the size of a year by week.
  if (groupBy === 'day' && addDays(from, MAX_FIGURES_DAYS_BY_DAY - 1) < to) throw new AppError('validation_failed', { fields: { 'query.groupBy': ['period_too_long_by_day'] } });
  return { from, to, groupBy };
}


// Summed in SQL school by school from the class-day counts (a board's year by week: ~1,000 rows per school).
// better-sqlite3 answers synchronously, so between two schools the event loop is given back: other requests
// never wait for a whole board.
async function figuresOfSchools(deps: Deps, schoolIds: readonly string[], period: FiguresPeriod, minGroupSize: number) {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  const classes = await repository.listClassesOfSchools(db, schoolIds);
  const weeks = period.groupBy === 'week' ? weekStartsOf(period.from, period.to) : null;
  const result = new Map<string, Omit<SchoolAggregates, 'schoolId' | 'minGroupSize'>>();
  for (const schoolId of schoolIds) {
    const rows = await repository.sumShownClassDays(db, schoolId, { from: period.from, to: period.to, before: today, minPupils: minGroupSize, weeks });
    result.set(
      schoolId,
      aggregateClassFigures({
        sums: rows.map((row) => ({ classId: row.class_id, period: row.period, days: Number(row.days), pupilsCheckedIn: Number(row.pupils_checked_in), inWindow: Number(row.in_window) })),
        classes: classes.filter((each) => each.school_id === schoolId).map((each) => ({ id: each.id, name: each.name, schoolYear: each.school_year })),
        period,
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

/** A school's anonymous per-class figures (share in the window per day or week) from the class-day counts; class-days under k and today never count. */
export async function getSchoolAggregates(deps: Deps, schoolId: string, query: AggregatesQuery): Promise<SchoolAggregates> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const period = resolvePeriod(query, schoolDateOf(deps.clock.now()));
  const minGroupSize = await minGroupSizeOfBoard(deps.db.kysely, school.board_id);
  const figures = (await figuresOfSchools(deps, [schoolId], period, minGroupSize)).get(schoolId) ?? { classes: [], hiddenClasses: 0 };
  return { schoolId, minGroupSize, ...figures };
}

/** The board's view: the anonymous figures of each of its schools that chose to share them; nothing of the others is read. */
export async function getBoardAggregates(deps: Deps, boardId: string, query: AggregatesQuery): Promise<BoardAggregates> {
  const db = deps.db.kysely;
  if (!(await findBoard(db, boardId))) throw new AppError('not_found');
  const period = resolvePeriod(query, schoolDateOf(deps.clock.now()));
  const schools = await listSchoolsOfBoard(db, boardId);
  const sharing = new Set(await listSchoolIdsSharingCheckin(db, schools.map((school) => school.id)));
  const shared = schools.filter((school) => sharing.has(school.id));
  const minGroupSize = await minGroupSizeOfBoard(deps.db.kysely, boardId);
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
export async function updateWording(deps: Deps, viewer: StaffCaller, schoolId: string, input: Wording): Promise<Wording> {
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
export async function addClosedDays(deps: Deps, viewer: StaffCaller, schoolId: string, input: ClosedDaysBody): Promise<ClosedDays> {
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
export async function removeClosedDays(deps: Deps, viewer: StaffCaller, schoolId: string, closedDaysId: string): Promise<void> {
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
