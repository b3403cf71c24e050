import type { z } from 'zod';
import type {
  actionSchema,
  boardPlanRollupSchema,
  calendarFeedCreatedSchema,
  createActionSchema,
  createGoalSchema,
  goalSchema,
  momentSchema,
  myActionsSchema,
  phaseDatesSchema,
  planOverviewSchema,
  planPreferencesSchema,
  trainingBodySchema,
  trainingCoverageSchema,
  trainingRegisterSchema,
  trainingSchema,
  updateActionSchema,
  updateGoalSchema,
  workingGroupMemberSchema,
} from '../../server/features/plan/plan.schemas';

// Types of the implementation plan's API, inferred from the server's zod schemas (type-only: no server code in the bundle).

export type PlanOverview = z.infer<typeof planOverviewSchema>;
export type PlanGoal = z.infer<typeof goalSchema>;
export type PlanAction = z.infer<typeof actionSchema>;
export type PlanMoment = z.infer<typeof momentSchema>;
export type PlanPhaseDates = z.infer<typeof phaseDatesSchema>;
export type WorkingGroupMember = z.infer<typeof workingGroupMemberSchema>;
export type CreateGoalBody = z.input<typeof createGoalSchema>;
export type UpdateGoalBody = z.input<typeof updateGoalSchema>;
export type CreateActionBody = z.input<typeof createActionSchema>;
export type UpdateActionBody = z.input<typeof updateActionSchema>;
export type MyActions = z.infer<typeof myActionsSchema>;
export type PlanPreferences = z.infer<typeof planPreferencesSchema>;
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;
export type Training = z.infer<typeof trainingSchema>;
export type TrainingBody = z.input<typeof trainingBodySchema>;
export type TrainingCoverage = z.infer<typeof trainingCoverageSchema>;
export type TrainingRegister = z.infer<typeof trainingRegisterSchema>;
export type BoardPlanRollup = z.infer<typeof boardPlanRollupSchema>;
