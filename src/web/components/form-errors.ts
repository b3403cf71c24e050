import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CONTROL_CHARACTERS_REFUSED } from '../../shared/plain-text';
import { ApiError } from '../api/api-client';

/** What went wrong with a form: one message for the whole form, and one per field (keyed by the input's id). */
export interface FormErrors {
  message: string | null;
  fields: Record<string, string>;
}

const NONE: FormErrors = { message: null, fields: {} };

/**
 * Errors of one form. Client checks give translated per-field messages; a server refusal gives
 * the server's message (already in the user's language) and marks the fields it names.
 */
export function useFormErrors(idPrefix = '') {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NONE);

  const clear = useCallback(() => setErrors(NONE), []);

  /** Sets client-side field errors (keyed by input id); returns true when there were none. */
  const check = useCallback((fields: Record<string, string | null | false | undefined>, message: string): boolean => {
    const found: Record<string, string> = {};
    for (const [name, text] of Object.entries(fields)) if (text) found[name] = text;
    if (Object.keys(found).length === 0) {
      setErrors(NONE);
      return true;
    }
    setErrors({ message, fields: found });
    return false;
  }, []);

  /** Shows a failed request; `fieldMessages` says in words what a refused field needs. */
  const fromError = useCallback((error: unknown, fieldMessages: Record<string, string> = {}, fallback = '') => {
    if (!(error instanceof ApiError)) {
      setErrors({ message: error instanceof Error ? error.message : String(error), fields: {} });
      return;
    }
    const fields = refusedFieldTexts(error, { idPrefix, fieldMessages, fallback, controlCharacters: controlCharactersMessage(t) });
    setErrors({ message: error.message, fields });
  }, [idPrefix, t]);

  return { errors, clear, check, fromError };
}

/**
 * The text per refused field of a server refusal, keyed by input id (`idPrefix` + the body field's name;
 * "classIds.2" is about the field classIds). A field refused by a rule of its own (a password too common, a
 * wrong current password, a name already in use, the last school admin) gets the server's words for that rule;
 * `fieldMessages` describe the form's own format checks. A line break or an invisible control character is
 * refused the same way in every text field, so it is named the same way.
 */
export function refusedFieldTexts(
  error: ApiError,
  words: { idPrefix: string; fieldMessages: Record<string, string>; fallback: string; controlCharacters: string },
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, reasons] of Object.entries(error.fields)) {
    const name = key.replace(/^body\./, '');
    const field = name.split('.')[0] ?? name;
    const text = reasons.includes(CONTROL_CHARACTERS_REFUSED)
      ? words.controlCharacters
      : error.code !== 'validation_failed'
        ? error.message
        : (words.fieldMessages[field] ?? words.fallback);
    if (text) fields[`${words.idPrefix}${field}`] = text;
  }
  return fields;
}

/**
 * The first line of an error summary: the form's message, unless a field's own line already says the same
 * (then `general`, so the summary never shows one sentence twice).
 */
export function summaryTitle(errors: FormErrors, general: string): string {
  if (errors.message === null || Object.values(errors.fields).includes(errors.message)) return general;
  return errors.message;
}

/**
 * Words for failed requests of forms that show one message: the server's message, or — when a text field was
 * refused for a control character — what is wrong with it. `reason` translates one per-field reason the same way.
 */
export function useRefusalWords() {
  const { t } = useTranslation();
  return {
    failure: (failure: unknown): string => {
      if (!(failure instanceof ApiError)) return failure instanceof Error ? failure.message : String(failure);
      const hasControlCharacters = Object.values(failure.fields).some((reasons) => reasons.includes(CONTROL_CHARACTERS_REFUSED));
      return hasControlCharacters ? controlCharactersMessage(t) : failure.message;
    },
    reason: (reason: string): string => (reason === CONTROL_CHARACTERS_REFUSED ? controlCharactersMessage(t) : reason),
  };
}

// One wording for every text field: single-line fields refuse line breaks, every field refuses invisible controls.
function controlCharactersMessage(t: TFunction): string {
  return t('Dit veld bevat een teken dat hier niet mag, zoals een regeleinde in een naam of een onzichtbaar stuurteken. Typ de tekst opnieuw in plaats van hem te plakken.');
}
