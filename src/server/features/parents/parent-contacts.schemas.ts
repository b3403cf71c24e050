import { z } from 'zod';
import { PARENT_CONTACT_KINDS, PARENT_CONTACT_LIMITS } from '../../../shared/parent-contacts';
import { multiLineTextSchema, schoolDateSchema, schoolParamsSchema, singleLineTextSchema } from '../../http/common.schemas';

// The contract of the contact log with parents (issue 16): what the routes accept and answer. Types are exported for
// the web app; the enrolment conversation guide is plain data in shared/parent-contacts.ts.

export const parentContactPupilParamsSchema = schoolParamsSchema.extend({ pupilId: z.uuid() });
export const parentContactParamsSchema = parentContactPupilParamsSchema.extend({ contactId: z.uuid() });

const withWhomSchema = singleLineTextSchema.min(1).max(PARENT_CONTACT_LIMITS.withWhom);
const topicSchema = singleLineTextSchema.min(1).max(PARENT_CONTACT_LIMITS.topic);
const noteSchema = multiLineTextSchema.pipe(z.string().max(PARENT_CONTACT_LIMITS.note));
const careNotesSchema = multiLineTextSchema.pipe(z.string().max(PARENT_CONTACT_LIMITS.careNotes));

export const addParentContactBodySchema = z.strictObject({
  /** The day of the contact: today or earlier. */
  heldOn: schoolDateSchema,
  kind: z.enum(PARENT_CONTACT_KINDS),
  /** With whom, as a short label ("moeder", "vader en stiefmoeder"). */
  withWhom: withWhomSchema,
  /** What it was about, in a few words. */
  topic: topicSchema,
  /** The enrolment conversation about the life course of pupil and parents. */
  isEnrolment: z.boolean().default(false),
  /** A short note the pupil's teachers and the care team read. */
  note: noteSchema.default(''),
  /** The care team's own notes (the care team only: a teacher's non-empty text is refused). */
  careNotes: careNotesSchema.default(''),
  /** When to get back to the parents; on or after the day of the contact. */
  followUpOn: schoolDateSchema.nullable().default(null),
});
export type AddParentContactBody = z.input<typeof addParentContactBodySchema>;
/** A new contact's fields once validated (defaults filled in). */
export type ParentContactFields = z.output<typeof addParentContactBodySchema>;

/** Changes to a contact; what is left out stays as it is. A new follow-up date opens the follow-up again. */
export const changeParentContactBodySchema = z.strictObject({
  heldOn: schoolDateSchema.optional(),
  kind: z.enum(PARENT_CONTACT_KINDS).optional(),
  withWhom: withWhomSchema.optional(),
  topic: topicSchema.optional(),
  isEnrolment: z.boolean().optional(),
  note: noteSchema.optional(),
  /** The care team only: a teacher who sends it is refused (they never read it, so they cannot change it). */
  careNotes: careNotesSchema.optional(),
  followUpOn: schoolDateSchema.nullable().optional(),
});
export type ChangeParentContactBody = z.input<typeof changeParentContactBodySchema>;

/** Marks the follow-up of a contact done, or open again. */
export const parentContactFollowUpBodySchema = z.strictObject({ done: z.boolean() });
export type ParentContactFollowUpBody = z.input<typeof parentContactFollowUpBodySchema>;

/** By which right the caller reads the log: the care team (every pupil, the care notes too) or as the pupil's teacher. */
export const parentContactAccessSchema = z.enum(['care_team', 'teacher']);
export type ParentContactAccess = z.infer<typeof parentContactAccessSchema>;

/** One contact as the caller may see it: `careNotes` is null for everyone but the care team. */
export const parentContactSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(PARENT_CONTACT_KINDS),
  withWhom: z.string(),
  topic: z.string(),
  isEnrolment: z.boolean(),
  note: z.string(),
  careNotes: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  /** The follow-up date has come and the follow-up is not done. */
  isFollowUpDue: z.boolean(),
  createdByName: z.string().nullable(),
  /** Whether the caller may change or remove it: its author, or anyone of the care team. */
  mayChange: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ParentContact = z.infer<typeof parentContactSchema>;

/** A pupil's contact log: the pupil, by which right the caller reads it, and the contacts (newest first). */
export const parentContactLogSchema = z.object({
  pupil: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), className: z.string().nullable() }),
  access: parentContactAccessSchema,
  contacts: z.array(parentContactSchema),
});
export type ParentContactLog = z.infer<typeof parentContactLogSchema>;

/** The "Ouders" list: the pupils the caller may see with where their contact with the parents stands. */
export const parentContactsOverviewSchema = z.object({
  today: z.string(),
  pupils: z.array(
    z.object({
      pupilId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      className: z.string().nullable(),
      /** The day of the last contact; null without any. */
      lastContactOn: z.string().nullable(),
      hasEnrolmentConversation: z.boolean(),
      /** The earliest follow-up date not yet done. */
      nextFollowUpOn: z.string().nullable(),
      isFollowUpDue: z.boolean(),
    }),
  ),
});
export type ParentContactsOverview = z.infer<typeof parentContactsOverviewSchema>;

const coverageCountsSchema = z.object({ pupils: z.number(), withRecentContact: z.number(), withEnrolmentConversation: z.number() });

/** Evidence for the aspect "relationships with parents": counts of pupils only, under the k rule. */
export const parentContactCoverageSchema = z.object({
  minGroupSize: z.number(),
  schoolYear: z.string(),
  /** A contact counts as recent when held on or after this day (three months back on the school calendar). */
  recentSince: z.string(),
  /** Null when the school has fewer than k pupils placed this school year. */
  school: coverageCountsSchema.nullable(),
  classes: z.array(z.object({ classId: z.string(), className: z.string(), figures: coverageCountsSchema.nullable() })),
});
export type ParentContactCoverage = z.infer<typeof parentContactCoverageSchema>;
