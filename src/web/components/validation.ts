import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/limits';

// Checks before sending, so people get a translated message at once; the server checks again.

/** Roughly an e-mail address: something@something.something, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** True when a new password is too short or too long (the only rules there are). */
export function passwordProblem(value: string): boolean {
  return value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH;
}

/** An address like https://groeiwijzer.school.nl (http or https, no path): what links may start with. */
export function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.pathname === '/' && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}
