import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { aspectIdsOf, type DevelopmentModel, developmentModelSchema, type GrowthPhase, type LocalizedText } from '../../../shared/selfscan-model';
import type { Locale, SchoolRole } from '../../../shared/roles';
import { schoolYearOf } from '../../../shared/school-year';
import { recordAudit } from '../../audit/audit.service';
import { type Actor, isAllowed } from '../../auth/policy';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { selfscanInvitationMail } from '../../mail/templates';
import { findRolesInSchool } from '../staff/staff.repository';
import { findBoard, findSchool } from '../tenancy/tenancy.repository';
import { aggregateSelfScan, MIN_GROUP_SIZE_FLOOR, type SelfScanAggregate } from './aggregate';
import { loadShippedModels, parseModelDefinition } from './model-catalogue';
import * as repository from './selfscan.repository';
import type { DevelopmentModelRow, SelfscanRoundRow } from './selfscan.tables';

/** Rating windows follow the calendar of the schools, which are all in the Netherlands. */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

// When someone holds several roles, the answer counts for the role that carries the most
// responsibility for the school's direction (the respondent's role is recorded only once).
const ROLE_PRIORITY: readonly SchoolRole[] = ['leadership', 'tso_lead', 'care_team', 'school_admin', 'teacher'];

/** A model version as listed for a school. */
export interface ModelSummary {
  id: string;
  key: string;
  version: string;
  name: LocalizedText;
  source: LocalizedText;
  aspectCount: number;
  isShipped: boolean;
  /** A round of this school uses the version: it can no longer change. */
  isUsed: boolean;
}

/** Who a round invites: staff with one of the roles (empty = all), teachers limited to classes at the locations (empty = all). */
export interface RoundAudience {
  roles: SchoolRole[];
  locationIds: string[];
}

/** Where a round is in time, by the school's calendar. */
export type RoundStatus = 'upcoming' | 'open' | 'closed';

/** A round as any staff member of the school sees it: counts of progress only, never who answered. */
export interface RoundSummary {
  id: string;
  name: string;
  model: { id: string; key: string; version: string; name: LocalizedText };
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  audience: RoundAudience;
  resultsSharedAt: string | null;
  progress: { invited: number; responded: number };
  isInvited: boolean;
  canSeeResults: boolean;
  createdAt: string;
}

/** One of the caller's own answers. */
export interface OwnRating {
  aspectId: string;
  phase: GrowthPhase | null;
  note: string | null;
}

/** A round with the caller's own answers. */
export interface RoundDetail extends RoundSummary {
  myAnswers: OwnRating[];
}

/** The results of a round: the aggregate, anonymous notes, consensus and goals. */
export interface RoundResults {
  round: RoundSummary;
  aggregate: SelfScanAggregate;
  notes: { aspectId: string; notes: string[] }[];
  consensus: { aspectId: string; phase: GrowthPhase; rationale: string; recordedAt: string }[];
  goals: { aspectId: string; targetPhase: GrowthPhase }[];
}

/** Who is calling, as the service needs it: the user and their roles. */
export interface Caller {
  userId: string;
  actor: Actor;
  /** The board of the route's school, resolved by the policy check. */
  schoolBoardId: string | undefined;
}

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
export async function getModel(deps: Deps, schoolId: string, modelId: string): Promise<ModelSummary & { definition: DevelopmentModel }> {
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
  caller: Caller,
  schoolId: string,
  json: unknown,
): Promise<{ model: ModelSummary & { definition: DevelopmentModel }; replaced: boolean }> {
  const school = await requireSchool(deps, schoolId);
  const model = parseModelDefinition(json);
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  const { modelId, replaced } = await deps.db.kysely.transaction().execute(async (trx) => {
    if (await repository.findModelByKeyAndVersion(trx, null, model.id, model.version)) {
      throw new AppError('conflict', { fields: { 'body.definition.version': ['this version is shipped with Groeiwijzer; choose another id or version'] } });
    }
    const now = isoInstant(deps.clock.now());
    const existing = await repository.findModelByKeyAndVersion(trx, schoolId, model.id, model.version);
    if (existing && (await repository.isModelUsed(trx, existing.id))) {
      throw new AppError('conflict', { fields: { 'body.definition.version': ['this version is used in a round; import it as a new version'] } });
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

/** Today's date (YYYY-MM-DD) in the schools' time zone. */
export function schoolDateOf(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function statusOf(round: Pick<SelfscanRoundRow, 'opens_on' | 'closes_on'>, today: string): RoundStatus {
  if (today < round.opens_on) return 'upcoming';
  return today > round.closes_on ? 'closed' : 'open';
}

function audienceOf(round: SelfscanRoundRow): RoundAudience {
  const parsed = JSON.parse(round.audience) as Partial<RoundAudience>;
  return { roles: parsed.roles ?? [], locationIds: parsed.locationIds ?? [] };
}

function canSeeResults(caller: Caller, schoolId: string, round: SelfscanRoundRow): boolean {
  if (isAllowed(caller.actor, 'school.selfscan.results', { schoolId, schoolBoardId: caller.schoolBoardId })) return true;
  // The team sees results once shared; board roles are not part of the team.
  return round.results_shared_at !== null && (caller.actor.schoolRoles.get(schoolId) ?? []).length > 0;
}

/**
 * Opens a round: stores it, invites the matching staff and mails each of them a link.
 * The round is committed before the mails go out, so a mail failure cannot lose it.
 */
export async function openRound(
  deps: Deps,
  caller: Caller,
  schoolId: string,
  input: { name: string; modelId: string; opensOn: string; closesOn: string; audience: RoundAudience },
  baseUrl: string,
): Promise<RoundDetail> {
  const school = await requireSchool(deps, schoolId);
  if (input.closesOn < input.opensOn) throw new AppError('validation_failed', { fields: { 'body.closesOn': ['must not be before opensOn'] } });
  if (input.closesOn < schoolDateOf(deps.clock.now())) throw new AppError('validation_failed', { fields: { 'body.closesOn': ['lies in the past'] } });
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  const db = deps.db.kysely;
  const roundId = newId();
  const invitees = await db.transaction().execute(async (trx) => {
    if (!(await repository.findModelOfSchool(trx, schoolId, input.modelId))) {
      throw new AppError('validation_failed', { fields: { 'body.modelId': ['unknown model'] } });
    }
    const locationIds = [...new Set(input.audience.locationIds)];
    if ((await repository.filterLocationsOfSchool(trx, schoolId, locationIds)).length !== locationIds.length) {
      throw new AppError('validation_failed', { fields: { 'body.audience.locationIds': ['unknown location'] } });
    }
    const audience: RoundAudience = { roles: [...new Set(input.audience.roles)], locationIds };
    const people = await selectAudience(trx, schoolId, schoolYearOf(deps.clock.now()), audience);
    if (people.length === 0) throw new AppError('validation_failed', { fields: { 'body.audience': ['nobody on the staff matches'] } });
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
export async function listRounds(deps: Deps, caller: Caller, schoolId: string): Promise<RoundSummary[]> {
  await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const rows = await repository.listRoundsOfSchool(db, schoolId);
  const invitedTo = new Set(await repository.listRoundIdsInvitingUser(db, schoolId, caller.userId));
  const models = await modelHeadsOf(deps, schoolId);
  const today = schoolDateOf(deps.clock.now());
  return rows.map((row) =>
    summariseRound(row, models, today, { invited: Number(row.invited_count ?? 0), responded: Number(row.responded_count ?? 0) }, invitedTo.has(row.id), canSeeResults(caller, schoolId, row)),
  );
}

/** One round with its progress and the caller's own answers. */
export async function getRound(deps: Deps, caller: Caller, schoolId: string, roundId: string): Promise<RoundDetail> {
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

async function loadRound(deps: Deps, caller: Caller, schoolId: string, roundId: string) {
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  const invitedTo = new Set(await repository.listRoundIdsInvitingUser(db, schoolId, caller.userId));
  const models = await modelHeadsOf(deps, schoolId);
  const progress = await repository.countRoundProgress(db, roundId);
  const summary = summariseRound(round, models, schoolDateOf(deps.clock.now()), progress, invitedTo.has(roundId), canSeeResults(caller, schoolId, round));
  return { round, summary };
}

async function modelHeadsOf(deps: Deps, schoolId: string) {
  const rows = await repository.listModelsOfSchool(deps.db.kysely, schoolId);
  return new Map(rows.map((row) => [row.id, { row, definition: definitionOf(row) }]));
}

function summariseRound(
  round: SelfscanRoundRow,
  models: ReadonlyMap<string, { row: DevelopmentModelRow; definition: DevelopmentModel }>,
  today: string,
  progress: { invited: number; responded: number },
  isInvited: boolean,
  mayReadResults: boolean,
): RoundSummary {
  const model = models.get(round.model_id);
  if (!model) throw new Error(`round ${round.id} points at a model the school cannot use`);
  return {
    id: round.id,
    name: round.name,
    model: { id: model.row.id, key: model.row.model_key, version: model.row.version, name: model.definition.name },
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    status: statusOf(round, today),
    audience: audienceOf(round),
    resultsSharedAt: round.results_shared_at,
    progress,
    isInvited,
    canSeeResults: mayReadResults,
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
  caller: Caller,
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
    throw new AppError('conflict', { fields: { roundId: ['the round is not open for answers today'] } });
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
 * The results of a round for the lead and leadership, and for the team once shared: the aggregate
 * with the board's minimum group size, the notes per aspect without who wrote them, consensus and goals.
 */
export async function getResults(deps: Deps, caller: Caller, schoolId: string, roundId: string): Promise<RoundResults> {
  const { round, summary } = await loadRound(deps, caller, schoolId, roundId);
  if (!summary.canSeeResults) throw new AppError('forbidden');
  const db = deps.db.kysely;
  const model = await modelOfRound(deps, round);
  const aspectIds = aspectIdsOf(model);
  const known = new Set(aspectIds);
  const rows = (await repository.listRatingsOfRound(db, roundId)).filter((row) => known.has(row.aspect_id));
  const aggregate = aggregateSelfScan(
    rows.map((row) => ({ respondent: row.response_id, role: row.role, aspect: row.aspect_id, phase: row.phase as GrowthPhase | null })),
    { minGroupSize: await minGroupSizeOf(deps, schoolId), aspectIds },
  );
  const notesByAspect = new Map<string, string[]>(aspectIds.map((id) => [id, []]));
  for (const row of rows) {
    const note = await openNote(deps, row.response_id, row.aspect_id, row.note);
    if (note) notesByAspect.get(row.aspect_id)?.push(note);
  }
  const order = new Map(aspectIds.map((id, index) => [id, index]));
  const byModelOrder = (a: { aspectId: string }, b: { aspectId: string }) => (order.get(a.aspectId) ?? 0) - (order.get(b.aspectId) ?? 0);
  return {
    round: summary,
    aggregate,
    // Sorted by text, not by time or respondent, so the order gives nothing away.
    notes: aspectIds.map((aspectId) => ({ aspectId, notes: (notesByAspect.get(aspectId) ?? []).sort(compareText) })),
    consensus: (await repository.listConsensus(db, roundId))
      .map((row) => ({ aspectId: row.aspect_id, phase: row.phase as GrowthPhase, rationale: row.rationale, recordedAt: row.recorded_at }))
      .sort(byModelOrder),
    goals: (await repository.listGoals(db, roundId)).map((row) => ({ aspectId: row.aspect_id, targetPhase: row.target_phase as GrowthPhase })).sort(byModelOrder),
  };
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

async function minGroupSizeOf(deps: Deps, schoolId: string): Promise<number> {
  const school = await requireSchool(deps, schoolId);
  const board = await findBoard(deps.db.kysely, school.board_id);
  return Math.max(MIN_GROUP_SIZE_FLOOR, board?.min_group_size ?? MIN_GROUP_SIZE_FLOOR);
}

/** Shares a round's results with the team (the first sharing moment is kept). */
export async function shareResults(deps: Deps, caller: Caller, schoolId: string, roundId: string): Promise<RoundDetail> {
  const school = await requireSchool(deps, schoolId);
  const round = await repository.findRound(deps.db.kysely, schoolId, roundId);
  if (!round) throw new AppError('not_found');
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

/** Records (or corrects) the phase the team agreed on for one aspect, with the reason. */
export async function recordConsensus(
  deps: Deps,
  caller: Caller,
  schoolId: string,
  roundId: string,
  aspectId: string,
  input: { phase: GrowthPhase; rationale: string },
): Promise<RoundResults['consensus'][number]> {
  const school = await requireSchool(deps, schoolId);
  const round = await repository.findRound(deps.db.kysely, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  await requireAspect(deps, round, aspectId);
  const recordedAt = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.upsertConsensus(trx, {
      round_id: roundId,
      aspect_id: aspectId,
      phase: input.phase,
      rationale: input.rationale,
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
  caller: Caller,
  schoolId: string,
  roundId: string,
  aspectIds: readonly string[],
): Promise<RoundResults['goals']> {
  const school = await requireSchool(deps, schoolId);
  const db = deps.db.kysely;
  const round = await repository.findRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
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
