import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS_REFUSED } from '../../shared/plain-text';
import { ApiError } from '../api/api-client';
import { refusedFieldTexts, summaryTitle } from './form-errors';

const WORDS = { fieldMessages: { name: 'Vul een naam in.', currentPassword: 'Vul je huidige wachtwoord in.' }, fallback: '', controlCharacters: 'Geen stuurtekens.' };
const GENERAL = 'Niet alle velden zijn goed ingevuld.';

describe('the words of a refused form', () => {
  it('puts a wrong current password on the current-password field, in the server’s words, keyed by the input id', () => {
    const refusal = new ApiError(400, 'wrong_current_password', 'Dit is niet je huidige wachtwoord.', { 'body.currentPassword': ['wrong_current_password'] });
    const fields = refusedFieldTexts(refusal, { ...WORDS, idPrefix: 'password-change-' });
    expect(fields).toEqual({ 'password-change-currentPassword': 'Dit is niet je huidige wachtwoord.' });
    // The summary does not repeat the field's sentence as its title.
    expect(summaryTitle({ message: refusal.message, fields }, GENERAL)).toBe(GENERAL);
  });

  it('names a duplicate location on the name field instead of the format hint', () => {
    const refusal = new ApiError(409, 'duplicate_location', 'Deze school heeft al een locatie met deze naam. Kies een andere naam.', { 'body.name': ['duplicate'] });
    expect(refusedFieldTexts(refusal, { ...WORDS, idPrefix: 'locatie-' })).toEqual({ 'locatie-name': refusal.message });
  });

  it('keeps the form’s own words for a format refusal, and one wording for control characters', () => {
    const refusal = new ApiError(400, 'validation_failed', GENERAL, { 'body.name': ['too_small'], 'body.title': [CONTROL_CHARACTERS_REFUSED] });
    const fields = refusedFieldTexts(refusal, { ...WORDS, idPrefix: '' });
    expect(fields).toEqual({ name: 'Vul een naam in.', title: 'Geen stuurtekens.' });
    expect(summaryTitle({ message: 'Het bestand bevat fouten.', fields }, GENERAL)).toBe('Het bestand bevat fouten.');
  });

  it('uses the general title when there is no message', () => {
    expect(summaryTitle({ message: null, fields: { name: 'Vul een naam in.' } }, GENERAL)).toBe(GENERAL);
  });
});
