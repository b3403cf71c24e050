import { type ActionStatus, IMPLEMENTATION_PHASES, type ImplementationPhase, isActionOverdue } from '../../../shared/plan';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { listSchoolIdsSharingPlan } from '../school-settings/school-settings.repository';
import { findBoard } from '../tenancy/tenancy.repository';
import * as repository from './plan-board.repository';
import type { BoardPlanRollup } from './plan.schemas';
import { computeCoverageOfSchools } from './training.service';
import { schoolDateOf, schoolYearOfDate } from '../../../shared/school-time';

/**
 * The current phase: the one whose start is the latest on or before today (of two starting the same day,
 * the later phase in the order explore → sustain), or null when none has started.
 */
function currentPhaseOf(phases: readonly { phase: string; starts_on: string }[]): ImplementationPhase | null {
  let current: { phase: ImplementationPhase; startsOn: string } | null = null;
  for (const row of phases) {
    const phase = row.phase as ImplementationPhase;
    if (!IMPLEMENTATION_PHASES.includes(phase)) continue;
    const isLater = current === null || row.starts_on > current.startsOn || (row.starts_on === current.startsOn && IMPLEMENTATION_PHASES.indexOf(phase) > IMPLEMENTATION_PHASES.indexOf(current.phase));
    if (isLater) current = { phase, startsOn: row.starts_on };
  }
  return current?.phase ?? null;
}

/**
 * Per school of the board that shares its plan with the board: the current phase, goals achieved of the
 * current school year's goals (dropped goals left out of the total), overdue actions of any school year, and
 * training coverage by `computeTrainingCoverage`. Schools that do not share are only counted: nothing of
 * theirs is read. Every look is recorded in the audit log, with the schools it showed.
 */
export async function getBoardPlanRollup(deps: Deps, actorUserId: string, boardId: string): Promise<BoardPlanRollup> {
  const result = await computeBoardPlanRollup(deps, boardId);
  await auditRollupRead(deps, actorUserId, boardId, result, {});
  return result;
}

/** The roll-up's one audit event: who looked, at which schools, and in which file when downloaded. */
export async function auditRollupRead(deps: Deps, actorUserId: string, boardId: string, rollup: BoardPlanRollup, extra: Record<string, unknown>): Promise<void> {
  await recordAudit(deps.db.kysely, deps.clock, {
    actorUserId,
    action: 'plan.board_rollup_read',
    targetType: 'board',
    targetId: boardId,
    boardId,
    detail: { schoolsShown: rollup.schools.map((school) => school.schoolId), notSharing: rollup.notSharing, ...extra },
  });
}

/** The roll-up without recording the read (the caller records it: the page or the download). */
export async function computeBoardPlanRollup(deps: Deps, boardId: string): Promise<BoardPlanRollup> {
  const db = deps.db.kysely;
  if (!(await findBoard(db, boardId))) throw new AppError('not_found');
  const schools = await repository.listSchoolsOfBoard(db, boardId);
  const sharing = new Set(await listSchoolIdsSharingPlan(db, schools.map((school) => school.id)));
  const shown = schools.filter((school) => sharing.has(school.id));
  const ids = shown.map((school) => school.id);

  const today = schoolDateOf(deps.clock.now());
  const schoolYear = schoolYearOfDate(today);
  const [phases, goals, actions, coverage] = await Promise.all([
    repository.listStartedPhases(db, ids, today),
    repository.countGoalsByStatus(db, ids, schoolYear),
    repository.listActionsDueBefore(db, ids, today),
    computeCoverageOfSchools(db, ids, today),
  ]);

  const result: BoardPlanRollup = {
    schools: shown.map((school) => {
      const goalsOfSchool = goals.filter((row) => row.school_id === school.id);
      const training = coverage.get(school.id);
      return {
        schoolId: school.id,
        name: school.name,
        currentPhase: currentPhaseOf(phases.filter((row) => row.school_id === school.id)),
        schoolYear,
        goalsAchieved: goalsOfSchool.filter((row) => row.status === 'achieved').reduce((sum, row) => sum + row.goals, 0),
        goalsTotal: goalsOfSchool.filter((row) => row.status !== 'dropped').reduce((sum, row) => sum + row.goals, 0),
        overdueActions: actions.filter((row) => row.school_id === school.id && isActionOverdue({ status: row.status as ActionStatus, dueOn: row.due_on }, today)).length,
        training: { currentStaff: training?.currentStaff ?? 0, fullyTrained: training?.fullyTrained ?? 0, share: training?.share ?? null },
      };
    }),
    notSharing: schools.length - shown.length,
  };
  return result;
}
