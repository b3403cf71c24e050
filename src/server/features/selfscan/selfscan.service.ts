import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { aspectIdsOf, type DevelopmentModel, developmentModelSchema, type GrowthPhase } from '../../../shared/selfscan-model';
import type { Locale, SchoolRole } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import { isAllowed } from '../../../shared/permissions';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { selfscanInvitationMail, selfscanReminderMail } from '../../mail/templates';
import { findRolesInSchool } from '../staff/staff.repository';
import { findSchool, minGroupSizeOfBoard } from '../tenancy/tenancy.repository';
import { isLargeEnough } from '../../../shared/anonymity';
import { SELFSCAN_REMINDER_INTERVAL_HOURS } from '../../../shared/limits';
import { aggregateSelfScan, aspectsWithShownNotes, type RatingInput } from './aggregate';
import { loadShippedModels, parseModelDefinition } from './model-catalogue';
import * as repository from './selfscan.repository';
import type { DevelopmentModelRow, SelfscanRoundRow } from './selfscan.tables';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { ModelDetail, ModelSummary, OpenRoundBody, OwnRating, ReminderSent, RoundAudience, RoundDetail, RoundResults, RoundStatus, RoundSummary } from './selfscan.schemas';

// When someone holds several roles, the answer counts for the role that carries the most
// responsibility for the school's direction (the respondent's role is recorded only once).
const ROLE_PRIORITY: readonly SchoolRole[] = ['leadership', 'tso_lead', 'care_team', 'school_admin', 'teacher'];

// ---- models ----------------------------------------------------------------------------------

/**
 * The id of a shipped model version: derived from key and version (a name-based UUID), so every
 * installation and every concurrent start stores the same row once.
 */
export function shippedModelId(modelKey: string, version: string): string {
  const bytes = createHash('sha256').update(`groeiwijzer:shipped-model:${modelKey}@${version}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stores every shipped model version that is not in the database yet; stored versions are never changed. */
export async function ensureShippedModels(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const shipped = loadShippedModels().map((model) => ({ id: shippedModelId(model.id, model.version), model }));
  const stored = new Set(await repository.findStoredModelIds(db, shipped.map((entry) => entry.id)));
  for (const { id, model } of shipped) {
    if (stored.has(id)) continue;
    await repository.insertModelIfAbsent(db, {
      id,
      school_id: null,
      model_key: model.id,
      version: model.version,
      definition: JSON.stringify(model),
      created_at: isoInstant(now),
    });
  }
}

function definitionOf(row: DevelopmentModelRow): DevelopmentModel {
  return developmentModelSchema.parse(JSON.parse(row.definition));
}

function summariseModel(row: DevelopmentModelRow, definition: DevelopmentModel, usedIds: ReadonlySet<string>): ModelSummary {
  return {
    id: row.id,
    key: row.model_key,
    version: row.version,
    name: definition.name,
    source: definition.source,
    aspectCount: aspectIdsOf(definition).length,
    isShipped: row.school_id === null,
    isUsed: usedIds.has(row.id),
  };
}

/** The model versions a school can use: the shipped ones and the school's own imports. */
export async function listModels(deps: Deps, schoolId: string): Promise<ModelSummary[]> {
  await requireSchool(deps, schoolId);
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  const rows = await repository.listModelsOfSchool(deps.db.kysely, schoolId);
  const used = new Set(await repository.listModelIdsUsedBySchool(deps.db.kysely, schoolId));
  return rows.map((row) => summariseModel(row, definitionOf(row), used));
}

/** One model version with its full definition. */
export async function getModel(deps: Deps, schoolId: string, modelId: string): Promise<ModelDetail> {
  await requireSchool(deps, schoolId);
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  const row = await repository.findModelOfSchool(deps.db.kysely, schoolId, modelId);
  if (!row) throw new AppError('not_found');
  const used = new Set(await repository.listModelIdsUsedBySchool(deps.db.kysely, schoolId));
  const definition = definitionOf(row);
  return { ...summariseModel(row, definition, used), definition };
}

/**
 * Imports a model definition for a school. A new key+version is added; an existing one is
 * replaced only while no round uses it, because ratings must keep pointing at the text they were given on.
 */
export async function importModel(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  json: unknown,
): Promise<{ model: ModelDetail; replaced: boolean }> {
  const school = await requireSchool(deps, schoolId);
  const model = parseModelDefinition(json);
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  const { modelId, replaced } = await deps.db.kysely.transaction().execute(async (trx) => {
    if (await repository.findModelByKeyAndVersion(trx, null, model.id, model.version)) {
      throw new AppError('model_version_taken', { fields: { 'body.definition.version': ['this version is shipped with Groeiwijzer; choose another id or version'] } });
    }
    const now = isoInstant(deps.clock.now());
    const existing = await repository.findModelByKeyAndVersion(trx, schoolId, model.id, model.version);
    if (existing && (await repository.isModelUsed(trx, existing.id))) {
      throw new AppError('model_version_taken', { fields: { 'body.definition.version': ['this version is used in a round; import it as a new version'] } });
    }
    const id = existing?.id ?? newId();
    if (existing) await repository.replaceModelDefinition(trx, id, JSON.stringify(model), now);
    else await repository.insertModel(trx, { id, school_id: schoolId, model_key: model.id, version: model.version, definition: JSON.stringify(model), created_at: now });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'selfscan.model_imported',
      targetType: 'development_model',
      targetId: id,
      schoolId,
      boardId: school.board_id,
      detail: { model: model.id, version: model.version, replaced: Boolean(existing) },
    });
    return { modelId: id, replaced: Boolean(existing) };
  });
  return { model: await getModel(deps, schoolId, modelId), replaced };
}

// ---- rounds ----------------------------------------------------------------------------------

/** Where a round is by the school's calendar `today`: closed after its last day or once closed early. */
export function statusOf(round: Pick<SelfscanRoundRow, 'opens_on' | 'closes_on' | 'closed_at'>, today: string): RoundStatus {
  if (round.closed_at !== null) return 'closed';
  if (today < round.opens_on) return 'upcoming';
  return today > round.closes_on ? 'closed' : 'open';
}

function audienceOf(round: SelfscanRoundRow): RoundAudience {
  const parsed = JSON.parse(round.audience) as Partial<RoundAudience>;
  return { roles: parsed.roles ?? [], locationIds: parsed.locationIds ?? [] };
}

// Who may read a round's results at all (whether they exist yet is the round's status).
function mayReadResults(caller: StaffCaller, schoolId: string, round: SelfscanRoundRow): boolean {
  if (isAllowed(caller.actor, 'school.selfscan.results', { schoolId, schoolBoardId: caller.schoolBoardId })) return true;
  // The team sees results once shared; board roles are not part of the team.
  return round.results_shared_at !== null && (caller.actor.schoolRoles.get(schoolId) ?? []).length > 0;
}

/**
 * How many people an audience holds today and the k it must reach, so the page can say so before a round
 * is opened. The same count openRound checks; no names.
 */
export async function audienceSize(deps: Deps, schoolId: string, input: RoundAudience): Promise<{ people: number; minGroupSize: number }> {
  await requireSchool(deps, schoolId);
  const { people } = await resolveAudience(deps.db.kysely, schoolId, schoolYearAt(deps.clock.now()), input);
  return { people: people.length, minGroupSize: await minGroupSizeOf(deps, schoolId) };
}

/**
 * Opens a round: stores it, invites the matching staff and mails each of them a link.
 * The round is committed before the mails go out, so a mail failure cannot lose it. An audience smaller
 * than the board's k is refused (`audience_too_small`): its results could never be shown, and a small
 * audience is exactly where answers can be traced to a person.
 */
export async function openRound(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  input: OpenRoundBody,
  baseUrl: string,
): Promise<RoundDetail> {
  const school = await requireSchool(deps, schoolId);
  if (input.closesOn < input.opensOn) throw new AppError('validation_failed', { fields: { 'body.closesOn': ['must not be before opensOn'] } });
  if (input.closesOn < schoolDateOf(deps.clock.now())) throw new AppError('validation_failed', { fields: { 'body.closesOn': ['lies in the past'] } });
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  const db = deps.db.kysely;
  const roundId = newId();
  const minGroupSize = await minGroupSizeOf(deps, schoolId);
  const invitees = await db.transaction().execute(async (trx) => {
    if (!(await repository.findModelOfSchool(trx, schoolId, input.modelId))) {
      throw new AppError('validation_failed', { fields: { 'body.modelId': ['unknown model'] } });
    }
    const { audience, people } = await resolveAudience(trx, schoolId, schoolYearAt(deps.clock.now()), input.audience);
    if (people.length === 0) throw new AppError('validation_failed', { fields: { 'body.audience': ['nobody on the staff matches'] } });
    if (!isLargeEnough(people.length, minGroupSize)) {
      throw new AppError('audience_too_small', { fields: { 'body.audience': [`${people.length} people; at least ${minGroupSize} needed`] } });
    }
    const now = isoInstant(deps.clock.now());
    await repository.insertRound(
      trx,
      {
        id: roundId,
        school_id: schoolId,
        model_id: input.modelId,
        name: input.name,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        audience: JSON.stringify(audience),
        results_shared_at: null,
        closed_at: null,
        created_by: caller.userId,
        created_at: now,
      },
      people.map((person) => person.userId),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'selfscan.round_opened',
      targetType: 'selfscan_round',
      targetId: roundId,
      schoolId,
      boardId: school.board_id,
      detail: { invited: people.length, roles: audience.roles },
    });
    return people;
  });
  const link = `${baseUrl.replace(/\/+$/, '')}/zelfscan/${roundId}`;
  for (const person of invitees) {
    const mail = selfscanInvitationMail(person.locale, school.name, input.name, input.closesOn, link);
    try {
      await deps.mailer.send({ to: person.email, ...mail, boardId: school.board_id, schoolId });
    } catch (error) {
      // One unreachable address must not keep the others from their invitation; the round shows in the app anyway.
      deps.logger?.warn({ err: error, roundId }, 'self-scan invitation mail failed');
    }
  }
  return getRound(deps, caller, schoolId, roundId);
}

// The audience as stored (roles and locations once each, locations of the school only) and the people in it.
async function resolveAudience(db: Kysely<Database>, schoolId: string, schoolYear: string, input: RoundAudience) {
  const locationIds = [...new Set(input.locationIds)];
  if ((await repository.filterLocationsOfSchool(db, schoolId, locationIds)).length !== locationIds.length) {
    throw new AppError('validation_failed', { fields: { 'body.audience.locationIds': ['unknown location'] } });
  }
  const audience: RoundAudience = { roles: [...new Set(input.roles)], locationIds };
  return { audience, people: await selectAudience(db, schoolId, schoolYear, audience) };
}

async function selectAudience(db: Kysely<Database>, schoolId: string, schoolYear: string, audience: RoundAudience) {
  const rows = await repository.listActiveStaffRoles(db, schoolId);
  const teachersHere = new Set(await repository.listTeachersAtLocations(db, schoolId, schoolYear, audience.locationIds));
  const people = new Map<string, { userId: string; email: string; locale: Locale }>();
  for (const row of rows) {
    const role = row.role as SchoolRole;
    if (audience.roles.length > 0 && !audience.roles.includes(role)) continue;
    // A location filter narrows teachers to those with a class there; other roles work school-wide.
    if (role === 'teacher' && audience.locationIds.length > 0 && !teachersHere.has(row.user_id)) continue;
    people.set(row.user_id, { userId: row.user_id, email: row.email, locale: row.locale === 'en' ? 'en' : 'nl' });
  }
  return [...people.values()];
}

/** The rounds of a school with progress counts, newest first. */
export async function listRounds(deps: Deps, caller: StaffCaller, schoolId: string): Promise<RoundSummary[]> {
  await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const rows = await repository.listRoundsOfSchool(db, schoolId);
  const invitedTo = new Set(await repository.listRoundIdsInvitingUser(db, schoolId, caller.userId));
  const models = await modelHeadsOf(deps, schoolId);
  const today = schoolDateOf(deps.clock.now());
  const minGroupSize = await minGroupSizeOf(deps, schoolId);
  return rows.map((row) =>
    summariseRound(row, models, today, minGroupSize, { invited: Number(row.invited_count ?? 0), responded: Number(row.responded_count ?? 0) }, invitedTo.has(row.id), mayReadResults(caller, schoolId, row)),
  );
}

/** One round with its progress and the caller's own answers. */
export async function getRound(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string): Promise<RoundDetail> {
  const { summary } = await loadRound(deps, caller, schoolId, roundId);
  const response = await repository.findResponse(deps.db.kysely, roundId, caller.userId);
  const answers = response ? await repository.listRatingsOfResponse(deps.db.kysely, response.id) : [];
  return {
    ...summary,
    myAnswers: await Promise.all(
      answers.map(async (answer) => ({
        aspectId: answer.aspect_id,
        phase: answer.phase as GrowthPhase | null,
        note: await openNote(deps, response?.id ?? '', answer.aspect_id, answer.note),
      })),
    ),
  };
}

async function loadRound(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string) {
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  const invitedTo = new Set(await repository.listRoundIdsInvitingUser(db, schoolId, caller.userId));
  const models = await modelHeadsOf(deps, schoolId);
  const progress = await repository.countRoundProgress(db, roundId);
  const isReader = mayReadResults(caller, schoolId, round);
  const summary = summariseRound(round, models, schoolDateOf(deps.clock.now()), await minGroupSizeOf(deps, schoolId), progress, invitedTo.has(roundId), isReader);
  return { round, summary, isReader };
}

async function modelHeadsOf(deps: Deps, schoolId: string) {
  const rows = await repository.listModelsOfSchool(deps.db.kysely, schoolId);
  return new Map(rows.map((row) => [row.id, { row, definition: definitionOf(row) }]));
}

function summariseRound(
  round: SelfscanRoundRow,
  models: ReadonlyMap<string, { row: DevelopmentModelRow; definition: DevelopmentModel }>,
  today: string,
  minGroupSize: number,
  progress: { invited: number; responded: number },
  isInvited: boolean,
  isReader: boolean,
): RoundSummary {
  const model = models.get(round.model_id);
  if (!model) throw new Error(`round ${round.id} points at a model the school cannot use`);
  const status = statusOf(round, today);
  return {
    id: round.id,
    name: round.name,
    model: { id: model.row.id, key: model.row.model_key, version: model.row.version, name: model.definition.name },
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    status,
    audience: audienceOf(round),
    resultsSharedAt: round.results_shared_at,
    closedAt: round.closed_at,
    remindedAt: round.reminded_at,
    minGroupSize,
    progress,
    isInvited,
    // Results exist only once the round is closed: while it runs, each new answer would show by difference.
    canSeeResults: status === 'closed' && isReader,
    createdAt: round.created_at,
  };
}

async function modelOfRound(deps: Deps, round: SelfscanRoundRow): Promise<DevelopmentModel> {
  const row = await repository.findModelOfSchool(deps.db.kysely, round.school_id, round.model_id);
  if (!row) throw new Error(`round ${round.id} points at a missing model`);
  return definitionOf(row);
}

async function requireAspect(deps: Deps, round: SelfscanRoundRow, aspectId: string): Promise<DevelopmentModel> {
  const model = await modelOfRound(deps, round);
  if (!aspectIdsOf(model).includes(aspectId)) throw new AppError('not_found');
  return model;
}

// ---- rating ----------------------------------------------------------------------------------

/**
 * Saves the caller's answer for one aspect (a phase, or null for "weet ik niet", with an optional note).
 * Only invitees may answer, and only from the first to the last day of the round, by the school's calendar.
 */
export async function rateAspect(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  roundId: string,
  aspectId: string,
  input: { phase: GrowthPhase | null; note: string | null },
): Promise<OwnRating> {
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (!(await repository.listRoundIdsInvitingUser(db, schoolId, caller.userId)).includes(roundId)) throw new AppError('forbidden');
  await requireAspect(deps, round, aspectId);
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'open') {
    throw new AppError('round_not_open', { fields: { roundId: ['the round is not open for answers today'] } });
  }
  const note = input.note?.trim() ? input.note.trim() : null;
  // The note is encrypted before the transaction, so a missing key stores nothing; the response id
  // it is bound to is chosen up front (a concurrent first answer may pick another: then it is redone).
  const responseId = (await repository.findResponse(db, roundId, caller.userId))?.id ?? newId();
  const sealed = await sealNote(deps, responseId, aspectId, note);
  await db.transaction().execute(async (trx) => {
    const now = isoInstant(deps.clock.now());
    let response = await repository.findResponse(trx, roundId, caller.userId);
    if (!response) {
      const roles = await findRolesInSchool(trx, schoolId, caller.userId);
      const role = ROLE_PRIORITY.find((candidate) => roles.includes(candidate));
      if (!role) throw new AppError('forbidden');
      await repository.insertResponseIfAbsent(trx, { id: responseId, round_id: roundId, user_id: caller.userId, role, created_at: now, updated_at: now });
      response = await repository.findResponse(trx, roundId, caller.userId);
      if (!response) throw new Error('response vanished');
    }
    const stored = response.id === responseId ? sealed : await sealNote(deps, response.id, aspectId, note);
    await repository.upsertRating(trx, { response_id: response.id, aspect_id: aspectId, phase: input.phase, note: stored, updated_at: now });
    await repository.touchResponse(trx, response.id, now);
  });
  return { aspectId, phase: input.phase, note };
}

// ---- results, sharing, consensus, goals ------------------------------------------------------

/**
 * The results of a round for the lead and leadership, and for the team once shared, only once the round is
 * closed: the aggregate under the board's k (aggregate.ts hides every cell below k and every cell that would
 * follow by subtraction), the notes of each aspect that at least k people answered (without who wrote them),
 * consensus and goals. Everything derived from results (shift, PDF, CSV) reads them through here.
 */
export async function getResults(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string): Promise<RoundResults> {
  const { round, summary, isReader } = await loadRound(deps, caller, schoolId, roundId);
  if (!isReader) throw new AppError('forbidden');
  if (summary.status !== 'closed') throw new AppError('round_still_open');
  const db = deps.db.kysely;
  const model = await modelOfRound(deps, round);
  const aspectIds = aspectIdsOf(model);
  const known = new Set(aspectIds);
  const rows = (await repository.listRatingsOfRound(db, roundId)).filter((row) => known.has(row.aspect_id));
  const ratings = ratingInputsOf(rows);
  const options = { minGroupSize: await minGroupSizeOf(deps, schoolId), aspectIds };
  const aggregate = aggregateSelfScan(ratings, options);
  const notesShown = aspectsWithShownNotes(ratings, options);
  const notesByAspect = new Map<string, string[]>([...notesShown].map((id) => [id, []]));
  for (const row of rows) {
    // Notes of hidden aspects are not even decrypted.
    const notes = notesByAspect.get(row.aspect_id);
    if (!notes || row.note === null) continue;
    notes.push((await openNote(deps, row.response_id, row.aspect_id, row.note))!);
  }
  const order = new Map(aspectIds.map((id, index) => [id, index]));
  const byModelOrder = (a: { aspectId: string }, b: { aspectId: string }) => (order.get(a.aspectId) ?? 0) - (order.get(b.aspectId) ?? 0);
  return {
    round: summary,
    aggregate,
    // Sorted by text, not by time or respondent, so the order gives nothing away.
    notes: aspectIds.map((aspectId): RoundResults['notes'][number] => {
      const notes = notesByAspect.get(aspectId);
      return notes ? { aspectId, hidden: false, notes: notes.sort(compareText) } : { aspectId, hidden: true };
    }),
    consensus: (await listOpenConsensus(deps, roundId)).sort(byModelOrder),
    goals: (await repository.listGoals(db, roundId)).map((row) => ({ aspectId: row.aspect_id, targetPhase: row.target_phase as GrowthPhase })).sort(byModelOrder),
  };
}

/** The rows of a round's ratings as the aggregation's input (the response id stands for the respondent). */
export function ratingInputsOf(rows: readonly { response_id: string; role: string; aspect_id: string; phase: number | null }[]): RatingInput[] {
  return rows.map((row) => ({ respondent: row.response_id, role: row.role, aspect: row.aspect_id, phase: row.phase as GrowthPhase | null }));
}

// The agreed phases of a round with their rationale decrypted.
async function listOpenConsensus(deps: Deps, roundId: string): Promise<RoundResults['consensus']> {
  const rows = await repository.listConsensus(deps.db.kysely, roundId);
  return Promise.all(
    rows.map(async (row) => ({
      aspectId: row.aspect_id,
      phase: row.phase as GrowthPhase,
      rationale: await deps.fieldCrypto.decrypt(rationaleRef(roundId, row.aspect_id), row.rationale),
      recordedAt: row.recorded_at,
    })),
  );
}

// The rationale is free text about the team (it may name colleagues or pupils): stored encrypted, bound to its row.
function rationaleRef(roundId: string, aspectId: string) {
  return encryptedFieldRef('selfscan_consensus', 'rationale', [roundId, aspectId]);
}

// Self-scan notes are free text that may describe a pupil: stored encrypted, bound to their rating row.
async function sealNote(deps: Deps, responseId: string, aspectId: string, note: string | null): Promise<string | null> {
  return note === null ? null : deps.fieldCrypto.encrypt(encryptedFieldRef('selfscan_ratings', 'note', [responseId, aspectId]), note);
}

async function openNote(deps: Deps, responseId: string, aspectId: string, stored: string | null): Promise<string | null> {
  return stored === null ? null : deps.fieldCrypto.decrypt(encryptedFieldRef('selfscan_ratings', 'note', [responseId, aspectId]), stored);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The k of the board the school belongs to (never below the floor): the one k for every self-scan figure. */
export async function minGroupSizeOf(deps: Deps, schoolId: string): Promise<number> {
  const school = await requireSchool(deps, schoolId);
  return minGroupSizeOfBoard(deps.db.kysely, school.board_id);
}

/**
 * Closes a round before its last day: from now on it takes no answers and its results can be read. Closing a
 * closed round changes nothing (the first moment is kept); each real close is recorded in the audit log.
 */
export async function closeRound(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string): Promise<RoundDetail> {
  const school = await requireSchool(deps, schoolId);
  const round = await repository.findRound(deps.db.kysely, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'closed') {
    await deps.db.kysely.transaction().execute(async (trx) => {
      // Conditional, so two people closing at once record one close.
      if (!(await repository.markRoundClosed(trx, roundId, isoInstant(deps.clock.now())))) return;
      await recordAudit(trx, deps.clock, {
        actorUserId: caller.userId,
        action: 'selfscan.round_closed',
        targetType: 'selfscan_round',
        targetId: roundId,
        schoolId,
        boardId: school.board_id,
        detail: { closesOn: round.closes_on },
      });
    });
  }
  return getRound(deps, caller, schoolId, roundId);
}

/**
 * Reminds the invitees of an open round who have not answered every aspect yet, by mail. The caller learns
 * neither who got the reminder nor how many did (with few left, a count would point at people): the answer
 * only says when the next reminder is possible. Without a mail server the mails stay in the outbox, whose
 * readers see every addressee: there everyone invited gets the (neutrally worded) reminder, so the outbox
 * shows nothing about who finished. At most one reminder per round per SELFSCAN_REMINDER_INTERVAL_HOURS
 * (`reminder_too_soon`); each one is audited, without addressees or a count.
 */
export async function sendReminders(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string, baseUrl: string): Promise<ReminderSent> {
  const school = await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'open') {
    throw new AppError('conflict', { fields: { roundId: ['the round is not open for answers today'] } });
  }
  const aspectIds = aspectIdsOf(await modelOfRound(deps, round));
  const now = deps.clock.now();
  const intervalMs = SELFSCAN_REMINDER_INTERVAL_HOURS * 3_600_000;
  const addressees = await db.transaction().execute(async (trx) => {
    if (!(await repository.markRoundReminded(trx, roundId, isoInstant(now), isoInstant(new Date(now.getTime() - intervalMs))))) {
      throw new AppError('reminder_too_soon');
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'selfscan.reminders_sent',
      targetType: 'selfscan_round',
      targetId: roundId,
      schoolId,
      boardId: school.board_id,
      detail: { closesOn: round.closes_on },
    });
    return repository.listInviteesToRemind(trx, schoolId, roundId, deps.mailer.deliversExternally ? aspectIds : null);
  });
  const link = `${baseUrl.replace(/\/+$/, '')}/zelfscan/${roundId}`;
  for (const person of addressees) {
    const mail = selfscanReminderMail(person.locale === 'en' ? 'en' : 'nl', school.name, round.name, round.closes_on, link);
    try {
      await deps.mailer.send({ to: person.email, ...mail, boardId: school.board_id, schoolId });
    } catch (error) {
      // One unreachable address must not keep the others from their reminder.
      deps.logger?.warn({ err: error, roundId }, 'self-scan reminder mail failed');
    }
  }
  return { remindedAt: isoInstant(now), nextReminderFrom: isoInstant(new Date(now.getTime() + intervalMs)) };
}

/** Shares a round's results with the team (the first sharing moment is kept); only once the round is closed. */
export async function shareResults(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string): Promise<RoundDetail> {
  const school = await requireSchool(deps, schoolId);
  const round = await repository.findRound(deps.db.kysely, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'closed') throw new AppError('round_still_open');
  if (round.results_shared_at === null) {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await repository.markResultsShared(trx, roundId, isoInstant(deps.clock.now()));
      await recordAudit(trx, deps.clock, {
        actorUserId: caller.userId,
        action: 'selfscan.results_shared',
        targetType: 'selfscan_round',
        targetId: roundId,
        schoolId,
        boardId: school.board_id,
      });
    });
  }
  return getRound(deps, caller, schoolId, roundId);
}

/** Records (or corrects) the phase the team agreed on for one aspect, with the reason (stored encrypted). */
export async function recordConsensus(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  roundId: string,
  aspectId: string,
  input: { phase: GrowthPhase; rationale: string },
): Promise<RoundResults['consensus'][number]> {
  const school = await requireSchool(deps, schoolId);
  const round = await repository.findRound(deps.db.kysely, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  await requireAspect(deps, round, aspectId);
  // The team agrees on the results, and results exist only once the round is closed.
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'closed') throw new AppError('round_still_open');
  const recordedAt = isoInstant(deps.clock.now());
  // Encrypted before the transaction, so a missing key stores nothing.
  const rationale = await deps.fieldCrypto.encrypt(rationaleRef(roundId, aspectId), input.rationale);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.upsertConsensus(trx, {
      round_id: roundId,
      aspect_id: aspectId,
      phase: input.phase,
      rationale,
      recorded_by: caller.userId,
      recorded_at: recordedAt,
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'selfscan.consensus_recorded',
      targetType: 'selfscan_round',
      targetId: roundId,
      schoolId,
      boardId: school.board_id,
      detail: { aspect: aspectId, phase: input.phase },
    });
  });
  return { aspectId, phase: input.phase, rationale: input.rationale, recordedAt };
}

/**
 * Replaces the goals chosen after a round: each aspect aims at the phase after its consensus
 * (phase 4 stays the aim once reached). Aspects without consensus cannot become goals.
 */
export async function replaceGoals(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  roundId: string,
  aspectIds: readonly string[],
): Promise<RoundResults['goals']> {
  const school = await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  if (statusOf(round, schoolDateOf(deps.clock.now())) !== 'closed') throw new AppError('round_still_open');
  const model = await modelOfRound(deps, round);
  const unique = [...new Set(aspectIds)];
  const modelAspects = aspectIdsOf(model);
  const consensus = new Map((await repository.listConsensus(db, roundId)).map((row) => [row.aspect_id, row.phase]));
  const unknown = unique.filter((id) => !modelAspects.includes(id));
  if (unknown.length > 0) throw new AppError('validation_failed', { fields: { 'body.aspectIds': [`not in the model: ${unknown.join(', ')}`] } });
  const withoutConsensus = unique.filter((id) => !consensus.has(id));
  if (withoutConsensus.length > 0) {
    throw new AppError('validation_failed', { fields: { 'body.aspectIds': [`no agreed phase yet: ${withoutConsensus.join(', ')}`] } });
  }
  const now = isoInstant(deps.clock.now());
  const goals = modelAspects
    .filter((id) => unique.includes(id))
    .map((id) => ({ aspectId: id, targetPhase: Math.min(4, (consensus.get(id) ?? 0) + 1) as GrowthPhase }));
  await db.transaction().execute(async (trx) => {
    await repository.replaceGoals(
      trx,
      roundId,
      goals.map((goal) => ({ round_id: roundId, aspect_id: goal.aspectId, target_phase: goal.targetPhase, created_by: caller.userId, created_at: now })),
    );
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'selfscan.goals_changed',
      targetType: 'selfscan_round',
      targetId: roundId,
      schoolId,
      boardId: school.board_id,
      detail: { goals: goals.map((goal) => ({ aspect: goal.aspectId, targetPhase: goal.targetPhase })) },
    });
  });
  return goals;
}

async function requireSchool(deps: Deps, schoolId: string) {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}
