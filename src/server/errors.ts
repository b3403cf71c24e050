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
  import_has_errors: 422,
  mfa_verification_required: 403,
  mfa_enrollment_required: 403,
  invalid_mfa_code: 400,
  mfa_cannot_be_disabled: 409,
  encryption_unavailable: 503,
  overloaded: 503,
  not_shared: 403,
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
