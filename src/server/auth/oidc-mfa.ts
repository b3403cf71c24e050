// Whether an ID token says the person passed more than one factor at the provider (RFC 8176 `amr` values, or an
// `acr` that names multi-factor). Then Groeiwijzer does not ask its own code as well; anything less — a password
// alone, no claim at all (Google sends none) — leaves the two-step verification to Groeiwijzer.

/** `amr` values that stand for a second factor (or a key that is one and needs the device): RFC 8176. */
export const MFA_AMR_VALUES: readonly string[] = ['mfa', 'otp', 'hwk', 'swk', 'sms', 'tel', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm'];

// e.g. "http://schemas.openid.net/pape/policies/2007/06/multi-factor", "urn:…:mfa", "…:2fa".
const MFA_ACR = /multi-?factor|(^|[^a-z])(mfa|2fa)([^a-z]|$)/i;

/** True when the ID token's `amr` or `acr` claim says the provider checked more than a password. */
export function providerDidMfa(claims: { amr?: unknown; acr?: unknown }): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [];
  if (amr.some((value) => MFA_AMR_VALUES.includes(value.toLowerCase()))) return true;
  return typeof claims.acr === 'string' && MFA_ACR.test(claims.acr);
}
