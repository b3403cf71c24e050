import { z } from 'zod';
import {
  ACTION_STATUSES,
  GOAL_STATUSES,
  IMPLEMENTATION_PHASES,
  KOTTER_STEPS,
  PLAN_LIMITS,
  TRAINING_KINDS,
  UNTRAINED_AFTER_MONTHS_RANGE,
  WORKING_GROUP_ROLES,
} from '../../../shared/plan';
import { localizedTextSchema } from '../../../shared/selfscan-model';
import { multiLineTextSchema, schoolYearSchema, singleLineTextSchema } from '../../http/common.schemas';

// The implementation plan's API (features/plan). Routes, with their policy (src/server/auth/policy.ts):
//
//   GET    /api/schools/:schoolId/plan?schoolYear=                     school.plan.read   → planOverviewSchema
//   PUT    /api/schools/:schoolId/plan/phases                           school.plan.edit   phasesBodySchema → planOverviewSchema
//   POST   /api/schools/:schoolId/plan/moments                          school.plan.edit   momentBodySchema → 201 momentSchema
//   DELETE /api/schools/:schoolId/plan/moments/:momentId                school.plan.edit   → 204
//   PUT    /api/schools/:schoolId/plan/working-group/:userId            school.plan.team.manage  workingGroupBodySchema → workingGroupMemberSchema
//   DELETE /api/schools/:schoolId/plan/working-group/:userId            school.plan.team.manage  → 204
//   POST   /api/schools/:schoolId/plan/goals                            school.plan.edit   createGoalSchema → 201 goalSchema
//   PATCH  /api/schools/:schoolId/plan/goals/:goalId                    school.plan.edit   updateGoalSchema → goalSchema
//   DELETE /api/schools/:schoolId/plan/goals/:goalId                    school.plan.edit   → 204 (its actions go too)
//   POST   /api/schools/:schoolId/plan/goals/:goalId/actions            school.plan.edit   createActionSchema → 201 actionSchema
//   PATCH  /api/schools/:schoolId/plan/actions/:actionId                school.plan.edit   updateActionSchema → actionSchema
//   DELETE /api/schools/:schoolId/plan/actions/:actionId                school.plan.edit   → 204
//   GET    /api/schools/:schoolId/plan/export.pdf?schoolYear=&lang=     school.plan.read   → application/pdf (audited plan.exported)
//   GET    /api/schools/:schoolId/plan/actions.xlsx?schoolYear=&lang=   school.plan.read   → .xlsx workbook (audited plan.exported)
//   GET    /api/schools/:schoolId/plan/actions.csv?schoolYear=&lang=    school.plan.read   → text/csv (audited plan.exported)
//   GET    /api/schools/:schoolId/trainings                             school.training.read   → trainingRegisterSchema
//   POST   /api/schools/:schoolId/trainings                             school.training.manage trainingBodySchema → 201 trainingSchema
//   PUT    /api/schools/:schoolId/trainings/:trainingId                 school.training.manage trainingBodySchema → trainingSchema
//   DELETE /api/schools/:schoolId/trainings/:trainingId                 school.training.manage → 204
//   GET    /api/schools/:schoolId/trainings/coverage                    school.training.read   → trainingCoverageSchema
//   GET    /api/boards/:boardId/plan-rollup                             board.plan.rollup  → boardPlanRollupSchema (audited)
//   GET    /api/me/actions                                              authenticated      → myActionsSchema
//   GET    /api/me/plan-preferences                                     authenticated      → planPreferencesSchema
//   PUT    /api/me/plan-preferences                                     authenticated      planPreferencesBodySchema → planPreferencesSchema
//   POST   /api/me/calendar-feed                                        authenticated      → 201 calendarFeedCreatedSchema (new token; the old one stops)
//   DELETE /api/me/calendar-feed                                        authenticated      → 204
//   GET    /api/calendar/:token                                         public (the token) → text/calendar: the owner's open actions with a due date
//
// School settings (features/school-settings) carry sharesPlanWithTeam, sharesPlanWithBoard, untrainedAfterMonths.

/** A calendar date, YYYY-MM-DD. */
const dateSchema = z.iso.date();

/** A plan text: trimmed, not empty. */
const titleSchema = singleLineTextSchema.min(1).max(PLAN_LIMITS.titleMax);

export const planQuerySchema = z.strictObject({ schoolYear: schoolYearSchema.optional() });
export const exportQuerySchema = z.strictObject({ schoolYear: schoolYearSchema.optional(), lang: z.enum(['nl', 'en']).optional() });
export const momentParamsSchema = z.strictObject({ schoolId: z.uuid(), momentId: z.uuid() });
export const memberParamsSchema = z.strictObject({ schoolId: z.uuid(), userId: z.uuid() });
export const goalParamsSchema = z.strictObject({ schoolId: z.uuid(), goalId: z.uuid() });
export const actionParamsSchema = z.strictObject({ schoolId: z.uuid(), actionId: z.uuid() });
export const trainingParamsSchema = z.strictObject({ schoolId: z.uuid(), trainingId: z.uuid() });
/** The calendar token: 43 base64url characters (256 bits). */
export const calendarParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** A person as the plan shows them. */
export const personSchema = z.object({ id: z.string(), name: z.string() });
/** A person as the plan shows them. */
export type PlanPerson = z.infer<typeof personSchema>;

/** The dates of one phase. */
export const phaseDatesSchema = z.object({ phase: z.enum(IMPLEMENTATION_PHASES), startsOn: dateSchema, endsOn: dateSchema.nullable() });
/** The dates of one implementation phase. */
export type PlanPhaseDates = z.infer<typeof phaseDatesSchema>;

/** Replacing the phase dates: every phase given is stored, a phase left out is removed; each end after its start. */
export const phasesBodySchema = z.strictObject({
  phases: z
    .array(z.strictObject({ phase: z.enum(IMPLEMENTATION_PHASES), startsOn: dateSchema, endsOn: dateSchema.nullable() }))
    .max(IMPLEMENTATION_PHASES.length)
    .refine((phases) => new Set(phases.map((p) => p.phase)).size === phases.length, { message: 'phases must not repeat' })
    .refine((phases) => phases.every((p) => p.endsOn === null || p.endsOn >= p.startsOn), { message: 'a phase ends after it starts' }),
});
/** Replacing the phase dates. */
export type PhasesBody = z.infer<typeof phasesBodySchema>;

/** A monitoring moment on the timeline. */
export const momentSchema = z.object({ id: z.string(), onDate: dateSchema, title: z.string() });
/** A monitoring moment. */
export type PlanMoment = z.infer<typeof momentSchema>;
/** Adding a monitoring moment to the timeline. */
export const momentBodySchema = z.strictObject({ onDate: dateSchema, title: singleLineTextSchema.min(1).max(PLAN_LIMITS.momentTitleMax) });
/** Adding a monitoring moment. */
export type MomentBody = z.infer<typeof momentBodySchema>;

/** A member of the working group. */
export const workingGroupMemberSchema = z.object({ userId: z.string(), name: z.string(), role: z.enum(WORKING_GROUP_ROLES) });
/** A member of the working group. */
export type WorkingGroupMember = z.infer<typeof workingGroupMemberSchema>;
export const workingGroupBodySchema = z.strictObject({ role: z.enum(WORKING_GROUP_ROLES) });

/** A self-scan round on the timeline. */
export const timelineRoundSchema = z.object({ id: z.string(), name: z.string(), opensOn: dateSchema, closesOn: dateSchema });

/** An action of the plan. `overdue`: open or in progress with a due date before today (school time). */
export const actionSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  title: z.string(),
  owner: personSchema.nullable(),
  dueOn: dateSchema.nullable(),
  status: z.enum(ACTION_STATUSES),
  kotterStep: z.enum(KOTTER_STEPS).nullable(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
});
/** An action of the plan. */
export type PlanAction = z.infer<typeof actionSchema>;

/** A goal of the plan with its actions. Aspect goals carry the aspect's name and the latest agreed placement. */
export const goalSchema = z.object({
  id: z.string(),
  schoolYear: z.string(),
  kind: z.enum(['aspect', 'free']),
  aspect: z
    .object({
      aspectId: z.string(),
      modelId: z.string().nullable(),
      name: localizedTextSchema,
      layer: z.number().int().nullable(),
      targetPhase: z.number().int().min(1).max(4),
      /** The phase agreed for this aspect in the school's latest round that agreed one, if any. */
      latestConsensus: z.object({ phase: z.number().int(), roundId: z.string(), roundName: z.string(), recordedAt: z.string() }).nullable(),
    })
    .nullable(),
  title: z.string().nullable(),
  sourceRoundId: z.string().nullable(),
  owner: personSchema.nullable(),
  status: z.enum(GOAL_STATUSES),
  evidence: z.string(),
  actions: z.array(actionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A goal with its actions. */
export type PlanGoal = z.infer<typeof goalSchema>;

/**
 * Creating a goal: from a self-scan round's next goal (one click: the target phase comes from the round's goal
 * choice) or in the school's own words. Without `schoolYear` the goal is for the current school year.
 */
export const createGoalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('aspect'),
    roundId: z.uuid(),
    aspectId: z.string().min(1).max(100),
    schoolYear: schoolYearSchema.optional(),
    ownerUserId: z.uuid().nullable().optional(),
    title: titleSchema.nullable().optional(),
  }),
  z.strictObject({
    kind: z.literal('free'),
    title: titleSchema,
    schoolYear: schoolYearSchema.optional(),
    ownerUserId: z.uuid().nullable().optional(),
  }),
]);
/** Creating a goal (from a round's aspect or in the school's own words). */
export type CreateGoalBody = z.infer<typeof createGoalSchema>;

/** Changing a goal: the fields given change (at least one). */
export const updateGoalSchema = z
  .strictObject({
    title: titleSchema.nullable().optional(),
    schoolYear: schoolYearSchema.optional(),
    ownerUserId: z.uuid().nullable().optional(),
    status: z.enum(GOAL_STATUSES).optional(),
    evidence: multiLineTextSchema.trim().max(PLAN_LIMITS.evidenceMax).optional(),
    targetPhase: z.number().int().min(1).max(4).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field' });
/** Changing a goal. */
export type UpdateGoalBody = z.infer<typeof updateGoalSchema>;

export const createActionSchema = z.strictObject({
  title: titleSchema,
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: dateSchema.nullable().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  kotterStep: z.enum(KOTTER_STEPS).nullable().optional(),
});
/** Creating an action under a goal. */
export type CreateActionBody = z.infer<typeof createActionSchema>;

/** Changing an action: the fields given change (at least one). */
export const updateActionSchema = z
  .strictObject({
    title: titleSchema.optional(),
    ownerUserId: z.uuid().nullable().optional(),
    dueOn: dateSchema.nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    kotterStep: z.enum(KOTTER_STEPS).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field' });
/** Changing an action. */
export type UpdateActionBody = z.infer<typeof updateActionSchema>;

/** The plan of a school for one school year, with everything the plan pages show. */
export const planOverviewSchema = z.object({
  schoolId: z.string(),
  schoolYear: z.string(),
  /** Every school year that has goals, plus the current one, newest first. */
  schoolYears: z.array(z.string()),
  today: dateSchema,
  /** The phase whose start is the latest one on or before today, or null. */
  currentPhase: z.enum(IMPLEMENTATION_PHASES).nullable(),
  phases: z.array(phaseDatesSchema),
  moments: z.array(momentSchema),
  rounds: z.array(timelineRoundSchema),
  /** The school's measurement waves (effect evaluation), of every school year. */
  waves: z.array(timelineRoundSchema),
  workingGroup: z.array(workingGroupMemberSchema),
  goals: z.array(goalSchema),
  /** What the caller may do here. */
  canEdit: z.boolean(),
  canManageTeam: z.boolean(),
  sharedWithTeam: z.boolean(),
  /** The school's staff to choose owners and members from (only for editors; empty otherwise). */
  people: z.array(personSchema),
});
/** The plan of a school for one school year, as the plan pages show it. */
export type PlanOverview = z.infer<typeof planOverviewSchema>;

/** One of my actions, across all my schools. */
export const myActionSchema = actionSchema.extend({
  school: z.object({ id: z.string(), name: z.string() }),
  goal: z.object({ id: z.string(), title: z.string().nullable(), aspectName: localizedTextSchema.nullable() }),
});
/** My open actions (open, in progress) first by due date, then the closed ones of the last 30 days. */
export const myActionsSchema = z.object({ today: dateSchema, actions: z.array(myActionSchema) });
/** The caller's own actions across their schools. */
export type MyActions = z.infer<typeof myActionsSchema>;

export const planPreferencesSchema = z.object({
  digestOptOut: z.boolean(),
  calendarFeed: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
});
/** A person's plan preferences: the digest opt-out and the calendar feed. */
export type PlanPreferences = z.infer<typeof planPreferencesSchema>;
export const planPreferencesBodySchema = z.strictObject({ digestOptOut: z.boolean() });
/** The new feed's address: shown once (only its hash is stored). */
export const calendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: z.string() });
/** A new calendar feed's address, shown once. */
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;

/** A training in the register. */
export const trainingSchema = z.object({
  id: z.string(),
  kind: z.enum(TRAINING_KINDS),
  title: z.string().nullable(),
  heldOn: dateSchema,
  participants: z.array(personSchema),
  partners: z.array(z.string()),
});
/** A training as the register shows it. */
export type Training = z.infer<typeof trainingSchema>;

/** Recording or changing a training: participants are staff of the school; `custom` needs a title. */
export const trainingBodySchema = z
  .strictObject({
    kind: z.enum(TRAINING_KINDS),
    title: titleSchema.nullable().optional(),
    heldOn: dateSchema,
    participantUserIds: z
      .array(z.uuid())
      .max(PLAN_LIMITS.participantsMax)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'participants must not repeat' }),
    partners: z.array(singleLineTextSchema.min(1).max(PLAN_LIMITS.organisationMax)).max(PLAN_LIMITS.partnersMax),
  })
  .refine((body) => body.kind !== 'custom' || (body.title ?? '').length > 0, { message: 'a custom training needs a title', path: ['title'] });
/** Recording or changing a training. */
export type TrainingBody = z.infer<typeof trainingBodySchema>;

/**
 * Training coverage (computed by `computeTrainingCoverage`, training-coverage.ts). Only current staff count
 * (a school role now, account not disabled); "full training" = FULL_TRAINING_KINDS.
 */
export const trainingCoverageSchema = z.object({
  today: dateSchema,
  untrainedAfterMonths: z.number().int(),
  currentStaff: z.number().int(),
  fullyTrained: z.number().int(),
  /** fullyTrained / currentStaff, 0..1; null without staff. */
  share: z.number().nullable(),
  /** Joined more than N months ago and not fully trained: the ones to plan a training for now. */
  untrainedOverdue: z.array(z.object({ userId: z.string(), name: z.string(), joinedOn: dateSchema })),
  /** Joined within the last N months and not yet fully trained, with the date they should be trained by. */
  newStaffWithinGrace: z.array(z.object({ userId: z.string(), name: z.string(), joinedOn: dateSchema, trainBy: dateSchema })),
  /** Partner organisations that took part in any training, with their latest one. */
  partnersTrained: z.array(z.object({ organisation: z.string(), lastTrainedOn: dateSchema, trainings: z.number().int() })),
});
/** The training coverage figures of one school. */
export type TrainingCoverage = z.infer<typeof trainingCoverageSchema>;

/** The register page: trainings (newest first), the coverage and the staff to pick participants from. */
export const trainingRegisterSchema = z.object({
  trainings: z.array(trainingSchema),
  coverage: trainingCoverageSchema,
  staff: z.array(personSchema),
});
/** The register page: trainings, coverage and the staff to pick from. */
export type TrainingRegister = z.infer<typeof trainingRegisterSchema>;

/** Per school of the board that shares its plan; schools that do not share are only counted. */
export const boardPlanRollupSchema = z.object({
  schools: z.array(
    z.object({
      schoolId: z.string(),
      name: z.string(),
      currentPhase: z.enum(IMPLEMENTATION_PHASES).nullable(),
      schoolYear: z.string(),
      goalsAchieved: z.number().int(),
      goalsTotal: z.number().int(),
      overdueActions: z.number().int(),
      training: z.object({ currentStaff: z.number().int(), fullyTrained: z.number().int(), share: z.number().nullable() }),
    }),
  ),
  notSharing: z.number().int(),
});
/** The board's roll-up of the plans of its schools that share them. */
export type BoardPlanRollup = z.infer<typeof boardPlanRollupSchema>;

/** The bounds of the school setting N (untrained after N months). */
export const untrainedAfterMonthsSchema = z.number().int().min(UNTRAINED_AFTER_MONTHS_RANGE.min).max(UNTRAINED_AFTER_MONTHS_RANGE.max);
