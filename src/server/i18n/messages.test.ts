import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/error-codes';
import { LOCALES } from '../../shared/roles';
import { errorMessage } from './messages';

// The web app shows the server's message for a refusal (api-client.ts sends the interface language as
// Accept-Language), so these texts are what a person reads when something is refused.
describe('error messages', () => {
  it.each(LOCALES)('gives every error code its own %s text, none of them the generic one', (locale) => {
    const generic = new Set([errorMessage('conflict', locale), errorMessage('internal_error', locale), errorMessage('validation_failed', locale)]);
    const seen = new Map<string, string>();
    for (const code of ERROR_CODES) {
      const text = errorMessage(code, locale);
      expect(text, code).toMatch(/\S/);
      if (!['conflict', 'internal_error', 'validation_failed'].includes(code)) expect(generic.has(text), `${code} has a generic text`).toBe(false);
      expect(seen.get(text), `${code} shares its text with ${seen.get(text)}`).toBeUndefined();
      seen.set(text, code);
    }
  });

  it('has a Dutch and an English text that differ for every error code', () => {
    for (const code of ERROR_CODES) expect(errorMessage(code, 'en'), code).not.toBe(errorMessage(code, 'nl'));
  });

  it('says what went wrong for a wrong current password, the last school admin and a duplicate location', () => {
    expect(errorMessage('wrong_current_password', 'nl')).toContain('niet je huidige wachtwoord');
    expect(errorMessage('wrong_current_password', 'nl')).not.toContain('E-mailadres');
    expect(errorMessage('last_school_admin', 'nl')).toContain('minstens één schoolbeheerder');
    expect(errorMessage('duplicate_location', 'nl')).toContain('al een locatie met deze naam');
    expect(errorMessage('duplicate_location', 'en')).toContain('already has a location with this name');
  });
});
