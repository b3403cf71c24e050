import type { ErrorCode } from '../shared/error-codes';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_authenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  invalid_credentials: 401,
  invalid_token: 400,
  password_too_common: 400,
  already_set_up: 409,
  not_set_up: 409,
  demo_not_allowed: 403,
  import_has_errors: 422,
  mfa_verification_required: 403,
  mfa_enrollment_required: 403,
  invalid_mfa_code: 400,
  mfa_cannot_be_disabled: 409,
  encryption_unavailable: 503,
  // The server does not know its own address, so it cannot build a link (see installation/link-base.ts).
  link_base_missing: 503,
  overloaded: 503,
  not_shared: 403,
  self_grant: 403,
  already_member: 409,
  second_person_needed: 403,
  audience_too_small: 400,
  round_still_open: 409,
  round_not_open: 409,
  // 400, not 401: the person is signed in; only the password they typed to confirm is wrong.
  wrong_current_password: 400,
  last_school_admin: 409,
  self_lockout: 409,
  duplicate_location: 409,
  duplicate_class: 409,
  duplicate_aspect_goal: 409,
  model_version_taken: 409,
  reminder_too_soon: 429,
  pupil_number_taken: 409,
  pupil_has_left: 409,
  import_classes_unresolved: 422,
  school_year_already_prepared: 409,
  school_year_started: 409,
  school_year_ended: 409,
  wave_already_open: 409,
  wave_not_open: 409,
  wave_not_closed: 409,
  instrument_version_taken: 409,
  already_trusted_adult: 409,
  break_glass_not_needed: 409,
  ace_category_in_use: 409,
  conversations_already_planned: 409,
  conversation_already_held: 409,
  // The conversation is a colleague's: its note is theirs, so only they change or remove it.
  not_own_conversation: 403,
  // A teacher changes or removes only the parent contacts they recorded (the care team any).
  not_own_contact: 403,
  meldcode_case_closed: 409,
  sociogram_already_open: 409,
  sociogram_closed: 409,
  sociogram_still_open: 409,
  // The school has not switched on "rather not" questions.
  negative_questions_off: 403,
  parent_link_invalid: 410,
  parent_email_missing: 409,
  parent_excluded: 409,
  parent_questionnaire_open: 409,
  parent_consent_needed: 409,
  parent_requests_limit: 409,
  // Onboarding: only the location's chef-buddy pairs; only the newcomer and the buddy work in a ramp.
  not_chef_buddy: 403,
  not_in_pair: 403,
  newcomer_already_paired: 409,
  evaluation_submitted: 409,
  evaluation_not_open: 409,
  pulse_not_open: 409,
  pulse_already_answered: 409,
  pulse_overlaps: 409,
  pulse_already_started: 409,
  competence_profile_version_taken: 409,
  // A completed self-assessment is kept as it was (growth over time); a new one starts from it.
  assessment_completed: 409,
  // An intervision theme or note names a pupil while the care team does not run the session.
  pupil_name_in_text: 400,
  // Only a care-team member marks a session as run by the care team.
  care_team_run_not_allowed: 403,
  // School sign-in (auth/sso.*): the board signs its staff in through its provider only.
  sso_required: 403,
  // No board has school sign-in for the address's domain.
  sso_not_available: 404,
  // What the provider vouched for does not lead to an account here: wrong domain, unverified address, no account.
  sso_email_not_allowed: 403,
  sso_email_unverified: 403,
  sso_no_account: 403,
  // The provider's answer did not hold up (state, PKCE, nonce, signature, audience) or it refused the sign-in.
  sso_failed: 401,
  // The sign-in attempt ran out, was used already or belongs to another browser.
  sso_expired: 400,
  // An e-mail domain leads to one board's provider only.
  sso_domain_taken: 409,
  internal_error: 500,
};

/** The one error type of the application: a code from a closed set, optional field errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string[]> | undefined;

  constructor(code: ErrorCode, options: { fields?: Record<string, string[]>; cause?: unknown; detail?: string } = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
  }

  /** The HTTP status this error maps to. */
  get statusCode(): number {
    return httpStatusOf(this.code);
  }
}

/** Maps an error code to its HTTP status. */
export function httpStatusOf(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}
