import { developmentModelSchema, type DevelopmentModel, type LocalizedText } from '../../../shared/selfscan-model';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { listSchoolIdsSharingSelfscan } from '../school-settings/school-settings.repository';
import { findBoard, listSchoolsOfBoard } from '../tenancy/tenancy.repository';
import { listLatestRoundsWithConsensus } from './selfscan-board.repository';
import type { RoundHead } from './selfscan-history.service';
import * as repository from './selfscan.repository';
import { schoolDateOf } from './selfscan.service';

/** The agreed placements of one school's latest round with consensus, aspects in model order. */
export interface SharedPlacements {
  round: RoundHead;
  model: { key: string; version: string; name: LocalizedText };
  phaseNames: DevelopmentModel['phases'];
  aspects: { aspectId: string; name: LocalizedText; layerId: string; layerName: LocalizedText; phase: number | null }[];
}

/** One school of a board in the board's self-scan view. */
export interface BoardSchoolPlacements {
  schoolId: string;
  schoolName: string;
  isShared: boolean;
  /** Null when the school does not share, or shares but never agreed on a phase. */
  latest: SharedPlacements | null;
}

/**
 * The board's side-by-side view: every school of the board by name, and only for the schools that chose to
 * share, the agreed phases of their latest round with consensus. Nothing of a school that does not share is read.
 * Every look is recorded in the audit log, with the schools whose placements it showed.
 */
export async function getBoardSelfscan(deps: Deps, actorUserId: string, boardId: string): Promise<{ schools: BoardSchoolPlacements[] }> {
  const db = deps.db.kysely;
  if (!(await findBoard(db, boardId))) throw new AppError('not_found');
  const schools = await listSchoolsOfBoard(db, boardId);
  const sharing = new Set(await listSchoolIdsSharingSelfscan(db, schools.map((school) => school.id)));
  const rounds = new Map((await listLatestRoundsWithConsensus(db, [...sharing], schoolDateOf(deps.clock.now()))).map((round) => [round.school_id, round]));
  const result: BoardSchoolPlacements[] = [];
  for (const school of schools) {
    const round = sharing.has(school.id) ? rounds.get(school.id) : undefined;
    result.push({ schoolId: school.id, schoolName: school.name, isShared: sharing.has(school.id), latest: round ? await placementsOf(deps, round) : null });
  }
  await recordAudit(db, deps.clock, {
    actorUserId,
    action: 'selfscan.board_view_read',
    targetType: 'board',
    targetId: boardId,
    boardId,
    detail: { schoolsShown: result.filter((school) => school.latest !== null).map((school) => school.schoolId) },
  });
  return { schools: result };
}

async function placementsOf(deps: Deps, round: NonNullable<Awaited<ReturnType<typeof listLatestRoundsWithConsensus>>[number]>): Promise<SharedPlacements> {
  const db = deps.db.kysely;
  const modelRow = await repository.findModelOfSchool(db, round.school_id, round.model_id);
  if (!modelRow) throw new Error(`round ${round.id} points at a missing model`);
  const model = developmentModelSchema.parse(JSON.parse(modelRow.definition));
  const agreed = new Map((await repository.listConsensus(db, round.id)).map((row) => [row.aspect_id, row.phase]));
  return {
    round: { id: round.id, name: round.name, opensOn: round.opens_on, closesOn: round.closes_on },
    model: { key: modelRow.model_key, version: modelRow.version, name: model.name },
    phaseNames: model.phases,
    aspects: model.layers.flatMap((layer) =>
      layer.aspects.map((aspect) => ({ aspectId: aspect.id, name: aspect.name, layerId: layer.id, layerName: layer.name, phase: agreed.get(aspect.id) ?? null })),
    ),
  };
}
