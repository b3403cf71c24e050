import type { z } from 'zod';
import type { sessionResponseSchema } from '../../server/auth/auth.schemas';
import type { auditEventSchema } from '../../server/audit/audit.schemas';
import type {
  importPreviewResponseSchema,
  importResponseSchema,
  mappingSchema,
  pupilSchema,
} from '../../server/features/pupils/pupils.schemas';
import type { setupBodySchema, setupStatusSchema } from '../../server/features/setup/setup.schemas';
import type { inviteBodySchema, staffMemberSchema } from '../../server/features/staff/staff.schemas';
import type { outboxMessageSchema } from '../../server/mail/outbox.schemas';
import type {
  consensusSchema,
  goalSchema,
  modelDetailSchema,
  modelSummarySchema,
  openRoundBodySchema,
  ownRatingSchema,
  roundDetailSchema,
  roundResultsSchema,
  roundSummarySchema,
} from '../../server/features/selfscan/selfscan.schemas';
import type {
  boardResponseSchema,
  classSchema,
  locationSchema,
  schoolResponseSchema,
  schoolSummarySchema,
} from '../../server/features/tenancy/tenancy.schemas';

// Types only: the server's zod schemas are the contract, so the web app imports their inferred
// types and never the schemas themselves (nothing of the server ends up in the bundle).

/** The signed-in user, their places and the CSRF token (all empty when signed out). */
export type Session = z.infer<typeof sessionResponseSchema>;
/** The user part of a session. */
export type SessionUser = NonNullable<Session['user']>;
/** A board with its schools and their counts. */
export type Board = z.infer<typeof boardResponseSchema>;
/** One school as listed on its board's page. */
export type SchoolSummary = z.infer<typeof schoolSummarySchema>;
/** A school with its school years. */
export type School = z.infer<typeof schoolResponseSchema>;
/** A location (vestiging) of a school. */
export type Location = z.infer<typeof locationSchema>;
/** A class (groep/klas) in one school year. */
export type SchoolClass = z.infer<typeof classSchema>;
/** A staff member of a school. */
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** The first-run answer. */
export type SetupStatus = z.infer<typeof setupStatusSchema>;
/** The first-run form. */
export type SetupRequest = z.input<typeof setupBodySchema>;
/** A mail kept in the outbox because no SMTP server is configured. */
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
/** One line of the audit log. */
export type AuditEvent = z.infer<typeof auditEventSchema>;
/** A pupil as listed for staff. */
export type Pupil = z.infer<typeof pupilSchema>;
/** Which column (by header name) holds each field. */
export type ImportMapping = z.input<typeof mappingSchema>;
/** What the server saw in an import file. */
export type ImportPreview = z.infer<typeof importPreviewResponseSchema>;
/** The answer to one import batch. */
export type ImportBatchResult = z.infer<typeof importResponseSchema>;
/** Inviting a staff member. */
export type InvitationRequest = z.infer<typeof inviteBodySchema>;

/** A development model version a school can use for a self-scan. */
export type ModelSummary = z.infer<typeof modelSummarySchema>;
/** A development model version with its layers, aspects and descriptors. */
export type ModelDetail = z.infer<typeof modelDetailSchema>;
/** The model definition itself: layers → aspects → four phase descriptors. */
export type DevelopmentModel = ModelDetail['definition'];
/** A self-scan round with its progress counts (never who answered). */
export type RoundSummary = z.infer<typeof roundSummarySchema>;
/** A self-scan round with the signed-in person's own answers. */
export type RoundDetail = z.infer<typeof roundDetailSchema>;
/** One own answer; a null phase is "weet ik niet". */
export type OwnRating = z.infer<typeof ownRatingSchema>;
/** Opening a self-scan round. */
export type OpenRoundRequest = z.input<typeof openRoundBodySchema>;
/** The results of a round: aggregate, anonymous notes, consensus and goals. */
export type RoundResults = z.infer<typeof roundResultsSchema>;
/** The statistics of one aspect. */
export type AspectAggregate = RoundResults['aggregate']['aspects'][number];
/** The agreed phase of an aspect. */
export type Consensus = z.infer<typeof consensusSchema>;
/** A goal chosen after a round. */
export type SelfscanGoal = z.infer<typeof goalSchema>;

export { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportErrorCode, type ImportField } from '../../shared/pupil-import';
