/** The closed set of error codes the API can answer with; the UI translates each. */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_request',
  'payload_too_large',
  'unsupported_media_type',
  'not_authenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'rate_limited',
  'invalid_credentials',
  'invalid_token',
  'password_too_common',
  'already_set_up',
  'not_set_up',
  'import_has_errors',
  'mfa_verification_required',
  'mfa_enrollment_required',
  'invalid_mfa_code',
  'mfa_cannot_be_disabled',
  'encryption_unavailable',
  'overloaded',
  'not_shared',
  'internal_error',
] as const;

/** One API error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]> };
}
