import type { Kysely } from 'kysely';
import {
  type ActionStatus,
  type GoalStatus,
  IMPLEMENTATION_PHASES,
  type ImplementationPhase,
  isActionOverdue,
  type KotterStep,
  type WorkingGroupRole,
} from '../../../shared/plan';
import type { SchoolRole } from '../../../shared/roles';
import { developmentModelSchema, type LocalizedText } from '../../../shared/selfscan-model';
import { recordAudit } from '../../audit/audit.service';
import { isAllowed } from '../../../shared/permissions';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import * as repository from './plan.repository';
import type {
  CreateActionBody,
  CreateGoalBody,
  MomentBody,
  MyActions,
  PhasesBody,
  PlanAction,
  PlanGoal,
  PlanMoment,
  PlanOverview,
  UpdateActionBody,
  UpdateGoalBody,
  WorkingGroupMember,
} from './plan.schemas';
import { schoolTodayAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';

// Roles that always read the plan, as the working group does; other staff only once the school shares it.
const PLANNER_ROLES: readonly SchoolRole[] = ['leadership', 'tso_lead'];
// Closed actions stay on "my actions" this long after their last change.
const CLOSED_ACTIONS_SHOWN_DAYS = 30;
const DAY_MS = 86_400_000;
// Names are sorted here, not in SQL, so both databases give the same order.
const collator = new Intl.Collator('nl', { sensitivity: 'base' });
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);

/**
 * The phase a school is in: the one whose start is the latest on or before today (a later phase in
 * the order wins a tie), or null when no planned phase has started yet.
 */
export function currentPhaseOf(phases: readonly { phase: ImplementationPhase; startsOn: string }[], today: string): ImplementationPhase | null {
  let current: { phase: ImplementationPhase; startsOn: string } | null = null;
  for (const phase of phases) {
    if (phase.startsOn > today) continue;
    const isLater =
      current === null ||
      phase.startsOn > current.startsOn ||
      (phase.startsOn === current.startsOn && IMPLEMENTATION_PHASES.indexOf(phase.phase) > IMPLEMENTATION_PHASES.indexOf(current.phase));
    if (isLater) current = phase;
  }
  return current?.phase ?? null;
}

/** Leadership, TSO leads and working-group members always read the plan; other staff once the school shares it. */
async function requireReader(deps: Deps, caller: StaffCaller, schoolId: string): Promise<{ sharedWithTeam: boolean }> {
  const sharedWithTeam = await repository.findSharesPlanWithTeam(deps.db.kysely, schoolId);
  const roles = caller.actor.schoolRoles.get(schoolId) ?? [];
  const isPlanner = roles.some((role) => PLANNER_ROLES.includes(role)) || caller.actor.workingGroup?.has(schoolId) === true;
  if (!isPlanner && !sharedWithTeam) throw new AppError('not_shared');
  return { sharedWithTeam };
}

/** Refuses an owner or member who is not current staff of the school. */
async function requireStaff(db: Kysely<Database>, schoolId: string, userId: string, field: string): Promise<{ id: string; name: string }> {
  const person = await repository.findCurrentStaffMember(db, schoolId, userId);
  if (!person) throw new AppError('validation_failed', { fields: { [field]: ['not a current staff member of this school'] } });
  return person;
}

// ---- aspects -------------------------------------------------------------------------------------

interface AspectInfo {
  name: LocalizedText;
  /** The 1-based position of the aspect's layer in its model. */
  layer: number;
}

// Validating a model definition costs milliseconds and every plan read needs one: the aspects of each
// definition text are kept (a model not yet used in a round may be replaced, which changes its text).
const parsedDefinitions = new Map<string, { definition: string; aspects: Map<string, AspectInfo> | null }>();

function aspectsOfDefinition(modelId: string, definition: string): Map<string, AspectInfo> | null {
  const known = parsedDefinitions.get(modelId);
  if (known?.definition === definition) return known.aspects;
  const parsed = developmentModelSchema.safeParse(JSON.parse(definition));
  const aspects = parsed.success ? new Map<string, AspectInfo>() : null;
  if (parsed.success) {
    parsed.data.layers.forEach((layer, index) => {
      for (const aspect of layer.aspects) aspects!.set(aspect.id, { name: aspect.name, layer: index + 1 });
    });
  }
  parsedDefinitions.set(modelId, { definition, aspects });
  return aspects;
}

/** Aspect names and layers per model version, read from the stored model definitions. */
async function aspectCatalogue(db: Kysely<Database>, modelIds: readonly (string | null)[]): Promise<Map<string, Map<string, AspectInfo>>> {
  const ids = [...new Set(modelIds.filter((id): id is string => id !== null))];
  const catalogue = new Map<string, Map<string, AspectInfo>>();
  for (const row of await repository.listModelDefinitions(db, ids)) {
    const aspects = aspectsOfDefinition(row.id, row.definition);
    if (aspects) catalogue.set(row.id, aspects);
  }
  return catalogue;
}

function aspectInfoOf(catalogue: Map<string, Map<string, AspectInfo>>, modelId: string | null, aspectId: string): AspectInfo | undefined {
  return modelId === null ? undefined : catalogue.get(modelId)?.get(aspectId);
}

type LatestConsensus = NonNullable<NonNullable<PlanGoal['aspect']>['latestConsensus']>;

/** Per aspect, the placement agreed in the school's most recent round (by opening day, then creation) that agreed one. */
async function latestConsensusOf(db: Kysely<Database>, schoolId: string, aspectIds: readonly string[]): Promise<Map<string, LatestConsensus>> {
  const rows = await repository.listConsensusOfAspects(db, schoolId, [...new Set(aspectIds)]);
  const best = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const current = best.get(row.aspect_id);
    const isNewer =
      !current ||
      row.opens_on > current.opens_on ||
      (row.opens_on === current.opens_on && (row.round_created_at > current.round_created_at || (row.round_created_at === current.round_created_at && row.round_id > current.round_id)));
    if (isNewer) best.set(row.aspect_id, row);
  }
  return new Map(
    [...best].map(([aspectId, row]) => [aspectId, { phase: row.phase, roundId: row.round_id, roundName: row.round_name, recordedAt: row.recorded_at }]),
  );
}

// ---- evidence ------------------------------------------------------------------------------------

// A goal's evidence is free text that may tell about pupils or colleagues: stored encrypted, bound to its goal.
// An empty text (no evidence yet) holds nothing and is stored as it is, so a plan without evidence needs no key.
async function sealEvidence(deps: Pick<Deps, 'fieldCrypto'>, goalId: string, evidence: string): Promise<string> {
  return evidence === '' ? '' : deps.fieldCrypto.encrypt(encryptedFieldRef('plan_goals', 'evidence', [goalId]), evidence);
}

async function openEvidence(deps: Pick<Deps, 'fieldCrypto'>, goalId: string, stored: string): Promise<string> {
  return stored === '' ? '' : deps.fieldCrypto.decrypt(encryptedFieldRef('plan_goals', 'evidence', [goalId]), stored);
}

// ---- building answers ----------------------------------------------------------------------------

type ActionRow = NonNullable<Awaited<ReturnType<typeof repository.findAction>>>;
type GoalRow = NonNullable<Awaited<ReturnType<typeof repository.findGoal>>>;

function personOf(id: string | null, name: string | null): { id: string; name: string } | null {
  return id !== null && name !== null ? { id, name } : null;
}

function actionOf(row: Omit<ActionRow, 'updated_at'>, today: string): PlanAction {
  const status = row.status as ActionStatus;
  return {
    id: row.id,
    goalId: row.goal_id,
    title: row.title,
    owner: personOf(row.owner_user_id, row.owner_name),
    dueOn: row.due_on,
    status,
    kotterStep: row.kotter_step as KotterStep | null,
    overdue: isActionOverdue({ status, dueOn: row.due_on }, today),
    completedAt: row.completed_at,
  };
}

/** Actions by due date, those without one last (the order they were made in otherwise). */
function byDueDate(a: { dueOn: string | null }, b: { dueOn: string | null }): number {
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}

function goalOf(
  row: GoalRow,
  evidence: string,
  actions: PlanAction[],
  catalogue: Map<string, Map<string, AspectInfo>>,
  consensus: Map<string, LatestConsensus>,
): PlanGoal {
  const info = row.aspect_id === null ? undefined : aspectInfoOf(catalogue, row.model_id, row.aspect_id);
  return {
    id: row.id,
    schoolYear: row.school_year,
    kind: row.aspect_id === null ? 'free' : 'aspect',
    aspect:
      row.aspect_id === null
        ? null
        : {
            aspectId: row.aspect_id,
            modelId: row.model_id,
            // A model that is gone leaves the aspect's id as its name.
            name: info?.name ?? { nl: row.aspect_id, en: row.aspect_id },
            layer: info?.layer ?? null,
            targetPhase: row.target_phase ?? 1,
            latestConsensus: consensus.get(row.aspect_id) ?? null,
          },
    title: row.title,
    sourceRoundId: row.source_round_id,
    owner: personOf(row.owner_user_id, row.owner_name),
    status: row.status as GoalStatus,
    evidence,
    actions: [...actions].sort(byDueDate),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Builds goals with their (decrypted) evidence, actions, aspect names and latest agreed placements. */
async function goalsOf(deps: Deps, schoolId: string, rows: readonly GoalRow[], today: string): Promise<PlanGoal[]> {
  const db = deps.db.kysely;
  const evidence = await Promise.all(rows.map((row) => openEvidence(deps, row.id, row.evidence)));
  const actions = await repository.listActionsOfGoals(
    db,
    schoolId,
    rows.map((row) => row.id),
  );
  const byGoal = new Map<string, PlanAction[]>();
  for (const action of actions) byGoal.set(action.goal_id, [...(byGoal.get(action.goal_id) ?? []), actionOf(action, today)]);
  const aspectIds = rows.flatMap((row) => (row.aspect_id === null ? [] : [row.aspect_id]));
  const catalogue = await aspectCatalogue(
    db,
    rows.map((row) => row.model_id),
  );
  const consensus = await latestConsensusOf(db, schoolId, aspectIds);
  return rows.map((row, index) => goalOf(row, evidence[index] ?? '', byGoal.get(row.id) ?? [], catalogue, consensus));
}

async function loadGoal(deps: Deps, schoolId: string, goalId: string): Promise<PlanGoal> {
  const row = await repository.findGoal(deps.db.kysely, schoolId, goalId);
  if (!row) throw new AppError('not_found');
  const [goal] = await goalsOf(deps, schoolId, [row], schoolTodayAt(deps.clock.now()).today);
  return goal!;
}

// ---- the overview --------------------------------------------------------------------------------

/**
 * The plan of a school for one school year (default: the current one) with its timeline, working group
 * and what the caller may do. Only readers get it (see `requireReader`); only editors get the staff list.
 */
export async function getPlan(deps: Deps, caller: StaffCaller, schoolId: string, requestedYear?: string): Promise<PlanOverview> {
  const db = deps.db.kysely;
  const { sharedWithTeam } = await requireReader(deps, caller, schoolId);
  const { today, schoolYear: currentYear } = schoolTodayAt(deps.clock.now());
  const schoolYear = requestedYear ?? currentYear;
  const target = { schoolId, schoolBoardId: caller.schoolBoardId };
  const canEdit = isAllowed(caller.actor, 'school.plan.edit', target);
  const canManageTeam = isAllowed(caller.actor, 'school.plan.team.manage', target);

  const phases = (await repository.listPhases(db, schoolId))
    .map((row) => ({ phase: row.phase as ImplementationPhase, startsOn: row.starts_on, endsOn: row.ends_on }))
    .sort((a, b) => IMPLEMENTATION_PHASES.indexOf(a.phase) - IMPLEMENTATION_PHASES.indexOf(b.phase));
  const years = new Set([...(await repository.listGoalSchoolYears(db, schoolId)), currentYear]);
  return {
    schoolId,
    schoolYear,
    schoolYears: [...years].sort().reverse(),
    today,
    currentPhase: currentPhaseOf(phases, today),
    phases,
    moments: (await repository.listMoments(db, schoolId)).map((row) => ({ id: row.id, onDate: row.on_date, title: row.title })),
    rounds: (await repository.listTimelineRounds(db, schoolId)).map((row) => ({ id: row.id, name: row.name, opensOn: row.opens_on, closesOn: row.closes_on })),
    waves: (await repository.listTimelineWaves(db, schoolId)).map((row) => ({ id: row.id, name: row.name, opensOn: row.opens_on, closesOn: row.closes_on })),
    workingGroup: (await repository.listWorkingGroup(db, schoolId))
      .map((row) => ({ id: row.user_id, name: row.name, role: row.role as WorkingGroupRole }))
      .sort(byName)
      .map(({ id, name, role }) => ({ userId: id, name, role })),
    goals: await goalsOf(deps, schoolId, await repository.listGoalsOfYear(db, schoolId, schoolYear), today),
    canEdit,
    canManageTeam,
    sharedWithTeam,
    people: canEdit ? (await repository.listCurrentStaff(db, schoolId)).sort(byName) : [],
  };
}

// ---- phases and moments ------------------------------------------------------------------------

/** Replaces the school's phase dates (a phase left out is removed) and answers the plan. */
export async function replacePhases(deps: Deps, caller: StaffCaller, schoolId: string, input: PhasesBody): Promise<PlanOverview> {
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute((trx) =>
    repository.replacePhases(
      trx,
      schoolId,
      input.phases.map((phase) => ({
        school_id: schoolId,
        phase: phase.phase,
        starts_on: phase.startsOn,
        ends_on: phase.endsOn,
        updated_by: caller.userId,
        updated_at: now,
      })),
    ),
  );
  return getPlan(deps, caller, schoolId);
}

/** Adds a monitoring moment to the timeline. */
export async function addMoment(deps: Deps, caller: StaffCaller, schoolId: string, input: MomentBody): Promise<PlanMoment> {
  const id = newId();
  await repository.insertMoment(deps.db.kysely, {
    id,
    school_id: schoolId,
    on_date: input.onDate,
    title: input.title,
    created_by: caller.userId,
    created_at: isoInstant(deps.clock.now()),
  });
  return { id, onDate: input.onDate, title: input.title };
}

/** Removes a monitoring moment of the school. */
export async function removeMoment(deps: Deps, schoolId: string, momentId: string): Promise<void> {
  if (!(await repository.deleteMoment(deps.db.kysely, schoolId, momentId))) throw new AppError('not_found');
}

// ---- working group -------------------------------------------------------------------------------

/**
 * Gives a staff member a place in the working group or changes their role. Audited when something
 * changed. Rights follow on the person's next request (roles are loaded per request).
 */
export async function setWorkingGroupMember(deps: Deps, caller: StaffCaller, schoolId: string, userId: string, role: WorkingGroupRole): Promise<WorkingGroupMember> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const person = await requireStaff(trx, schoolId, userId, 'params.userId');
    const before = (await repository.findWorkingGroupPlace(trx, schoolId, userId))?.role ?? null;
    if (before !== role) {
      await repository.upsertWorkingGroupPlace(trx, { school_id: schoolId, user_id: userId, role, added_by: caller.userId, created_at: isoInstant(deps.clock.now()) });
      await auditWorkingGroup(trx, deps, caller, schoolId, userId, before, role);
    }
    return { userId, name: person.name, role };
  });
}

/**
 * Takes a person out of the working group. Removing the last lead is allowed: leadership and TSO leads
 * manage the group by their school role anyway.
 */
export async function removeWorkingGroupMember(deps: Deps, caller: StaffCaller, schoolId: string, userId: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = (await repository.findWorkingGroupPlace(trx, schoolId, userId))?.role ?? null;
    if (before === null) throw new AppError('not_found');
    await repository.deleteWorkingGroupPlace(trx, schoolId, userId);
    await auditWorkingGroup(trx, deps, caller, schoolId, userId, before, null);
  });
}

async function auditWorkingGroup(
  trx: Kysely<Database>,
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  userId: string,
  before: string | null,
  after: string | null,
): Promise<void> {
  await recordAudit(trx, deps.clock, {
    actorUserId: caller.userId,
    action: 'plan.working_group_changed',
    targetType: 'user',
    targetId: userId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail: { userId, before, after },
  });
}

// ---- goals ---------------------------------------------------------------------------------------

/**
 * Creates a goal: from a round's next goal (the aspect, its target phase and the model come from the
 * round; 404 when the round is not the school's or did not choose that aspect) or in the school's own
 * words. One goal per aspect per school year (409 for a second).
 */
export async function createGoal(deps: Deps, caller: StaffCaller, schoolId: string, input: CreateGoalBody): Promise<PlanGoal> {
  const db = deps.db.kysely;
  const schoolYear = input.schoolYear ?? schoolTodayAt(deps.clock.now()).schoolYear;
  const ownerUserId = input.ownerUserId ?? null;
  if (ownerUserId !== null) await requireStaff(db, schoolId, ownerUserId, 'body.ownerUserId');
  const now = isoInstant(deps.clock.now());
  const id = newId();
  const base = { id, school_id: schoolId, school_year: schoolYear, owner_user_id: ownerUserId, status: 'planned', evidence: '', created_by: caller.userId, created_at: now, updated_at: now };
  if (input.kind === 'free') {
    await repository.insertGoal(db, { ...base, aspect_id: null, model_id: null, target_phase: null, source_round_id: null, title: input.title });
    return loadGoal(deps, schoolId, id);
  }
  const source = await repository.findRoundGoal(db, schoolId, input.roundId, input.aspectId);
  if (!source) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    if (await repository.findAspectGoalId(trx, schoolId, schoolYear, input.aspectId)) throw new AppError('duplicate_aspect_goal', { detail: 'this aspect already has a goal in that school year' });
    await repository.insertGoal(trx, {
      ...base,
      aspect_id: input.aspectId,
      model_id: source.model_id,
      target_phase: source.target_phase,
      source_round_id: input.roundId,
      title: input.title ?? null,
    });
  });
  return loadGoal(deps, schoolId, id);
}

/** Changes a goal of the school: the fields given. */
export async function updateGoal(deps: Deps, schoolId: string, goalId: string, input: UpdateGoalBody): Promise<PlanGoal> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const goal = await repository.findGoal(trx, schoolId, goalId);
    if (!goal) throw new AppError('not_found');
    const isFree = goal.aspect_id === null;
    if (isFree && input.title === null) throw new AppError('validation_failed', { fields: { 'body.title': ['a goal in your own words needs a title'] } });
    if (isFree && input.targetPhase !== undefined) throw new AppError('validation_failed', { fields: { 'body.targetPhase': ['only a goal on an aspect has a target phase'] } });
    if (input.ownerUserId) await requireStaff(trx, schoolId, input.ownerUserId, 'body.ownerUserId');
    if (!isFree && input.schoolYear !== undefined && (await repository.findAspectGoalId(trx, schoolId, input.schoolYear, goal.aspect_id!, goalId))) {
      throw new AppError('duplicate_aspect_goal', { detail: 'this aspect already has a goal in that school year' });
    }
    await repository.updateGoal(trx, schoolId, goalId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.schoolYear !== undefined ? { school_year: input.schoolYear } : {}),
      ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.evidence !== undefined ? { evidence: await sealEvidence(deps, goalId, input.evidence) } : {}),
      ...(input.targetPhase !== undefined ? { target_phase: input.targetPhase } : {}),
      updated_at: isoInstant(deps.clock.now()),
    });
  });
  return loadGoal(deps, schoolId, goalId);
}

/** Deletes a goal of the school with its actions. */
export async function deleteGoal(deps: Deps, schoolId: string, goalId: string): Promise<void> {
  const deleted = await deps.db.kysely.transaction().execute((trx) => repository.deleteGoal(trx, schoolId, goalId));
  if (!deleted) throw new AppError('not_found');
}

// ---- actions -------------------------------------------------------------------------------------

async function loadAction(deps: Deps, schoolId: string, actionId: string): Promise<PlanAction> {
  const row = await repository.findAction(deps.db.kysely, schoolId, actionId);
  if (!row) throw new AppError('not_found');
  return actionOf(row, schoolTodayAt(deps.clock.now()).today);
}

/** Adds an action under a goal of the school (status `open` unless given; `done` records when). */
export async function createAction(deps: Deps, caller: StaffCaller, schoolId: string, goalId: string, input: CreateActionBody): Promise<PlanAction> {
  const db = deps.db.kysely;
  if (!(await repository.findGoal(db, schoolId, goalId))) throw new AppError('not_found');
  const ownerUserId = input.ownerUserId ?? null;
  if (ownerUserId !== null) await requireStaff(db, schoolId, ownerUserId, 'body.ownerUserId');
  const now = isoInstant(deps.clock.now());
  const status = input.status ?? 'open';
  const id = newId();
  await repository.insertAction(db, {
    id,
    goal_id: goalId,
    school_id: schoolId,
    title: input.title,
    owner_user_id: ownerUserId,
    due_on: input.dueOn ?? null,
    status,
    kotter_step: input.kotterStep ?? null,
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
    completed_at: status === 'done' ? now : null,
  });
  return loadAction(deps, schoolId, id);
}

/** Changes an action of the school: becoming `done` records when; any other status clears that. */
export async function updateAction(deps: Deps, schoolId: string, actionId: string, input: UpdateActionBody): Promise<PlanAction> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const action = await repository.findAction(trx, schoolId, actionId);
    if (!action) throw new AppError('not_found');
    if (input.ownerUserId) await requireStaff(trx, schoolId, input.ownerUserId, 'body.ownerUserId');
    const now = isoInstant(deps.clock.now());
    const completedAt =
      input.status === undefined ? undefined : input.status !== 'done' ? null : action.status === 'done' ? action.completed_at : now;
    await repository.updateAction(trx, schoolId, actionId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.kotterStep !== undefined ? { kotter_step: input.kotterStep } : {}),
      ...(completedAt !== undefined ? { completed_at: completedAt } : {}),
      updated_at: now,
    });
  });
  return loadAction(deps, schoolId, actionId);
}

/** Deletes an action of the school. */
export async function deleteAction(deps: Deps, schoolId: string, actionId: string): Promise<void> {
  if (!(await repository.deleteAction(deps.db.kysely, schoolId, actionId))) throw new AppError('not_found');
}

// ---- my actions ----------------------------------------------------------------------------------

/**
 * The caller's actions in the schools where they still hold a role: open and in-progress ones first by
 * due date (none last), then the ones closed (done, dropped) in the last 30 days, most recent first.
 */
export async function listMyActions(deps: Deps, userId: string): Promise<MyActions> {
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const { today } = schoolTodayAt(deps.clock.now());
  const rows = await repository.listActionsOfOwner(db, userId, isoInstant(new Date(now.getTime() - CLOSED_ACTIONS_SHOWN_DAYS * DAY_MS)));
  const catalogue = await aspectCatalogue(
    db,
    rows.map((row) => row.goal_model_id),
  );
  const isOpen = (status: string) => status === 'open' || status === 'in_progress';
  const lastChange = (row: (typeof rows)[number]) => row.completed_at ?? row.updated_at;
  const sorted = [...rows].sort((a, b) => {
    if (isOpen(a.status) !== isOpen(b.status)) return isOpen(a.status) ? -1 : 1;
    if (isOpen(a.status)) return byDueDate({ dueOn: a.due_on }, { dueOn: b.due_on }) || a.id.localeCompare(b.id);
    return lastChange(b).localeCompare(lastChange(a)) || a.id.localeCompare(b.id);
  });
  return {
    today,
    actions: sorted.map((row) => ({
      ...actionOf(row, today),
      school: { id: row.school_id, name: row.school_name },
      goal: {
        id: row.goal_id,
        title: row.goal_title,
        aspectName: row.goal_aspect_id === null ? null : (aspectInfoOf(catalogue, row.goal_model_id, row.goal_aspect_id)?.name ?? { nl: row.goal_aspect_id, en: row.goal_aspect_id }),
      },
    })),
  };
}
