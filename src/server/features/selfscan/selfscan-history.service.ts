import { aspectIdsOf, type DevelopmentModel, developmentModelSchema, type GrowthPhase } from '../../../shared/selfscan-model';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { aggregateSelfScan, DEFAULT_MIN_GROUP_SIZE } from './aggregate';
import * as repository from './selfscan.repository';
import { type Caller, getRound, schoolDateOf } from './selfscan.service';
import type { DevelopmentModelRow, SelfscanRoundRow } from './selfscan.tables';

/** Where a school stood on an aspect: the agreed phase, or the team's median when nothing was agreed. */
export interface Placement {
  value: number;
  basis: 'consensus' | 'median';
}

/** A round as the shift and the timeline name it. */
export interface RoundHead {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
}

/** The shift per aspect between a round and an earlier one. */
export interface Shift {
  round: RoundHead;
  against: RoundHead;
  aspects: { aspectId: string; current: Placement | null; earlier: Placement | null; difference: number | null }[];
}

/** The agreed phase and median of every aspect over a school's rounds of one model, oldest first. */
export interface History {
  model: { id: string; key: string; version: string; name: DevelopmentModel['name'] } | null;
  rounds: (RoundHead & { status: 'open' | 'closed' })[];
  aspects: { aspectId: string; points: { roundId: string; consensusPhase: GrowthPhase | null; median: number | null }[] }[];
}

/** The agreed phase wins: it is the school's own placement; the median only stands in until the team agreed. */
export function placementOf(consensusPhase: number | undefined, median: number | null | undefined): Placement | null {
  if (consensusPhase !== undefined) return { value: consensusPhase, basis: 'consensus' };
  if (median !== null && median !== undefined) return { value: median, basis: 'median' };
  return null;
}

function headOf(round: SelfscanRoundRow): RoundHead {
  return { id: round.id, name: round.name, opensOn: round.opens_on, closesOn: round.closes_on };
}

function definitionOf(row: DevelopmentModelRow): DevelopmentModel {
  return developmentModelSchema.parse(JSON.parse(row.definition));
}

/** The team median and the agreed phase of every aspect of a round. */
async function placementsOfRound(deps: Deps, roundId: string, aspectIds: readonly string[]) {
  const db = deps.db.kysely;
  const known = new Set(aspectIds);
  const rows = (await repository.listRatingsOfRound(db, roundId)).filter((row) => known.has(row.aspect_id));
  // Only the whole-team block is used, so the group size does not change the medians.
  const aggregate = aggregateSelfScan(
    rows.map((row) => ({ respondent: row.response_id, role: row.role, aspect: row.aspect_id, phase: row.phase as GrowthPhase | null })),
    { minGroupSize: DEFAULT_MIN_GROUP_SIZE, aspectIds },
  );
  const medians = new Map(aggregate.aspects.map((entry) => [entry.aspect, entry.median]));
  const consensus = new Map((await repository.listConsensus(db, roundId)).map((row) => [row.aspect_id, row.phase as GrowthPhase]));
  return { medians, consensus };
}

async function modelRowOf(deps: Deps, round: SelfscanRoundRow): Promise<DevelopmentModelRow> {
  const row = await repository.findModelOfSchool(deps.db.kysely, round.school_id, round.model_id);
  if (!row) throw new Error(`round ${round.id} points at a missing model`);
  return row;
}

/**
 * Compares a round with another round of the same school and model (any version of it): per aspect of the
 * round's model, the placement in both and the difference. Whoever may read both rounds' results may compare them.
 */
export async function getShift(deps: Deps, caller: Caller, schoolId: string, roundId: string, againstId: string): Promise<Shift> {
  if (roundId === againstId) throw new AppError('validation_failed', { fields: { 'querystring.against': ['choose another round than the one compared'] } });
  // getRound refuses rounds of another school (not found) and tells whether the caller may see the results.
  const [current, earlier] = [await getRound(deps, caller, schoolId, roundId), await getRound(deps, caller, schoolId, againstId)];
  if (!current.canSeeResults || !earlier.canSeeResults) throw new AppError('forbidden');
  if (current.model.key !== earlier.model.key) {
    throw new AppError('validation_failed', { fields: { 'querystring.against': ['the round uses another development model'] } });
  }
  const db = deps.db.kysely;
  const [round, against] = [await repository.findRound(db, schoolId, roundId), await repository.findRound(db, schoolId, againstId)];
  if (!round || !against) throw new AppError('not_found');
  const aspectIds = aspectIdsOf(definitionOf(await modelRowOf(deps, round)));
  const earlierAspects = aspectIdsOf(definitionOf(await modelRowOf(deps, against)));
  const now = await placementsOfRound(deps, roundId, aspectIds);
  const then = await placementsOfRound(deps, againstId, earlierAspects);
  return {
    round: headOf(round),
    against: headOf(against),
    aspects: aspectIds.map((aspectId) => {
      const currentPlacement = placementOf(now.consensus.get(aspectId), now.medians.get(aspectId));
      const earlierPlacement = placementOf(then.consensus.get(aspectId), then.medians.get(aspectId));
      return {
        aspectId,
        current: currentPlacement,
        earlier: earlierPlacement,
        difference: currentPlacement && earlierPlacement ? currentPlacement.value - earlierPlacement.value : null,
      };
    }),
  };
}

/**
 * The timeline per aspect: the model of the school's most recent open or closed round, and every open or
 * closed round of that model (any version) in date order, each with the agreed phase and the team median.
 */
export async function getHistory(deps: Deps, schoolId: string): Promise<History> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  // Newest first from the repository; rounds that have not opened yet have nothing to show.
  const started = (await repository.listRoundsOfSchool(db, schoolId)).filter((round) => round.opens_on <= today);
  const latest = started[0];
  if (!latest) return { model: null, rounds: [], aspects: [] };
  const models = new Map((await repository.listModelsOfSchool(db, schoolId)).map((row) => [row.id, row]));
  const latestModel = models.get(latest.model_id);
  if (!latestModel) throw new Error(`round ${latest.id} points at a model the school cannot use`);
  const definition = definitionOf(latestModel);
  const aspectIds = aspectIdsOf(definition);
  const rounds = started.filter((round) => models.get(round.model_id)?.model_key === latestModel.model_key).reverse();
  const placements = new Map<string, Awaited<ReturnType<typeof placementsOfRound>>>();
  for (const round of rounds) placements.set(round.id, await placementsOfRound(deps, round.id, aspectIds));
  return {
    model: { id: latestModel.id, key: latestModel.model_key, version: latestModel.version, name: definition.name },
    rounds: rounds.map((round) => ({ ...headOf(round), status: round.closes_on < today ? 'closed' : 'open' })),
    aspects: aspectIds.map((aspectId) => ({
      aspectId,
      points: rounds.map((round) => {
        const entry = placements.get(round.id);
        return { roundId: round.id, consensusPhase: entry?.consensus.get(aspectId) ?? null, median: entry?.medians.get(aspectId) ?? null };
      }),
    })),
  };
}
