// The implementation plan and training pages of a school, a board and a person, loaded as one chunk when one of
// them is first shown (src/web/app.tsx).
export { MyActionsPage } from './my-actions-page';
export { PlanPage } from './plan-page';
export { PlanTimelinePage } from './plan-timeline-page';
export { PlanTeamPage } from './plan-team-page';
export { PlanPrintPage } from './plan-print-page';
export { TrainingPage } from './training-page';
export { BoardPlanPage } from './board-plan-page';
