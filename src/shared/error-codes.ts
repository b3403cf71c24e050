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
  'demo_not_allowed',
  'import_has_errors',
  'mfa_verification_required',
  'mfa_enrollment_required',
  'invalid_mfa_code',
  'mfa_cannot_be_disabled',
  'encryption_unavailable',
  'link_base_missing',
  'overloaded',
  'not_shared',
  'self_grant',
  'already_member',
  'second_person_needed',
  'audience_too_small',
  'round_still_open',
  'round_not_open',
  'wrong_current_password',
  'last_school_admin',
  'self_lockout',
  'duplicate_location',
  'duplicate_class',
  'duplicate_aspect_goal',
  'model_version_taken',
  'reminder_too_soon',
  'pupil_number_taken',
  'pupil_has_left',
  'import_classes_unresolved',
  'school_year_already_prepared',
  'school_year_started',
  'school_year_ended',
  'wave_already_open',
  'wave_not_open',
  'internal_error',
] as const;

/** One API error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]> };
}
