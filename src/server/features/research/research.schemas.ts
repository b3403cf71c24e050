import { z } from 'zod';
import { definitionIdSchema, localizedTextSchema } from '../../../shared/definition-schemas';
import { nameSchema, schoolParamsSchema } from '../../http/common.schemas';

/** A study the school joins. */
export const studySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type Study = z.infer<typeof studySchema>;

/** What the research page shows: the studies, what can be exported, and who objected. */
export const researchOverviewSchema = z.object({
  studies: z.array(studySchema),
  /** Instruments of the school's closed waves, with how many waves asked each. */
  instruments: z.array(z.object({ id: z.string(), name: localizedTextSchema, waves: z.number().int() })),
  /** Pupils whose answers stay out of every study, with their name (for the data steward only). */
  objections: z.array(z.object({ pupilId: z.string(), name: z.string(), recordedOn: z.string() })),
});
export type ResearchOverview = z.infer<typeof researchOverviewSchema>;

export const studyBodySchema = z.strictObject({ name: nameSchema });
export const objectionParamsSchema = schoolParamsSchema.extend({ pupilId: z.uuid() });
export const studyExportParamsSchema = schoolParamsSchema.extend({ studyId: z.uuid(), instrumentId: definitionIdSchema });
