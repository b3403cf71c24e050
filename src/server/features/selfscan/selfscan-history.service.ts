import { aspectIdsOf, type DevelopmentModel, developmentModelSchema, type GrowthPhase } from '../../../shared/selfscan-model';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { aggregateSelfScan } from './aggregate';
import * as repository from './selfscan.repository';
import { getRound, minGroupSizeOf, ratingInputsOf, statusOf } from './selfscan.service';
import type { DevelopmentModelRow, SelfscanRoundRow } from './selfscan.tables';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { MedianCell, Placement, RoundHead, SelfscanHistory, SelfscanShift } from './selfscan-history.schemas';

const HIDDEN_MEDIAN: MedianCell = { hidden: true };

/** The agreed phase wins: it is the school's own placement; the median only stands in until the team agreed. */
export function placementOf(consensusPhase: number | undefined, median: MedianCell | undefined): Placement {
  if (consensusPhase !== undefined) return { basis: 'consensus', value: consensusPhase };
  if (median && !median.hidden) return { basis: 'median', value: median.value };
  return { basis: 'hidden' };
}

function headOf(round: SelfscanRoundRow): RoundHead {
  return { id: round.id, name: round.name, opensOn: round.opens_on, closesOn: round.closes_on };
}

function definitionOf(row: DevelopmentModelRow): DevelopmentModel {
  return developmentModelSchema.parse(JSON.parse(row.definition));
}

/**
 * The team median (from the suppressed aggregate, with the board's k) and the agreed phase of every aspect of
 * a round. A round that is not closed has no medians yet: while it runs, each change would show one answer.
 */
async function placementsOfRound(deps: Deps, round: SelfscanRoundRow, aspectIds: readonly string[], k: number) {
  const db = deps.db.kysely;
  const consensus = new Map((await repository.listConsensus(db, round.id)).map((row) => [row.aspect_id, row.phase as GrowthPhase]));
  const medians = new Map<string, MedianCell>();
  if (statusOf(round, schoolDateOf(deps.clock.now())) === 'closed') {
    const known = new Set(aspectIds);
    const rows = (await repository.listRatingsOfRound(db, round.id)).filter((row) => known.has(row.aspect_id));
    for (const cell of aggregateSelfScan(ratingInputsOf(rows), { minGroupSize: k, aspectIds }).aspects) {
      medians.set(cell.aspect, cell.hidden ? HIDDEN_MEDIAN : { hidden: false, value: cell.median });
    }
  }
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
export async function getShift(deps: Deps, caller: StaffCaller, schoolId: string, roundId: string, againstId: string): Promise<SelfscanShift> {
  if (roundId === againstId) throw new AppError('validation_failed', { fields: { 'querystring.against': ['choose another round than the one compared'] } });
  // getRound refuses rounds of another school (not found) and tells whether the caller may see the results.
  const [current, earlier] = [await getRound(deps, caller, schoolId, roundId), await getRound(deps, caller, schoolId, againstId)];
  // Only closed rounds have results to compare.
  if (current.status !== 'closed' || earlier.status !== 'closed') throw new AppError('round_still_open');
  if (!current.canSeeResults || !earlier.canSeeResults) throw new AppError('forbidden');
  if (current.model.key !== earlier.model.key) {
    throw new AppError('validation_failed', { fields: { 'querystring.against': ['the round uses another development model'] } });
  }
  const db = deps.db.kysely;
  const [round, against] = [await repository.findRound(db, schoolId, roundId), await repository.findRound(db, schoolId, againstId)];
  if (!round || !against) throw new AppError('not_found');
  const aspectIds = aspectIdsOf(definitionOf(await modelRowOf(deps, round)));
  const earlierAspects = aspectIdsOf(definitionOf(await modelRowOf(deps, against)));
  const k = await minGroupSizeOf(deps, schoolId);
  const now = await placementsOfRound(deps, round, aspectIds, k);
  const then = await placementsOfRound(deps, against, earlierAspects, k);
  return {
    minGroupSize: k,
    round: headOf(round),
    against: headOf(against),
    aspects: aspectIds.map((aspectId) => {
      const currentPlacement = placementOf(now.consensus.get(aspectId), now.medians.get(aspectId));
      const earlierPlacement = placementOf(then.consensus.get(aspectId), then.medians.get(aspectId));
      return {
        aspectId,
        current: currentPlacement,
        earlier: earlierPlacement,
        difference: currentPlacement.basis !== 'hidden' && earlierPlacement.basis !== 'hidden' ? currentPlacement.value - earlierPlacement.value : null,
      };
    }),
  };
}

/**
 * The timeline per aspect: the model of the school's most recent open or closed round, and every open or
 * closed round of that model (any version) in date order, each with the agreed phase and the team median
 * (hidden below the board's k, and for a round that is still open).
 */
export async function getHistory(deps: Deps, schoolId: string): Promise<SelfscanHistory> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  // Newest first from the repository; rounds that have not opened yet have nothing to show.
  const started = (await repository.listRoundsOfSchool(db, schoolId)).filter((round) => round.opens_on <= today);
  const latest = started[0];
  const k = await minGroupSizeOf(deps, schoolId);
  if (!latest) return { minGroupSize: k, model: null, rounds: [], aspects: [] };
  const models = new Map((await repository.listModelsOfSchool(db, schoolId)).map((row) => [row.id, row]));
  const latestModel = models.get(latest.model_id);
  if (!latestModel) throw new Error(`round ${latest.id} points at a model the school cannot use`);
  const definition = definitionOf(latestModel);
  const aspectIds = aspectIdsOf(definition);
  const rounds = started.filter((round) => models.get(round.model_id)?.model_key === latestModel.model_key).reverse();
  const placements = new Map<string, Awaited<ReturnType<typeof placementsOfRound>>>();
  for (const round of rounds) placements.set(round.id, await placementsOfRound(deps, round, aspectIds, k));
  return {
    minGroupSize: k,
    model: { id: latestModel.id, key: latestModel.model_key, version: latestModel.version, name: definition.name },
    rounds: rounds.map((round) => ({ ...headOf(round), status: statusOf(round, today) === 'closed' ? 'closed' : 'open' })),
    aspects: aspectIds.map((aspectId) => ({
      aspectId,
      points: rounds.map((round) => {
        const entry = placements.get(round.id);
        return { roundId: round.id, consensusPhase: entry?.consensus.get(aspectId) ?? null, median: entry?.medians.get(aspectId) ?? HIDDEN_MEDIAN };
      }),
    })),
  };
}
