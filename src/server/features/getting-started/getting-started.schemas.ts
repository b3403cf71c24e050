import { z } from 'zod';

// GET  /api/schools/:schoolId/getting-started        school.getting_started   → gettingStartedSchema
// POST /api/schools/:schoolId/getting-started/hide   school.getting_started   → gettingStartedSchema (409 until every step is done)

/** The first steps of a new school, in the order the checklist shows them. */
export const FIRST_STEPS = ['locations', 'classes', 'staff', 'pupils', 'selfscan'] as const;
/** One first step. */
export type FirstStep = (typeof FIRST_STEPS)[number];

/** The checklist: each step done or not (computed from the school's data), and whether it was hidden. */
export const gettingStartedSchema = z.object({
  steps: z.array(z.object({ step: z.enum(FIRST_STEPS), isDone: z.boolean() })),
  allDone: z.boolean(),
  hidden: z.boolean(),
});
/** The getting-started checklist. */
export type GettingStarted = z.infer<typeof gettingStartedSchema>;
