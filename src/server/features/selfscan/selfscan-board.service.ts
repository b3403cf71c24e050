import { developmentModelSchema } from '../../../shared/selfscan-model';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { listSchoolIdsSharingSelfscan } from '../school-settings/school-settings.repository';
import { findBoard, listSchoolsOfBoard } from '../tenancy/tenancy.repository';
import { isLargeEnough, minimumGroupSizeOf } from '../../../shared/anonymity';
import { listRoundsWithConsensus } from './selfscan-board.repository';
import type { BoardSelfscan } from './selfscan-history.schemas';
import * as repository from './selfscan.repository';
import { statusOf } from './selfscan.service';
import type { SelfscanRoundRow } from './selfscan.tables';
import { schoolDateOf } from '../../../shared/school-time';

/** One school of a board in the board's self-scan view. */
type BoardSchoolPlacements = BoardSelfscan['schools'][number];
/** The agreed placements of one school's latest shown round with consensus, aspects in model order. */
type SharedPlacements = NonNullable<BoardSchoolPlacements['latest']>;

/**
 * The board's side-by-side view: every school of the board by name, and only for the schools that chose to
 * share, the agreed phases of their latest round with consensus that is closed and that at least k people
 * (the board's k) answered — a round whose results were never shown stays in the school. Nothing of a school
 * that does not share is read. Every look is recorded in the audit log, with the schools whose placements it showed.
 */
export async function getBoardSelfscan(deps: Deps, actorUserId: string, boardId: string): Promise<BoardSelfscan> {
  const view = await computeBoardSelfscan(deps, boardId);
  await auditBoardSelfscanRead(deps, actorUserId, boardId, view, {});
  return view;
}

/** The view's one audit event: who looked, the schools whose placements it showed, and the file when downloaded. */
export async function auditBoardSelfscanRead(deps: Deps, actorUserId: string, boardId: string, view: BoardSelfscan, extra: Record<string, unknown>): Promise<void> {
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId,
    action: 'selfscan.board_view_read',
    targetType: 'board',
    targetId: boardId,
    boardId,
    detail: { schoolsShown: view.schools.filter((school) => school.latest !== null).map((school) => school.schoolId), ...extra },
  });
}

/** The view without recording the look (the caller records it: the page or the download). */
export async function computeBoardSelfscan(deps: Deps, boardId: string): Promise<BoardSelfscan> {
  const db = deps.db.kysely;
  const board = await findBoard(db, boardId);
  if (!board) throw new AppError('not_found');
  const k = minimumGroupSizeOf(board.min_group_size);
  const today = schoolDateOf(deps.clock.now());
  const schools = await listSchoolsOfBoard(db, boardId);
  const sharing = new Set(await listSchoolIdsSharingSelfscan(db, schools.map((school) => school.id)));
  const rounds = new Map<string, SelfscanRoundRow>();
  // Newest first per school: the first round that may be shown is the one.
  for (const round of await listRoundsWithConsensus(db, [...sharing], today)) {
    if (rounds.has(round.school_id) || statusOf(round, today) !== 'closed' || !isLargeEnough(round.responded, k)) continue;
    rounds.set(round.school_id, round);
  }
  const result: BoardSchoolPlacements[] = [];
  for (const school of schools) {
    const round = sharing.has(school.id) ? rounds.get(school.id) : undefined;
    result.push({ schoolId: school.id, schoolName: school.name, isShared: sharing.has(school.id), latest: round ? await placementsOf(deps, round) : null });
  }
  return { schools: result };
}

async function placementsOf(deps: Deps, round: SelfscanRoundRow): Promise<SharedPlacements> {
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
