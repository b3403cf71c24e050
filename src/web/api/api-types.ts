import type { z } from 'zod';
import type { sessionResponseSchema } from '../../server/auth/auth.schemas';
import type { staffMemberSchema } from '../../server/features/staff/staff.schemas';
import type {
  boardResponseSchema,
  classSchema,
  locationSchema,
  schoolResponseSchema,
  schoolSummarySchema,
} from '../../server/features/tenancy/tenancy.schemas';
import type { SchoolKind, SchoolRole } from '../../shared/roles';

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
export interface SetupStatus {
  needsSetup: boolean;
}

/** The first-run form. */
export interface SetupRequest {
  boardName: string;
  schoolName: string;
  schoolKind: SchoolKind;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}

/** A mail kept in the outbox because no SMTP server is configured. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** One line of the audit log. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: string | null;
}

/** A pupil as listed for staff. */
export interface Pupil {
  id: string;
  pupilNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  classId: string | null;
  className: string | null;
}

/** The fields a pupil import fills, in the order the wizard shows them. */
export const IMPORT_FIELDS = ['pupilNumber', 'firstName', 'lastName', 'prefix', 'birthDate', 'className'] as const;
/** One field of a pupil import. */
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Fields an import cannot do without. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['pupilNumber', 'firstName', 'lastName'];

/** Which column (by header name) holds each field. */
export interface ImportMapping {
  pupilNumber: string;
  firstName: string;
  lastName: string;
  prefix?: string | null;
  birthDate?: string | null;
  className?: string | null;
}

/** Why a row of an import file cannot be imported. */
export type ImportErrorCode = 'missing' | 'invalid_date' | 'duplicate_number' | 'too_long' | 'column_count';

/** What the server saw in an import file. */
export interface ImportPreview {
  headers: string[];
  mapping: ImportMapping | null;
  totalRows: number;
  validCount: number;
  errorCount: number;
  sample: { line: number; pupilNumber: string; firstName: string; lastName: string; birthDate: string | null; className: string | null }[];
  errors: { line: number; field: ImportField | 'row' | string; code: ImportErrorCode }[];
}

/** The answer to one import batch. */
export interface ImportBatchResult {
  total: number;
  processed: number;
  done: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

/** Inviting a staff member. */
export interface InvitationRequest {
  email: string;
  name: string;
  roles: SchoolRole[];
  classIds: string[];
}
