import { analyseSociogram, type SociogramAnalysis, type Valence } from '../../../shared/sociogram';
import { SOCIOGRAM_QUESTION_BANK } from '../../../shared/sociogram-questions';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { isCareTeamOf, isClassInScope, pupilScopeOf } from '../../access/record-scope';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { shortNamesOf } from '../checkin/checkin-access.service';
import { requireClassInScope } from './class-group.service';
import { compareSociograms, layoutNetwork } from './sociogram-network';
import * as repository from './sociogram.repository';
import type {
  AddSchoolQuestionBody,
  AskedQuestion,
  Choices,
  SociogramDetail,
  SociogramResults,
  SociogramSettings,
  SociogramSummary,
  StartSociogramBody,
} from './sociogram.schemas';
import type { Kysely } from 'kysely';

// Sociograms of a class (issue 15). Who may: the class's own teachers and the care team (`school.group`); a teacher
// of another class, or anyone for a class of another school, gets 404 — the sociogram's existence is not confirmed.
// A sociogram is open while pupils answer (on the class device, their own device, or from a paper round typed in by
// the teacher) and closed when the teacher closes it; only then are its results shown, and every view of them is
// audited. The analysis is THE pure function of shared/sociogram.ts; groups and the picture come from
// sociogram-network.ts.

type SociogramRow = repository.SociogramRow;

/** The school's sociogram settings and the questions a new sociogram may ask. */
export async function getSettings(deps: Deps, schoolId: string): Promise<SociogramSettings> {
  const db = deps.db.kysely;
  const [allowed, own] = await Promise.all([repository.negativeQuestionsAllowed(db, schoolId), repository.listSchoolQuestions(db, schoolId)]);
  return {
    negativeQuestionsAllowed: allowed,
    questions: [
      ...SOCIOGRAM_QUESTION_BANK.map((question) => ({ key: question.key, valence: question.valence, text: question.text, own: false })),
      ...own.map((question) => ({ key: question.id, valence: question.valence as Valence, text: { nl: question.text, en: question.text }, own: true })),
    ],
  };
}

/** Switches "rather not" questions on or off for the school's new sociograms. */
export async function changeSettings(deps: Deps, caller: StaffCaller, schoolId: string, negativeQuestionsAllowed: boolean): Promise<SociogramSettings> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.saveSettings(trx, schoolId, negativeQuestionsAllowed, caller.userId, isoInstant(deps.clock.now()));
    await audit(trx, deps, caller, schoolId, null, 'sociogram.settings_changed', { negativeQuestionsAllowed });
  });
  return getSettings(deps, schoolId);
}

/** Adds a question of the school's own to its bank. */
export async function addSchoolQuestion(deps: Deps, caller: StaffCaller, schoolId: string, body: AddSchoolQuestionBody): Promise<SociogramSettings> {
  const id = newId();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertSchoolQuestion(trx, { id, school_id: schoolId, text: body.text, valence: body.valence, created_by: caller.userId, created_at: isoInstant(deps.clock.now()), archived_at: null });
    await audit(trx, deps, caller, schoolId, null, 'sociogram.question_added', { questionId: id, valence: body.valence });
  });
  return getSettings(deps, schoolId);
}

/** Takes a school question out of the bank; sociograms that asked it keep their copy. */
export async function archiveSchoolQuestion(deps: Deps, caller: StaffCaller, schoolId: string, questionId: string): Promise<SociogramSettings> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.archiveSchoolQuestion(trx, schoolId, questionId, isoInstant(deps.clock.now())))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, null, 'sociogram.question_archived', { questionId });
  });
  return getSettings(deps, schoolId);
}

/** The class's sociograms, newest first. */
export async function listClassSociograms(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<SociogramSummary[]> {
  await requireClassInScope(deps, caller, schoolId, classId);
  const rows = await repository.listSociogramsOfClass(deps.db.kysely, classId);
  return summariesOf(deps.db.kysely, rows);
}

/** Starts a sociogram for the class with the chosen questions; one open sociogram per class at a time. */
export async function startSociogram(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, body: StartSociogramBody): Promise<SociogramDetail> {
  await requireClassInScope(deps, caller, schoolId, classId);
  const db = deps.db.kysely;
  const settings = await getSettings(deps, schoolId);
  const keys = body.questions.map((question) => question.key);
  if (new Set(keys).size !== keys.length) throw invalid('body.questions', 'duplicate_question');
  const bank = new Map(settings.questions.map((question) => [question.key, question]));
  const asked = body.questions.map((question, index) => {
    const known = bank.get(question.key);
    if (!known) throw invalid(`body.questions.${index}.key`, 'unknown_question');
    return { ...known, maxChoices: question.maxChoices, position: index + 1 };
  });
  if (asked.some((question) => question.valence === 'negative') && !settings.negativeQuestionsAllowed) throw new AppError('negative_questions_off');
  if (!asked.some((question) => question.valence === 'positive')) throw invalid('body.questions', 'no_positive_question');
  const now = deps.clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const open = await repository.listOpenSociogramsOfClass(trx, classId);
    if (open.length > 0) throw new AppError('sociogram_already_open');
    await repository.insertSociogram(
      trx,
      { id, school_id: schoolId, class_id: classId, opened_on: schoolDateOf(now), closed_on: null, created_by: caller.userId, created_at: isoInstant(now), purged_on: null, class_counts: null },
      asked.map((question) => ({
        sociogram_id: id,
        position: question.position,
        question_key: question.key,
        text_nl: question.text.nl,
        text_en: question.text.en,
        valence: question.valence,
        max_choices: question.maxChoices,
      })),
    );
    await audit(trx, deps, caller, schoolId, classId, 'sociogram.started', { sociogramId: id, questions: asked.length, negative: asked.filter((question) => question.valence === 'negative').length });
  });
  return getSociogram(deps, caller, schoolId, id);
}

/** A sociogram with its class list and who answered (never what). */
export async function getSociogram(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string): Promise<SociogramDetail> {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  const db = deps.db.kysely;
  const [summary] = await summariesOf(db, [sociogram]);
  const [roster, answers] = await Promise.all([repository.listRoster(db, sociogram.class_id, sociogram.opened_on), repository.listAnswers(db, sociogramId)]);
  const answered = new Map(answers.map((answer) => [answer.pupil_id, answer]));
  return {
    ...summary!,
    roster: sortedByName(roster).map((pupil) => ({
      pupilId: pupil.id,
      name: fullName(pupil),
      answered: answered.has(pupil.id),
      fromPaper: (answered.get(pupil.id)?.entered_by ?? null) !== null,
    })),
  };
}

/** Closes the sociogram: pupils can no longer answer, and its results can be seen. */
export async function closeSociogram(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string): Promise<SociogramDetail> {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  if (sociogram.closed_on !== null) throw new AppError('sociogram_closed');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.setClosedOn(trx, sociogramId, schoolDateOf(deps.clock.now()));
    await audit(trx, deps, caller, schoolId, sociogram.class_id, 'sociogram.closed', { sociogramId });
  });
  return getSociogram(deps, caller, schoolId, sociogramId);
}

/** Opens a closed sociogram again (closed too early); not once retention removed its answers. */
export async function reopenSociogram(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string): Promise<SociogramDetail> {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  if (sociogram.closed_on === null) throw new AppError('sociogram_already_open');
  if (sociogram.purged_on !== null) throw new AppError('sociogram_closed');
  await deps.db.kysely.transaction().execute(async (trx) => {
    if ((await repository.listOpenSociogramsOfClass(trx, sociogram.class_id)).length > 0) throw new AppError('sociogram_already_open');
    await repository.setClosedOn(trx, sociogramId, null);
    await audit(trx, deps, caller, schoolId, sociogram.class_id, 'sociogram.reopened', { sociogramId });
  });
  return getSociogram(deps, caller, schoolId, sociogramId);
}

/** Removes a sociogram with every answer (the page asks for confirmation first). */
export async function removeSociogram(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string): Promise<void> {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteSociogram(trx, sociogramId);
    await audit(trx, deps, caller, schoolId, sociogram.class_id, 'sociogram.removed', { sociogramId });
  });
}

/** What one pupil answered, for the teacher who types in or corrects a paper round (audited). */
export async function getPupilAnswers(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string, pupilId: string) {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  await requireOnRoster(deps.db.kysely, sociogram, pupilId);
  const rows = await repository.findPupilChoices(deps.db.kysely, sociogramId, pupilId);
  await audit(deps.db.kysely, deps, caller, schoolId, sociogram.class_id, 'sociogram.answers_read', { sociogramId, pupilId });
  return { pupilId, answered: rows !== null, choices: rows === null ? [] : choicesOf(rows) };
}

/** The teacher types in one pupil's answers from a paper round (replacing earlier ones) while the sociogram is open. */
export async function savePaperAnswers(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string, pupilId: string, choices: Choices) {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  const answeredAt = await saveChoices(deps, sociogram, pupilId, choices, caller.userId, async (trx) =>
    audit(trx, deps, caller, schoolId, sociogram.class_id, 'sociogram.paper_answers_saved', { sociogramId, pupilId, choices: choices.reduce((sum, entry) => sum + entry.chosen.length, 0) }),
  );
  return { answeredAt };
}

/** Removes one pupil's answers (typed in for the wrong pupil) while the sociogram is open. */
export async function removePupilAnswers(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string, pupilId: string): Promise<void> {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  if (sociogram.closed_on !== null) throw new AppError('sociogram_closed');
  await requireOnRoster(deps.db.kysely, sociogram, pupilId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.removeAnswer(trx, sociogramId, pupilId);
    await audit(trx, deps, caller, schoolId, sociogram.class_id, 'sociogram.answers_removed', { sociogramId, pupilId });
  });
}

/**
 * Saves a pupil's answers to an open sociogram, whoever typed them: validated against the sociogram's questions and
 * class list (nobody chooses themselves, at most the question's maximum, each classmate once per question). A new
 * answer replaces the earlier one; an empty list for a question means "nobody".
 */
export async function saveChoices(
  deps: Deps,
  sociogram: { id: string; class_id: string; opened_on: string; closed_on: string | null },
  pupilId: string,
  choices: Choices,
  enteredBy: string | null,
  inTransaction?: (trx: Kysely<Database>) => Promise<void>,
): Promise<string> {
  if (sociogram.closed_on !== null) throw new AppError('sociogram_closed');
  const db = deps.db.kysely;
  const [questions, roster] = await Promise.all([repository.listQuestions(db, [sociogram.id]), repository.listRoster(db, sociogram.class_id, sociogram.opened_on)]);
  const onRoster = new Set(roster.map((pupil) => pupil.id));
  if (!onRoster.has(pupilId)) throw new AppError('not_found');
  const rows: Database['sociogram_choices'][] = [];
  const seenPositions = new Set<number>();
  choices.forEach((entry, index) => {
    const question = questions.find((candidate) => candidate.position === entry.position);
    if (!question || seenPositions.has(entry.position)) throw invalid(`body.choices.${index}.position`, 'unknown_question');
    seenPositions.add(entry.position);
    const chosen = [...new Set(entry.chosen)];
    if (chosen.some((id) => id === pupilId)) throw invalid(`body.choices.${index}.chosen`, 'cannot_choose_self');
    if (chosen.some((id) => !onRoster.has(id))) throw invalid(`body.choices.${index}.chosen`, 'not_in_class');
    if (question.max_choices !== null && chosen.length > question.max_choices) throw invalid(`body.choices.${index}.chosen`, 'too_many_choices');
    for (const chosenId of chosen) rows.push({ sociogram_id: sociogram.id, chooser_id: pupilId, position: entry.position, chosen_id: chosenId });
  });
  const answeredAt = isoInstant(deps.clock.now());
  await db.transaction().execute(async (trx) => {
    // Read again inside the transaction: a teacher may have closed it a moment ago.
    const open = await repository.findOpenSociogramOfClass(trx, sociogram.class_id, sociogram.id);
    if (!open) throw new AppError('sociogram_closed');
    await repository.replaceAnswer(trx, { sociogram_id: sociogram.id, pupil_id: pupilId, answered_at: answeredAt, entered_by: enteredBy }, rows);
    await inTransaction?.(trx);
  });
  return answeredAt;
}

/** A closed sociogram's results: the analysis, groups, the network picture and the comparison (audited). */
export async function getResults(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string, via: 'page' | 'pdf' = 'page'): Promise<SociogramResults> {
  const sociogram = await requireSociogram(deps, caller, schoolId, sociogramId);
  if (sociogram.closed_on === null) throw new AppError('sociogram_still_open');
  if (sociogram.purged_on !== null) throw new AppError('not_found');
  const results = await resultsOf(deps.db.kysely, sociogram);
  await audit(deps.db.kysely, deps, caller, schoolId, sociogram.class_id, via === 'pdf' ? 'sociogram.results_printed' : 'sociogram.results_read', { sociogramId });
  return results;
}

/** The results for the care team's PDF: the care team only (403 `forbidden` for a teacher), audited as printed. */
export async function getResultsForPdf(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string): Promise<SociogramResults> {
  await requireSociogram(deps, caller, schoolId, sociogramId);
  if (!isCareTeamOf(caller.actor, schoolId)) throw new AppError('forbidden', { detail: "the sociogram PDF is the care team's own" });
  return getResults(deps, caller, schoolId, sociogramId, 'pdf');
}

/** The results of a sociogram, without any access check: for the routes above and the check-in signals. */
export async function resultsOf(db: Kysely<Database>, sociogram: SociogramRow): Promise<SociogramResults> {
  const [summary] = await summariesOf(db, [sociogram]);
  const current = await analysisOf(db, sociogram);
  const previousRow = await repository.findPreviousClosed(db, sociogram.class_id, { openedOn: sociogram.opened_on, createdAt: sociogram.created_at });
  const previous = previousRow ? await analysisOf(db, { ...sociogram, ...previousRow }) : null;
  const valenceOf = new Map(current.questions.map((question) => [question.position, question.valence]));
  const network = layoutNetwork({
    pupils: current.roster.map((pupil) => pupil.id),
    choices: current.validChoices.map((choice) => ({ chooser: choice.chooser_id, chosen: choice.chosen_id, valence: valenceOf.get(choice.position) ?? 'positive' })),
    seed: sociogram.id,
  });
  const nodes = new Map(network.nodes.map((node) => [node.pupil, node]));
  const bridges = new Set(network.bridges);
  const answered = new Set(current.answered);
  return {
    sociogram: summary!,
    respondents: current.analysis.respondents,
    warnings: current.analysis.warnings,
    pupils: current.analysis.pupils.map(({ pupil: pupilId, ...pupil }, index) => {
      const node = nodes.get(pupilId);
      return {
        ...pupil,
        pupilId,
        name: fullName(current.roster[index]!),
        answered: answered.has(pupilId),
        group: node?.group ?? 0,
        x: node?.x ?? 0,
        y: node?.y ?? 0,
        bridge: bridges.has(pupilId),
      };
    }),
    choices: current.validChoices.map((choice) => ({ chooser: choice.chooser_id, chosen: choice.chosen_id, position: choice.position })),
    mutualPositivePairs: current.analysis.mutualPositivePairs,
    mutualNegativePairs: current.analysis.mutualNegativePairs,
    groups: network.groups,
    comparison: previous && previousRow ? { previousId: previousRow.id, previousOpenedOn: previousRow.opened_on, pupils: compareSociograms(previous.analysis, current.analysis) } : null,
  };
}

export interface LoadedAnalysis {
  questions: AskedQuestion[];
  /** The class list in display order (by name). */
  roster: { id: string; first_name: string; last_name: string }[];
  answered: string[];
  validChoices: { chooser_id: string; chosen_id: string; position: number }[];
  analysis: SociogramAnalysis;
}

// Reads one sociogram's rows and runs THE analysis over them (the roster in display order, so its pupils and pairs
// come out in that order too).
export async function analysisOf(db: Kysely<Database>, sociogram: { id: string; class_id: string; opened_on: string }): Promise<LoadedAnalysis> {
  const [questionRows, rosterRows, answers, choices] = await Promise.all([
    repository.listQuestions(db, [sociogram.id]),
    repository.listRoster(db, sociogram.class_id, sociogram.opened_on),
    repository.listAnswers(db, sociogram.id),
    repository.listChoices(db, sociogram.id),
  ]);
  const roster = sortedByName(rosterRows);
  const onRoster = new Set(roster.map((pupil) => pupil.id));
  const analysis = analyseSociogram(
    roster.map((pupil) => pupil.id),
    questionRows.map((question) => ({ id: String(question.position), valence: question.valence as Valence })),
    choices.map((choice) => ({ chooser: choice.chooser_id, chosen: choice.chosen_id, question: String(choice.position) })),
  );
  return {
    questions: questionRows.map(askedQuestionOf),
    roster,
    answered: answers.map((answer) => answer.pupil_id).filter((id) => onRoster.has(id)),
    validChoices: choices.filter((choice) => choice.chooser_id !== choice.chosen_id && onRoster.has(choice.chooser_id) && onRoster.has(choice.chosen_id)),
    analysis,
  };
}

/** A sociogram of the school, when the caller may see its class's group (404 otherwise). */
export async function requireSociogram(deps: Deps, caller: StaffCaller, schoolId: string, sociogramId: string): Promise<SociogramRow> {
  const sociogram = await repository.findSociogram(deps.db.kysely, schoolId, sociogramId);
  if (!sociogram || !(await isClassInScope(deps.db.kysely, pupilScopeOf(caller.actor, schoolId, 'checkins'), sociogram.class_id))) throw new AppError('not_found');
  return sociogram;
}

async function requireOnRoster(db: Kysely<Database>, sociogram: SociogramRow, pupilId: string): Promise<void> {
  const roster = await repository.listRoster(db, sociogram.class_id, sociogram.opened_on);
  if (!roster.some((pupil) => pupil.id === pupilId)) throw new AppError('not_found');
}

/** Summaries of sociograms: questions, class size and how many answered. */
export async function summariesOf(db: Kysely<Database>, rows: readonly SociogramRow[]): Promise<SociogramSummary[]> {
  const ids = rows.map((row) => row.id);
  const [questions, answered] = await Promise.all([repository.listQuestions(db, ids), repository.countAnswers(db, ids)]);
  return Promise.all(
    rows.map(async (row) => {
      const counts = classCountsOf(row);
      return {
        id: row.id,
        classId: row.class_id,
        className: row.class_name,
        openedOn: row.opened_on,
        closedOn: row.closed_on,
        purged: row.purged_on !== null,
        questions: questions.filter((question) => question.sociogram_id === row.id).map(askedQuestionOf),
        pupils: counts?.pupils ?? (await repository.listRoster(db, row.class_id, row.opened_on)).length,
        answered: counts?.respondents ?? answered.get(row.id) ?? 0,
      };
    }),
  );
}

/** The anonymous counts retention leaves of a sociogram (null while it still has its answers). */
export function classCountsOf(row: { class_counts: string | null }): { pupils: number; respondents: number } | null {
  if (row.class_counts === null) return null;
  const parsed = JSON.parse(row.class_counts) as { pupils?: unknown; respondents?: unknown };
  return { pupils: Number(parsed.pupils ?? 0), respondents: Number(parsed.respondents ?? 0) };
}

function askedQuestionOf(row: Database['sociogram_questions']): AskedQuestion {
  return { position: row.position, key: row.question_key, text: { nl: row.text_nl, en: row.text_en }, valence: row.valence as Valence, maxChoices: row.max_choices };
}

/** Stored choice rows as the contract's list: per question position, the classmates chosen. */
export function choicesOf(rows: readonly { position: number; chosen_id: string }[]): Choices {
  const byPosition = new Map<number, string[]>();
  for (const row of rows) byPosition.set(row.position, [...(byPosition.get(row.position) ?? []), row.chosen_id]);
  return [...byPosition.entries()].sort(([left], [right]) => left - right).map(([position, chosen]) => ({ position, chosen: chosen.sort() }));
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

function sortedByName<T extends { first_name: string; last_name: string; id: string }>(pupils: readonly T[]): T[] {
  return [...pupils].sort((left, right) => collator.compare(fullName(left), fullName(right)) || (left.id < right.id ? -1 : 1));
}

function fullName(pupil: { first_name: string; last_name: string }): string {
  return `${pupil.first_name} ${pupil.last_name}`.trim();
}

/** Classmates as a pupil sees them: first name and initial (shortNamesOf, the check-in's rule). */
export function classmatesOf(roster: readonly { id: string; first_name: string; last_name: string }[]) {
  return shortNamesOf(roster).map((pupil) => ({ pupilId: pupil.id, displayName: pupil.displayName }));
}

function invalid(field: string, reason: string): AppError {
  return new AppError('validation_failed', { fields: { [field]: [reason] } });
}

// One audit event about the school's settings (`classId` null) or about a class's sociogram.
async function audit(db: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, classId: string | null, action: AuditAction, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action,
    targetType: classId === null ? 'school' : 'class',
    targetId: classId ?? schoolId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail,
  });
}
