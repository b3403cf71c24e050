import type { Session } from '../../api/api-types';

/** The second sign-in step. */
export const MFA_CODE_PATH = '/inloggen/code';
/** Setting up an authenticator app. */
export const MFA_ENROLLMENT_PATH = '/account/tweestapsverificatie/instellen';
/** The account's two-step verification: status, new recovery codes, turning it off. */
export const MFA_SETTINGS_PATH = '/account/tweestapsverificatie';

/**
 * Where a signed-in session has to go before anything else: the code page while the second step
 * is open, the enrollment page while a role requires MFA that is not set up; null when neither.
 */
export function mfaDetour(session: Session, pathname: string): string | null {
  const status = session.mfa?.status;
  if (status === 'code_needed') return MFA_CODE_PATH;
  if (status === 'enrollment_needed' && pathname !== MFA_ENROLLMENT_PATH) return MFA_ENROLLMENT_PATH;
  return null;
}
