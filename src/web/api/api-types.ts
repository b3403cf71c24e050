// Types only: the server's zod schemas are the contract and each `*.schemas.ts` exports the types it infers,
// so the web app re-exports those (never the schemas themselves: nothing of the server ends up in the bundle).
import type { SessionResponse } from '../../server/auth/auth.schemas';
import type { ModelDetail, RoundResults } from '../../server/features/selfscan/selfscan.schemas';

export type { SessionResponse as Session } from '../../server/auth/auth.schemas';
export type { AuditEvent } from '../../server/audit/audit.schemas';
export type { NextSchoolYearState, PreparationPreview, YearClassChoice } from '../../server/features/school-year/school-year.schemas';
export type { ClassChoice, ImportBatchResult, ImportComparison, ImportMapping, Pupil, PupilDetails, PupilStatus, StagedImport } from '../../server/features/pupils/pupils.schemas';
export type { SetupRequest, SetupStatus } from '../../server/features/setup/setup.schemas';
export type {
  BoardAccount,
  ClassTeachers,
  Invitation,
  InvitationSent,
  InviteBody as InvitationRequest,
  MyInvitation,
  RoleGrant,
  StaffImportPreview,
  StaffImportResult,
  StaffMember,
} from '../../server/features/staff/staff.schemas';
export type { FirstStep, GettingStarted } from '../../server/features/getting-started/getting-started.schemas';
export type { OutboxMessage } from '../../server/mail/outbox.schemas';
export type {
  AudienceSize,
  Consensus,
  ModelDetail,
  ModelSummary,
  OpenRoundRequest,
  OwnRating,
  ReminderSent,
  RoundDetail,
  RoundResults,
  RoundSummary,
  SelfscanGoal,
} from '../../server/features/selfscan/selfscan.schemas';
export type { Board, Location, School, SchoolClass, SchoolSummary } from '../../server/features/tenancy/tenancy.schemas';

/** The user part of a session. */
export type SessionUser = NonNullable<SessionResponse['user']>;
/** The model definition itself: layers → aspects → four phase descriptors. */
export type DevelopmentModel = ModelDetail['definition'];
/** One aspect of the whole team: its figures, or `{ hidden: true }` without any number (fewer than k ratings). */
export type TeamAspectCell = RoundResults['aggregate']['aspects'][number];
/** One aspect of a role group: its figures, or hidden under the k rule. */
export type AspectCell = RoundResults['aggregate']['groups'][number]['aspects'][number];

export { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportErrorCode, type ImportField } from '../../shared/pupil-import';
