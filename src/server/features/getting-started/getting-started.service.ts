import { schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './getting-started.repository';
import { FIRST_STEPS, type FirstStep, type GettingStarted } from './getting-started.schemas';

/** What the checklist needs to know of a school's data. */
export interface FirstStepFacts {
  hasLocation: boolean;
  hasClass: boolean;
  hasStaff: boolean;
  hasPupil: boolean;
  hasRound: boolean;
}

const FACT_OF_STEP: Record<FirstStep, keyof FirstStepFacts> = {
  locations: 'hasLocation',
  classes: 'hasClass',
  staff: 'hasStaff',
  pupils: 'hasPupil',
  selfscan: 'hasRound',
};

/**
 * The checklist from the facts (pure): a location; a class in the current school year; a colleague on the staff
 * or invited; a pupil; a self-scan round (any status: planning the first one is the step).
 */
export function firstStepsOf(facts: FirstStepFacts, hidden: boolean): GettingStarted {
  const steps = FIRST_STEPS.map((step) => ({ step, isDone: facts[FACT_OF_STEP[step]] }));
  return { steps, allDone: steps.every((item) => item.isDone), hidden };
}

/** A school's getting-started checklist, computed from its data on today's school year. */
export async function getGettingStarted(deps: Deps, schoolId: string): Promise<GettingStarted> {
  const db = deps.db.kysely;
  const [facts, hidden] = await Promise.all([repository.readFirstSteps(db, schoolId, schoolYearAt(deps.clock.now())), repository.isHidden(db, schoolId)]);
  return firstStepsOf(facts, hidden);
}

/** Hides the checklist for the whole school; only once every step is done (else 409 conflict). Audited. */
export async function hideGettingStarted(deps: Deps, caller: StaffCaller, schoolId: string): Promise<GettingStarted> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const checklist = await getGettingStarted(deps, schoolId);
  if (!checklist.allDone) throw new AppError('conflict', { detail: 'not every first step is done yet' });
  if (checklist.hidden) return checklist;
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.hide(trx, schoolId, caller.userId, isoInstant(deps.clock.now()));
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'getting_started.hidden',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
    });
  });
  return { ...checklist, hidden: true };
}
