// The account pages' API types: the server schemas' exported types (type-only).
export type { AccountSession, EndedSessions } from '../../server/auth/account.schemas';
export type { MfaEnrollment, MfaOverview, RecoveryCodes } from '../../server/auth/mfa.schemas';
