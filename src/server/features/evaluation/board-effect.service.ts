import { minimumGroupSizeOf } from '../../../shared/anonymity';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { listSchoolIdsSharingEffect } from '../school-settings/school-settings.repository';
import { findBoard, listSchoolsOfBoard } from '../tenancy/tenancy.repository';
import type { BoardEffect } from './board-effect.schemas';
import { boardScaleEffect } from './scale-effect';
import { loadSchoolWaves, type SchoolWaves } from './school-effect.service';

// The effect evaluation of a board (issue 13): the growth model over the schools that chose to share it, each with
// its own training day, random intercepts per school and per person. The board sees pooled estimates and which
// schools are in them, never a school's own means; a school that shares nothing is only named. Every look is audited.

/** The board's pooled effect evaluation; records that the board admin looked. */
export async function getBoardEffect(deps: Deps, actorUserId: string, boardId: string): Promise<BoardEffect> {
  const db = deps.db.kysely;
  const board = await findBoard(db, boardId);
  if (!board) throw new AppError('not_found');
  const k = minimumGroupSizeOf(board.min_group_size);
  const schools = await listSchoolsOfBoard(db, boardId);
  const sharing = new Set(await listSchoolIdsSharingEffect(db, schools.map((school) => school.id)));
  const data = new Map<string, SchoolWaves>();
  for (const school of schools.filter((candidate) => sharing.has(candidate.id))) data.set(school.id, await loadSchoolWaves(deps, school.id));

  // Every instrument and scale some sharing school asked, named as the first school that asked it names it.
  const instruments = new Map<string, { name: SchoolWaves['instruments'][number]['name']; scales: Map<string, SchoolWaves['instruments'][number]['scales'][number]['name']> }>();
  for (const school of data.values()) {
    for (const instrument of school.instruments) {
      const entry = instruments.get(instrument.id) ?? { name: instrument.name, scales: new Map() };
      for (const scale of instrument.scales) if (!entry.scales.has(scale.id)) entry.scales.set(scale.id, scale.name);
      instruments.set(instrument.id, entry);
    }
  }

  const result: BoardEffect = {
    minGroupSize: k,
    schools: schools.map((school) => ({ schoolId: school.id, name: school.name, isSharing: sharing.has(school.id) })),
    instruments: [...instruments].sort(([a], [b]) => a.localeCompare(b)).map(([instrumentId, instrument]) => ({
      id: instrumentId,
      name: instrument.name,
      scales: [...instrument.scales].map(([scaleId, name]) => ({
        id: scaleId,
        name,
        ...boardScaleEffect(
          [...data].flatMap(([schoolId, school]) => {
            const scale = school.instruments.find((candidate) => candidate.id === instrumentId)?.scales.find((candidate) => candidate.id === scaleId);
            return scale ? [{ schoolId, waves: scale.waves, scores: scale.scores, trainingOn: school.trainingOn }] : [];
          }),
          k,
        ),
      })),
    })),
  };
  await recordAudit(db, deps.clock, {
    actorUserId,
    action: 'evaluation.board_view_read',
    targetType: 'board',
    targetId: boardId,
    boardId,
    detail: { schoolsSharing: [...sharing] },
  });
  return result;
}
