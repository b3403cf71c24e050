import { z } from 'zod';
import { MAX_JSON_BODY_BYTES } from '../../../shared/limits';
import { SCHOOL_ROLES } from '../../../shared/roles';
import { STAFF_IMPORT_ACTIONS, STAFF_IMPORT_ERROR_CODES, STAFF_IMPORT_FIELDS } from '../../../shared/staff-import';
import { emailSchema, nameSchema } from '../../http/common.schemas';

/** Route params naming a staff member of a school. */
export const staffParamsSchema = z.strictObject({ schoolId: z.uuid(), userId: z.uuid() });
/** Route params naming an invitation of a school. */
export const invitationParamsSchema = z.strictObject({ schoolId: z.uuid(), invitationId: z.uuid() });
/** Route params naming one of the caller's own invitations. */
export const myInvitationParamsSchema = z.strictObject({ invitationId: z.uuid() });
/** Route params naming a role grant of a school. */
export const roleGrantParamsSchema = z.strictObject({ schoolId: z.uuid(), grantId: z.uuid() });
/** Route params naming a teacher of a class. */
export const classTeacherParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), userId: z.uuid() });
/** Linking a teacher of the school to a class. */
export const classTeacherBodySchema = z.strictObject({ userId: z.uuid() });
/** The teachers linked to a class. */
export const classTeachersSchema = z.object({ classId: z.string(), teacherUserIds: z.array(z.string()) });
/** A class with the ids of its teachers. */
export type ClassTeachers = z.infer<typeof classTeachersSchema>;

/** Route params naming an account of a board. */
export const accountParamsSchema = z.strictObject({ boardId: z.uuid(), userId: z.uuid() });

const schoolRoleSchema = z.enum(SCHOOL_ROLES);

/** A staff member as the school's admins and leadership see them. */
export const staffMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(schoolRoleSchema),
  /** Roles asked for that wait for a second person's approval (the care team). */
  pendingRoles: z.array(schoolRoleSchema),
  classIds: z.array(z.string()),
  /** The school blocked this person: their roles here do not count. */
  blocked: z.boolean(),
  /** The account's home board switched the whole account off. */
  accountDisabled: z.boolean(),
  /** An account made before invitations were answered in the app, whose owner has not chosen a password yet. */
  invitationPending: z.boolean(),
  /** The account belongs to another board (it joined this school by accepting an invitation). */
  fromOtherBoard: z.boolean(),
  /** The day they started at the school as the school entered it (YYYY-MM-DD), or null. */
  startedOn: z.string().nullable(),
  /** The school day of their earliest role here: what counts when no start date is entered. */
  joinedOn: z.string(),
});
/** A staff member. */
export type StaffMember = z.infer<typeof staffMemberSchema>;

/**
 * An open invitation as the inviting school sees it: never whether the address already had an account,
 * nor that account's own name — only what the inviter typed.
 */
export const invitationSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(schoolRoleSchema),
  pendingRoles: z.array(schoolRoleSchema),
  classIds: z.array(z.string()),
  /** The day the person starts at the school, if the inviter gave one. */
  startedOn: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
/** An open invitation. */
export type Invitation = z.infer<typeof invitationSchema>;

/** An invitation as the invited person sees it, signed in. */
export const myInvitationSchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  boardName: z.string(),
  roles: z.array(schoolRoleSchema),
  pendingRoles: z.array(schoolRoleSchema),
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
/** One of the caller's own open invitations. */
export type MyInvitation = z.infer<typeof myInvitationSchema>;

/** A role waiting for a second person. */
export const roleGrantSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: schoolRoleSchema,
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  /** The caller may decide: they did not ask for it and do not get it. */
  canDecide: z.boolean(),
});
/** A role grant waiting for approval. */
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** An account whose home is a board. */
export const boardAccountSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  disabled: z.boolean(),
  /** No password chosen yet. */
  invitationPending: z.boolean(),
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
});
/** An account of a board. */
export type BoardAccount = z.infer<typeof boardAccountSchema>;

const rolesSchema = z.array(schoolRoleSchema).max(SCHOOL_ROLES.length).refine((roles) => new Set(roles).size === roles.length, {
  message: 'roles must not repeat',
});

/** Inviting a person to a school with roles (and classes for teachers). */
export const inviteBodySchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  roles: rolesSchema.min(1),
  classIds: z.array(z.uuid()).max(100).default([]),
  /** The day the person starts (or started) at the school; without it they count from the day they accept. */
  startedOn: z.iso.date().nullable().default(null),
});
/** An invitation request. */
export type InviteBody = z.infer<typeof inviteBodySchema>;

/** Replacing a staff member's roles and classes in a school; no roles removes them from it. */
export const rolesBodySchema = z.strictObject({
  roles: rolesSchema,
  classIds: z.array(z.uuid()).max(100).default([]),
});

/** Setting or clearing the day a staff member started at the school. */
export const startDateBodySchema = z.strictObject({ startedOn: z.iso.date().nullable() });
/** A start date change. */
export type StartDateBody = z.infer<typeof startDateBodySchema>;

/** How an invitation's mail went: really sent (SMTP), or kept in the outbox for an administrator to pass on. */
export const mailDeliverySchema = z.enum(['sent', 'outbox']);
/** How a mail went. */
export type MailDelivery = z.infer<typeof mailDeliverySchema>;

/** The answer to inviting (or inviting again): the invitation and how its mail went. */
export const invitationSentSchema = invitationSchema.extend({ mailDelivery: mailDeliverySchema });
/** An invitation just sent. */
export type InvitationSent = z.infer<typeof invitationSentSchema>;

/** A staff CSV file (name, e-mail, roles, optional start date) to check, or — once checked — to import. */
export const staffImportBodySchema = z.strictObject({ csv: z.string().min(1).max(MAX_JSON_BODY_BYTES) });
/** A staff import request. */
export type StaffImportBody = z.infer<typeof staffImportBodySchema>;

/** One row of a staff import as the preview shows it: values, problems, and what confirming will do. */
export const staffImportRowSchema = z.object({
  line: z.number(),
  name: z.string(),
  email: z.string(),
  roles: z.array(schoolRoleSchema),
  startedOn: z.string().nullable(),
  errors: z.array(z.object({ field: z.enum([...STAFF_IMPORT_FIELDS, 'row']), code: z.enum(STAFF_IMPORT_ERROR_CODES) })),
  /** Null for a row with errors. */
  action: z.enum(STAFF_IMPORT_ACTIONS).nullable(),
});
/** One previewed row. */
export type StaffImportRowPreview = z.infer<typeof staffImportRowSchema>;

/** The preview of a staff import: nothing is written. */
export const staffImportPreviewSchema = z.object({
  /** Required columns the file lacks (then there are no rows). */
  missingColumns: z.array(z.enum(STAFF_IMPORT_FIELDS)),
  /** The file holds more rows than one import takes (MAX_STAFF_IMPORT_ROWS); only those are shown. */
  tooManyRows: z.boolean(),
  rows: z.array(staffImportRowSchema),
  errorRowCount: z.number(),
});
/** A staff import preview. */
export type StaffImportPreview = z.infer<typeof staffImportPreviewSchema>;

/** What a confirmed staff import did. */
export const staffImportResultSchema = z.object({
  invited: z.number(),
  startDatesSet: z.number(),
  unchanged: z.number(),
  mailDelivery: mailDeliverySchema,
});
/** A staff import's outcome. */
export type StaffImportResult = z.infer<typeof staffImportResultSchema>;
