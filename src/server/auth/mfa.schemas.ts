import { z } from 'zod';

/** Where a session stands with two-step verification (see auth/mfa.service.ts). */
export const MFA_STATUSES = ['complete', 'code_needed', 'enrollment_needed'] as const;

/** A session's MFA state as the SPA sees it (null when signed out). */
export const mfaStateSchema = z.object({
  status: z.enum(MFA_STATUSES),
  enabled: z.boolean(),
  required: z.boolean(),
  enforced: z.boolean(),
});

/** A typed code: six TOTP digits or a recovery code (spaces and dashes allowed). */
export const mfaCodeBodySchema = z.strictObject({
  code: z.string().trim().min(6).max(64),
});

/** Confirming enrollment: the first code, and the password again (a change to how the account signs in). */
export const mfaEnrollmentConfirmSchema = z.strictObject({
  code: z.string().trim().min(6).max(64),
  password: z.string().min(1).max(1024),
});

/** The start of enrollment: the secret for typing in, the otpauth URI and the QR code as SVG. */
export const mfaEnrollmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeSvg: z.string(),
});
/** The start of enrollment as the server answers it. */
export type MfaEnrollment = z.infer<typeof mfaEnrollmentSchema>;

/** Fresh recovery codes, shown once. */
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()),
});
/** Fresh recovery codes. */
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** The account's MFA overview. */
export const mfaOverviewSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  enforced: z.boolean(),
  confirmedAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
/** The account's MFA overview. */
export type MfaOverview = z.infer<typeof mfaOverviewSchema>;
