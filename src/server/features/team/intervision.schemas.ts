import { z } from 'zod';
import { INTERVISION_KINDS, INTERVISION_LIMITS, TSO_CORE_CONCEPTS } from '../../../shared/intervision';
import { multiLineTextSchema, schoolDateSchema, schoolParamsSchema, singleLineTextSchema } from '../../http/common.schemas';

// The contract of the intervision and supervision log (issue 17).
//   GET    /api/schools/:schoolId/team/intervision                       → intervisionLogSchema (school.team: the caller's sessions)
//   POST   /api/schools/:schoolId/team/intervision/sessions              → 201 intervisionSessionSchema (school.team)
//   GET    /api/schools/:schoolId/team/intervision/sessions/:sessionId   → participants and the recorder only
//   PUT    /api/schools/:schoolId/team/intervision/sessions/:sessionId   → the recorder only
//   DELETE /api/schools/:schoolId/team/intervision/sessions/:sessionId   → 204, the recorder only
//   GET    /api/schools/:schoolId/team/intervision/figures               → counts per school year (school.team.figures)

export const sessionParamsSchema = schoolParamsSchema.extend({ sessionId: z.uuid() });

export const sessionBodySchema = z.strictObject({
  heldOn: schoolDateSchema,
  kind: z.enum(INTERVISION_KINDS),
  coreConcept: z.enum(TSO_CORE_CONCEPTS),
  /** What the session was about; no pupil's name unless the care team runs it. Stored encrypted. */
  theme: singleLineTextSchema.min(1).max(INTERVISION_LIMITS.theme),
  /** A short note; no pupil's name unless the care team runs it. Stored encrypted. */
  note: multiLineTextSchema.pipe(z.string().trim().max(INTERVISION_LIMITS.note)).default(''),
  /** Staff of the school who took part. */
  participantIds: z
    .array(z.uuid())
    .min(1)
    .max(INTERVISION_LIMITS.participants)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'a participant must not repeat' }),
  /** Only a care-team member may set it; then theme and note may name a pupil. */
  isCareTeamRun: z.boolean().default(false),
});
export type SessionBody = z.input<typeof sessionBodySchema>;
export type SessionFields = z.output<typeof sessionBodySchema>;

const personSchema = z.object({ id: z.string(), name: z.string() });

export const intervisionSessionSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(INTERVISION_KINDS),
  coreConcept: z.enum(TSO_CORE_CONCEPTS),
  theme: z.string(),
  note: z.string(),
  isCareTeamRun: z.boolean(),
  participants: z.array(personSchema),
  recordedBy: personSchema.nullable(),
  /** Whether the caller recorded it (and so may change or remove it). */
  isRecordedByMe: z.boolean(),
});
export type IntervisionSession = z.infer<typeof intervisionSessionSchema>;

export const intervisionLogSchema = z.object({
  sessions: z.array(intervisionSessionSchema),
  /** The school's staff to pick participants from. */
  colleagues: z.array(personSchema),
  /** Whether the caller is on the care team (and so may mark a session as run by it). */
  canMarkCareTeamRun: z.boolean(),
});
export type IntervisionLog = z.infer<typeof intervisionLogSchema>;

export const intervisionFiguresSchema = z.object({
  minGroupSize: z.number(),
  years: z.array(
    z.object({
      schoolYear: z.string(),
      sessions: z.number(),
      intervision: z.number(),
      supervision: z.number(),
      /** Distinct people who took part; null under k (a count of people). */
      participants: z.number().nullable(),
      /** Sessions per TSO core concept (only concepts that came up). */
      concepts: z.array(z.object({ concept: z.enum(TSO_CORE_CONCEPTS), sessions: z.number() })),
    }),
  ),
});
export type IntervisionFigures = z.infer<typeof intervisionFiguresSchema>;
